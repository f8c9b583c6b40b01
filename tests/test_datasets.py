"""Corpus exports: Hugging Face DatasetDict (offline) and spaCy DocBin for `spacy train`."""

import spacy
from datasets import load_from_disk
from spacy.training import Corpus

from pipeline.corpus.docbin import export, record_to_docs
from pipeline.corpus.hf import load_corpus
from pipeline.corpus.splits import load_split
from pipeline.loading import blank


def test_datasetdict_with_span_columns_and_bio_view(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    dsd = load_corpus(splits=("train", "dev"))
    assert set(dsd) == {"train", "dev"}
    row = dsd["dev"][0]
    assert {"id", "text", "entities", "relations", "chars", "bio_tags"} <= set(row)
    assert len(row["chars"]) == len(row["text"]) == len(row["bio_tags"])
    for ent in row["entities"]:
        assert row["bio_tags"][ent["start_offset"]] == f"B-{ent['label']}"
        assert row["text"][ent["start_offset"]:ent["end_offset"]] == ent["text"]
    dsd.save_to_disk(str(tmp_path / "hf"))
    again = load_from_disk(str(tmp_path / "hf"))
    assert again["dev"][0]["id"] == row["id"]
    dsd["dev"].to_parquet(str(tmp_path / "dev.parquet"))
    assert (tmp_path / "dev.parquet").stat().st_size > 0


def test_docbin_keeps_every_gold_span_and_reads_back_for_spacy_train(tmp_path):
    nlp = blank()
    record = next(r for r in load_split("dev") if r["id"] == "district-zhuzhou-shifeng-2023")
    docs = record_to_docs(nlp, record, by_sentence=False)
    gold = {(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
    assert {(e.start_char, e.end_char, e.label_) for e in docs[0].ents} == gold  # nothing lost to segmentation
    path = tmp_path / "dev.spacy"
    n = export(nlp, [record], path)
    examples = list(Corpus(path)(spacy.blank("zh")))
    assert len(examples) == n > 10
    assert sum(len(ex.reference.ents) for ex in examples) == len(gold)


def test_partial_docs_leave_unknown_tokens_missing():
    """Transfer data vouches only for its own labels: other tokens are missing, not O (made-up record)."""
    from pipeline.corpus.docbin import partial_doc

    record = {"id": "x", "text": "浙商银行完成投资28亿元", "relations": [],
              "entities": [{"id": 1, "label": "ENT", "start_offset": 0, "end_offset": 4, "text": "浙商银行"},
                           {"id": 2, "label": "ORG", "start_offset": 6, "end_offset": 8, "text": "投资"}]}
    doc = partial_doc(blank(), record, {"ENT"})
    assert [(e.text, e.label_) for e in doc.ents] == [("浙商银行", "ENT")]
    assert {t.ent_iob_ for t in doc if t.idx >= 4} == {""}
