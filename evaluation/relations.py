"""Relation scoring, strict and relaxed, per relation type and micro.

A predicted relation is a true positive when a not-yet-used gold relation of the same type and direction
(head -> tail) matches it:

- strict: head spans have the same boundaries and label, and so do tail spans;
- relaxed: head spans share at least one character, and so do tail spans (labels not compared).

Matching is one-to-one. Relaxed matching first pairs the strict matches (so relaxed never scores below
strict), then pairs the remaining candidates greedily, largest head + tail character overlap first, ties
by position. Counts map onto `evaluation.metrics` as correct = tp, spurious = fp, missed = fn.
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.metrics import Counts
from evaluation.spans import Relation, overlap

RELATION_MODES: tuple[str, ...] = ("strict", "relaxed")


def _key(rel: Relation) -> tuple:
    h, t = rel.head, rel.tail
    return (rel.type, h.start, h.end, h.label, t.start, t.end, t.label)


def _strict_pairs(gold: Sequence[Relation], pred: Sequence[Relation]) -> list[tuple[int, int]]:
    """One-to-one pairs of identical relations (first unused gold for each prediction, in order)."""
    free: dict[tuple, list[int]] = {}
    for gi, rel in enumerate(gold):
        free.setdefault(_key(rel), []).append(gi)
    pairs = []
    for pi, rel in enumerate(pred):
        waiting = free.get(_key(rel))
        if waiting:
            pairs.append((waiting.pop(0), pi))
    return pairs


def _relaxed_pairs(gold: Sequence[Relation], pred: Sequence[Relation]) -> list[tuple[int, int]]:
    pairs = _strict_pairs(gold, pred)
    used_gold = {gi for gi, _ in pairs}
    used_pred = {pi for _, pi in pairs}
    candidates = []
    for gi, g in enumerate(gold):
        if gi in used_gold:
            continue
        for pi, p in enumerate(pred):
            if pi in used_pred or p.type != g.type:
                continue
            head, tail = overlap(g.head, p.head), overlap(g.tail, p.tail)
            if head and tail:
                candidates.append((-(head + tail), gi, pi))
    for _, gi, pi in sorted(candidates):
        if gi not in used_gold and pi not in used_pred:
            pairs.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return pairs


def _counts(gold: Sequence[Relation], pred: Sequence[Relation], pairs: list[tuple[int, int]]) -> Counts:
    return Counts(correct=len(pairs), missed=len(gold) - len(pairs), spurious=len(pred) - len(pairs))


def relation_counts(gold: Sequence[Relation], pred: Sequence[Relation]) -> dict[str, dict[str | None, Counts]]:
    """mode -> scope -> counts for one document; scope None is micro, otherwise a relation type."""
    types = sorted({r.type for r in gold} | {r.type for r in pred}, key=str)
    out: dict[str, dict[str | None, Counts]] = {}
    for mode, pairer in (("strict", _strict_pairs), ("relaxed", _relaxed_pairs)):
        scopes: dict[str | None, Counts] = {}
        for rel_type in types:
            g = [r for r in gold if r.type == rel_type]
            p = [r for r in pred if r.type == rel_type]
            scopes[rel_type] = _counts(g, p, pairer(g, p))
        # Matching never pairs different types, so micro is the sum of the per-type counts.
        scopes[None] = sum(scopes.values(), Counts())
        out[mode] = scopes
    return out
