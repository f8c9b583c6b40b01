"""A tagger's BiLSTM run by ONNX Runtime from `lstm.int8.onnx` (written by `pipeline.training.onnx_lstm`).

`NumpyTagger` uses it in place of its own step-by-step NumPy loop when the file is in the tagger's folder and
`onnxruntime` is installed, unless `GOVREPORT_ONNX=0`: one operator call per batch, 8-bit weights, one thread
(parallel work comes from `--workers`). Without either, the NumPy loop runs, as before.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

LSTM_FILE = "lstm.int8.onnx"


def onnx_lstm_for(folder: str | Path) -> OnnxBiLSTM | None:
    """The folder's ONNX BiLSTM, or None (no file, ONNX Runtime not installed, or `GOVREPORT_ONNX=0`)."""
    path = Path(folder) / LSTM_FILE
    if os.environ.get("GOVREPORT_ONNX", "1") == "0" or not path.is_file():
        return None
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    return OnnxBiLSTM(path)


class OnnxBiLSTM:
    def __init__(self, path: str | Path) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.enable_cpu_mem_arena = False  # no arena and no memory patterns: they held more at peak for no speed
        options.enable_mem_pattern = False
        options.log_severity_level = 3  # quiet: the quantised operator's notes are not the user's business
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, x: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """(time, batch, 2 × hidden) outputs, forward then backward, of a padded (time, batch, features) batch;
        each sequence runs over its own length, the backward direction from its own last character."""
        y = self.session.run(None, {"X": x, "L": lengths.astype(np.int32)})[0]  # (time, 2, batch, hidden)
        return np.concatenate([y[:, 0], y[:, 1]], axis=2)
