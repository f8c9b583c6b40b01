"""The HanLP backend's pure parts: sentence chunking (offsets preserved), tag mapping, data conversion."""

from pathlib import Path

import pytest

from pipeline.backends.chunking import chunk_bounds, chunk_tokens, sentence_bounds
from pipeline.backends.tagmap import map_label, org_or_ent
from pipeline.training.hanlp_ner import ConversionStats, gold_spans, only_tags, record_samples, to_samples

SEED = Path(__file__).resolve().parents[1] / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt"


def test_sentences_keep_closing_quotes_and_skip_blank_lines():
    text = "一是稳增长。“二是强项目！”\n\n  三是惠民生"
    assert [text[s:e] for s, e in sentence_bounds(text)] == ["一是稳增长。", "“二是强项目！”\n\n", "  三是惠民生"]


def test_long_sentences_are_packed_at_clause_ends():
    clause = "全年地区生产总值增长百分之五左右，"  # 17 characters
    text = clause * 20 + "完成。"
    chunks = chunk_bounds(text, max_len=60)
    assert all(e - s <= 60 for s, e in chunks)
    assert all(text[e - 1] in "，。" for s, e in chunks)  # cut after a comma, never inside a clause
    assert "".join(text[s:e] for s, e in chunks) == text


def test_a_clause_longer_than_max_len_is_cut_hard():
    text = "甲" * 450
    assert chunk_bounds(text, max_len=200) == [(0, 200), (200, 400), (400, 450)]


def test_chunks_of_the_seed_report_cover_every_character_with_offsets():
    text = SEED.read_text(encoding="utf-8")
    chunks = chunk_bounds(text)
    assert all(0 < e - s <= 200 for s, e in chunks)
    assert all(a[1] <= b[0] for a, b in zip(chunks, chunks[1:], strict=False))
    covered = {i for s, e in chunks for i in range(s, e)}
    assert all(text[i].isspace() for i in range(len(text)) if i not in covered)
    for s, e in chunks:
        tokens, offsets = chunk_tokens(text, s, e)
        assert tokens == [text[i] for i in offsets] and all(not t.isspace() for t in tokens)
        assert "".join(tokens) == "".join(text[s:e].split())


def test_chunk_within_a_sentence_keeps_document_offsets():
    text = "前言。株洲市石峰区，田心街道。"
    assert chunk_bounds(text, 3, len(text)) == [(3, len(text))]
    assert chunk_tokens(text, 3, 6) == (["株", "洲", "市"], [3, 4, 5])


@pytest.mark.parametrize(("tag", "text", "label"), [
    ("NT", "石峰区人民政府", "ORG"),
    ("NT", "中车株洲电力机车有限公司", "ENT"),
    ("ORGANIZATION", "三一集团", "ENT"),
    ("ORGANIZATION", "中国人民银行", "ORG"),
    ("nt", "中国农业银行", "ENT"),
    ("NS", "株洲市", "LOC"),
    ("LOCATION", "湘江", "LOC"),
    ("GPE", "湖南省", "LOC"),
    ("NR", "张三", None),
    ("PERSON", "李四", None),
    ("DATE", "2022年", None),
    ("PROJ", "清水塘大桥", "PROJ"),
    ("FIG", "28.26亿元", "FIG"),
    ("ENT", "天桥起重", "ENT"),
    ("ORG", "株洲国投集团", "ENT"),  # our own ORG with a business name: the rule makes it ENT
    ("ORG", "二十国集团", "ORG"),
])
def test_tag_mapping(tag, text, label):
    assert map_label(tag, text) == label


def test_org_or_ent_rule():
    assert org_or_ent("区委") == "ORG"
    assert org_or_ent("湖南天桥起重股份") == "ENT"
    assert org_or_ent("世界银行") == "ORG"


def test_record_samples_tag_characters_and_skip_spaces():
    record = {"id": "t", "text": "株洲 市新增企业3家。\n全年增长5%。",
              "entities": [{"start_offset": 0, "end_offset": 4, "label": "LOC"},
                           {"start_offset": 8, "end_offset": 10, "label": "FIG"},
                           {"start_offset": 16, "end_offset": 18, "label": "FIG"}]}
    stats = ConversionStats()
    samples = record_samples(record, stats)
    assert samples[0]["token"] == list("株洲市新增企业3家。")
    assert samples[0]["tag"][:3] == ["B-LOC", "I-LOC", "I-LOC"]  # the space inside the span is not a token
    assert samples[0]["tag"][7:9] == ["B-FIG", "I-FIG"]
    assert samples[1]["tag"] == ["O", "O", "O", "O", "B-FIG", "I-FIG", "O"]
    assert stats.spans == 3 and not stats.spans_cut
    assert gold_spans(samples[0]) == {(0, 3, "LOC"), (7, 9, "FIG")}
    iobes, _ = to_samples([record], scheme="IOBES")
    assert iobes[0]["tag"][:3] == ["B-LOC", "I-LOC", "E-LOC"]
    assert gold_spans(iobes[0]) == {(0, 3, "LOC"), (7, 9, "FIG")}


def test_spans_cut_by_a_chunk_boundary_are_left_untagged_and_counted():
    record = {"id": "t", "text": "甲" * 10 + "乙乙",
              "entities": [{"start_offset": 9, "end_offset": 11, "label": "ORG"}]}
    stats = ConversionStats()
    samples = record_samples(record, stats, max_len=10)
    assert all(t == "O" for s in samples for t in s["tag"])
    assert stats.spans_cut == ["t:9-11 ORG"]


def test_dev_tags_unknown_to_training_become_o():
    samples = [{"token": ["中", "车"], "tag": ["B-ENT", "I-ENT"]}]
    assert only_tags(samples, {"O", "B-ORG", "I-ORG"}) == [{"token": ["中", "车"], "tag": ["O", "O"]}]


class FakePretrained:
    """Stands in for a pretrained HanLP NER (MSRA tag set), which this machine cannot download."""

    def predict(self, batch, batch_size=None):
        out = []
        for tokens in batch:
            text = "".join(tokens)
            found = []
            for name, tag in (("株洲市", "NS"), ("石慧彬", "NR"), ("中车株洲电力机车有限公司", "NT"),
                              ("区人民政府", "NT"), ("2022年", "DATE")):
                i = text.find(name)
                if i >= 0:
                    found.append((name, tag, i, i + len(name)))
            out.append(found)
        return out


def test_component_maps_a_pretrained_tag_set_at_exact_offsets():
    import pipeline.loading
    from pipeline.backends.hanlp_backend import HanLPEntityRecognizer

    text = "株洲市 区人民政府代区长石慧彬:\n2022年,中车株洲电力机车有限公司新增订单。"
    ner = HanLPEntityRecognizer("unused")
    ner._tagger = FakePretrained()
    doc = ner(pipeline.loading.blank()(text))
    assert [(e.text, e.label_, e.start_char) for e in doc.ents] == [
        ("株洲市", "LOC", 0), ("区人民政府", "ORG", 4), ("中车株洲电力机车有限公司", "ENT", 23)]


def test_iobes_output_is_read_like_bio_without_raising():
    pytest.importorskip("hanlp")
    from hanlp.utils.span_util import bio_tags_to_spans

    from pipeline.backends.hanlp_models import iobes_to_bio

    tags = ["O", "B-FIG", "I-FIG", "O", "S-LOC", "B-ORG", "E-ORG", "I-IND"]  # B-FIG has no E-FIG: ill-formed
    assert [iobes_to_bio(t) for t in tags] == ["O", "B-FIG", "I-FIG", "O", "B-LOC", "B-ORG", "I-ORG", "I-IND"]
    assert sorted(bio_tags_to_spans([iobes_to_bio(t) for t in tags])) == [
        ("FIG", (1, 2)), ("IND", (7, 7)), ("LOC", (4, 4)), ("ORG", (5, 6))]
