"""Line ends, read away before the models and mapped back afterwards: CR and CRLF, and lines a page wrapped.

Windows files end lines with CR LF, old Mac files with CR alone. The models see every line end as one
LF, so a report gives the same entities whatever its line ends; `LineEndMap.to_original` maps an offset
in that text back to the text as read, so output offsets still index the file's own characters.

A text copied out of a PDF or a page (or set to a fixed width) breaks lines inside paragraphs. The models read
every line break as the end of a sentence, so such a wrap cuts names and figures in two; the models see the
text without the breaks `wrap_breaks` finds, and offsets map back over them (an entity across a wrap keeps
the line break in its text, as the file has it).
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from pipeline.schema import CLOSERS, SENTENCE_ENDS

_SENTENCE_END = re.compile(f"[{re.escape(''.join(SENTENCE_ENDS))}][{re.escape(''.join(sorted(CLOSERS)))}]*$")
_FULL_LINE = 0.8  # a line this share of the page width (the 90th percentile of line lengths) or longer is full
_PAGE_WIDTH = 120  # the most characters a page's line holds (an A4 line of 10-point characters holds about 45)


def wrap_breaks(text: str) -> list[int]:
    """Offsets of the line breaks a page width made inside paragraphs. A break is a wrap when the line before it
    is full, does not end a sentence, and the next line goes on without an indent; only in a text whose lines
    are page-wide (the 90th percentile of their lengths at most 120 characters) and mostly full, never in a
    paragraph-per-line text (in the corpus' reports that percentile is 138 characters or more, and at most 46%
    of the lines are full, against 83% for a report set 38 characters wide)."""
    lines = text.split("\n")
    lengths = sorted(len(line) for line in lines if line.strip())
    if len(lengths) < 10:
        return []
    width = lengths[int(0.9 * len(lengths)) - 1]
    if width > _PAGE_WIDTH:
        return []
    full = [len(line) >= _FULL_LINE * width and bool(line.strip()) for line in lines]
    if sum(full) < 0.5 * len(lengths):
        return []
    breaks, at = [], 0
    for i in range(1, len(lines)):
        at += len(lines[i - 1])  # the offset of the break after line i - 1
        if full[i - 1] and not _SENTENCE_END.search(lines[i - 1]) and lines[i][:1].strip():
            breaks.append(at)  # goes on from the line before: no indent, no blank line
        at += 1
    return breaks


@dataclass(frozen=True)
class LineEndMap:
    """The LF-only text the models see and, when it differs from the original, where each character came from."""

    text: str
    _origin: array | None = None  # origin[i] = offset in the original of text[i]; one extra entry for the end

    @classmethod
    def of(cls, original: str) -> LineEndMap:
        view = cls._without_cr(original)
        wraps = wrap_breaks(view.text)
        if not wraps:
            return view
        chars, origin, kept = [], array("q"), 0
        for at in [*wraps, len(view.text)]:
            chars.append(view.text[kept:at])
            origin.extend(view.to_original(i) for i in range(kept, at))
            kept = at + 1
        origin.append(len(original))
        return cls("".join(chars), origin)

    @classmethod
    def _without_cr(cls, original: str) -> LineEndMap:
        if "\r" not in original:
            return cls(original)
        chars, origin = [], array("q")
        i, n = 0, len(original)
        while i < n:
            ch = original[i]
            if ch == "\r":
                chars.append("\n")
                origin.append(i)
                i += 2 if i + 1 < n and original[i + 1] == "\n" else 1  # CR LF is one line end
                continue
            chars.append(ch)
            origin.append(i)
            i += 1
        origin.append(n)
        return cls("".join(chars), origin)

    def to_original(self, offset: int) -> int:
        """Offset in the original text of a start offset (or an end offset, exclusive) in `text`."""
        return offset if self._origin is None else self._origin[offset]

    def end_to_original(self, end: int) -> int:
        """An exclusive end offset: just after the original of the last character, so CR LF is never split."""
        if self._origin is None or end == 0:
            return end
        return self._origin[end - 1] + 1
