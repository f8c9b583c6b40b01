"""Document-level bootstrap: resampling weights, percentile intervals and the paired p-value.

Documents, not spans, are resampled: spans of one report are not independent (one annotator's habits, one
writing style), so the document is the unit the corpus was sampled in. A resample is stored as how many
times each document was drawn, so summed counts of a resample are one matrix product.
"""

from __future__ import annotations

import numpy as np

CONFIDENCE = 0.95
FEW_DOCUMENTS = 10  # below this, a document bootstrap has too few distinct resamples to be trusted


def small_sample_warning(n_docs: int, samples: int) -> str | None:
    """A warning to print with bootstrap results that rest on too few documents, else None."""
    if samples <= 0 or n_docs >= FEW_DOCUMENTS:
        return None
    if n_docs <= 1:
        return (
            f"bootstrap over {n_docs} document: every resample is the same, so intervals have zero width "
            "and p-values say nothing"
        )
    return f"bootstrap over only {n_docs} documents: intervals and p-values are rough"


def resample_weights(n_docs: int, samples: int, seed: int) -> np.ndarray:
    """(samples, n_docs) draw counts: each row draws n_docs documents with replacement (numpy Generator)."""
    if n_docs <= 0 or samples <= 0:
        return np.zeros((0, max(n_docs, 0)), dtype=np.int64)
    rng = np.random.default_rng(seed)
    drawn = rng.integers(0, n_docs, size=(samples, n_docs))
    # Offset each row's draws into its own block so one bincount counts all rows at once.
    flat = (drawn + np.arange(samples)[:, None] * n_docs).ravel()
    return np.bincount(flat, minlength=samples * n_docs).reshape(samples, n_docs)


def percentile_ci(values: np.ndarray, confidence: float = CONFIDENCE) -> list[float] | None:
    """Percentile interval [lo, hi] of the bootstrap values; None when there are no resamples."""
    values = np.asarray(values, dtype=float)
    if values.size == 0:
        return None
    tail = (100 - confidence * 100) / 2  # 2.5 exactly for 0.95 (not 2.5000000000000022)
    lo, hi = np.percentile(values, [tail, 100 - tail])
    return [float(lo), float(hi)]


def paired_p_value(diffs: np.ndarray) -> float | None:
    """Two-sided p for a difference from resampled differences (both runs scored on the same resample).

    The one-sided share is that of resamples where the difference flips sign or is zero; doubling the
    smaller of the two one-sided shares makes it two-sided, capped at 1. Identical runs give 1.0.
    """
    diffs = np.asarray(diffs, dtype=float)
    if diffs.size == 0:
        return None
    at_or_below = float(np.mean(diffs <= 0))
    at_or_above = float(np.mean(diffs >= 0))
    return min(1.0, 2 * min(at_or_below, at_or_above))
