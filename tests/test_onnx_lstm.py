"""The BiLSTM run by ONNX Runtime with 8-bit weights (pipeline.backends.onnx_lstm) against the NumPy loop."""

import pytest

from pipeline.backends import HANLP_MODEL
from pipeline.backends.numpy_tagger import NumpyTagger
from pipeline.backends.onnx_lstm import LSTM_FILE, onnx_lstm_for
from pipeline.paths import REPO_ROOT

pytest.importorskip("onnxruntime")


def _chunks(path, limit):
    text = path.read_text(encoding="utf-8")[:limit]
    return [list(c) for c in text.replace("\n", "。").split("。") if c]


def test_the_shipped_taggers_run_their_8_bit_bilstm_and_keep_their_tags(monkeypatch):
    assert all((folder / LSTM_FILE).is_file() for folder in [HANLP_MODEL, *sorted((HANLP_MODEL / "members").iterdir())])
    chunks = _chunks(REPO_ROOT / "corpus" / "raw" / "province-henan-2026.txt", 6000)
    fast = NumpyTagger(HANLP_MODEL)
    assert fast.onnx_lstm is not None and all(member.onnx_lstm is not None for member, _ in fast.members)
    monkeypatch.setenv("GOVREPORT_ONNX", "0")
    plain = NumpyTagger(HANLP_MODEL)
    assert plain.onnx_lstm is None
    # the three members' averaged scores and the CRF absorb most of the 8-bit rounding (one tagger's own emissions
    # agree on 99.4 % of characters' best tags, docs/performance.md): here 2 characters' tags of 5,853 differ
    fast_tags, plain_tags = fast.tag(chunks), plain.tag(chunks)
    pairs = [(a, b) for fast_chunk, plain_chunk in zip(fast_tags, plain_tags, strict=True)
             for a, b in zip(fast_chunk, plain_chunk, strict=True)]
    assert len(pairs) > 5000
    assert sum(a == b for a, b in pairs) / len(pairs) >= 0.999


def test_no_file_or_onnx_switched_off_leaves_the_numpy_loop(tmp_path, monkeypatch):
    assert onnx_lstm_for(tmp_path) is None
    (tmp_path / LSTM_FILE).write_bytes((HANLP_MODEL / LSTM_FILE).read_bytes())
    assert onnx_lstm_for(tmp_path) is not None
    monkeypatch.setenv("GOVREPORT_ONNX", "0")
    assert onnx_lstm_for(tmp_path) is None


def test_the_build_writes_the_shipped_8_bit_bilstm_byte_for_byte(tmp_path):
    pytest.importorskip("onnx")
    from pipeline.backends.numpy_tagger import WEIGHTS
    from pipeline.training.onnx_lstm import export_lstm

    shipped = HANLP_MODEL / "members" / "s2"
    (tmp_path / WEIGHTS).write_bytes((shipped / WEIGHTS).read_bytes())
    out = export_lstm(tmp_path)
    assert out == tmp_path / LSTM_FILE and not list(tmp_path.glob("*.tmp"))
    assert out.read_bytes() == (shipped / LSTM_FILE).read_bytes()
