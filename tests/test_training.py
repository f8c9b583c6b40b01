"""Training: tiny models train from the repository's data in seconds and load back offline."""

from pathlib import Path

import pytest

import pipeline
from pipeline.corpus.splits import load_split
from pipeline.training.general_data import shared_dir
from pipeline.training.ner import assemble, train_ner, tune_relations

SEED_ID = "district-zhuzhou-shifeng-2023"


def test_tiny_ner_and_relation_model_train_assemble_and_load(tmp_path):
    dev = load_split("dev")
    seed = [r for r in dev if r["id"] == SEED_ID]
    train = load_split("train")[:1]
    best = train_ner(train, seed, tmp_path / "work", max_steps=20, segmenter=None)
    relations = tune_relations(train, seed)
    (tmp_path / "pipe").mkdir()
    (tmp_path / "pipe" / "MODEL_CARD.md").write_text("# card\n", encoding="utf-8")  # retraining keeps the card
    out = assemble(best, relations, tmp_path / "pipe", segmenter=None)
    assert (out / "MODEL_CARD.md").read_text(encoding="utf-8") == "# card\n"
    nlp = pipeline.load(out)
    assert nlp.pipe_names == ["sentencizer", "govreport_figures", "tok2vec", "ner", "govreport_span_constraints",
                              "govreport_relation_classifier", "govreport_attached_indicators",
                              "govreport_figure_normaliser"]
    text = seed[0]["text"]
    record = pipeline.doc_to_record(nlp(text), SEED_ID)
    figs = [e for e in record["entities"] if e["label"] == "FIG"]
    assert any(f["text"] == "28.26亿元" and f["value"] == 2826000000.0 for f in figs)
    for ent in record["entities"]:
        assert text[ent["start_offset"]:ent["end_offset"]] == ent["text"]


@pytest.mark.skipif(not (shared_dir() / "corpus" / "general" / "pos_pku_peoples_daily_199801").exists(),
                    reason="People's Daily 1998 (research-only) is not beside the repository")
def test_tiny_segmenter_trains_and_segments(tmp_path):
    import subprocess
    import sys

    import spacy_pkuseg

    # the command `make train` runs (train, prune, score on SIGHAN PKU), as a script
    done = subprocess.run([sys.executable, "-m", "pipeline.training.segmenter", "--out", str(tmp_path / "pruned"),
                           "--iters", "1", "--limit", "800"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "features kept" in done.stdout and "SIGHAN 2005 PKU test" in done.stdout
    words = spacy_pkuseg.pkuseg(str(tmp_path / "pruned"), user_dict=None).cut("全年地区生产总值增长5%左右")
    assert "".join(words) == "全年地区生产总值增长5%左右" and len(words) > 3


def test_missing_research_corpus_is_a_clear_error(monkeypatch, tmp_path):
    from pipeline.training.general_data import general_corpus

    monkeypatch.setenv("GOVREPORT_SHARED", str(tmp_path / "nowhere"))
    with pytest.raises(SystemExit, match="research-only corpus not found"):
        general_corpus("pos_pku_peoples_daily_199801/199801.txt")


def test_unknown_model_path_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a pipeline folder"):
        pipeline.load(Path(tmp_path))


def test_a_cross_validation_fold_leaves_out_every_nth_document():
    from pipeline.training.hanlp_ner import fold_training_records

    records = load_split("train")
    kept = [r["id"] for r in fold_training_records(records, "1/3")]
    left = [r["id"] for i, r in enumerate(records) if i % 3 == 1]
    assert len(kept) + len(left) == len(records) and not set(kept) & set(left)
    # national reports of several eras and provincial ones are held out alike
    assert any(i.startswith("national-state-council-19") for i in left)
    assert any(i.startswith("national-state-council-20") for i in left)
    assert any(i.startswith("province-") for i in left)
    for bad in ("3/3", "1", "a/b", "0/1"):
        with pytest.raises(ValueError, match="--fold"):
            fold_training_records(records, bad)
