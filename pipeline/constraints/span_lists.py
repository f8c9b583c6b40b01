"""Operations over lists of character spans that several constraints share."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from pipeline.clauses import conjuncts
from pipeline.schema import SpanT


def split_where_each(text: str, start: int, end: int, is_name: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The conjuncts of a span joined by 、 where each of them `is_name` by itself; else the span whole."""
    parts = text[start:end].split("、")
    return conjuncts(start, parts) if len(parts) > 1 and all(map(is_name, parts)) else [(start, end)]


def end_before(ends: Sequence[int], start: int) -> int:
    """Where the span before `start` ends (`ends`: every span's end, sorted), or 0."""
    before = bisect_right(ends, start)
    return ends[before - 1] if before else 0


def merged(spans: list[SpanT], join: Callable[[SpanT, SpanT], SpanT | None]) -> list[SpanT]:
    """`spans` in order, each one that `join(previous, span)` joins to the span before it merged into that one."""
    out: list[SpanT] = []
    for span in spans:
        if out and (joined := join(out[-1], span)) is not None:
            out[-1] = joined
        else:
            out.append(span)
    return out
