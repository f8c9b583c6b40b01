"""Soft-lexicon features of the tagger: states per character, and gold names looked up without the document's own."""

from pathlib import Path

import numpy as np

from pipeline.backends.lexicon import BEGIN, END, INSIDE, NONE, SINGLE, LexiconMatcher
from pipeline.divisions import PROVINCE_SHORT_NAMES
from pipeline.paths import REPO_ROOT
from pipeline.training.lexicons import gold_lexicons, static_lexicons


def test_states_mark_begin_inside_end_and_single():
    matcher = LexiconMatcher({"place": ["株洲市", "株洲"], "short": ["湘"]})
    text = "湘株洲市"  # made up for this test
    rows = matcher.feature_array(text).tolist()
    assert [r[0] for r in rows] == [NONE, BEGIN, INSIDE, END]  # the longest word wins
    assert [r[1] for r in rows] == [SINGLE, NONE, NONE, NONE]


def test_static_lexicons_hold_places_abbreviations_and_jieba_names():
    lexicons = static_lexicons()
    assert "株洲" in lexicons["place"] and "石峰区" in lexicons["place"]
    assert len(lexicons["province_short"]) == 34 and set(PROVINCE_SHORT_NAMES) == set(lexicons["province_short"])
    assert "北京" in lexicons["jieba_ns"] and len(lexicons["jieba_nt"]) > 1000


def test_gold_names_leave_the_document_out():
    def record(doc_id, text, *names):
        entities = [{"start_offset": text.index(n), "end_offset": text.index(n) + len(n), "label": label}
                    for n, label in names]
        return {"id": doc_id, "text": text, "entities": entities}

    # made-up snippets for this test
    a = record("a", "中车株机获评示范企业", ("中车株机", "ENT"))
    b = record("b", "支持中车株机和国务院", ("中车株机", "ENT"), ("国务院", "ORG"))
    full = gold_lexicons([a, b])
    assert full["gold_ENT"] == ["中车株机"] and full["gold_ORG"] == ["国务院"]
    without_b = gold_lexicons([a, b], leave_out=b)
    assert without_b["gold_ENT"] == ["中车株机"] and without_b["gold_ORG"] == []


def test_texts_matched_at_once_have_the_states_of_each_matched_alone():
    matcher = LexiconMatcher(static_lexicons())
    text = Path(REPO_ROOT, "corpus", "raw", "district-zhuzhou-shifeng-2023.txt").read_text(encoding="utf-8")
    sentences = [*text.split("。")[:80], ""]
    at_once = matcher.feature_arrays(sentences)
    assert np.array_equal(at_once, np.concatenate([matcher.feature_array(s) for s in sentences]))
    assert at_once.shape[0] == sum(map(len, sentences)) and (at_once != NONE).any()
    # a word across two texts is not matched: 株洲 split as 株 | 洲 (made up)
    assert not matcher.feature_arrays(["在株", "洲市"]).any(axis=1)[1:3].any()


def test_matches_are_every_lexicon_word_in_the_text():
    # The scan starts only where a word may begin (a one-character word, or two characters beginning a longer
    # word): it must find exactly what trying every substring finds, on a real report.
    lexicons = static_lexicons()
    matcher = LexiconMatcher(lexicons)
    text = Path(REPO_ROOT, "corpus", "raw", "district-zhuzhou-shifeng-2023.txt").read_text(encoding="utf-8")
    masks: dict[str, int] = {}
    for k, name in enumerate(matcher.names):
        for word in lexicons[name]:
            if 0 < len(word) <= matcher.max_word:
                masks[word] = masks.get(word, 0) | 1 << k
    every = [(i, j, masks[text[i:j]]) for i in range(len(text))
             for j in range(i + 1, min(len(text), i + matcher.max_word) + 1) if text[i:j] in masks]
    assert matcher.matches(text) == every and len(every) > 50
    assert (len(text), len(text) + 1) in [m[:2] for m in matcher.matches(text + "湘")]  # a word on the last character
    assert matcher.matches("") == []


def test_a_patched_matcher_matches_as_one_made_from_scratch():
    # the shipped lexicons, and a member's that differ from them in a few gold names, as a tagger fitted on an older
    # gold's do (some names gone, some new ones that the reports below write)
    import json

    folder = Path(REPO_ROOT, "models", "hanlp-ner")
    first = json.loads((folder / "config.json").read_text(encoding="utf-8"))["lexicon"]
    third = {name: words[5:] if name.startswith("gold_") else words for name, words in first.items()}
    third["gold_PROJ"] = sorted({*third["gold_PROJ"], "城市副中心建设", "国家水网"})
    third["gold_LOC"] = sorted({*third["gold_LOC"], "平原新城"})
    assert first != third
    base = LexiconMatcher(first)
    for old, new in ((first, third), (third, first)):
        patched, fresh = LexiconMatcher(old).patched(old, new), LexiconMatcher(new)
        assert patched._lexicons == fresh._lexicons
        for doc in ("province-beijing-2026", "national-state-council-2024"):
            text = Path(REPO_ROOT, "corpus", "raw", f"{doc}.txt").read_text(encoding="utf-8")
            assert patched.matches(text) == fresh.matches(text)
    # a word that leaves every lexicon is no longer matched (made up)
    smaller = {name: [w for w in words if w != "北京"] for name, words in first.items()}
    assert not any(text_match[:2] == (0, 2) for text_match in base.patched(first, smaller).matches("北京市"))
    assert any(m[:2] == (0, 2) for m in base.matches("北京市"))
