"""The gold corpus: valid, consistent with its inline source, splits disjoint, statistics up to date."""

import json
from pathlib import Path

import pytest

from evaluation import validate_records
from pipeline.corpus.inline import parse_inline
from pipeline.corpus.splits import SPLITS, gold_ids, split_ids
from pipeline.corpus.stats import BEGIN, END, corpus_stats
from pipeline.records import read_jsonl

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
GOLD = sorted(gold_ids())


def test_corpus_size_meets_the_plan():
    ids = GOLD
    assert len(ids) >= 30
    assert sum(i.startswith("national-") for i in ids) >= 12
    assert sum(i.startswith("province-") for i in ids) >= 15
    chars = sum(len((CORPUS / "raw" / f"{i}.txt").read_text(encoding="utf-8")) for i in ids)
    assert chars >= 500_000


@pytest.mark.parametrize("doc_id", GOLD)
def test_gold_validates_and_matches_raw_and_inline(doc_id):
    records = list(read_jsonl(CORPUS / "gold" / f"{doc_id}.jsonl"))
    errors = [str(p) for p in validate_records(records, f"{doc_id}.jsonl") if p.is_error]
    assert errors == []
    raw = (CORPUS / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")
    assert records[0]["text"] == raw
    inline = CORPUS / "inline" / f"{doc_id}.inline.txt"
    again = parse_inline(inline.read_text(encoding="utf-8"), raw, doc_id)

    def key(rec):
        by_id = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in rec["entities"]}
        return set(by_id.values()), {(by_id[r["from_id"]], by_id[r["to_id"]], r["type"]) for r in rec["relations"]}

    assert key(again) == key(records[0])


def test_splits_are_disjoint_and_cover_the_gold():
    splits = split_ids()
    seen = [i for s in SPLITS for i in splits[s]]
    assert len(seen) == len(set(seen)) == len(GOLD)
    assert all(splits[s] for s in SPLITS)


def test_statistics_in_readme_are_current():
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    block = readme.split(BEGIN, 1)[1].split(END, 1)[0]
    assert corpus_stats() in block, "run `make corpus-stats`"


def test_raw_index_lists_every_raw_file():
    lines = (CORPUS / "raw" / "index.tsv").read_text(encoding="utf-8").splitlines()
    files = {line.split("\t")[1] for line in lines[1:]}
    assert files == {p.name for p in (CORPUS / "raw").glob("*.txt")}
    assert len(files) == 90
    assert json.loads((CORPUS / "splits.json").read_text(encoding="utf-8"))["test"]


def test_gold_has_no_lint_errors():
    from evaluation.lint import lint_files

    findings = lint_files([CORPUS / "gold" / f"{i}.jsonl" for i in GOLD])
    errors = [str(f) for f in findings if f.problem.is_error]
    assert errors == [], "\n".join(errors[:20])


def test_a_model_trained_on_a_split_is_flagged_when_it_predicts_that_split(tmp_path):
    from pipeline.corpus.splits import split_ids, trained_on

    dev = split_ids()["dev"]
    (tmp_path / "training.json").write_text(json.dumps({"train_docs": ["national-state-council-1954", *dev[:2]]}))
    assert trained_on(str(tmp_path), "hanlp", dev) == (tmp_path, dev[:2])
    assert trained_on(str(tmp_path), "hanlp", split_ids()["test"])[1] == []
    assert trained_on(str(tmp_path / "missing"), "hanlp", dev)[1] == []


def test_the_shipped_tagger_never_saw_a_test_report():
    from pipeline.corpus.splits import split_ids, trained_on

    folder, seen = trained_on("default", "hanlp", split_ids()["test"])
    assert (folder / "training.json").exists() and seen == []


def test_a_split_can_be_exported_for_some_of_its_documents_only(tmp_path):
    from pipeline.corpus.splits import main, split_ids

    train = split_ids()["train"]
    out = tmp_path / "fold.jsonl"
    assert main(["export", "train", "--ids", ",".join(train[:2]), "-o", str(out)]) == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == train[:2]
    with pytest.raises(SystemExit):
        main(["export", "dev", "--ids", train[0], "-o", str(out)])  # not a dev document: refused
