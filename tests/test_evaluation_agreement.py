"""agreement: span F1, relation F1 and character-level Cohen's kappa between two annotators."""

from __future__ import annotations

import copy
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from evaluation import agreement, load_jsonl, to_bio

REPO = Path(__file__).resolve().parents[1]
GOLD_PATH = REPO / "tests" / "data" / "shifeng-2023.gold.jsonl"


def kappa_by_hand(a: list[str], b: list[str]) -> float:
    """(p_o - p_e) / (1 - p_e) from the two tag distributions, written out independently of sklearn."""
    n = len(a)
    p_o = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = Counter(a), Counter(b)
    p_e = sum(ca[t] * cb[t] for t in ca.keys() | cb.keys()) / (n * n)
    return (p_o - p_e) / (1 - p_e)


def test_identical_files_agree_perfectly() -> None:
    gold = load_jsonl(GOLD_PATH)
    res = agreement(gold, copy.deepcopy(gold))
    assert res["kappa"] == 1.0
    assert res["observed_agreement"] == 1.0
    assert res["spans"]["micro"]["f1"] == 1.0
    assert all(r["f1"] == 1.0 for r in res["spans"]["per_label"].values())
    assert res["relations"]["strict"]["micro"]["f1"] == 1.0
    assert res["documents"] == {"shared": 1, "characters": len(gold[0]["text"])}


def test_perturbed_copy_on_real_text() -> None:
    gold = load_jsonl(GOLD_PATH)
    other = copy.deepcopy(gold)
    doc = other[0]
    # Annotator B leaves out every 10th span (16 of 152) and the relations touching them.
    dropped = {e["id"] for i, e in enumerate(doc["entities"]) if i % 10 == 0}
    doc["entities"] = [e for e in doc["entities"] if e["id"] not in dropped]
    doc["relations"] = [r for r in doc["relations"] if r["from_id"] not in dropped and r["to_id"] not in dropped]
    n, k = 152, len(dropped)
    kept_rels = len(doc["relations"])
    assert k == 16 and kept_rels < 51

    res = agreement(gold, other)
    # B's spans are all in A: P = 1, R = (n - k) / n, F1 = 2(n - k) / (2n - k).
    micro = res["spans"]["micro"]
    assert (micro["correct"], micro["missed"], micro["spurious"]) == (n - k, k, 0)
    assert micro["f1"] == pytest.approx(float(Fraction(2 * (n - k), 2 * n - k)))
    assert micro["f1"] < 1.0
    rels = res["relations"]["strict"]["micro"]
    assert rels["f1"] == pytest.approx(float(Fraction(2 * kept_rels, 51 + kept_rels)))
    tags_a, tags_b = to_bio(gold[0])[1], to_bio(doc)[1]
    assert res["kappa"] == pytest.approx(kappa_by_hand(tags_a, tags_b), abs=1e-12)
    assert 0.5 < res["kappa"] < 1.0
    same = sum(a == b for a, b in zip(tags_a, tags_b, strict=True))
    assert res["observed_agreement"] == pytest.approx(same / len(tags_a))


def test_kappa_tiny_case_by_hand() -> None:
    # Made-up four characters. A: 甲乙 ORG -> B I O O; B: 甲 ORG -> B O O O.
    # p_o = 3/4; p_e = (1/4)(1/4) [B] + (1/4)(0) [I] + (2/4)(3/4) [O] = 7/16; kappa = (5/16) / (9/16) = 5/9.
    a = {"id": "t", "text": "甲乙丙丁", "relations": []}
    a["entities"] = [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 2, "text": "甲乙"}]
    b = {**a, "entities": [{"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 1, "text": "甲"}]}
    res = agreement([a], [b])
    assert res["kappa"] == pytest.approx(5 / 9)
    assert res["observed_agreement"] == pytest.approx(3 / 4)
    assert res["spans"]["micro"]["f1"] == 0.0  # no span with identical boundaries


def test_only_shared_documents_are_compared() -> None:
    a = {"id": "one", "text": "甲乙", "entities": [], "relations": []}
    b = {"id": "two", "text": "丙丁", "entities": [], "relations": []}
    res = agreement([a, b], [{**a}])
    assert res["documents"]["shared"] == 1
    assert res["warnings"] == ["two: only in file A; not compared"]
    assert res["kappa"] == 1.0  # all O on both sides: identical, though sklearn alone would give nan
    with pytest.raises(ValueError, match="no document id in common"):
        agreement([a], [b])
