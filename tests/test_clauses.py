"""Clause starts and ends (pipeline.clauses), on real report text."""

from pipeline.clauses import clause_end, clause_start


def test_the_clause_begins_after_the_last_mark():
    # province-anhui-2026
    text = "国际深空探测学会总部落户合肥。“政产学研金服用”融合服务平台"
    assert text[clause_start(text, len(text)):] == "“政产学研金服用”融合服务平台"
    assert clause_start(text, 5) == 0  # no mark before: the text's start


def test_marks_and_floor_are_the_callers():
    text = "城镇化率从47.5％提高到51.5%，研究与试验发展经费支出占国内生产总值比重达到2.2%"
    pos = text.index("2.2%")
    assert text[clause_start(text, pos, "，；"):pos] == "研究与试验发展经费支出占国内生产总值比重达到"
    assert clause_start(text, pos, "；", floor=3) == 3


def test_the_clause_ends_at_the_first_mark():
    # province-anhui-2026
    text = "国际深空探测学会总部落户合肥。“政产学研金服用”融合服务平台"
    assert text[:clause_end(text, 0)] == "国际深空探测学会总部落户合肥"
    assert clause_end(text, len(text) - 3) == len(text)  # no mark after: the text's end
