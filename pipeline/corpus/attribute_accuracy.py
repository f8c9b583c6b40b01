"""How often the figure-attribute reader agrees with the gold on a split's gold FIG spans.

``python -m pipeline.corpus.attribute_accuracy train [--by-document] [--errors status|period|basis]``

The reader (`pipeline.figures.attributes`) is rules, so this scores it on every gold FIG of the split whatever
the recogniser finds: the tuning figure for the train and dev tables of `docs/facts.md`. It reads the text as
the pipeline does (normalised, the year from the header or else the document id). `evaluation score` gives
the same accuracy on the FIGs a pipeline run matched strictly.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator

from pipeline.corpus.splits import SPLITS, _check_test, load_split
from pipeline.facts.metadata import read_metadata
from pipeline.figures.attributes import figure_attributes
from pipeline.figures.timeline import ReportTimeline
from pipeline.textnorm import normalise

ATTRIBUTES = ("status", "period", "basis")


def read_as_pipeline(record: dict) -> tuple[str, ReportTimeline]:
    """The record's text normalised as the pipeline reads it, and its timeline (year from the header or id)."""
    text = normalise(record["text"])
    return text, ReportTimeline.of(text, read_metadata(text, record["id"]).year)


def compared(record: dict) -> Iterator[tuple[dict, dict]]:
    """(gold FIG, attributes read) for every gold FIG of `record` that has gold attributes."""
    text, timeline = read_as_pipeline(record)
    for entity in record["entities"]:
        if entity["label"] == "FIG" and "status" in entity:
            yield entity, figure_attributes(text, entity["start_offset"], entity["end_offset"], timeline)


def accuracy(records: list[dict]) -> tuple[Counter, int]:
    """Per attribute, the number of gold FIGs read right, and the number of FIGs."""
    right, total = Counter(), 0
    for record in records:
        for gold, read in compared(record):
            total += 1
            right.update(a for a in ATTRIBUTES if (read[a] or None) == (gold[a] or None))
    return right, total


def _line(name: str, right: Counter, total: int) -> str:
    return f"{name:<34} {total:>5} " + " ".join(f"{right[a] / total:>7.3f}" if total else "      -"
                                                  for a in ATTRIBUTES)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=SPLITS)
    parser.add_argument("--release", action="store_true", help="allow the test split")
    parser.add_argument("--by-document", action="store_true")
    parser.add_argument("--errors", choices=ATTRIBUTES, help="print each figure the reader gets wrong")
    args = parser.parse_args(argv)
    _check_test(args.split, args.release)
    records = load_split(args.split)
    print(f"{'document':<34} {'FIGs':>5} " + " ".join(f"{a:>7}" for a in ATTRIBUTES))
    if args.by_document:
        for record in records:
            print(_line(record["id"], *accuracy([record])))
    print(_line("all", *accuracy(records)))
    if args.errors:
        for record in records:
            for gold, read in compared(record):
                if (read[args.errors] or None) != (gold[args.errors] or None):
                    start = gold["start_offset"]
                    context = record["text"][max(0, start - 40):start].replace("\n", " ")
                    print(f"{record['id']}\t{start}\tgold={gold[args.errors]}\tread={read[args.errors]}\t"
                          f"{context}[{gold['text']}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
