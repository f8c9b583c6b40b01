"""Spans and relations read out of a corpus record, plus the overlap and sentence helpers built on them."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import Any

# The ANNOTATION.md enders 。！？； and the newline, plus their half-width forms: some sources (the
# Shifeng seed among them) come with half-width punctuation, where ";" separates clauses exactly as "；" does.
SENTENCE_ENDERS = frozenset("。！？；\n!?;")


@dataclass(frozen=True, order=True)
class Span:
    """A labelled character span, end exclusive. Ordering (start, end, label) is the evaluation order."""

    start: int
    end: int
    label: str
    id: Any = field(default=None, compare=False)
    text: str = field(default="", compare=False)
    extra: dict = field(default_factory=dict, compare=False, hash=False, repr=False)


@dataclass(frozen=True)
class Relation:
    """A directed relation with both arguments resolved to spans."""

    type: str
    head: Span
    tail: Span
    id: Any = None


_CORE_KEYS = frozenset({"id", "label", "start_offset", "end_offset", "text"})


def spans_of(record: dict) -> list[Span]:
    """The record's entities as spans sorted by position (the order every matcher walks them in)."""
    spans = [
        Span(
            start=e["start_offset"],
            end=e["end_offset"],
            label=e["label"],
            id=e.get("id"),
            text=e.get("text", ""),
            # FIG normalisation keys (value, unit, qualifier, change) ride along for value agreement.
            extra={k: v for k, v in e.items() if k not in _CORE_KEYS},
        )
        for e in record.get("entities", [])
    ]
    return sorted(spans)


def relations_of(record: dict) -> tuple[list[Relation], list[str]]:
    """Resolve relation arguments to spans; relations naming unknown entity ids are returned as messages."""
    by_id = {s.id: s for s in spans_of(record)}
    relations: list[Relation] = []
    dangling: list[str] = []
    for rel in record.get("relations", []):
        head, tail = by_id.get(rel.get("from_id")), by_id.get(rel.get("to_id"))
        if head is None or tail is None:
            dangling.append(f"{record.get('id')}: relation {rel.get('id')} names an entity that does not exist")
            continue
        relations.append(Relation(type=rel.get("type"), head=head, tail=tail, id=rel.get("id")))
    return relations, dangling


def overlap(a: Span, b: Span) -> int:
    """Number of characters two spans share (0 when they are disjoint or merely adjacent)."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


class SpanIndex:
    """Finds, in list order, the spans that may overlap a query span without scanning the whole document."""

    def __init__(self, spans: Sequence[Span]) -> None:
        self.spans = spans  # sorted by start, as `spans_of` returns them
        self.starts = [s.start for s in spans]
        # Running maximum of ends: spans need not be flat, so a long early span can still reach far.
        self.max_end = list(accumulate((s.end for s in spans), max))

    def overlapping(self, span: Span) -> range:
        """Index range holding every span that overlaps `span`; callers still test each one with `overlap`."""
        lo = bisect_right(self.max_end, span.start)  # before lo every span ends at or before span.start
        hi = bisect_left(self.starts, span.end)  # from hi on every span starts at or after span.end
        return range(lo, hi)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end]: from after the nearest ender before it to before the next one after."""
    left = start
    while left > 0 and text[left - 1] not in SENTENCE_ENDERS:
        left -= 1
    right = end
    while right < len(text) and text[right] not in SENTENCE_ENDERS:
        right += 1
    return left, right


def crosses_sentence(text: str, a: Span, b: Span) -> bool:
    """Whether a sentence ender lies in the gap between two spans (overlapping spans never cross)."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return any(ch in SENTENCE_ENDERS for ch in text[first.end : second.start])
