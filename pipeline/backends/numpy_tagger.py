"""The trained character BiLSTM-CRF tagger run with NumPy alone, so prediction needs neither torch nor HanLP.

`pipeline.training.hanlp_ner` trains the tagger with HanLP (torch) and, beside HanLP's own `model.pt`, writes
its weights as `model.npz` (`export_weights`). `NumpyTagger` reads that file with the model's `config.json`
and `vocabs.json` and computes what HanLP's `RNNTaggingModel` does at prediction: character embedding plus
the lexicon states' embeddings, one bidirectional LSTM layer over each chunk, a linear layer to tag scores
and CRF Viterbi decoding. Dropout is off at prediction, so nothing else is left out. Its output equals
HanLP's tag for tag (`tests/test_hanlp_pipeline.py`); HanLP stays the loader for a folder without `model.npz`
and for HanLP's pretrained ids.

A folder may hold further taggers under `members/<name>/` (trained like the folder's own, with another seed or
size): the tagger is then their ensemble: each member scores the characters, the scores and the CRF's
transitions are averaged over the members, and one Viterbi pass decodes the average.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from pipeline.backends.bigrams import bigram_ids, bigram_index
from pipeline.backends.lexicon import N_STATES, LexiconMatcher
from pipeline.backends.onnx_lstm import onnx_lstm_for
from pipeline.sorted_lookup import code_points, positions

WEIGHTS = "model.npz"
MEMBERS = "members"  # sub-folder of further taggers whose scores are averaged with the folder's own
_SPAN_START = ("B-", "S-")


def export_weights(folder: str | Path) -> Path:
    """Write `folder/model.npz` from HanLP's `folder/model.pt` (training side: needs torch)."""
    import torch

    folder = Path(folder)
    state = torch.load(folder / "model.pt", map_location="cpu", weights_only=True)
    arrays = {name.replace(".", "__"): tensor.float().numpy() for name, tensor in state.items()}
    out = folder / WEIGHTS
    tmp = out.with_suffix(".tmp.npz")
    np.savez(tmp, **arrays)
    tmp.replace(out)
    return out


def read_weights(folder: str | Path) -> dict[str, np.ndarray]:
    """The arrays of `folder/model.npz` by their torch names (the inverse of `export_weights`)."""
    with np.load(Path(folder) / WEIGHTS) as w:
        return {name.replace("__", "."): w[name] for name in w.files}


def member_folders(folder: Path) -> list[Path]:
    """The further taggers of an ensemble folder (`members/<name>/` with their weights), in name order."""
    return sorted(p for p in (Path(folder) / MEMBERS).glob("*") if (p / WEIGHTS).is_file())


_ROW_CODE_LEXICONS = 27  # 5 ** 27 < 2 ** 63: up to 27 lexicons, a row of states is one int64


def _running(lengths: np.ndarray, time: int) -> np.ndarray:
    """For each step of a batch whose lengths do not increase, how many rows (a prefix) are still running."""
    return np.searchsorted(-lengths, -np.arange(time), side="left")


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)  # exact, and without exp overflow warnings


class NumpyTagger:
    """A saved HanLP RNN NER (`RNNNamedEntityRecognizerBatchFirstCRF`) read from `model.npz`.

    `predict(chunks)` takes lists of characters and returns, per chunk, its spans as HanLP's tagger does:
    ``(text, label, first, end)`` with `end` exclusive."""

    def __init__(self, folder: str | Path, members: bool = True, parent: NumpyTagger | None = None) -> None:
        folder = Path(folder)
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        vocabs = json.loads((folder / "vocabs.json").read_text(encoding="utf-8"))
        if config.get("tagging_scheme", "BIO") not in ("IOBES", "BIO") or not config.get("crf", True):
            raise ValueError(f"{folder}: only CRF taggers with BIO or IOBES tags run without HanLP")
        tokens = vocabs["token"]["idx_to_token"]
        self._index = {token: i for i, token in enumerate(tokens)}
        self._unk = self._index.get(vocabs["token"].get("unk_token") or "<unk>", 1)
        # the one-character tokens by code point, sorted: a whole batch's ids are looked up at once (`_ids`)
        chars = sorted((ord(t), i) for t, i in self._index.items() if len(t) == 1)
        self._codes = np.array([c for c, _ in chars], dtype=np.int64)
        self._code_ids = np.array([i for _, i in chars] or [self._unk], dtype=np.int64)
        self.tags: list[str] = vocabs["tag"]["idx_to_token"]
        lexicon = config.get("lexicon")
        self._lexicon = lexicon
        if parent is not None and lexicon and parent._lexicon == lexicon:
            self.matcher = parent.matcher  # one lexicon, built once and matched once per chunk for all members
        elif parent is not None and lexicon and parent.matcher is not None:
            self.matcher = parent.matcher.patched(parent._lexicon, lexicon)  # a few words apart: patched
        else:
            self.matcher = LexiconMatcher(lexicon) if lexicon else None
        weights = read_weights(folder)
        if self.matcher is not None:
            self.char = weights["embed.char.weight"]
            self.states = weights["embed.states.weight"]
        else:
            self.char, self.states = weights["embed.weight"], None
        self._bigrams, self.bigram_left, self.bigram_right = None, None, None
        self._bigram_list = config.get("bigrams")
        if config.get("bigrams"):
            # The projection folded into the frozen vectors once: one row lookup per side at prediction.
            table, proj = weights["embed.bigram.weight"], weights["embed.bigram_proj.weight"]
            dim = table.shape[1]
            same = parent is not None and parent._bigram_list == config["bigrams"]
            self._bigrams = parent._bigrams if same else bigram_index(config["bigrams"])  # one index for all
            self.bigram_left = np.ascontiguousarray(table @ proj[:, :dim].T, dtype=np.float32)
            self.bigram_right = np.ascontiguousarray(table @ proj[:, dim:].T, dtype=np.float32)
        self.onnx_lstm = onnx_lstm_for(folder)  # the same layer by ONNX Runtime, 8-bit weights (when shipped)
        # Chunks per batch, as measured on ten provincial reports: ONNX Runtime's 8-bit operator runs fastest at
        # 32 (its activations are quantised per call: a batch's longest chunks set the scale), the NumPy loop at 64.
        self.batch_size = 32 if self.onnx_lstm is not None else 64
        if self.onnx_lstm is None:
            # Gates reordered from torch's (input, forget, cell, output) to (input, forget, output, cell): one
            # sigmoid over the first three, one tanh over the last; weights transposed once for the matmuls.
            hidden = weights["word_lstm.weight_hh_l0"].shape[1]
            order = np.r_[0:2 * hidden, 3 * hidden:4 * hidden, 2 * hidden:3 * hidden]
            self.lstm = [(np.ascontiguousarray(weights[f"word_lstm.weight_ih_l0{d}"][order].T),
                          np.ascontiguousarray(weights[f"word_lstm.weight_hh_l0{d}"][order].T),
                          (weights[f"word_lstm.bias_ih_l0{d}"] + weights[f"word_lstm.bias_hh_l0{d}"])[order])
                         for d in ("", "_reverse")]
        self.out_w, self.out_b = weights["out.weight"], weights["out.bias"]
        self.start = weights["crf.start_transitions"]
        self.end = weights["crf.end_transitions"]
        self.trans = weights["crf.transitions"]
        self.members: list[tuple[NumpyTagger, np.ndarray]] = []  # (tagger, its tag columns in our order)
        for member_dir in member_folders(folder) if members else []:
            member = NumpyTagger(member_dir, members=False, parent=self)
            if set(member.tags) != set(self.tags):
                raise ValueError(f"{member_dir}: its tags differ from those of {folder}")
            self.members.append((member, np.array([member.tags.index(t) for t in self.tags])))
        if self.members:  # the ensemble decodes with the members' average transitions
            taggers = [(self, np.arange(len(self.tags))), *self.members]
            self.start = np.mean([t.start[cols] for t, cols in taggers], axis=0)
            self.end = np.mean([t.end[cols] for t, cols in taggers], axis=0)
            self.trans = np.mean([t.trans[np.ix_(cols, cols)] for t, cols in taggers], axis=0)

    def _ids(self, text: str) -> np.ndarray:
        """The vocabulary id of each character of `text` (the unknown id for one outside it)."""
        at = positions(self._codes, code_points(text))
        return np.where(at >= 0, self._code_ids[at], self._unk)

    def _embed(self, text: str, states: np.ndarray | None = None, bigrams: np.ndarray | None = None) -> np.ndarray:
        """Character embeddings of `text` plus the lexicon states' and the bigrams' (`states`: the matcher's
        array; `bigrams`: the bigram ids; both computed here when not given)."""
        x = self.char[self._ids(text)]
        if self.matcher is not None:
            if states is None:
                states = self.matcher.feature_array(text)
            # Few characters lie in a lexicon word: the rows of states repeat, and each distinct row's sum of
            # state vectors is made once (the same sum, in the same order, as per character).
            if states.shape[1] <= _ROW_CODE_LEXICONS:  # a row's states as one integer: unique over integers
                codes = states.astype(np.int64) @ N_STATES ** np.arange(states.shape[1], dtype=np.int64)
                distinct, inverse = np.unique(codes, return_index=True, return_inverse=True)[1:]
            else:
                distinct, inverse = np.unique(states, axis=0, return_index=True, return_inverse=True)[1:]
            inverse = inverse.reshape(-1)
            rows = states[distinct].astype(np.int64) + np.arange(states.shape[1]) * N_STATES
            x = x + self.states[rows].sum(axis=1)[inverse]
        if self._bigrams is not None:
            ids = bigram_ids(text, self._bigrams) if bigrams is None else bigrams
            x = x + self.bigram_left[ids[:, 0]] + self.bigram_right[ids[:, 1]]
        return x

    def _lstm(self, x: np.ndarray, lengths: np.ndarray, direction: int) -> np.ndarray:
        """One LSTM direction over a padded batch (time, batch, input) whose lengths do not increase; each
        sequence runs over its own length only, as a packed sequence does in torch (for the reverse
        direction `x` holds each sequence reversed within its length). Time-major, so the rows of one step
        are contiguous."""
        w_ih, w_hh, bias = self.lstm[direction]
        time, batch, _ = x.shape
        hidden = w_hh.shape[0]
        gates_in = x @ w_ih
        gates_in += bias
        c = np.zeros((batch, hidden), dtype=np.float32)
        out = np.zeros((time, batch, hidden), dtype=np.float32)
        h = np.zeros((batch, hidden), dtype=np.float32)
        live = _running(lengths, time)
        three = 3 * hidden
        for t in range(time):
            n = live[t]
            gates = gates_in[t, :n]
            gates += h[:n] @ w_hh
            sig = gates[:, :three]  # sigmoid in place: 0.5 * (tanh(x / 2) + 1)
            sig *= 0.5
            np.tanh(sig, out=sig)
            sig += 1.0
            sig *= 0.5
            cell = gates[:, three:]
            np.tanh(cell, out=cell)
            cell *= sig[:, :hidden]
            c_n = c[:n]
            c_n *= sig[:, hidden:2 * hidden]
            c_n += cell
            h_n = out[t, :n]
            np.tanh(c_n, out=h_n)
            h_n *= sig[:, 2 * hidden:]
            h = out[t]
        return out

    def _viterbi(self, scores: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
        """Best tag paths of a batch (batch, time, tags) whose lengths do not increase."""
        batch, time, _ = scores.shape
        best = self.start + scores[:, 0]
        history = np.zeros((time, batch, len(self.tags)), dtype=np.int64)
        live = _running(lengths, time)
        into = np.ascontiguousarray(self.trans.T)  # (tag, previous tag): the max runs along contiguous memory
        for t in range(1, time):
            n = live[t]
            # the emission of the tag at t is the same whatever came before: added after the max
            step = best[:n, None, :] + into
            came = step.argmax(axis=2)
            history[t, :n] = came
            best[:n] = np.take_along_axis(step, came[:, :, None], axis=2)[:, :, 0] + scores[:n, t]
        last = (best + self.end).argmax(axis=1)
        # Back through the batch at once: a row joins at its own last step, with its best final tag.
        paths = np.zeros((batch, time), dtype=np.int64)
        rows = np.arange(batch)
        tag = np.zeros(batch, dtype=np.int64)
        for t in range(time - 1, -1, -1):
            ending = lengths - 1 == t
            tag[ending] = last[ending]
            paths[:, t] = tag
            tag = history[t, rows, tag]
        return [paths[row, :lengths[row]].tolist() for row in range(batch)]

    def emissions(self, chunks: Sequence[Sequence[str]], batch_size: int | None = None) -> list[np.ndarray]:
        """Per chunk, the (characters × tags) scores the CRF decodes (`suggest` reads their uncertainty)."""
        # The step matmuls are small: a second BLAS thread only waits on the first (3× slower on a busy
        # machine), and parallel work comes from `--workers`.
        with threadpool_limits(limits=1, user_api="blas"):
            return self._emissions(chunks, batch_size)

    def _batches(self, chunks: Sequence[Sequence[str]], batch_size: int | None):
        """(members, lengths, scores) per batch: chunk indices longest first, their lengths, and the
        (batch, time, tags) scores the CRF decodes (the average over the ensemble's members, if any)."""
        batch_size = batch_size or self.batch_size
        # Longest first: little padding per batch, and the rows still running at a step are a prefix.
        order = [k for k in sorted(range(len(chunks)), key=lambda k: -len(chunks[k])) if len(chunks[k])]
        for b in range(0, len(order), batch_size):
            members = order[b:b + batch_size]
            lengths = np.array([len(chunks[k]) for k in members])
            batch = [chunks[k] for k in members]
            states: dict = {}  # the batch's layout and lexicon states: members sharing a lexicon match it once
            scores = self._scores(batch, lengths, states)
            for member, cols in self.members:
                scores += member._scores(batch, lengths, states)[:, :, cols]
            if self.members:
                scores /= len(self.members) + 1
            yield members, lengths, scores.transpose(1, 0, 2)

    def _scores(self, batch: list[Sequence[str]], lengths: np.ndarray, states: dict) -> np.ndarray:
        """This tagger's (time, batch, tags) scores of a batch whose lengths do not increase (`states`: what the
        batch's taggers share, made by the first that needs it)."""
        if "layout" not in states:  # the batch's characters as one text, and each one's (step, row)
            texts = ["".join(chunk) for chunk in batch]
            rows = np.repeat(np.arange(len(batch)), lengths)
            steps = np.arange(len(rows)) - np.repeat(np.cumsum(lengths) - lengths, lengths)
            if sum(map(len, texts)) != len(rows):
                raise ValueError("a chunk must be a sequence of single characters")
            states["layout"] = ("".join(texts), texts, steps, rows)
        text, texts, steps, rows = states["layout"]
        lexicon, bigrams = (id(self.matcher), "lexicon"), (id(self._bigrams), "bigrams")
        if self.matcher is not None and lexicon not in states:  # matched per chunk: no word across two
            states[lexicon] = self.matcher.feature_arrays(texts)
        if self._bigrams is not None and bigrams not in states:
            states[bigrams] = np.concatenate([bigram_ids(t, self._bigrams) for t in texts])
        embedded = self._embed(text, states.get(lexicon), states.get(bigrams))
        x = np.zeros((int(lengths[0]), len(batch), self.char.shape[1]), dtype=np.float32)
        x[steps, rows] = embedded
        if self.onnx_lstm is not None:
            return self.onnx_lstm(x, lengths) @ self.out_w.T + self.out_b
        # each row reversed within its own length, for the NumPy backward LSTM (ONNX Runtime's reverses by length)
        x_reversed = np.zeros_like(x)
        x_reversed[np.repeat(lengths, lengths) - 1 - steps, rows] = embedded
        backward = self._lstm(x_reversed, lengths, 1)
        for row, length in enumerate(lengths):
            backward[:length, row] = backward[length - 1::-1, row].copy()
        hidden = np.concatenate([self._lstm(x, lengths, 0), backward], axis=2)
        return hidden @ self.out_w.T + self.out_b

    def _emissions(self, chunks: Sequence[Sequence[str]], batch_size: int | None) -> list[np.ndarray]:
        out = [np.zeros((0, len(self.tags)), dtype=np.float32) for _ in chunks]
        for members, lengths, scores in self._batches(chunks, batch_size):
            for row, k in enumerate(members):
                out[k] = scores[row, :lengths[row]]
        return out

    def tag(self, chunks: Sequence[Sequence[str]], batch_size: int | None = None) -> list[list[str]]:
        """The tag of every character of every chunk."""
        tags: list[list[str]] = [[] for _ in chunks]
        with threadpool_limits(limits=1, user_api="blas"):
            for members, lengths, scores in self._batches(chunks, batch_size):
                for k, path in zip(members, self._viterbi(scores, lengths), strict=True):
                    tags[k] = [self.tags[i] for i in path]
        return tags

    def predict(self, chunks: Sequence[Sequence[str]], batch_size: int | None = None) -> list[list[tuple]]:
        """Spans per chunk, ``(text, label, first, end)``: a span opens at B-/S- (or at an I-/E- after a
        different label, as HanLP reads ill-formed sequences) and runs over the I-/E- tags of its label."""
        results = []
        for chunk, tags in zip(chunks, self.tag(chunks, batch_size), strict=True):
            spans, start, label = [], None, None
            for i, tag in enumerate([*tags, "O"]):
                inside = tag[:2] in ("I-", "E-") and tag[2:] == label
                if start is not None and not inside:
                    spans.append(("".join(chunk[start:i]), label, start, i))
                    start = label = None
                if tag != "O" and not inside:
                    start, label = i, tag[2:]
            results.append(spans)
        return results
