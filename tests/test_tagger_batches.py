"""The tagger's batch embedding (`NumpyTagger._scores`) on real report text: the rows of lexicon states summed once
per distinct row give what summing them per character gives, whichever way the distinct rows are found."""

from __future__ import annotations

import numpy as np
import pytest

import pipeline.backends.numpy_tagger as numpy_tagger
from pipeline.backends import HANLP_MODEL
from pipeline.paths import REPO_ROOT


@pytest.fixture(scope="module")
def chunks() -> list[list[str]]:
    text = (REPO_ROOT / "corpus" / "raw" / "province-henan-2026.txt").read_text(encoding="utf-8")
    return [list(c) for c in text.replace("\n", "。").split("。") if c][:60]


def test_distinct_rows_by_integer_or_by_row_give_the_same_scores(chunks, monkeypatch):
    tagger = numpy_tagger.NumpyTagger(HANLP_MODEL, members=False)
    by_integer = tagger.emissions(chunks)
    monkeypatch.setattr(numpy_tagger, "_ROW_CODE_LEXICONS", 0)  # as for a tagger with more lexicons than fit
    by_row = tagger.emissions(chunks)
    assert all(np.array_equal(a, b) for a, b in zip(by_integer, by_row, strict=True))
    # and both are the per-character sum of the state vectors
    chunk = chunks[3]
    states = tagger.matcher.feature_array("".join(chunk)).astype(np.int64)
    per_character = tagger.char[[tagger._index.get(c, tagger._unk) for c in chunk]] + tagger.states[
        states + np.arange(states.shape[1]) * numpy_tagger.N_STATES].sum(axis=1)
    if tagger._bigrams is not None:
        ids = numpy_tagger.bigram_ids(chunk, tagger._bigrams)
        per_character = per_character + tagger.bigram_left[ids[:, 0]] + tagger.bigram_right[ids[:, 1]]
    assert np.array_equal(tagger._embed("".join(chunk)), per_character)


def test_a_chunk_of_several_characters_per_item_is_refused(chunks):
    tagger = numpy_tagger.NumpyTagger(HANLP_MODEL, members=False)
    with pytest.raises(ValueError, match="single characters"):
        tagger.emissions([["河南", "省"]])  # made up: a word where a character belongs


def test_the_batch_size_follows_how_the_bilstm_runs(chunks, monkeypatch):
    with_onnx = numpy_tagger.NumpyTagger(HANLP_MODEL, members=False)
    assert with_onnx.onnx_lstm is not None and with_onnx.batch_size == 32
    assert with_onnx.predict(chunks) == with_onnx.predict(chunks, batch_size=32)
    monkeypatch.setenv("GOVREPORT_ONNX", "0")
    assert numpy_tagger.NumpyTagger(HANLP_MODEL, members=False).batch_size == 64
