"""Longest-match lookup of names from a list (the place gazetteer, the well-known enterprises)."""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path

from pipeline.clauses import in_title


class Gazetteer:
    """Longest-match lookup of names. A set of all name prefixes lets the scan stop as soon as
    no name can continue, so each position costs one or two lookups."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.prefixes = {name[:i] for name in names for i in range(1, len(name) + 1)}

    @classmethod
    def from_file(cls, path: Path) -> Gazetteer:
        """The names in the first column of a TSV file (lines starting with # are comments)."""
        with open(path, encoding="utf-8") as fh:
            return cls({line.split("\t", 1)[0] for line in fh if line.strip() and not line.startswith("#")})

    def longest_at(self, text: str, start: int, stop: int | None = None) -> int:
        """The end of the longest name that begins at `start` and ends by `stop` (the text's end by default;
        `start` itself where none does)."""
        longest, end, stop = start, start + 1, len(text) if stop is None else min(stop, len(text))
        while end <= stop and text[start:end] in self.prefixes:
            if text[start:end] in self.names:
                longest = end
            end += 1
        return longest

    def find(self, text: str, starts: Collection[int] | None = None,
             whole_words: bool = False) -> list[tuple[int, int]]:
        """(start, end) of the longest name of two characters or more at each position, left to right, not
        overlapping; with `starts`, only names beginning at those positions (word starts, say), and with
        `whole_words` also ending at one of them or at the text's end (其中|非 holds no 中非: a name as a whole run
        of words, where the longest name at a start must end so)."""
        found, taken = [], 0
        ends = set(starts or ()) | {len(text)} if whole_words else None
        for start in range(len(text)) if starts is None else sorted(starts):
            if start < taken or text[start:start + 1] not in self.prefixes:
                continue
            end = self.longest_at(text, start)
            if end - start >= 2 and (ends is None or end in ends):
                found.append((start, end))
                taken = end
        return found

    def whole_names(self, text: str, word_starts: Collection[int], not_before: re.Pattern) -> list[tuple[int, int]]:
        """(start, end) of each name written as a whole run of words of the segmentation (`find` with
        `whole_words`), outside a document's title and not right before what `not_before` matches (朝鲜|停战协定,
        联合国|宪章: a name modifying what is not itself)."""
        return [(start, end) for start, end in self.find(text, word_starts, whole_words=True)
                if not not_before.match(text, end) and not in_title(text, start)]
