"""Hand-computed scores on tiny made-up snippets (not from any real report), one per scoring rule.

Each expected number is worked out by hand in the comments next to it, from the rule in the module
docstrings of evaluation.matching / relations / figures / errors / metrics.
"""

from __future__ import annotations

from fractions import Fraction

import numpy as np
import pytest

from evaluation import compare, score
from evaluation.bootstrap import paired_p_value, percentile_ci, resample_weights
from evaluation.matching import match
from evaluation.metrics import Counts
from evaluation.spans import Span, sentence_bounds


def make_doc(doc_id: str, text: str, spans: list[tuple], relations: list[tuple] = ()) -> dict:
    """A record from (id, label, surface, occurrence=0[, extra keys]) spans located by their surface text."""
    entities = []
    for item in spans:
        ent_id, label, surface, *rest = item
        nth = rest[0] if rest else 0
        extra = rest[1] if len(rest) > 1 else {}
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        entities.append(
            {"id": ent_id, "label": label, "start_offset": start, "end_offset": start + len(surface), "text": surface}
            | extra
        )
    rels = [{"id": i, "from_id": h, "to_id": t, "type": ty} for i, (h, t, ty) in enumerate(relations, start=1)]
    return {"id": doc_id, "text": text, "entities": entities, "relations": rels}


def close(x: float, fraction: Fraction) -> bool:
    return x == pytest.approx(float(fraction), abs=1e-12)


# --- entity modes ---------------------------------------------------------------------------------
# Made-up snippet. Six gold spans; five predictions, each hitting one matching rule:
#   P1 ORG 区政府        same boundaries, same label       (G1)
#   P2 ORG 中车天力锻业  same boundaries, other label      (G2 is ENT)
#   P3 ACH 国家级        shorter, same label                (G3 ACH 国家级名单)
#   P4 FIG 地区生产      shorter, other label               (G4 IND 地区生产总值)
#   P5 IND 增长          overlaps nothing                   -> spurious
#   G5 FIG 5%左右 and G6 PROJ 双碳产业园 are not predicted  -> missed
TEXT = "区政府推动中车天力锻业入选国家级名单；双碳产业园开工；地区生产总值增长5%左右。"
GOLD = make_doc(
    "made-up-1",
    TEXT,
    [
        (1, "ORG", "区政府"),
        (2, "ENT", "中车天力锻业"),
        (3, "ACH", "国家级名单"),
        (4, "IND", "地区生产总值"),
        (5, "FIG", "5%左右"),
        (6, "PROJ", "双碳产业园"),
    ],
)
PRED = make_doc(
    "made-up-1",
    TEXT,
    [
        (1, "ORG", "区政府"),
        (2, "ORG", "中车天力锻业"),
        (3, "ACH", "国家级"),
        (4, "FIG", "地区生产"),
        (5, "IND", "增长"),
    ],
)

# 5 predicted, 6 gold, so for every mode P = hits/5, R = hits/6 and F1 = 2*hits/11.
EXPECTED_MICRO = {
    # mode: (correct, incorrect, partial, missed, spurious, P, R, F1)
    "strict": (1, 3, 0, 2, 1, Fraction(1, 5), Fraction(1, 6), Fraction(2, 11)),  # only P1
    "exact": (2, 2, 0, 2, 1, Fraction(2, 5), Fraction(2, 6), Fraction(4, 11)),  # P1, P2
    "partial": (2, 0, 2, 2, 1, Fraction(3, 5), Fraction(3, 6), Fraction(6, 11)),  # P1, P2 + half of P3, P4
    "label_only": (2, 2, 0, 2, 1, Fraction(2, 5), Fraction(2, 6), Fraction(4, 11)),  # P1, P3
}


@pytest.fixture(scope="module")
def result() -> dict:
    return score([GOLD], [PRED])


@pytest.mark.parametrize("mode", list(EXPECTED_MICRO))
def test_entity_micro_by_hand(result: dict, mode: str) -> None:
    c, i, p, m, s, precision, recall, f1 = EXPECTED_MICRO[mode]
    micro = result["entities"][mode]["micro"]
    assert (micro["correct"], micro["incorrect"], micro["partial"], micro["missed"], micro["spurious"]) == (
        c,
        i,
        p,
        m,
        s,
    )
    assert (micro["actual"], micro["possible"]) == (5, 6)
    assert close(micro["precision"], precision)
    assert close(micro["recall"], recall)
    assert close(micro["f1"], f1)


def test_entity_per_label_and_macro_by_hand(result: dict) -> None:
    strict = result["entities"]["strict"]
    # Per label only that label's spans are matched. ORG: gold {区政府}, pred {区政府, 中车天力锻业}
    # -> 1 correct, 1 spurious: P 1/2, R 1, F1 2/3. Every other label has no strict hit.
    org = strict["per_label"]["ORG"]
    assert (org["correct"], org["spurious"], org["missed"]) == (1, 1, 0)
    assert close(org["f1"], Fraction(2, 3))
    assert set(strict["per_label"]) == {"ORG", "ENT", "PROJ", "IND", "FIG", "ACH"}
    # ACH alone: 国家级 vs 国家级名单 overlaps with other boundaries -> incorrect.
    assert strict["per_label"]["ACH"]["incorrect"] == 1
    # macro over the 6 labels present: P = (1/2)/6, R = 1/6, F1 = (2/3)/6 = 1/9.
    assert close(strict["macro"]["precision"], Fraction(1, 12))
    assert close(strict["macro"]["recall"], Fraction(1, 6))
    assert close(strict["macro"]["f1"], Fraction(1, 9))
    # label_only: ACH becomes a hit (same label, overlapping): F1 1; macro = (2/3 + 1)/6 = 5/18.
    label_only = result["entities"]["label_only"]
    assert close(label_only["per_label"]["ACH"]["f1"], Fraction(1))
    assert close(label_only["macro"]["f1"], Fraction(5, 18))
    # partial per label ACH: one partial match -> P = R = 0.5.
    assert close(result["entities"]["partial"]["per_label"]["ACH"]["f1"], Fraction(1, 2))


def test_error_analysis_by_hand(result: dict) -> None:
    kinds = {(e["kind"], (e["gold"] or e["pred"])["text"]) for e in result["errors"]["items"]}
    assert kinds == {
        ("wrong_label", "中车天力锻业"),
        ("wrong_boundary", "国家级名单"),
        ("wrong_label_and_boundary", "地区生产总值"),
        ("missed", "5%左右"),
        ("missed", "双碳产业园"),
        ("spurious", "增长"),
    }
    assert result["errors"]["counts"] == {
        "missed": 2,
        "spurious": 1,
        "wrong_label": 1,
        "wrong_boundary": 1,
        "wrong_label_and_boundary": 1,
    }
    spurious = next(e for e in result["errors"]["items"] if e["kind"] == "spurious")
    # The sentence lies between the enders "；" and "。".
    assert spurious["sentence"] == "地区生产总值增长5%左右"
    assert TEXT[spurious["sentence_start"] :].startswith("地区生产总值")
    matrix = result["confusion"]["matrix"]
    assert result["confusion"]["labels"][-1] == "O"
    nonzero = {(g, p): n for g, row in matrix.items() for p, n in row.items() if n}
    assert nonzero == {
        ("ORG", "ORG"): 1,
        ("ENT", "ORG"): 1,
        ("ACH", "ACH"): 1,
        ("IND", "FIG"): 1,
        ("FIG", "O"): 1,
        ("PROJ", "O"): 1,
        ("O", "IND"): 1,
    }


def test_alignment_prefers_largest_overlap() -> None:
    # Made-up: one prediction straddles two gold spans; the larger overlap (3 chars of 区人民政府) wins,
    # the other gold span is missed.
    text = "区委区人民政府"
    gold = make_doc("d", text, [(1, "ORG", "区委"), (2, "ORG", "区人民政府")])
    pred = make_doc("d", text, [(1, "ORG", "委区人民")])
    errors = score([gold], [pred])["errors"]["items"]
    assert {(e["kind"], e["gold"]["text"]) for e in errors} == {("wrong_boundary", "区人民政府"), ("missed", "区委")}


def test_partial_and_label_only_pick_like_nervaluate() -> None:
    # Made-up offsets. Gold A [0,4) ORG, B [4,8) ORG; pred [2,6) ORG straddles both (2 chars each).
    gold = [Span(0, 4, "ORG"), Span(4, 8, "ORG")]
    pred = [Span(2, 6, "ORG")]
    # label_only: equal distances (2+2 each) -> the first gold span; the other is missed.
    assert match(gold, pred, "label_only") == Counts(correct=1, missed=1)
    # partial: first overlapping gold span -> partial; P = R = 0.5 * 1 / (1 or 2).
    assert match(gold, pred, "partial") == Counts(partial=1, missed=1)
    # strict / exact: the first overlapping gold span becomes "incorrect".
    assert match(gold, pred, "strict") == Counts(incorrect=1, missed=1)
    assert match(gold, pred, "exact") == Counts(incorrect=1, missed=1)
    # Adjacent is not overlapping: [4,6) touches [0,4) only at the boundary.
    assert match([Span(0, 4, "ORG")], [Span(4, 6, "ORG")], "partial") == Counts(missed=1, spurious=1)


def test_empty_inputs_score_zero() -> None:
    empty = {"id": "e", "text": "无", "entities": [], "relations": []}
    res = score([empty], [empty])
    assert res["entities"]["strict"]["micro"]["f1"] == 0.0
    assert res["entities"]["strict"]["macro"]["f1"] == 0.0
    assert res["entities"]["strict"]["per_label"] == {}


# --- relations ------------------------------------------------------------------------------------
# Made-up snippet. Gold: 中车株机 -HAS_INDICATOR-> 产值 -HAS_VALUE-> 300亿元; 天桥起重 -ACHIEVED-> 示范企业.
REL_TEXT = "中车株机实现产值300亿元，天桥起重获评国家技术创新示范企业。"
REL_GOLD = make_doc(
    "made-up-2",
    REL_TEXT,
    [
        (1, "ENT", "中车株机"),
        (2, "IND", "产值"),
        (3, "FIG", "300亿元"),
        (4, "ENT", "天桥起重"),
        (5, "ACH", "国家技术创新示范企业"),
    ],
    [(1, 2, "HAS_INDICATOR"), (2, 3, "HAS_VALUE"), (4, 5, "ACHIEVED")],
)
REL_PRED = make_doc(
    "made-up-2",
    REL_TEXT,
    [
        (1, "ENT", "中车株机"),
        (2, "IND", "产值"),
        (3, "FIG", "300亿"),
        (4, "ENT", "天桥起重"),
        (5, "ACH", "国家技术创新示范"),
    ],
    [
        (1, 2, "HAS_INDICATOR"),  # identical -> strict and relaxed hit
        (2, 3, "HAS_VALUE"),  # tail 300亿 overlaps 300亿元 -> relaxed hit only
        (5, 4, "ACHIEVED"),  # reversed direction -> miss in both
        (1, 3, "HAS_VALUE"),  # head 中车株机 does not overlap 产值 -> spurious in both
    ],
)


def test_relations_by_hand() -> None:
    rel = score([REL_GOLD], [REL_PRED])["relations"]
    strict, relaxed = rel["strict"]["micro"], rel["relaxed"]["micro"]
    # strict: tp 1 of 4 predicted, 3 gold: P 1/4, R 1/3, F1 2/7.
    assert (strict["correct"], strict["spurious"], strict["missed"]) == (1, 3, 2)
    assert close(strict["precision"], Fraction(1, 4))
    assert close(strict["recall"], Fraction(1, 3))
    assert close(strict["f1"], Fraction(2, 7))
    # relaxed: tp 2: P 1/2, R 2/3, F1 4/7.
    assert (relaxed["correct"], relaxed["spurious"], relaxed["missed"]) == (2, 2, 1)
    assert close(relaxed["f1"], Fraction(4, 7))
    # per type: HAS_INDICATOR 1/1; HAS_VALUE strict 0 of 2 vs 1, relaxed 1 of 2 vs 1 -> F1 2/3; ACHIEVED 0.
    assert close(rel["strict"]["per_type"]["HAS_INDICATOR"]["f1"], Fraction(1))
    assert rel["strict"]["per_type"]["HAS_VALUE"]["f1"] == 0.0
    assert close(rel["relaxed"]["per_type"]["HAS_VALUE"]["f1"], Fraction(2, 3))
    assert rel["relaxed"]["per_type"]["ACHIEVED"]["f1"] == 0.0


def test_relaxed_never_below_strict_and_one_to_one() -> None:
    # Made-up: two predicted copies of one gold relation count once; the copy is a false positive.
    pred = make_doc(
        "made-up-2",
        REL_TEXT,
        [(1, "ENT", "中车株机"), (2, "IND", "产值")],
        [(1, 2, "HAS_INDICATOR"), (1, 2, "HAS_INDICATOR")],
    )
    rel = score([REL_GOLD], [pred])["relations"]
    for mode in ("strict", "relaxed"):
        assert rel[mode]["per_type"]["HAS_INDICATOR"]["correct"] == 1
        assert rel[mode]["per_type"]["HAS_INDICATOR"]["spurious"] == 1


# --- FIG value agreement -------------------------------------------------------------------------
def test_figure_value_agreement_by_hand() -> None:
    # Made-up snippet; gold carries normalisation on two of three FIGs.
    text = "完成减税降费28.26亿元，新增企业29家，增长5%左右。"
    gold = make_doc(
        "made-up-3",
        text,
        [
            (1, "FIG", "28.26亿元", 0, {"value": 2826000000.0, "unit": "元"}),
            (2, "FIG", "29家", 0, {"value": 29.0, "unit": "家"}),
            (3, "FIG", "5%左右"),  # no value key: not comparable
        ],
    )
    pred = make_doc(
        "made-up-3",
        text,
        [
            (1, "FIG", "28.26亿元", 0, {"value": 2826000000.0 * (1 + 1e-12), "unit": "元"}),  # within 1e-9
            (2, "FIG", "29家", 0, {"value": 30.0, "unit": "家"}),  # value off, unit right
            (3, "FIG", "5%左右", 0, {"value": 5.0, "unit": "%"}),
        ],
    )
    figs = score([gold], [pred])["figures"]
    assert figs["strict_pairs"] == 3
    assert figs["fields"]["value"] == {"comparable": 2, "agree": 1, "rate": 0.5}
    assert figs["fields"]["unit"] == {"comparable": 2, "agree": 2, "rate": 1.0}
    assert figs["fields"]["qualifier"]["comparable"] == 0
    mismatches = [(m["text"], m["field"], m["gold"], m["pred"]) for m in figs["mismatches"]]
    assert mismatches == [("29家", "value", 29.0, 30.0)]


def test_figure_value_tolerance_edges() -> None:
    from evaluation.figures import values_agree

    assert values_agree(100.0, 100.0 + 1e-8)  # 1e-10 relative
    assert not values_agree(100.0, 100.0 + 1e-6)  # 1e-8 relative
    assert values_agree(0.0, 0.0) and not values_agree(0.0, 1e-12)
    assert values_agree(None, None) and not values_agree(None, 0.0) and not values_agree(1.0, True)


# --- sentences ------------------------------------------------------------------------------------
def test_sentence_bounds() -> None:
    text = "第一句。第二句有5家；第三句\n第四句"
    start = text.index("5家")
    assert text[slice(*sentence_bounds(text, start, start + 2))] == "第二句有5家"
    assert text[slice(*sentence_bounds(text, 0, 1))] == "第一句"
    last = text.index("第四句")
    assert text[slice(*sentence_bounds(text, last, last + 1))] == "第四句"


# --- bootstrap and compare ------------------------------------------------------------------------
def _corpus(n: int) -> tuple[list[dict], list[dict]]:
    """Made-up documents where the prediction gets a different share right in each."""
    gold, pred = [], []
    for k in range(n):
        text = "甲乙丙丁戊己庚辛壬癸"
        ents = [
            {"id": i + 1, "label": "ORG", "start_offset": s, "end_offset": s + 2, "text": text[s : s + 2]}
            for i, s in enumerate(range(0, 10, 2))
        ]
        gold.append({"id": f"d{k}", "text": text, "entities": ents, "relations": []})
        pred.append({"id": f"d{k}", "text": text, "entities": ents[: k % 5 + 1], "relations": []})
    return gold, pred


def test_bootstrap_is_deterministic_with_seed() -> None:
    gold, pred = _corpus(8)
    a = score(gold, pred, bootstrap=300, seed=11)
    b = score(gold, pred, bootstrap=300, seed=11)
    c = score(gold, pred, bootstrap=300, seed=12)
    ci_a = a["entities"]["strict"]["micro"]["f1_ci"]
    assert ci_a == b["entities"]["strict"]["micro"]["f1_ci"]
    assert a == b
    assert ci_a != c["entities"]["strict"]["micro"]["f1_ci"]
    lo, hi = ci_a
    assert lo < a["entities"]["strict"]["micro"]["f1"] < hi
    # Every F1 has its CI: per label, macro, relations.
    assert a["entities"]["partial"]["per_label"]["ORG"]["f1_ci"] is not None
    assert a["entities"]["strict"]["macro"]["f1_ci"] is not None
    assert a["relations"]["relaxed"]["micro"]["f1_ci"] is not None
    assert score(gold, pred)["entities"]["strict"]["micro"]["f1_ci"] is None  # bootstrap=0: none


def test_bootstrap_recomputes_micro_from_summed_counts() -> None:
    gold, pred = _corpus(4)
    weights = resample_weights(4, 50, seed=3)
    assert weights.shape == (50, 4) and (weights.sum(axis=1) == 4).all()
    # Same draws by hand: numpy's Generator with the seed, documents with replacement.
    drawn = np.random.default_rng(3).integers(0, 4, size=(50, 4))
    assert (weights == np.stack([np.bincount(row, minlength=4) for row in drawn])).all()
    # Re-add the drawn documents' counts and recompute micro F1 for the first resample.
    per_doc = [score([g], [p])["entities"]["strict"]["micro"] for g, p in zip(gold, pred, strict=True)]
    tp = sum(w * d["correct"] for w, d in zip(weights[0], per_doc, strict=True))
    n_pred = sum(w * d["actual"] for w, d in zip(weights[0], per_doc, strict=True))
    n_gold = sum(w * d["possible"] for w, d in zip(weights[0], per_doc, strict=True))
    from evaluation.metrics import f1_of

    tables = np.array([[d["correct"], 0, 0, d["missed"], d["spurious"]] for d in per_doc], dtype=float)
    assert f1_of(weights[:1] @ tables)[0] == pytest.approx(2 * tp / (n_pred + n_gold))


def test_single_document_ci_is_degenerate() -> None:
    res = score([GOLD], [PRED], bootstrap=100, seed=0)
    f1 = res["entities"]["strict"]["micro"]["f1"]
    assert res["entities"]["strict"]["micro"]["f1_ci"] == pytest.approx([f1, f1])
    assert any("zero width" in w for w in res["warnings"])


def test_compare_identical_runs_p_is_one() -> None:
    gold, pred = _corpus(6)
    res = compare(gold, pred, pred, bootstrap=500, seed=1)
    for metric in res["metrics"].values():
        assert metric["difference"] == 0.0
        assert metric["p_value"] == 1.0


def test_compare_clear_difference() -> None:
    gold, pred = _corpus(6)
    empty = [{**p, "entities": []} for p in pred]
    res = compare(gold, empty, gold, bootstrap=200, seed=1)
    ent = res["metrics"]["entities_strict_f1"]
    assert (ent["a"], ent["b"], ent["difference"]) == (0.0, 1.0, 1.0)
    assert ent["p_value"] == 0.0  # B beats A on every resample: the sign never flips
    assert ent["difference_ci"] == [1.0, 1.0]


def test_paired_p_value_rule() -> None:
    # 10 resampled differences, 2 of them <= 0: one-sided 0.2, two-sided 0.4.
    assert paired_p_value(np.array([0.1] * 8 + [0.0, -0.1])) == pytest.approx(0.4)
    assert paired_p_value(np.array([-0.1] * 9 + [0.2])) == pytest.approx(0.2)
    assert paired_p_value(np.zeros(5)) == 1.0
    assert paired_p_value(np.array([])) is None
    assert percentile_ci(np.arange(101.0)) == pytest.approx([2.5, 97.5])


# --- documents -------------------------------------------------------------------------------------
def test_missing_prediction_is_all_missed_with_warning() -> None:
    res = score([GOLD, REL_GOLD], [PRED])
    assert res["documents"]["without_prediction"] == ["made-up-2"]
    assert any("made-up-2" in w and "missed" in w for w in res["warnings"])
    # 6 + 5 gold spans now; strict hits still 1.
    assert res["entities"]["strict"]["micro"]["possible"] == 11
    assert res["relations"]["strict"]["micro"]["missed"] == 3


def test_prediction_for_unknown_document_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown document id"):
        score([GOLD], [PRED, {**REL_PRED}])


def test_prediction_with_other_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="different text"):
        score([GOLD], [{**PRED, "text": TEXT + "多"}])
