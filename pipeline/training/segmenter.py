"""Train the spacy-pkuseg segmentation model on People's Daily 1998-01 (research-only, read from shared/).

``python -m pipeline.training.segmenter --out models/pkuseg-pd1998 --iters 6``

The corpus's word/POS tokens are stripped to words (bracketed compounds such as
``[中央/n 人民/n 广播/vn 电台/n]nt`` keep their inner words, as in PKU's own segmentation standard).
Full-width digits and letters are folded to ASCII first, because the pipeline feeds the segmenter
text normalised the same way.
"""

from __future__ import annotations

import argparse
import random
import re
import tempfile
import time
from pathlib import Path

from pipeline.segmenter import write_compact_index
from pipeline.textnorm import fold_char
from pipeline.training.general_data import general_corpus

_TOKEN = re.compile(r"^\[?(?P<word>.+?)/[a-zA-Z]+\]?[a-zA-Z]*$")


def pd1998_sentences(path: Path) -> list[list[str]]:
    """Words of each paragraph of the PFR corpus, POS tags and compound brackets removed."""
    paragraphs: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            tokens = line.split()
            if len(tokens) < 2:
                continue
            words = []
            for tok in tokens[1:]:  # tokens[0] is the paragraph id
                m = _TOKEN.match(tok)
                if m:
                    words.append("".join(fold_char(c) for c in m.group("word")))
            if words:
                paragraphs.append(words)
    return paragraphs


def sighan_gold(path: Path) -> list[list[str]]:
    """Words of each line of a SIGHAN 2005 gold file (two-space separated)."""
    with open(path, encoding="utf-8") as fh:
        return [["".join(fold_char(c) for c in w) for w in line.split()] for line in fh if line.strip()]


def write_words(sentences: list[list[str]], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for words in sentences:
            fh.write(" ".join(words) + "\n")


def train(out: Path, iters: int, limit: int | None = None, seed: int = 0) -> Path:
    """Train a pkuseg model into `out`; returns the folder (``features.msgpack`` + ``weights.npz``)."""
    import spacy_pkuseg

    paragraphs = pd1998_sentences(general_corpus("pos_pku_peoples_daily_199801/199801.txt"))
    random.Random(seed).shuffle(paragraphs)
    if limit:
        paragraphs = paragraphs[:limit]
    held_out = paragraphs[:500]  # pkuseg reports F1 on this after each iteration
    with tempfile.TemporaryDirectory() as tmp:
        train_file, test_file = Path(tmp) / "train.txt", Path(tmp) / "test.txt"
        write_words(paragraphs[500:], train_file)
        write_words(held_out, test_file)
        spacy_pkuseg.train(str(train_file), str(test_file), str(out), train_iter=iters)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Train the pkuseg segmenter on People's Daily 1998-01.")
    parser.add_argument("--out", type=Path, default=Path("models/pkuseg-pd1998"))
    parser.add_argument("--iters", type=int, default=6)
    parser.add_argument("--limit", type=int, help="use only this many paragraphs (quick tests)")
    parser.add_argument("--min-weight", type=float, default=0.05, help="prune features below this weight")
    args = parser.parse_args(argv)
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        full = train(Path(tmp) / "full", args.iters, args.limit)
        before, after = prune(full, args.out, args.min_weight)
    write_compact_index(args.out)  # what prediction loads instead of the feature file (pipeline.segmenter)
    print(f"trained {args.out} in {time.time() - start:.0f}s ({after:,} of {before:,} features kept)")
    gold = general_corpus("cws_sighan2005_icwb2/gold/pku_test_gold.utf8")
    print("SIGHAN 2005 PKU test:", {k: round(v, 4) for k, v in word_f1(args.out, gold).items()})



def prune(model_dir: Path, out: Path, min_weight: float) -> tuple[int, int]:
    """Drop features whose weights are all below `min_weight` in magnitude (the model shrinks ~3x at 0.05
    for a few hundredths of a point of F1; see models/pkuseg-pd1998/MODEL_CARD.md)."""
    import numpy as np
    import srsly

    feats = srsly.read_msgpack(model_dir / "features.msgpack")
    npz = np.load(model_dir / "weights.npz")
    n_tag, n_feature = (int(x) for x in npz["sizes"])
    w = npz["w"]
    node = w[: n_tag * n_feature].reshape(n_feature, n_tag)
    edge = w[n_tag * n_feature:]
    keep = np.abs(node).max(axis=1) >= min_weight
    keep[0] = True  # feature 0 is the bias-like "$$" feature every position fires
    new_index = np.cumsum(keep) - 1
    feats["feature_to_idx"] = {f: int(new_index[i]) for f, i in feats["feature_to_idx"].items() if keep[i]}
    kept = int(keep.sum())
    out.mkdir(parents=True, exist_ok=True)
    srsly.write_msgpack(out / "features.msgpack", feats)
    np.savez(out / "weights.npz", sizes=np.array([n_tag, kept]), w=np.concatenate([node[keep].ravel(), edge]))
    return n_feature, kept


def word_f1(model_dir: Path, gold_path: Path) -> dict[str, float]:
    """Word-segmentation P/R/F1 of a pkuseg model on a SIGHAN-style gold file (words as offset spans)."""
    import spacy_pkuseg

    seg = spacy_pkuseg.pkuseg(str(model_dir), user_dict=None)
    tp = n_gold = n_pred = 0
    for words in sighan_gold(gold_path):
        text = "".join(words)
        predicted = seg.cut(text)

        def spans(ws: list[str]) -> set[tuple[int, int]]:
            out, pos = set(), 0
            for w in ws:
                out.add((pos, pos + len(w)))
                pos += len(w)
            return out

        g, p = spans(words), spans(predicted)
        tp, n_gold, n_pred = tp + len(g & p), n_gold + len(g), n_pred + len(p)
    precision, recall = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return {"precision": precision, "recall": recall, "f1": 2 * precision * recall / max(precision + recall, 1e-9)}


if __name__ == "__main__":
    main()
