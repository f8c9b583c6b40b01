"""General-domain corpora convert to valid corpus records with the documented label mapping.
They are read from ../shared (never copied here); the tests skip where it is absent."""

import itertools

import pytest

from evaluation import validate_records
from pipeline.corpus.general import SOURCES
from pipeline.training.general_data import shared_dir

pytestmark = pytest.mark.skipif(not (shared_dir() / "corpus" / "general").exists(),
                                reason="general-domain corpora are not beside the repository")


@pytest.mark.parametrize("source, labels", [("cluener", {"ENT", "ORG", "LOC"}), ("msra", {"ORG", "LOC"}),
                                            ("peoples-daily-ner", {"ORG", "LOC"}), ("pd1998", {"ORG", "LOC"})])
def test_conversion_is_valid_and_mapped(source, labels):
    records = list(itertools.islice(SOURCES[source](), 500))
    assert [p for p in validate_records(records, source) if p.is_error] == []
    seen = {e["label"] for r in records for e in r["entities"]}
    assert seen == labels


def test_cluener_inclusive_ends_and_pd1998_compounds():
    first = next(SOURCES["cluener"]())
    assert {(e["text"], e["label"]) for e in first["entities"]} == {("浙商银行", "ENT")}  # name (a person) dropped
    pd = next(r for r in SOURCES["pd1998"]() if "中共中央" in r["text"])
    assert ("中共中央", "ORG") in {(e["text"], e["label"]) for e in pd["entities"]}
