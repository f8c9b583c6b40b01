"""Character-level BIO tags of a record (IOB2: every span starts with B-), whitespace characters included."""

from __future__ import annotations

from evaluation.spans import spans_of


def to_bio(record: dict) -> tuple[list[str], list[str]]:
    """(characters, tags) of the record's text: B-LABEL on a span's first character, I-LABEL after, O elsewhere.

    Spans are flat by the schema; should two overlap anyway, the one starting first (the longer on a tie)
    keeps the shared characters and the other keeps the rest, starting with its own B-, so the tags stay
    valid IOB2. (Taking spans in start order, what is left of a span is always one contiguous tail.)
    """
    text = record["text"]
    tags = ["O"] * len(text)
    for span in sorted(spans_of(record), key=lambda s: (s.start, -s.end)):
        free = [i for i in range(max(span.start, 0), min(span.end, len(text))) if tags[i] == "O"]
        for n, i in enumerate(free):
            tags[i] = f"B-{span.label}" if n == 0 else f"I-{span.label}"
    return list(text), tags
