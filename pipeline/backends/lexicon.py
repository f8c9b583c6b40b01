"""Soft-lexicon features for the character tagger.

For every character and every lexicon (places of the gazetteer, names seen in the training gold, …) one
state says where the character sits in a lexicon word that covers it: 0 none, 1 begins, 2 inside, 3 ends,
4 is a one-character word. Where several words of one lexicon cover a character, the longest decides.
The tagger embeds these states beside the character (`hanlp_models.LexiconEmbedding`): a lexicon is a
hint the model learns to trust or not, never a forced label (forcing gazetteer labels lost on dev, see
models/hanlp-ner/MODEL_CARD.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from pipeline.sorted_lookup import WordStarts

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
                if 0 < len(word) <= max_word and "\n" not in word:
                    self._lexicons[word] = self._lexicons.get(word, 0) | (1 << k)
        # Every proper prefix of a word, so a scan stops as soon as no word can continue.
        self._prefixes = {w[:i] for w in self._lexicons for i in range(1, len(w))}
        self.max_word = max_word
        # A scan starts only where a word can, found for a whole text at once (most positions begin none)
        self._starts = WordStarts.of(self._lexicons)

    def patched(self, old: Mapping[str, Iterable[str]], new: Mapping[str, Iterable[str]]) -> LexiconMatcher:
        """The matcher of the lexicons `new`, made from this one (the matcher of `old`) where the two differ in a
        few words, as an ensemble's taggers fitted on two versions of the gold do (98 of 70,648 words): the same
        matches as a matcher made from `new` alone, at a fifth of the cost. A start or a prefix of a removed word
        may stay in the tables: a scan then tries a position or a length more and finds the same words."""
        if tuple(new) != self.names or tuple(old) != self.names:
            return LexiconMatcher(new, self.max_word)
        changes: dict[str, list[int]] = {}  # word → [lexicons it left, lexicons it joined] as bit masks
        for k, name in enumerate(self.names):
            before, after = set(old[name]), set(new[name])
            for word in before - after:
                changes.setdefault(word, [0, 0])[0] |= 1 << k
            for word in after - before:
                changes.setdefault(word, [0, 0])[1] |= 1 << k
        matcher = LexiconMatcher.__new__(LexiconMatcher)
        matcher.names, matcher.max_word = self.names, self.max_word
        matcher._lexicons = dict(self._lexicons)
        joined = []
        for word, (left, joins) in changes.items():
            if not 0 < len(word) <= self.max_word or "\n" in word:
                continue
            mask = (matcher._lexicons.get(word, 0) & ~left) | joins
            if mask:
                matcher._lexicons[word] = mask
            else:
                matcher._lexicons.pop(word, None)
            if joins:
                joined.append(word)
        matcher._prefixes = self._prefixes | {w[:i] for w in joined for i in range(1, len(w))}
        matcher._starts = self._starts.union(WordStarts.of(joined))
        return matcher

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, lexicon mask) of every lexicon word occurring in `text`."""
        found: list[tuple[int, int, int]] = []
        words, prefixes, n = self._lexicons, self._prefixes, len(text)
        for i in self._starts(text).tolist():
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
        found = self.matches(text)
        if not found:
            return rows
        starts, ends, masks = np.array(found, dtype=np.int64).T
        # Shorter words first (a stable sort: at one length, the later start), so that where several words of a
        # lexicon cover a character the last of them in this order, the longest, gives its state.
        order = np.argsort(ends - starts, kind="stable")
        starts, lengths, masks = starts[order], (ends - starts)[order], masks[order]
        word = np.repeat(np.arange(len(starts)), lengths)  # the word of each (word, character) cell
        inner = np.arange(len(word)) - np.repeat(np.cumsum(lengths) - lengths, lengths)  # its place in the word
        length = lengths[word]
        states = np.where(length == 1, SINGLE, np.where(inner == 0, BEGIN, np.where(inner == length - 1, END, INSIDE)))
        positions = starts[word] + inner
        for k in range(len(self.names)):
            cells = np.flatnonzero(masks[word] >> k & 1)[::-1]  # last first: np.unique keeps each position's first
            if len(cells):
                kept = cells[np.unique(positions[cells], return_index=True)[1]]
                rows[positions[kept], k] = states[kept]
        return rows

    def feature_arrays(self, texts: Sequence[str]) -> np.ndarray:
        """The states of several texts, each matched on its own, one after the other: the texts joined by a
        line break (no lexicon word holds one) and matched at once, which costs less than one by one."""
        if not texts:
            return np.zeros((0, len(self.names)), dtype=np.int8)
        rows = self.feature_array("\n".join(texts))
        breaks = np.cumsum([len(t) + 1 for t in texts[:-1]], dtype=np.int64) - 1
        return np.delete(rows, breaks, axis=0)
