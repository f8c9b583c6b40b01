"""The segmenter's words as the constraints read them: where words start, and its dictionary."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Container, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Segmentation:
    """A text's words as the segmenter cut them (their start offsets) and the segmenter's dictionary."""

    starts: Sequence[int]
    lexicon: Container[str]

    def is_start(self, position: int) -> bool:
        """Whether a word of the segmentation starts at `position`."""
        i = bisect_left(self.starts, position)
        return i < len(self.starts) and self.starts[i] == position

    def word_around(self, text: str, position: int) -> tuple[int, int] | None:
        """The dictionary word that `position` falls strictly inside, as (start, end), if there is one."""
        i = bisect_right(self.starts, position) - 1
        if i < 0 or self.starts[i] == position:
            return None
        start, end = self.starts[i], self.starts[i + 1] if i + 1 < len(self.starts) else len(text)
        return (start, end) if end > position and text[start:end] in self.lexicon else None


def word_end(text: str, start: int, end: int, words: Segmentation | None) -> int:
    """The end of a name or indicator the tagger ended inside a word: the word's start (闽江|水质, 江西|区位)."""
    word = words.word_around(text, end) if words is not None else None
    return word[0] if word is not None and word[0] - start >= 2 else end
