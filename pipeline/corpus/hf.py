"""The gold corpus as a Hugging Face `datasets.DatasetDict` (train/dev/test), offline.

Columns: `id`, `text`, `entities` (label, start_offset, end_offset, text), `relations`
(from_id, to_id, type), and a character-level BIO view: `chars` and `bio_tags` (IOB2 strings).

``python -m pipeline.corpus.hf --save-to-disk out/hf`` or ``--parquet out/parquet``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from datasets import Dataset, DatasetDict, Features, Sequence, Value

from pipeline.corpus.splits import CORPUS, SPLITS, load_split

FEATURES = Features({
    "id": Value("string"),
    "text": Value("string"),
    "entities": [{"id": Value("int32"), "label": Value("string"), "start_offset": Value("int32"),
                  "end_offset": Value("int32"), "text": Value("string")}],
    "relations": [{"id": Value("int32"), "from_id": Value("int32"), "to_id": Value("int32"),
                   "type": Value("string")}],
    "chars": Sequence(Value("string")),
    "bio_tags": Sequence(Value("string")),
})


def bio_view(record: dict) -> tuple[list[str], list[str]]:
    """Characters and their IOB2 tags (spans are flat, so each character has one tag)."""
    chars = list(record["text"])
    tags = ["O"] * len(chars)
    for ent in record["entities"]:
        tags[ent["start_offset"]] = f"B-{ent['label']}"
        for i in range(ent["start_offset"] + 1, ent["end_offset"]):
            tags[i] = f"I-{ent['label']}"
    return chars, tags


def _row(record: dict) -> dict:
    chars, tags = bio_view(record)
    return {
        "id": record["id"], "text": record["text"],
        "entities": [{k: e[k] for k in ("id", "label", "start_offset", "end_offset", "text")}
                     for e in record["entities"]],
        "relations": [{k: r[k] for k in ("id", "from_id", "to_id", "type")} for r in record["relations"]],
        "chars": chars, "bio_tags": tags,
    }


def load_corpus(corpus: Path = CORPUS, splits: tuple[str, ...] = SPLITS) -> DatasetDict:
    return DatasetDict({name: Dataset.from_list([_row(r) for r in load_split(name, corpus)], features=FEATURES)
                        for name in splits})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export the gold corpus as a Hugging Face DatasetDict.")
    parser.add_argument("--save-to-disk", type=Path)
    parser.add_argument("--parquet", type=Path, help="folder for one <split>.parquet file per split")
    parser.add_argument("--splits", nargs="+", default=["train", "dev"], choices=SPLITS,
                        help="the test split is left out unless named (it is scored once per release)")
    args = parser.parse_args(argv)
    dsd = load_corpus(splits=tuple(args.splits))
    if args.save_to_disk:
        dsd.save_to_disk(str(args.save_to_disk))
    if args.parquet:
        args.parquet.mkdir(parents=True, exist_ok=True)
        for name, ds in dsd.items():
            ds.to_parquet(str(args.parquet / f"{name}.parquet"))
    print(dsd, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
