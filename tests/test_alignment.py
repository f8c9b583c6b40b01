"""Character spans made spaCy spans (pipeline.components.alignment) on a real report sentence: tokens split at span
edges, spans rebuilt from the Doc's arrays, entities read back without Token objects."""

from __future__ import annotations

import pytest

from pipeline.base import blank
from pipeline.components.alignment import char_spans, entity_offsets, set_entities, split_at, unmarked
from pipeline.paths import REPO_ROOT

# district-zhuzhou-shifeng-2023, line 9
SENTENCE = "大力开展“市场主体培育年”活动,市场主体突破3.2万家,企业主体突破1.1万户,高新技术企业突破100家"


@pytest.fixture(scope="module")
def nlp():
    return blank()


def test_the_sentence_is_the_reports():
    text = (REPO_ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt").read_text(encoding="utf-8")
    assert SENTENCE in text


def test_spans_split_tokens_at_their_edges_and_keep_exact_offsets(nlp):
    doc = nlp(SENTENCE)
    figure = SENTENCE.index("3.2万家")
    indicator = SENTENCE.index("市场主体突破")
    wanted = [(indicator, indicator + 4, "IND"), (figure, figure + 5, "FIG"),
              (SENTENCE.index("市场主体培育年"), SENTENCE.index("市场主体培育年") + 7, "PROJ")]
    spans = char_spans(doc, wanted)
    assert [(s.start_char, s.end_char, s.label_) for s in spans] == wanted
    assert [s.text for s in spans] == ["市场主体", "3.2万家", "市场主体培育年"]
    set_entities(doc, wanted)
    assert entity_offsets(doc) == sorted(wanted) == [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def test_an_edge_off_the_text_or_between_tokens_gives_no_span(nlp):
    doc = nlp("市场主体 突破3.2万家")  # made up: a space between two words
    space = doc.text.index(" ")
    assert char_spans(doc, [(space, space + 3, "IND")]) == []  # starts on the space, which no token holds
    assert [s.text for s in char_spans(doc, [(0, space, "IND")])] == ["市场主体"]
    split_at(doc, [])  # nothing to split: the doc is left as it is
    assert entity_offsets(nlp("")) == []


def _every_marked_span_checked(found, marked, may_cover):
    return [item for item in found
            if not any(a < item[1] and item[0] < b and not (label in may_cover and item[0] <= a and b <= item[1])
                       for a, b, label in marked)]


def test_unmarked_finds_what_checking_every_marked_span_finds():
    # random ranges (made up): marked spans one after another, as doc.ents are, and overlapping ones
    import random

    rng = random.Random(0)
    for trial in range(2000):
        marked, pos, overlapping = [], 0, trial % 3 == 0
        for _ in range(rng.randrange(12)):
            start = rng.randrange(60) if overlapping else pos + rng.randrange(5)
            pos = start + rng.randrange(6)
            marked.append((start, pos, rng.choice("XY")))
        rng.shuffle(marked)
        found = [(s, s + rng.randrange(8), "Z") for s in (rng.randrange(65) for _ in range(rng.randrange(15)))]
        may_cover = frozenset(rng.choice([(), ("X",), ("X", "Y")]))
        assert unmarked(found, marked, may_cover) == _every_marked_span_checked(found, marked, may_cover)
