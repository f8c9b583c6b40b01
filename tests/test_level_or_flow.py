"""The level-or-flow classifier of the figure-attribute reader: the shipped model on real report text, and the
training path on a few real gold reports."""

from pathlib import Path

import pytest

from pipeline.corpus.attribute_accuracy import read_as_pipeline
from pipeline.corpus.splits import load_split
from pipeline.facts.metadata import read_metadata
from pipeline.figures.attributes import figure_attributes
from pipeline.figures.level_or_flow import MODEL, LevelOrFlowModel, SpanFigure, features, shipped_model
from pipeline.figures.timeline import ReportTimeline
from pipeline.training.level_or_flow import accuracy, decision_points, fit

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"

# province-henan-2026, 过去五年 (2021-2025): …实现中国平煤神马、中国河南国际、中豫航空集团等19家企业战略性重组
HENAN = "province-henan-2026"
MERGED = "中豫航空集团等19家"


def _read(flow=None) -> dict:
    text = (RAW / f"{HENAN}.txt").read_text(encoding="utf-8")
    start = text.index(MERGED) + len("中豫航空集团等")
    timeline = ReportTimeline.of(text, read_metadata(text, HENAN).year)
    kwargs = {"flow": flow} if flow else {}
    return figure_attributes(text, start, start + len("19家"), timeline, **kwargs)


def test_the_shipped_model_reads_firms_restructured_over_five_years_as_a_flow():
    assert shipped_model() is not None and MODEL.exists()
    assert _read()["period"] == "2021-2025"  # the gold's answer
    assert _read(lambda f: f.listed_flow)["period"] == "2025"  # the word lists alone read a level


def test_features_name_the_clause_the_unit_and_what_follows():
    text = "这五年，实现中豫航空集团等19家企业战略性重组。"  # made-up snippet in the report's words
    start = text.index("19家")
    figure = SpanFigure(text, start, start + 3, text[:start], text[4:start], False)
    feats = features(figure)
    assert feats["p1:等"] == 1.0 and feats["u:家"] == 1.0 and feats["a2:企业"] == 1.0
    assert feats["s2:五年"] == 1.0 and feats["listed_flow"] == 0.0


@pytest.fixture(scope="module")
def few_points():
    records = [r for r in load_split("train") if r["id"] in ("province-gansu-2026", "province-yunnan-2026")]
    return decision_points(records)


def test_decision_points_are_figures_whose_period_turns_on_level_or_flow(few_points):
    assert len(few_points) > 50
    assert {y for _, _, y in few_points} == {0, 1}
    for doc, figure, _ in few_points[:20]:
        text, timeline = read_as_pipeline(next(r for r in load_split("train") if r["id"] == doc))
        as_flow = figure_attributes(text, figure.start, figure.end, timeline, flow=lambda f: True)
        as_level = figure_attributes(text, figure.start, figure.end, timeline, flow=lambda f: False)
        assert as_flow["period"] != as_level["period"] and "-" in as_flow["period"]


def test_a_fitted_model_survives_saving_and_learns_its_points(few_points, tmp_path):
    model = fit(few_points, c=1.0)
    assert accuracy(model, few_points) > accuracy(None, few_points)
    model.save(tmp_path / "weights.json", {"fitted_on": "two train reports"})
    loaded = LevelOrFlowModel.load(tmp_path / "weights.json")
    for _, figure, _ in few_points[:30]:
        assert loaded.probability(figure) == pytest.approx(model.probability(figure), abs=1e-4)


def test_a_broken_model_file_is_named_in_the_error(tmp_path):
    bad = tmp_path / "weights.json"
    bad.write_text('{"weights": {"listed_flow": "x"}}', encoding="utf-8")
    with pytest.raises(ValueError, match="weights.json"):
        LevelOrFlowModel.load(bad)
