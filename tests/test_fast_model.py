"""The default's ensemble against its one-tagger variant (`--model fast`), and an ensemble saved with to_disk."""

from __future__ import annotations

import pipeline
from pipeline.paths import REPO_ROOT

TEXT = (REPO_ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt").read_text(encoding="utf-8")[:3000]


def _tagger(nlp):
    return nlp.get_pipe("govreport_hanlp_ner").tagger


def test_the_default_runs_three_taggers_and_fast_one():
    default, fast = pipeline.load(), pipeline.load("fast")
    assert len(_tagger(default).members) == 2
    assert _tagger(fast).members == []
    a, b = default(TEXT), fast(TEXT)
    assert len(a.ents) > 50 and len(b.ents) > 50
    # the ensemble decodes the members' average scores, not the first tagger's (on this report, which both fit,
    # the spans may agree)
    chunk = [list(TEXT[:200])]
    ensemble, alone = _tagger(default).emissions(chunk)[0], _tagger(fast).emissions(chunk)[0]
    assert ensemble.shape == alone.shape and abs(ensemble - alone).max() > 0.1


def test_a_saved_ensemble_keeps_its_members(tmp_path):
    nlp = pipeline.load()
    nlp.to_disk(tmp_path / "saved")
    assert (tmp_path / "saved" / "govreport_hanlp_ner" / "members" / "s2" / "model.npz").is_file()
    again = pipeline.load(tmp_path / "saved")
    assert len(_tagger(again).members) == 2
    assert [(e.start_char, e.end_char, e.label_) for e in again(TEXT).ents] == [
        (e.start_char, e.end_char, e.label_) for e in nlp(TEXT).ents]
