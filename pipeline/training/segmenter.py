"""Train the spacy-pkuseg segmentation model on People's Daily 1998-01 (research-only, read from shared/).

``python -m pipeline.training.segmenter --out models/pkuseg-pd1998 --iters 10``

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
    parser.add_argument("--iters", type=int, default=10)
    parser.add_argument("--limit", type=int, help="use only this many paragraphs (quick tests)")
    args = parser.parse_args(argv)
    start = time.time()
    train(args.out, args.iters, args.limit)
    print(f"trained {args.out} in {time.time() - start:.0f}s")


if __name__ == "__main__":
    main()
