"""List the disagreements between two annotations of one document, for adjudication.

``python -m pipeline.corpus.adjudicate corpus/gold/D.jsonl corpus/double/D.jsonl`` prints, line by
line of the report, every span or relation that only one annotator made, with the line it sits in,
so an adjudicator can decide each case against the guidelines and correct the final gold.
"""

from __future__ import annotations

import argparse
import sys
from bisect import bisect_right
from pathlib import Path

from pipeline.records import read_jsonl


def _spans(record: dict) -> set[tuple[int, int, str]]:
    return {(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}


def _relations(record: dict) -> set[tuple[tuple[int, int, str], tuple[int, int, str], str]]:
    by_id = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
    return {(by_id[r["from_id"]], by_id[r["to_id"]], r["type"]) for r in record["relations"]}


def disagreements(a: dict, b: dict) -> list[tuple[int, str]]:
    """(line number, description) of every difference, in text order."""
    if a["text"] != b["text"]:
        raise ValueError(f"{a['id']}: the two annotations are of different texts")
    text = a["text"]
    line_starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def line_of(offset: int) -> int:
        return bisect_right(line_starts, offset)

    def show(span: tuple[int, int, str]) -> str:
        return f"{text[span[0]:span[1]]}|{span[2]}@{span[0]}"

    out = []
    sa, sb = _spans(a), _spans(b)
    for span in sorted(sa - sb):
        out.append((span[0], f"line {line_of(span[0])}: span only in A: [[{show(span)}]]"))
    for span in sorted(sb - sa):
        out.append((span[0], f"line {line_of(span[0])}: span only in B: [[{show(span)}]]"))
    ra, rb = _relations(a), _relations(b)
    for who, rels in (("A", ra - rb), ("B", rb - ra)):
        for head, tail, rel in sorted(rels):
            out.append((tail[0], f"line {line_of(tail[0])}: relation only in {who}: {show(head)} "
                                 f"-{rel}-> {show(tail)}"))
    return [(line_of(pos), msg) for pos, msg in sorted(out)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("a", type=Path, help="first annotation (the gold file)")
    parser.add_argument("b", type=Path, help="second annotation")
    args = parser.parse_args(argv)
    a, b = next(read_jsonl(args.a)), next(read_jsonl(args.b))
    found = disagreements(a, b)
    for _, msg in found:
        print(msg)
    print(f"{len(found)} disagreements", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
