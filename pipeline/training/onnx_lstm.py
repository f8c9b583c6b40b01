"""Write a tagger's BiLSTM as an ONNX model with 8-bit weights, for ONNX Runtime at prediction.

The BiLSTM is most of the tagger's time (`docs/performance.md`). `NumpyTagger` runs it step by step in NumPy; ONNX
Runtime runs the same layer as one `LSTM` operator, and with its weights quantised to 8 bits
(`onnxruntime.quantization.quantize_dynamic`: int8 weights, activations quantised per call) about twice as fast.
This module builds the operator from `model.npz` and quantises it (build side: needs `onnx`); the runtime side is
`pipeline.backends.onnx_lstm`, which `NumpyTagger` uses when the file is there and ONNX Runtime is installed.

    python -m pipeline.training.onnx_lstm models/hanlp-ner     # the folder and each of its members/
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

import numpy as np

from pipeline.backends.numpy_tagger import member_folders, read_weights
from pipeline.backends.onnx_lstm import LSTM_FILE


def _onnx_gates(weights: dict[str, np.ndarray], name: str, hidden: int) -> np.ndarray:
    """Both directions' rows of a torch LSTM weight, from torch's gate order (input, forget, cell, output) to
    ONNX's (input, output, forget, cell)."""
    order = np.r_[0:hidden, 3 * hidden:4 * hidden, hidden:2 * hidden, 2 * hidden:3 * hidden]
    return np.stack([weights[f"word_lstm.{name}_l0{d}"][order] for d in ("", "_reverse")]).astype(np.float32)


def lstm_model(weights: dict[str, np.ndarray]):  # noqa: ANN201  (an onnx.ModelProto; onnx imported here only)
    """The bidirectional LSTM of a tagger's weights as an ONNX model: inputs X (time, batch, features) and L
    (batch lengths, int32), output Y (time, 2, batch, hidden), each sequence run over its own length."""
    from onnx import TensorProto, helper, numpy_helper

    hidden = weights["word_lstm.weight_hh_l0"].shape[1]
    features = weights["word_lstm.weight_ih_l0"].shape[1]
    w = _onnx_gates(weights, "weight_ih", hidden)
    r = _onnx_gates(weights, "weight_hh", hidden)
    bias = np.concatenate([_onnx_gates(weights, "bias_ih", hidden), _onnx_gates(weights, "bias_hh", hidden)], axis=1)
    graph = helper.make_graph(
        [helper.make_node("LSTM", ["X", "W", "R", "B", "L"], ["Y"], direction="bidirectional", hidden_size=hidden)],
        "tagger_bilstm",
        [helper.make_tensor_value_info("X", TensorProto.FLOAT, ["time", "batch", features]),
         helper.make_tensor_value_info("L", TensorProto.INT32, ["batch"])],
        [helper.make_tensor_value_info("Y", TensorProto.FLOAT, ["time", 2, "batch", hidden])],
        [numpy_helper.from_array(w, "W"), numpy_helper.from_array(r, "R"), numpy_helper.from_array(bias, "B")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 9  # what ONNX Runtime 1.17 and later read
    return model


def export_lstm(folder: str | Path) -> Path:
    """Write `folder/lstm.int8.onnx` from `folder/model.npz`, atomically (the same bytes for the same weights)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder = Path(folder)
    out = folder / LSTM_FILE
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "lstm.onnx"
        onnx.save(lstm_model(read_weights(folder)), plain)
        done = Path(tmp) / "done.onnx"
        quantize_dynamic(plain, done, op_types_to_quantize=["LSTM"], weight_type=QuantType.QInt8)
        staged = out.with_suffix(".tmp")
        staged.write_bytes(done.read_bytes())
        staged.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write each tagger's BiLSTM as an 8-bit ONNX model "
                                                 "(the folder's own and its members').")
    parser.add_argument("folder", type=Path, help="a tagger folder with model.npz (models/hanlp-ner)")
    args = parser.parse_args(argv)
    for folder in [args.folder, *member_folders(args.folder)]:
        print(export_lstm(folder))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
