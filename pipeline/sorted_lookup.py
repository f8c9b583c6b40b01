"""Many integer keys looked up at once in a sorted array, the integer keys of a text's characters, and where in
a text a word of a given set may begin.

The segmenter (its character features), the tagger (its vocabulary, its lexicon's word starts) and the span
alignment (token edges) look whole texts' keys up this way: one binary search per key in compiled code."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np


def code_points(text: str, errors: str = "strict") -> np.ndarray:
    """The code point of each character of `text` as int64 (`errors` as `str.encode` takes it: "surrogatepass"
    gives a lone surrogate its code point instead of failing)."""
    return np.frombuffer(text.encode("utf-32-le", errors), dtype=np.uint32).astype(np.int64)


def positions(sorted_keys: np.ndarray, keys: np.ndarray | Sequence[int]) -> np.ndarray:
    """For each of `keys`, its index in the increasing `sorted_keys`, or -1 where it is not there."""
    keys = np.asarray(keys, dtype=np.int64)
    if not len(sorted_keys):
        return np.full(keys.shape, -1, dtype=np.int64)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    return np.where(sorted_keys[at] == keys, at, -1)


_SHIFT = 21  # code points are below 2 ** 21: two of them make one int64 key


@dataclass(frozen=True)
class WordStarts:
    """Where a word of a set may begin in a text: at a one-character word, or where two characters begin a longer
    one. A scan for the words (a loop over each start and the lengths after it) need only start there; most
    positions of a report begin no word of the tagger's lexicons (4 in 5)."""

    singles: np.ndarray  # sorted code points of the one-character words
    pairs: np.ndarray  # sorted keys of the longer words' first two characters (a code point shifted, then the next)

    @classmethod
    def of(cls, words: Iterable[str]) -> WordStarts:
        words = list(words)
        singles = code_points("".join(w for w in words if len(w) == 1), "surrogatepass")
        pairs = code_points("".join([w[:2] for w in words if len(w) > 1]), "surrogatepass").reshape(-1, 2)
        return cls(np.unique(singles), np.unique(pairs[:, 0] << _SHIFT | pairs[:, 1]))

    def union(self, other: WordStarts) -> WordStarts:
        """The starts of both sets' words."""
        return WordStarts(np.union1d(self.singles, other.singles), np.union1d(self.pairs, other.pairs))

    def __call__(self, text: str) -> np.ndarray:
        """The positions of `text` where a word may begin, in order; a scan from elsewhere finds none (a lone
        surrogate is in no word)."""
        codes = code_points(text, "surrogatepass")
        starts = positions(self.singles, codes) >= 0
        starts[:-1] |= positions(self.pairs, codes[:-1] << _SHIFT | codes[1:]) >= 0
        return np.flatnonzero(starts)
