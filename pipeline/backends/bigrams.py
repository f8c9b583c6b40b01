"""Character-bigram features for the character tagger.

Each character is given the ids of the bigram ending at it (with the character before) and the bigram starting
at it (with the character after) in a fixed bigram vocabulary; 0 stands for a bigram outside it and for the
edges of a chunk. The tagger embeds both (`hanlp_models.FeatureEmbedding`) with vectors trained here on the
unlabelled reports and general corpora (`pipeline.training.char_vectors --bigrams`), frozen, so a bigram the
gold never shows still brings what the unlabelled text taught about it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

UNKNOWN = 0


def bigram_index(bigrams: Sequence[str]) -> dict[str, int]:
    """Id of each vocabulary bigram: its position plus one (0 is `UNKNOWN`)."""
    return {bigram: i + 1 for i, bigram in enumerate(bigrams)}


def bigram_ids(chars: Sequence[str], index: Mapping[str, int]) -> np.ndarray:
    """(characters × 2) ids: the bigram ending at each character and the one starting at it."""
    ids = np.zeros((len(chars), 2), dtype=np.int64)
    for i in range(len(chars) - 1):
        k = index.get(chars[i] + chars[i + 1], UNKNOWN)
        ids[i, 1] = k
        ids[i + 1, 0] = k
    return ids
