"""General-domain NER corpora converted to the corpus record format, with a documented label mapping.

``python -m pipeline.corpus.general SOURCE --out out/general/SOURCE.jsonl`` for SOURCE in
``cluener``, ``msra``, ``peoples-daily-ner``, ``pd1998``. The corpora are read from
``$GOVREPORT_SHARED/corpus/general`` (default ``../shared``) and never copied into the repository:
MSRA and People's Daily are research-only, and CLUENER states no licence. Output goes where you say
(``out/`` is ignored by git), apart from the gold reports.

Label mapping (only labels with a counterpart in our schema are kept; everything else is dropped):

| source | their label | ours |
|---|---|---|
| CLUENER2020 | company | ENT |
| CLUENER2020 | government, organization | ORG |
| CLUENER2020 | address, scene | LOC |
| CLUENER2020 | name, book, game, movie, position | — |
| MSRA, People's Daily NER (BIO) | ORG | ORG |
| MSRA, People's Daily NER (BIO) | LOC | LOC |
| MSRA, People's Daily NER (BIO) | PER | — |
| People's Daily 1998 (POS) | `[…]nt`, `/nt` | ORG |
| People's Daily 1998 (POS) | `/ns` (and `[…]ns`) | LOC |
| People's Daily 1998 (POS) | `/nr`, others | — |

None of these sources distinguishes our ENT from ORG except CLUENER, and none has PROJ, IND, FIG or ACH.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.records import write_jsonl
from pipeline.training.general_data import general_corpus

CLUENER_MAP = {"company": "ENT", "government": "ORG", "organization": "ORG", "address": "LOC", "scene": "LOC"}
BIO_MAP = {"ORG": "ORG", "LOC": "LOC"}
PD1998_MAP = {"nt": "ORG", "ns": "LOC"}


def _record(doc_id: str, text: str, spans: list[tuple[int, int, str]]) -> dict:
    spans = sorted(set(spans))
    return {"id": doc_id, "text": text,
            "entities": [{"id": i, "label": lb, "start_offset": s, "end_offset": e, "text": text[s:e]}
                         for i, (s, e, lb) in enumerate(spans, start=1)],
            "relations": []}


def cluener(path: Path) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            row = json.loads(line)
            spans = [(s, e + 1, CLUENER_MAP[lab])  # CLUENER ends are inclusive
                     for lab, names in row.get("label", {}).items() if lab in CLUENER_MAP
                     for occurrences in names.values() for s, e in occurrences]
            yield _record(f"cluener-{path.stem}-{n}", row["text"], spans)


def bio(path: Path, prefix: str) -> Iterator[dict]:
    """One char and its BIO tag per line (tab or space separated), blank lines between sentences."""
    chars: list[str] = []
    tags: list[str] = []
    n = 0

    def flush() -> dict:
        spans, start, label = [], None, None
        for i, tag in enumerate([*tags, "O"]):
            if start is not None and not (tag.startswith("I-") and tag[2:] == label):
                if label in BIO_MAP:
                    spans.append((start, i, BIO_MAP[label]))
                start, label = None, None
            if tag.startswith("B-"):
                start, label = i, tag[2:]
        return _record(f"{prefix}-{n}", "".join(chars), spans)

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split()
            if not parts:
                if chars:
                    n += 1
                    yield flush()
                chars, tags = [], []
                continue
            chars.append(parts[0])
            tags.append(parts[1] if len(parts) > 1 else "O")
    if chars:
        n += 1
        yield flush()


_PD_TOKEN = re.compile(r"^(\[)?(.+?)/([a-zA-Z]+)(\])?([a-zA-Z]+)?$")


def pd1998(path: Path) -> Iterator[dict]:
    """People's Daily 1998 segmented and POS-tagged: `[中央/n 人民/n 广播/vn 电台/n]nt` is one ORG."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            tokens = line.split()
            if len(tokens) < 2:
                continue
            text, spans, open_at = "", [], None
            for tok in tokens[1:]:
                m = _PD_TOKEN.match(tok)
                if not m:
                    continue
                opening, word, pos, closing, compound = m.groups()
                if opening:
                    open_at = len(text)
                start = len(text)
                text += word
                if closing and open_at is not None:
                    if compound in PD1998_MAP:
                        spans.append((open_at, len(text), PD1998_MAP[compound]))
                    open_at = None
                elif open_at is None and pos in PD1998_MAP:
                    spans.append((start, len(text), PD1998_MAP[pos]))
            if text:
                yield _record(f"pd1998-{tokens[0].split('/')[0]}", text, spans)


SOURCES = {
    "cluener": lambda: cluener(general_corpus("ner_cluener2020/train.json")),
    "msra": lambda: bio(general_corpus("ner_msra/msra_train_bio.txt"), "msra"),
    "peoples-daily-ner": lambda: bio(general_corpus("ner_peoples_daily_zjy/example.dev"), "pd-ner"),
    "pd1998": lambda: pd1998(general_corpus("pos_pku_peoples_daily_199801/199801.txt")),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Convert a general-domain NER corpus to corpus records.")
    parser.add_argument("source", choices=sorted(SOURCES))
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    records = []
    for record in SOURCES[args.source]():
        records.append(record)
        if args.limit and len(records) >= args.limit:
            break
    with atomic_open(args.out) as fh:
        write_jsonl(records, fh)
    print(f"{len(records)} records → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
