"""The inline annotation markup used to write gold by hand."""

import json
from pathlib import Path

import pytest

from pipeline.corpus.inline import InlineError, parse_inline, render_inline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "shifeng-2023.gold.jsonl"


def spans(record):
    by_id = {e["id"]: e for e in record["entities"]}
    ents = {(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}

    def key(e):
        return e["start_offset"], e["end_offset"], e["label"]

    rels = {(key(by_id[r["from_id"]]), key(by_id[r["to_id"]]), r["type"]) for r in record["relations"]}
    return ents, rels


def test_round_trip_on_seed_gold():
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    back = parse_inline(render_inline(gold), gold["text"], gold["id"])
    assert spans(back) == spans(gold)
    for ent in back["entities"]:
        assert gold["text"][ent["start_offset"]:ent["end_offset"]] == ent["text"]


def test_changed_text_is_reported_with_position():
    raw = "全年地区生产总值增长5%左右。"  # made up
    marked = "全年[[地区生产总值|IND|a]]增长[[5％左右|FIG<a]]。"
    with pytest.raises(InlineError, match=r"^x.txt:1:12: text differs"):
        parse_inline(marked, raw, "d", "x.txt")


def test_relation_not_allowed_by_schema():
    raw = "先进集体的产值。"  # made up: an ACH cannot own an indicator
    with pytest.raises(InlineError, match="no relation allowed"):
        parse_inline("[[先进集体|ACH|a]]的[[产值|IND<a]]。", raw, "d")


def test_unknown_head_key():
    with pytest.raises(InlineError, match="head key 'b' not defined"):
        parse_inline("[[产值|IND|a]]增长[[5%|FIG<b]]。", "产值增长5%。", "d")


def test_a_head_on_the_line_above_is_named_with_a_caret():
    # national-state-council-2021 breaks one sentence over two lines (lines 44/45 of the raw file).
    raw = "经济增速是综合性指标，今年预期目标设定\n为6%以上，考虑了经济运行恢复情况。"
    marked = "[[经济增速|IND|i1]]是综合性指标，今年预期目标设定\n为[[6%以上|FIG<^i1]]，考虑了经济运行恢复情况。"
    rec = parse_inline(marked, raw, "d")
    assert [(r["from_id"], r["to_id"], r["type"]) for r in rec["relations"]] == [(1, 2, "HAS_VALUE")]
    assert parse_inline(render_inline(rec), raw, "d")["relations"] == rec["relations"]
    with pytest.raises(InlineError, match="not defined on a line above"):
        parse_inline(marked.replace("^i1", "^i9"), raw, "d")
