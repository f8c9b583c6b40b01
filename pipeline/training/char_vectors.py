"""Character embeddings trained here, offline, for the HanLP character tagger.

``python -m pipeline.training.char_vectors --out out/char-vectors.txt``: gensim's skip-gram word2vec over
the characters (normalised as the models see them, `pipeline.textnorm`) of

- the raw reports in corpus/raw, except the dev and test splits' (their text stays unseen, labelled or not,
  as for the tok2vec pretraining);
- the general-domain corpora of ``$GOVREPORT_SHARED/corpus/general`` (People's Daily 1998, MSRA,
  People's Daily NER, CLUENER): research-only data, so what is derived from it says so in its model card.

The vectors are written in word2vec text format; `pipeline.backends.hanlp_models` copies them into the
tagger's embedding table before training, so the shipped model needs no vector file at load time.
Training-only: gensim is never imported by prediction code.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from pipeline.paths import RAW_REPORTS
from pipeline.textnorm import normalise

LINE_CHARS = 200  # word2vec windows never cross a "sentence"; report lines are cut to this length


def report_lines(exclude: set[str]) -> Iterator[list[str]]:
    for path in sorted(RAW_REPORTS.glob("*.txt")):
        if path.stem in exclude:
            continue
        for line in normalise(path.read_text(encoding="utf-8")).split("\n"):
            for i in range(0, len(line), LINE_CHARS):
                chars = [c for c in line[i:i + LINE_CHARS] if not c.isspace()]
                if chars:
                    yield chars


def general_lines(limit_per_source: int | None = None) -> Iterator[list[str]]:
    from pipeline.corpus.general import SOURCES

    for name, source in SOURCES.items():
        for n, record in enumerate(source()):
            if limit_per_source is not None and n >= limit_per_source:
                break
            chars = [c for c in normalise(record["text"]) if not c.isspace()]
            if chars:
                yield chars
        print(f"read {name}", file=sys.stderr)


def as_bigrams(lines: list[list[str]]) -> list[list[str]]:
    """Each line as its character bigrams (what the tagger's bigram features look up)."""
    return [[a + b for a, b in zip(chars[:-1], chars[1:], strict=True)] for chars in lines if len(chars) > 1]


def train_vectors(out: Path, dim: int = 100, epochs: int = 5, general: bool = True,
                  limit_per_source: int | None = None, workers: int = 2, bigrams: bool = False,
                  max_vocabulary: int | None = None) -> dict:
    """Train and save the vectors (of characters, or with `bigrams` of character bigrams); returns a summary
    (sentences, characters, vocabulary, seconds)."""
    from gensim.models import Word2Vec

    from pipeline.corpus.splits import split_ids

    start = time.time()
    held_out = {i for name in ("dev", "test") for i in split_ids()[name]}
    sentences = list(report_lines(held_out))
    reports = len(sentences)
    if general:
        sentences += list(general_lines(limit_per_source))
    characters = sum(map(len, sentences))
    if bigrams:
        sentences = as_bigrams(sentences)
    model = Word2Vec(sentences, vector_size=dim, window=5, min_count=2, sg=1, negative=5, epochs=epochs,
                     workers=workers, seed=1, max_final_vocab=max_vocabulary)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    model.wv.save_word2vec_format(str(tmp), binary=False)
    tmp.replace(out)
    return {"report_lines": reports, "lines": len(sentences), "characters": characters,
            "vocabulary": len(model.wv), "dim": dim, "epochs": epochs, "seconds": round(time.time() - start)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train character vectors for the HanLP tagger.")
    parser.add_argument("--out", type=Path, default=Path("out/char-vectors.txt"))
    parser.add_argument("--dim", type=int, default=100)
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--no-general", dest="general", action="store_false",
                        help="reports only (no research-only general corpora)")
    parser.add_argument("--limit-per-source", type=int, help="read at most N records of each general corpus")
    parser.add_argument("--bigrams", action="store_true", help="vectors of character bigrams, not characters")
    parser.add_argument("--max-vocabulary", type=int, help="keep the N most frequent tokens only")
    args = parser.parse_args(argv)
    summary = train_vectors(args.out, args.dim, args.epochs, args.general, args.limit_per_source,
                            bigrams=args.bigrams, max_vocabulary=args.max_vocabulary)
    print(f"{args.out}: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
