"""Mention replacement for the tagger's training data (`pipeline.training.augment`)."""

import random

from pipeline.backends.chunking import chunk_bounds
from pipeline.corpus.splits import load_split
from pipeline.textnorm import normalise
from pipeline.training.augment import name_pools, replace_mentions
from pipeline.training.hanlp_ner import ConversionStats, augmented_records, gold_spans, record_samples


def test_replaced_names_keep_their_labels_and_every_other_span_its_text():
    record = next(r for r in load_split("dev") if r["id"] == "district-zhuzhou-shifeng-2023")
    pools = {"ENT": ["宁德时代"], "LOC": ["株洲市"], "ORG": ["省科协"]}
    copy, replaced = replace_mentions(record, pools, 1.0, random.Random(0))
    assert replaced and copy["id"].endswith("#augmented") and copy["relations"] == record["relations"]
    old = {e["id"]: record["text"][e["start_offset"]:e["end_offset"]] for e in record["entities"]}
    for ent in copy["entities"]:
        text = copy["text"][ent["start_offset"]:ent["end_offset"]]
        if ent["start_offset"] in replaced:
            assert text == pools[ent["label"]][0]
        else:
            assert text == old[ent["id"]]
    # at rate 1 every ENT is replaced and, at rate 1/2, some LOC and ORG are not
    ents = [e for e in copy["entities"] if e["label"] == "ENT"]
    assert ents and all(e["start_offset"] in replaced for e in ents)
    assert any(e["label"] == "LOC" and e["start_offset"] not in replaced for e in copy["entities"])


def test_only_the_chunks_with_a_replaced_name_are_added():
    records = load_split("dev")[:2]
    (source, copy, replaced), *_ = augmented_records(records, 0.5, seed=3)
    samples = record_samples(copy, ConversionStats(), "IOBES", only_at=replaced)
    chunks = [(s, e) for s, e in chunk_bounds(normalise(copy["text"])) if any(s <= o < e for o in replaced)]
    assert 0 < len(samples) == len(chunks) < len(chunk_bounds(normalise(copy["text"])))
    assert all(gold_spans(sample) for sample in samples)  # each added chunk holds the name it was added for
    assert augmented_records(records, 0.0, seed=3) == []
    # ENT only, several copies: every replaced name is an enterprise
    copies = augmented_records(records, 1.0, seed=3, labels=("ENT",), copies=3)
    assert len({id(copy) for _, copy, _ in copies}) == len(copies) > 1
    for _, copy, replaced in copies:
        assert {e["label"] for e in copy["entities"] if e["start_offset"] in replaced} == {"ENT"}


def test_the_pools_hold_the_rule_lists_and_plain_names_only():
    pools = name_pools(load_split("dev")[:1])
    assert "国家电网" in pools["ENT"] and "株洲市" in pools["LOC"]
    assert not any("，" in name or "“" in name for names in pools.values() for name in names)
