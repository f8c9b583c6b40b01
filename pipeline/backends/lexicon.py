"""Soft-lexicon features for the character tagger.

For every character and every lexicon (places of the gazetteer, names seen in the training gold, …) one
state says where the character sits in a lexicon word that covers it: 0 none, 1 begins, 2 inside, 3 ends,
4 is a one-character word. Where several words of one lexicon cover a character, the longest decides.
The tagger embeds these states beside the character (`hanlp_models.LexiconEmbedding`): a lexicon is a
hint the model learns to trust or not, never a forced label (forcing gazetteer labels lost on dev, see
models/hanlp-ner/MODEL_CARD.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np

NONE, BEGIN, INSIDE, END, SINGLE = range(5)
N_STATES = 5
MAX_WORD = 20


class LexiconMatcher:
    """Finds the words of named lexicons in a text and gives each character its state per lexicon."""

    def __init__(self, lexicons: Mapping[str, Iterable[str]], max_word: int = MAX_WORD) -> None:
        self.names: tuple[str, ...] = tuple(lexicons)
        self._lexicons: dict[str, int] = {}  # word → bit mask of the lexicons holding it
        for k, name in enumerate(self.names):
            for word in lexicons[name]:
                if 0 < len(word) <= max_word:
                    self._lexicons[word] = self._lexicons.get(word, 0) | (1 << k)
        # Every proper prefix of a word, so a scan stops as soon as no word can continue.
        self._prefixes = {w[:i] for w in self._lexicons for i in range(1, len(w))}
        self.max_word = max_word

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, lexicon mask) of every lexicon word occurring in `text`."""
        found = []
        words, prefixes, n = self._lexicons, self._prefixes, len(text)
        for i in range(n):
            for j in range(i + 1, min(n, i + self.max_word) + 1):
                piece = text[i:j]
                mask = words.get(piece)
                if mask:
                    found.append((i, j, mask))
                if piece not in prefixes:
                    break
        return found

    def feature_array(self, text: str) -> np.ndarray:
        """(characters × lexicons) int8 states of `text`, lexicons in the order of `names`."""
        rows = np.zeros((len(text), len(self.names)), dtype=np.int8)
        # Shorter words first, so the longest word covering a character writes its state last.
        for start, end, mask in sorted(self.matches(text), key=lambda m: m[1] - m[0]):
            ks = [k for k in range(len(self.names)) if mask >> k & 1]
            if end - start == 1:
                rows[start, ks] = SINGLE
                continue
            rows[start, ks] = BEGIN
            rows[start + 1:end - 1, ks] = INSIDE
            rows[end - 1, ks] = END
        return rows
