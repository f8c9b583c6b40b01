"""Cutting a document into windows the models can take, so memory and time do not grow with its length.

A window ends, by preference, at a line break, then at a sentence end, then at clause punctuation, then
anywhere (a text with no punctuation at all). Windows never overlap and cover the text exactly, so
offsets inside a window plus its start are offsets into the whole text.
"""

from __future__ import annotations

from pipeline.schema import CLAUSE_ENDS, CLOSERS, SENTENCE_ENDS

WINDOW_CHARS = 10_000  # about half a provincial report: big enough that cuts are rare, small enough to bound memory
_LINE = frozenset("\n")
_SENTENCE = frozenset(SENTENCE_ENDS) | CLOSERS


def _last_cut(text: str, start: int, limit: int, stops: frozenset[str]) -> int | None:
    """The position after the last character of `stops` in text[start + limit // 2 : start + limit]."""
    for i in range(start + limit, start + limit // 2, -1):
        if text[i - 1] in stops:
            return i
    return None


def window_bounds(text: str, max_chars: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """(start, end) of consecutive windows of at most `max_chars` characters covering `text`."""
    if max_chars < 2:
        raise ValueError("max_chars must be at least 2")
    bounds, start, n = [], 0, len(text)
    while n - start > max_chars:
        cut = (_last_cut(text, start, max_chars, _LINE) or _last_cut(text, start, max_chars, _SENTENCE)
               or _last_cut(text, start, max_chars, CLAUSE_ENDS) or start + max_chars)
        bounds.append((start, cut))
        start = cut
    if start < n or not bounds:
        bounds.append((start, n))
    return bounds
