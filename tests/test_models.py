"""The shipped models load offline and score at least the floors measured on the dev split.

Floors are the dev scores measured when the models were trained (models/govreport-zh/MODEL_CARD.md),
rounded down by about two points so that a rebuild with a different random seed still passes.
"""

from pathlib import Path

import pytest

import pipeline
from evaluation import score
from pipeline.corpus.splits import load_split
from pipeline.paths import TRAINED_PIPELINE

FLOORS = {"entities_micro": 0.69, "relations_micro": 0.60, "FIG": 0.93, "IND": 0.66, "ORG": 0.66}


@pytest.fixture(scope="module")
def dev_scores():
    if not (TRAINED_PIPELINE / "config.cfg").exists():
        pytest.fail("models/govreport-zh is missing: run `make train`")
    nlp = pipeline.load()
    gold = load_split("dev")
    pred = [pipeline.doc_to_record(nlp(r["text"]), r["id"]) for r in gold]
    return score(gold, pred)


def test_default_model_is_the_trained_pipeline():
    nlp = pipeline.load()
    assert "ner" in nlp.pipe_names and "govreport_relation_classifier" in nlp.pipe_names
    assert nlp.tokenizer.segmenter == "pkuseg" and nlp.tokenizer.pkuseg_seg is not None


def test_trained_pipeline_scores_its_floor_on_dev(dev_scores, capsys):
    strict = dev_scores["entities"]["strict"]
    rel = dev_scores["relations"]["strict"]["micro"]
    with capsys.disabled():
        print("\ntrained pipeline on dev (strict):")
        for label, m in strict["per_label"].items():
            print(f"  {label:5} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")
        print(f"  entities micro F1={strict['micro']['f1']:.3f}; relations micro F1={rel['f1']:.3f}")
    assert strict["micro"]["f1"] >= FLOORS["entities_micro"]
    assert rel["f1"] >= FLOORS["relations_micro"]
    for label in ("FIG", "IND", "ORG"):
        assert strict["per_label"][label]["f1"] >= FLOORS[label], label


def test_trained_pipeline_beats_the_rule_baseline_on_dev(dev_scores):
    nlp = pipeline.load("rules")
    gold = load_split("dev")
    rules = score(gold, [pipeline.doc_to_record(nlp(r["text"]), r["id"]) for r in gold])
    assert dev_scores["entities"]["strict"]["micro"]["f1"] > rules["entities"]["strict"]["micro"]["f1"]
    assert dev_scores["relations"]["strict"]["micro"]["f1"] > rules["relations"]["strict"]["micro"]["f1"]


def test_models_are_small():
    total = sum(p.stat().st_size for p in Path(TRAINED_PIPELINE).rglob("*") if p.is_file())
    assert total < 50 * 2**20
