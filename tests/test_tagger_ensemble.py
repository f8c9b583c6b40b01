"""An ensemble of NumPy taggers (`members/` inside a model folder): the plumbing, on the shipped tagger and a real
report."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from pipeline.backends.chunking import chunk_bounds, chunk_tokens
from pipeline.backends.numpy_tagger import MEMBERS, WEIGHTS, NumpyTagger
from pipeline.paths import MODELS_DIR, REPO_ROOT
from pipeline.textnorm import normalise

SHIPPED = MODELS_DIR / "hanlp-ner"


@pytest.fixture(scope="module")
def chunks():
    text = normalise((REPO_ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt").read_text(encoding="utf-8"))
    return [c for c in (chunk_tokens(text, s, e)[0] for s, e in chunk_bounds(text)) if c]


def _copy(src, dst):
    dst.mkdir(parents=True)
    for name in ("config.json", "vocabs.json", WEIGHTS):
        shutil.copy(src / name, dst / name)


def _permuted(src, dst, perm):
    """The same tagger with its tags listed in another order (scores and transitions permuted to match)."""
    dst.mkdir(parents=True)
    shutil.copy(src / "config.json", dst / "config.json")
    vocabs = json.loads((src / "vocabs.json").read_text(encoding="utf-8"))
    vocabs["tag"]["idx_to_token"] = [vocabs["tag"]["idx_to_token"][i] for i in perm]
    (dst / "vocabs.json").write_text(json.dumps(vocabs, ensure_ascii=False), encoding="utf-8")
    with np.load(src / WEIGHTS) as w:
        arrays = {k: w[k] for k in w.files}
    arrays["out__weight"], arrays["out__bias"] = arrays["out__weight"][perm], arrays["out__bias"][perm]
    arrays["crf__start_transitions"] = arrays["crf__start_transitions"][perm]
    arrays["crf__end_transitions"] = arrays["crf__end_transitions"][perm]
    arrays["crf__transitions"] = arrays["crf__transitions"][np.ix_(perm, perm)]
    np.savez(dst / WEIGHTS, **arrays)


def test_an_ensemble_of_one_tagger_with_itself_tags_as_the_tagger(chunks, tmp_path):
    alone = NumpyTagger(SHIPPED, members=False)
    assert alone.members == [] and NumpyTagger(SHIPPED).members  # the shipped tagger is an ensemble
    folder = tmp_path / "ensemble"
    _copy(SHIPPED, folder)
    n_tags = len(alone.tags)
    perm = list(range(n_tags))[::-1]
    _copy(SHIPPED, folder / MEMBERS / "same")
    _permuted(SHIPPED, folder / MEMBERS / "reordered", perm)
    ensemble = NumpyTagger(folder)
    assert len(ensemble.members) == 2
    # the members share the folder's lexicon: it is matched once per chunk
    assert all(member.matcher is ensemble.matcher for member, _ in ensemble.members)
    assert ensemble.predict(chunks) == alone.predict(chunks)
    assert len(chunks) > 50


def test_an_ensemble_averages_different_taggers(chunks, tmp_path):
    alone = NumpyTagger(SHIPPED, members=False)
    folder = tmp_path / "ensemble"
    _copy(SHIPPED, folder)
    _copy(SHIPPED, folder / MEMBERS / "other")
    with np.load(SHIPPED / WEIGHTS) as w:  # a member whose scores lean towards O: fewer spans, never more
        arrays = {k: w[k] for k in w.files}
    o = json.loads((SHIPPED / "vocabs.json").read_text(encoding="utf-8"))["tag"]["idx_to_token"].index("O")
    arrays["out__bias"] = arrays["out__bias"].copy()
    arrays["out__bias"][o] += 4.0
    np.savez(folder / MEMBERS / "other" / WEIGHTS, **arrays)
    ensemble = NumpyTagger(folder)
    found = sum(map(len, ensemble.predict(chunks)))
    assert 0 < found < sum(map(len, alone.predict(chunks)))
    assert np.allclose(ensemble.start, alone.start) and np.allclose(ensemble.trans, alone.trans)


def test_a_member_with_other_tags_is_refused(tmp_path):
    folder = tmp_path / "ensemble"
    _copy(SHIPPED, folder)
    _copy(SHIPPED, folder / MEMBERS / "odd")
    vocabs = json.loads((folder / MEMBERS / "odd" / "vocabs.json").read_text(encoding="utf-8"))
    vocabs["tag"]["idx_to_token"][-1] = "B-XYZ"
    (folder / MEMBERS / "odd" / "vocabs.json").write_text(json.dumps(vocabs), encoding="utf-8")
    with pytest.raises(ValueError, match="tags differ"):
        NumpyTagger(folder)
