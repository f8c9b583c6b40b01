"""The shipped models load offline and score at least the floors measured on the dev split.

Floors are the dev scores measured when the models were trained (models/*/MODEL_CARD.md), rounded down
by about two points so that a rebuild with a different random seed still passes.
"""

from pathlib import Path

import pytest

import pipeline
from evaluation import score
from pipeline.backends import DEFAULT_BACKEND, HANLP_MODEL, resolve_backend
from pipeline.corpus.splits import load_split
from pipeline.extract import extract_record
from pipeline.paths import TRAINED_PIPELINE

FLOORS = {
    "spacy": {"entities_micro": 0.73, "relations_micro": 0.62, "FIG": 0.93, "IND": 0.69, "ORG": 0.75},
    "hanlp": {"entities_micro": 0.81, "relations_micro": 0.73, "FIG": 0.93, "IND": 0.79, "ORG": 0.81},
}


def _dev_scores(backend: str) -> dict:
    nlp = pipeline.load(backend=backend)
    gold = load_split("dev")
    return score(gold, [extract_record(nlp, r["text"], r["id"]) for r in gold])


@pytest.fixture(scope="module")
def dev_scores():
    if not (TRAINED_PIPELINE / "config.cfg").exists() or not (HANLP_MODEL / "config.json").exists():
        pytest.fail("a shipped model is missing: run `make train`")
    return {backend: _dev_scores(backend) for backend in FLOORS}


def test_the_default_is_the_more_accurate_backend(dev_scores):
    assert resolve_backend("default") == DEFAULT_BACKEND == "hanlp"
    f1 = {b: s["entities"]["strict"]["micro"]["f1"] for b, s in dev_scores.items()}
    assert f1[DEFAULT_BACKEND] == max(f1.values())
    nlp = pipeline.load()
    assert "govreport_hanlp_ner" in nlp.pipe_names and "govreport_relation_classifier" in nlp.pipe_names
    assert nlp.tokenizer.segmenter == "pkuseg" and nlp.tokenizer.pkuseg_seg is not None


@pytest.mark.parametrize("backend", sorted(FLOORS))
def test_trained_pipelines_score_their_floors_on_dev(dev_scores, backend, capsys):
    floors = FLOORS[backend]
    strict = dev_scores[backend]["entities"]["strict"]
    rel = dev_scores[backend]["relations"]["strict"]["micro"]
    with capsys.disabled():
        print(f"\n{backend} pipeline on dev (strict):")
        for label, m in strict["per_label"].items():
            print(f"  {label:5} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")
        print(f"  entities micro F1={strict['micro']['f1']:.3f}; relations micro F1={rel['f1']:.3f}")
    assert strict["micro"]["f1"] >= floors["entities_micro"]
    assert rel["f1"] >= floors["relations_micro"]
    for label in ("FIG", "IND", "ORG"):
        assert strict["per_label"][label]["f1"] >= floors[label], label


def test_trained_pipelines_beat_the_rule_baseline_on_dev(dev_scores):
    nlp = pipeline.load("rules")
    gold = load_split("dev")
    rules = score(gold, [extract_record(nlp, r["text"], r["id"]) for r in gold])
    for scores in dev_scores.values():
        assert scores["entities"]["strict"]["micro"]["f1"] > rules["entities"]["strict"]["micro"]["f1"]
        assert scores["relations"]["strict"]["micro"]["f1"] > rules["relations"]["strict"]["micro"]["f1"]


def test_models_are_small():
    for folder in (TRAINED_PIPELINE, HANLP_MODEL):
        total = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
        assert total < 50 * 2**20, folder


def test_a_model_folder_selects_its_own_backend(tmp_path):
    assert resolve_backend("default", TRAINED_PIPELINE) == "spacy"
    assert resolve_backend("default", HANLP_MODEL) == "hanlp"
    assert resolve_backend("default", "rules") == "spacy"
    assert resolve_backend("default", tmp_path) == "spacy"  # neither: the spaCy loader's clear error
    assert resolve_backend("hanlp", TRAINED_PIPELINE) == "hanlp"  # a named backend is taken as it is


def test_prediction_imports_no_training_library():
    """scikit-learn, SciPy and pandas cost start-up time and are only needed to train (issue 14)."""
    import subprocess
    import sys

    code = ("import sys, pipeline; from pipeline.extract import extract_record; "
            "r = extract_record(pipeline.load(), '全年地区生产总值增长5%左右。', 'x'); "
            "print(len(r['entities']), sorted(m for m in ('sklearn', 'scipy', 'pandas') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) >= 1 and out[1:] == ["[]"]
