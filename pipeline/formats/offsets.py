"""Offset conversion between Python code points and UTF-16 code units (JavaScript string indices).

Label Studio (and old brat) count a character outside the Basic Multilingual Plane, such as 𠀀 U+20000
or an emoji, as two units, Python as one. Every offset after such a character differs by one per
character, so offsets must be converted at the tool boundary, never passed through.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetError(ValueError):
    """An offset that does not fall on a character boundary or lies outside the text."""


class Utf16Index:
    """Maps offsets of one text between code points and UTF-16 code units, both ways."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Most reports are pure BMP; then both offset systems coincide and no table is needed.
        self._bmp = not text or max(text) <= "\uffff"
        self._units: list[int] = []
        if not self._bmp:
            units = [0]
            for ch in text:
                units.append(units[-1] + (2 if ch > "\uffff" else 1))
            self._units = units

    @property
    def utf16_length(self) -> int:
        return len(self.text) if self._bmp else self._units[-1]

    def to_utf16(self, offset: int) -> int:
        """Code-point offset → UTF-16 offset."""
        if not 0 <= offset <= len(self.text):
            raise OffsetError(f"offset {offset} outside the text (0..{len(self.text)} code points)")
        return offset if self._bmp else self._units[offset]

    def to_codepoint(self, offset: int) -> int:
        """UTF-16 offset → code-point offset; an offset between the two halves of a surrogate pair is an error."""
        if not 0 <= offset <= self.utf16_length:
            raise OffsetError(f"offset {offset} outside the text (0..{self.utf16_length} UTF-16 units)")
        if self._bmp:
            return offset
        i = bisect_left(self._units, offset)
        if self._units[i] != offset:
            raise OffsetError(f"UTF-16 offset {offset} splits the character {self.text[i - 1]!r}")
        return i
