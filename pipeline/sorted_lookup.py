"""Many integer keys looked up at once in a sorted array, and the integer keys of a text's characters.

The segmenter (its character features), the tagger (its vocabulary, its lexicon's word starts) and the span
alignment (token edges) look whole texts' keys up this way: one binary search per key in compiled code."""

from __future__ import annotations

from collections.abc import Sequence

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
