"""The pipeline end to end on real reports: API, offsets, and the baseline's score on the seed report."""

from pathlib import Path

import pytest
from spacy.language import Language

import pipeline
from evaluation import load_jsonl, score

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpus" / "raw"
SEED_ID = "district-zhuzhou-shifeng-2023"


def test_load_returns_spacy_language(nlp_rules):
    assert isinstance(nlp_rules, Language)
    assert nlp_rules.pipe_names[:2] == ["sentencizer", "govreport_entity_rules"]


def test_doc_has_entities_relations_and_figures(nlp_rules):
    # quoted from the seed report
    doc = nlp_rules("预计全年地区生产总值同比增长5%左右;规模工业增加值同比增长7.5%左右;")
    ents = [(e.text, e.label_) for e in doc.ents]
    assert ("地区生产总值", "IND") in ents and ("5%左右", "FIG") in ents
    rels = {(r["head"].text, r["tail"].text, r["type"]) for r in doc._.relations}
    assert ("地区生产总值", "5%左右", "HAS_VALUE") in rels
    assert ("规模工业增加值", "7.5%左右", "HAS_VALUE") in rels
    fig = next(e for e in doc.ents if e.text == "7.5%左右")
    assert fig._.figure == {"value": 7.5, "unit": "%", "qualifier": "approx", "change": "增长", "status": "expected",
                            "period": None, "basis": "同比"}


def test_record_format(nlp_rules):
    text = (RAW / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    record = pipeline.doc_to_record(nlp_rules(text), SEED_ID)
    assert set(record) == {"id", "text", "entities", "relations", "tokens", "sentences", "meta"}
    assert record["text"] == text
    ids = {e["id"] for e in record["entities"]}
    assert all(r["from_id"] in ids and r["to_id"] in ids for r in record["relations"])
    assert "".join(t["text"] for t in record["tokens"]) == "".join(text.split())


def test_every_span_indexes_the_text_on_every_report(nlp_rules):
    """Property: on all real reports in the repository, every output offset indexes the text exactly."""
    paths = sorted(RAW.glob("*.txt"))
    assert len(paths) >= 90
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for path, text, doc in zip(paths, texts, nlp_rules.pipe(texts, batch_size=4), strict=True):
        record = pipeline.doc_to_record(doc, path.stem)
        assert record["text"] == text
        for ent in record["entities"]:
            assert text[ent["start_offset"]:ent["end_offset"]] == ent["text"], (path.name, ent)
        for tok in record["tokens"]:
            assert text[tok["start"]:tok["end"]] == tok["text"]
        assert all(0 <= s["start"] < s["end"] <= len(text) for s in record["sentences"])


# Floor measured on the seed report with the rule baseline (see README "Scores"); the test prints the table.
SEED_FLOORS = {"micro": 0.60, "FIG": 0.93}


def test_rule_baseline_score_on_seed_report(nlp_rules, capsys):
    gold = load_jsonl(ROOT / "corpus" / "gold" / f"{SEED_ID}.jsonl")
    text = gold[0]["text"]
    pred = [pipeline.doc_to_record(nlp_rules(text), SEED_ID)]
    result = score(gold, pred)
    strict = result["entities"]["strict"]
    with capsys.disabled():
        print("\nrule baseline on the seed report (strict):")
        for label, m in strict["per_label"].items():
            print(f"  {label:5} P={m['precision']:.3f} R={m['recall']:.3f} F1={m['f1']:.3f}")
        print(f"  micro P={strict['micro']['precision']:.3f} R={strict['micro']['recall']:.3f} "
              f"F1={strict['micro']['f1']:.3f}")
    assert strict["micro"]["f1"] >= SEED_FLOORS["micro"]
    assert strict["per_label"]["FIG"]["f1"] >= SEED_FLOORS["FIG"]


@pytest.mark.parametrize("text", ["", " ", "\n\n", "。。。", "ａｂｃ１２３％", "𠀀增长5%", "政 府 工 作 报 告"])
def test_odd_inputs_do_not_break_offsets(nlp_rules, text):
    record = pipeline.doc_to_record(nlp_rules(text), "odd")  # made-up edge cases
    for ent in record["entities"]:
        assert text[ent["start_offset"]:ent["end_offset"]] == ent["text"]


def test_tokenizer_without_user_dictionary_serialises(nlp_rules, tmp_path):
    """spaCy saves the segmenter inside a pipeline (as `spacy train` does for its checkpoints)."""
    from pipeline.tokenizer import ReportTokenizer

    nlp_rules.tokenizer.to_disk(tmp_path / "tok")
    again = ReportTokenizer(nlp_rules.vocab, segmenter="pkuseg")
    again.from_disk(tmp_path / "tok")
    text = "全年地区生产总值增长5%左右"
    assert [t.text for t in again(text)] == [t.text for t in nlp_rules.tokenizer(text)]
