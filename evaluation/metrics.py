"""Outcome counts and the precision / recall / F1 computed from them.

Every score in the package (entity modes, relations, agreement) is kept as five counts, nervaluate's
categories: correct, incorrect, partial, missed, spurious. A plain true-positive count maps onto them as
tp = correct, fp = spurious, fn = missed. From the counts:

    actual   = correct + incorrect + partial + spurious      (number of predicted items)
    possible = correct + incorrect + partial + missed        (number of gold items)
    P = (correct + 0.5 * partial) / actual,  R = (correct + 0.5 * partial) / possible,  F1 = 2PR / (P + R)

with 0 wherever a denominator is 0 (nervaluate's and seqeval's convention). `partial` is non-zero only in
the partial mode, so the same formula serves every mode; keeping counts rather than ratios is what lets
the bootstrap re-add documents and recompute micro scores exactly.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

FIELDS: tuple[str, ...] = ("correct", "incorrect", "partial", "missed", "spurious")


@dataclass
class Counts:
    """The five outcome counts of one scope (a label, a relation type, or everything)."""

    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f) + getattr(other, f) for f in FIELDS))

    def as_array(self) -> np.ndarray:
        return np.array([getattr(self, f) for f in FIELDS], dtype=float)

    def to_dict(self) -> dict:
        """Counts, totals and P/R/F1, ready for the JSON report."""
        p, r, f = prf(self.as_array())
        out: dict = {f: getattr(self, f) for f in FIELDS}
        out.update(
            actual=self.correct + self.incorrect + self.partial + self.spurious,
            possible=self.correct + self.incorrect + self.partial + self.missed,
            precision=float(p),
            recall=float(r),
            f1=float(f),
        )
        return out


def prf(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """P, R, F1 from counts laid out as FIELDS along the last axis; vectorised so bootstrap samples go at once."""
    counts = np.asarray(counts, dtype=float)
    correct, incorrect, partial, missed, spurious = np.moveaxis(counts, -1, 0)
    hits = correct + 0.5 * partial
    actual = correct + incorrect + partial + spurious
    possible = correct + incorrect + partial + missed
    precision = np.divide(hits, actual, out=np.zeros_like(hits), where=actual > 0)
    recall = np.divide(hits, possible, out=np.zeros_like(hits), where=possible > 0)
    total = precision + recall
    f1 = np.divide(2 * precision * recall, total, out=np.zeros_like(hits), where=total > 0)
    return precision, recall, f1


def f1_of(counts: np.ndarray) -> np.ndarray:
    """F1 only (the quantity bootstrapped)."""
    return prf(counts)[2]
