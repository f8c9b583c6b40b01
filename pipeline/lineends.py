"""CR and CRLF line ends, read away before the models and mapped back afterwards.

Windows files end lines with CR LF, old Mac files with CR alone. The models see every line end as one
LF, so a report gives the same entities whatever its line ends; `LineEndMap.to_original` maps an offset
in that text back to the text as read, so output offsets still index the file's own characters.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True)
class LineEndMap:
    """The LF-only text the models see and, when it differs from the original, where each character came from."""

    text: str
    _origin: array | None = None  # origin[i] = offset in the original of text[i]; one extra entry for the end

    @classmethod
    def of(cls, original: str) -> LineEndMap:
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
