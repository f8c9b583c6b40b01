"""The once-per-text pkuseg features (pipeline.segmenter) against spacy-pkuseg's own, on real reports."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
import spacy_pkuseg
from spacy_pkuseg.config import config
from spacy_pkuseg.inference import getLogYY

from pipeline.paths import REPO_ROOT, SEGMENTER_MODEL
from pipeline.segmenter import (
    FastFeatures,
    accelerate,
    compact_index,
    load_compact_index,
    load_without_dictionary,
    model_weights,
    write_compact_index,
)
from pipeline.textnorm import normalise

REPORTS = ["district-zhuzhou-shifeng-2023", "national-state-council-1955", "province-henan-2026"]


@pytest.fixture(scope="module")
def segmenter():
    return spacy_pkuseg.pkuseg(str(SEGMENTER_MODEL), user_dict=None)


@pytest.fixture(scope="module")
def pieces():
    # the whitespace-free pieces spacy-pkuseg's `cut` hands to `_cut`; digits, Latin letters, ASCII keywords
    out = []
    for doc_id in REPORTS:
        text = normalise((REPO_ROOT / "corpus" / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8"))
        out.extend(text[:6000].split())
    return out


def test_node_scores_are_spacy_pkusegs(segmenter, pieces):
    extractor, model = segmenter.feature_extractor, segmenter.model
    fast = FastFeatures(extractor, config.wordMin, config.wordMax)
    weights, edges = model_weights(model)
    assert sum(map(len, pieces)) > 12000
    for piece in [*pieces, "２０２３年GDP增长5.1%，a.b-c"]:  # the last made up: number, letter and keyword nodes
        nodes = list(extractor.normalize_text(piece))
        features = [extractor.get_node_features_idx(i, nodes) for i in range(len(nodes))]
        node_scores, edge_scores = getLogYY(features, model.n_tag, model.n_feature * model.n_tag, model.w, 1.0)
        assert np.allclose(fast.scores(piece, weights), node_scores, rtol=0, atol=1e-9), piece
        assert np.array_equal(edges, edge_scores)


def test_accelerated_cut_gives_the_same_words(pieces):
    plain = spacy_pkuseg.pkuseg(str(SEGMENTER_MODEL), user_dict=None)
    fast = spacy_pkuseg.pkuseg(str(SEGMENTER_MODEL), user_dict=None)
    accelerate(fast)
    text = " ".join(pieces)
    words = fast.cut(text)
    assert words == plain.cut(text)
    assert "政府工作报告" in words or "政府" in words
    assert fast.cut("") == [] and fast.cut("２０２３年GDP增长5.1%") == plain.cut("２０２３年GDP增长5.1%")  # made up


def test_the_pipeline_tokenizer_uses_it():
    import pipeline

    nlp = pipeline.load("rules")
    doc = nlp("过去一年，全区地区生产总值增长5.1%。")  # made-up snippet
    assert nlp.tokenizer._accelerated is nlp.tokenizer.pkuseg_seg
    assert doc.text == "过去一年，全区地区生产总值增长5.1%。"
    assert "地区" in [t.text for t in doc] or "地区生产总值" in [t.text for t in doc]


def test_quick_load_is_the_same_segmenter(segmenter, pieces):
    quick = load_without_dictionary(SEGMENTER_MODEL)
    assert set(vars(quick)) == set(vars(segmenter))
    text = " ".join(pieces)
    assert quick.cut(text) == segmenter.cut(text)  # spacy-pkuseg's own extraction: asks for the word pairs
    pairs = quick.feature_extractor.bigram
    assert len(pairs) == len(segmenter.feature_extractor.bigram) > 100000
    assert sorted(pairs) == sorted(segmenter.feature_extractor.bigram)  # what spaCy's to_disk writes


def test_a_saved_tokenizer_loads_back_with_the_same_words(tmp_path):
    import pipeline

    nlp = pipeline.load("rules")
    text = "过去一年，全区地区生产总值增长5.1%，规模以上工业增加值增长6.2%。"  # made-up snippet
    words = [t.text for t in nlp(text)]
    nlp.tokenizer.to_disk(tmp_path / "tokenizer")
    nlp.tokenizer.from_disk(tmp_path / "tokenizer")
    assert [t.text for t in nlp(text)] == words


def test_the_compact_index_gives_the_same_words(segmenter, pieces):
    quick = load_without_dictionary(SEGMENTER_MODEL)
    assert quick.feature_extractor.compact_index is not None  # the shipped folder's index is current
    accelerate(quick)
    text = " ".join(pieces)
    assert quick.cut(text) == segmenter.cut(text)
    # spacy-pkuseg's own index, read on first use, is the one the compact index was made from
    assert compact_index(quick.feature_extractor.feature_to_idx) == quick.feature_extractor.compact_index


def test_a_compact_index_of_another_feature_file_is_not_used(tmp_path):
    for name in ("features.msgpack", "weights.npz"):
        shutil.copy(SEGMENTER_MODEL / name, tmp_path / name)
    assert load_compact_index(tmp_path) is None  # none written: the feature file is read
    write_compact_index(tmp_path)
    assert load_compact_index(tmp_path) is not None
    with open(tmp_path / "features.msgpack", "ab") as fh:  # the feature file changed since (a retrained model)
        fh.write(b"\x00")
    assert load_compact_index(tmp_path) is None
    assert not hasattr(load_without_dictionary(tmp_path).feature_extractor, "compact_index")
