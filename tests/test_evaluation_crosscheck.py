"""Cross-checks against seqeval and nervaluate on real text: the Shifeng 2023 gold annotation and a
deterministically perturbed copy of it (spans dropped, boundaries shifted, labels changed, spans added)
used as predictions; plus randomly generated span sets (hypothesis).
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nervaluate import Evaluator
from seqeval.metrics import f1_score, precision_score, recall_score
from seqeval.scheme import IOB2

from evaluation import load_jsonl, score, to_bio
from evaluation.matching import MODES, NERVALUATE_NAME, match
from evaluation.spans import Span, spans_of
from pipeline.schema import SPAN_LABELS

REPO = Path(__file__).resolve().parents[1]
GOLD_PATH = REPO / "tests" / "data" / "shifeng-2023.gold.jsonl"
SHARED_GOLD = Path("/work/shared/examples/shifeng-2023.gold.jsonl")
FIELDS = ("correct", "incorrect", "partial", "missed", "spurious")


def gold_records() -> list[dict]:
    if not GOLD_PATH.exists() and SHARED_GOLD.exists():
        GOLD_PATH.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SHARED_GOLD, GOLD_PATH)
    return load_jsonl(GOLD_PATH)


def _free(taken: list[tuple[int, int]], start: int, end: int, me: int) -> bool:
    return all(end <= s or start >= e for i, (s, e) in enumerate(taken) if i != me)


def perturb(record: dict) -> dict:
    """A flat, deterministic "prediction": every 7th span dropped, others shrunk, extended, relabelled,
    or relabelled and shrunk, by position; spurious spans added in gaps; relations kept where both
    ends survive, every 5th dropped, one reversed."""
    text = record["text"]
    ents = sorted(copy.deepcopy(record["entities"]), key=lambda e: e["start_offset"])
    taken = [(e["start_offset"], e["end_offset"]) for e in ents]
    out = []
    for i, e in enumerate(ents):
        s, t = e["start_offset"], e["end_offset"]
        other = SPAN_LABELS[(SPAN_LABELS.index(e["label"]) + 1) % len(SPAN_LABELS)]
        kind = i % 7
        if kind == 0:
            taken[i] = (-1, -1)
            continue  # dropped -> missed
        if kind == 1 and t - s > 1:
            s += 1  # boundary shift
        elif kind == 2:
            e["label"] = other
        elif kind == 3 and t < len(text) and _free(taken, s, t + 1, i):
            t += 1  # extended into a free character
        elif kind == 4 and t - s > 1:
            e["label"], t = other, t - 1
        taken[i] = (s, t)
        e.update(start_offset=s, end_offset=t, text=text[s:t])
        out.append(e)
    # Spurious spans: two characters right after every 9th span when free.
    next_id = max(e["id"] for e in ents) + 1
    for e in ents[::9]:
        s = e["end_offset"] + 1
        if s + 2 <= len(text) and _free(taken, s, s + 2, -1) and text[s : s + 2].strip():
            out.append({"id": next_id, "label": "LOC", "start_offset": s, "end_offset": s + 2, "text": text[s : s + 2]})
            taken.append((s, s + 2))
            next_id += 1
    kept = {e["id"] for e in out}
    rels = [copy.deepcopy(r) for r in record["relations"] if r["from_id"] in kept and r["to_id"] in kept]
    rels = [r for i, r in enumerate(rels) if i % 5 != 4]
    if rels:
        rels[0]["from_id"], rels[0]["to_id"] = rels[0]["to_id"], rels[0]["from_id"]
    return {**record, "entities": out, "relations": rels}


@pytest.fixture(scope="module")
def pair() -> tuple[list[dict], list[dict]]:
    gold = gold_records()
    return gold, [perturb(r) for r in gold]


def test_perturbation_is_real(pair: tuple[list[dict], list[dict]]) -> None:
    gold, pred = pair
    res = score(gold, pred)
    counts = res["entities"]["strict"]["micro"]
    # The perturbed copy exercises every category and is itself flat and consistent.
    assert counts["correct"] and counts["incorrect"] and counts["missed"] and counts["spurious"]
    assert res["entities"]["partial"]["micro"]["partial"] > 0
    assert all(v for v in res["errors"]["counts"].values())
    from evaluation import validate_records

    # Relabelling makes some relations break the label schema; nothing else may be wrong.
    assert [p for p in validate_records(pred, "pred") if p.is_error and "is not allowed" not in p.message] == []
    json.dumps(res)  # the result is plain JSON


def _seqeval(gold: list[dict], pred: list[dict]) -> tuple[float, float, float]:
    y_true = [to_bio(r)[1] for r in gold]
    by_id = {r["id"]: r for r in pred}
    y_pred = [to_bio(by_id[r["id"]])[1] for r in gold]
    kw = {"mode": "strict", "scheme": IOB2, "zero_division": 0}
    return precision_score(y_true, y_pred, **kw), recall_score(y_true, y_pred, **kw), f1_score(y_true, y_pred, **kw)


def test_strict_micro_equals_seqeval(pair: tuple[list[dict], list[dict]]) -> None:
    gold, pred = pair
    micro = score(gold, pred)["entities"]["strict"]["micro"]
    p, r, f = _seqeval(gold, pred)
    assert (micro["precision"], micro["recall"], micro["f1"]) == pytest.approx((p, r, f), abs=1e-12)
    assert micro["f1"] < 1.0


def _nervaluate(gold: list[list[Span]], pred: list[list[Span]]) -> dict:
    """nervaluate 1.2.1 on the same spans, in the same (position) order; its ends are inclusive."""

    def docs(spans: list[list[Span]]) -> list[list[dict]]:
        return [[{"label": s.label, "start": s.start, "end": s.end - 1} for s in sorted(doc)] for doc in spans]

    return Evaluator(docs(gold), docs(pred), tags=list(SPAN_LABELS), loader="dict").evaluate()


def _assert_same_as_nervaluate(res: dict, nerv: dict, labels: set[str]) -> None:
    for mode in MODES:
        name = NERVALUATE_NAME[mode]
        ours = res["entities"][mode]
        theirs = nerv["overall"][name]
        assert {f: ours["micro"][f] for f in FIELDS} == {f: getattr(theirs, f) for f in FIELDS}, mode
        assert (ours["micro"]["precision"], ours["micro"]["recall"], ours["micro"]["f1"]) == pytest.approx(
            (theirs.precision, theirs.recall, theirs.f1), abs=1e-12
        )
        assert set(ours["per_label"]) == labels
        for label in labels:
            t = nerv["entities"][label][name]
            assert {f: ours["per_label"][label][f] for f in FIELDS} == {f: getattr(t, f) for f in FIELDS}, (mode, label)
            assert ours["per_label"][label]["f1"] == pytest.approx(t.f1, abs=1e-12)


def test_modes_equal_nervaluate_on_real_text(pair: tuple[list[dict], list[dict]]) -> None:
    gold, pred = pair
    res = score(gold, pred)
    nerv = _nervaluate([spans_of(r) for r in gold], [spans_of(r) for r in pred])
    labels = {e["label"] for r in gold + pred for e in r["entities"]}
    _assert_same_as_nervaluate(res, nerv, labels)


# Random flat span sets over a 60-character made-up text: ≤ 12 characters a span keeps every overlap
# above nervaluate's 1% minimum, so its counts and ours must agree exactly.
LENGTH = 60


@st.composite
def flat_spans(draw: st.DrawFn) -> list[Span]:
    cuts = sorted(draw(st.sets(st.integers(0, LENGTH), max_size=16)))
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        if b - a <= 12 and draw(st.booleans()):
            spans.append(Span(a, b, draw(st.sampled_from(["ORG", "LOC", "FIG"]))))
    return spans


def _record(spans: list[Span]) -> dict:
    text = "甲" * LENGTH
    ents = [
        {"id": i, "label": s.label, "start_offset": s.start, "end_offset": s.end, "text": text[s.start : s.end]}
        for i, s in enumerate(spans)
    ]
    return {"id": "r", "text": text, "entities": ents, "relations": []}


@settings(max_examples=300, deadline=None)
@given(gold=flat_spans(), pred=flat_spans())
def test_modes_equal_nervaluate_on_random_spans(gold: list[Span], pred: list[Span]) -> None:
    if not gold and not pred:
        return
    res = score([_record(gold)], [_record(pred)])
    labels = {s.label for s in gold + pred}
    _assert_same_as_nervaluate(res, _nervaluate([gold], [pred]), labels)
    p, r, f = _seqeval([_record(gold)], [_record(pred)])
    micro = res["entities"]["strict"]["micro"]
    assert (micro["precision"], micro["recall"], micro["f1"]) == pytest.approx((p, r, f), abs=1e-12)


@settings(max_examples=200, deadline=None)
@given(gold=flat_spans(), pred=flat_spans())
def test_mode_ordering_invariants(gold: list[Span], pred: list[Span]) -> None:
    """strict hits <= exact hits <= partial credit, strict <= label_only; counts cover every span once."""
    c = {m: match(gold, pred, m) for m in MODES}
    for counts in c.values():
        assert counts.correct + counts.incorrect + counts.partial + counts.spurious == len(pred)
        assert counts.correct + counts.incorrect + counts.partial + counts.missed == len(gold)
    assert c["strict"].correct <= c["exact"].correct <= c["partial"].correct + c["partial"].partial
    assert c["strict"].correct <= c["label_only"].correct


def test_to_bio_real_gold() -> None:
    rec = gold_records()[0]
    chars, tags = to_bio(rec)
    assert "".join(chars) == rec["text"] and len(tags) == len(chars)
    assert sum(t.startswith("B-") for t in tags) == len(rec["entities"])
    first = min(rec["entities"], key=lambda e: e["start_offset"])
    assert tags[first["start_offset"]] == f"B-{first['label']}"
    assert tags[first["start_offset"] + 1] == f"I-{first['label']}"


def test_to_bio_whitespace_and_overlap() -> None:
    # Made-up: whitespace characters get tags too; an overlapping later span keeps only its tail.
    rec = {
        "id": "x",
        "text": "a b cd",
        "entities": [
            {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 3, "text": "a b"},
            {"id": 2, "label": "LOC", "start_offset": 2, "end_offset": 5, "text": "b c"},
        ],
        "relations": [],
    }
    assert to_bio(rec) == (list("a b cd"), ["B-ORG", "I-ORG", "I-ORG", "B-LOC", "I-LOC", "O"])
