"""Entity matching in four modes, computed exactly as nervaluate 1.2.1 computes its four scenarios.

Both sides are walked in position order (start, end, label). Each predicted span is taken in turn and
looks only at gold spans not yet used; what it finds decides its category, and the gold span it takes is
used up. Gold spans never taken are `missed`. "Overlap" means sharing at least one character.

strict      (nervaluate "strict"): a gold span with the same boundaries and the same label -> correct
            (the first such one). Otherwise the first overlapping gold span, whatever its label ->
            incorrect. Otherwise spurious.
exact       (nervaluate "exact"): as strict with the label ignored: same boundaries -> correct,
            otherwise the first overlapping gold span -> incorrect, otherwise spurious.
partial     (nervaluate "partial"): same boundaries, label ignored -> correct; otherwise the first
            overlapping gold span -> partial, which scores half a hit in P and R; otherwise spurious.
label_only  (nervaluate "ent_type"): among overlapping gold spans with the same label, the one whose
            boundaries are closest (least |start difference| + |end difference|, first on ties) ->
            correct; otherwise the first overlapping gold span of another label -> incorrect;
            otherwise spurious.

Precision, recall and F1 follow `evaluation.metrics` (P = (correct + 0.5 partial) / predicted spans,
R = the same over gold spans). Scopes:

- micro: all spans of a document matched at once (nervaluate's "overall"), counts summed over documents.
- per label: only the spans of that label, on both sides, are matched (nervaluate's per-entity results).
  In the label-blind modes (exact, partial) a per-label row is therefore the same-label view, and per-label
  counts need not add up to the micro counts.
- macro: unweighted mean of the per-label P, R and F1 over labels occurring in gold or prediction.

For the flat (non-overlapping) spans this corpus requires, strict micro P/R/F1 equal seqeval's strict
IOB2 scores on character tags. One deliberate difference from nervaluate: it only counts an overlap
covering at least 1% of the gold span (its default ``min_overlap_percentage``), so a one-character overlap
with a gold span longer than 100 characters is an overlap here but not there.
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.metrics import Counts
from evaluation.spans import Span, SpanIndex, overlap

MODES: tuple[str, ...] = ("strict", "exact", "partial", "label_only")
NERVALUATE_NAME: dict[str, str] = {"strict": "strict", "exact": "exact", "partial": "partial", "label_only": "ent_type"}


def _same_bounds(a: Span, b: Span) -> bool:
    return a.start == b.start and a.end == b.end


def _boundary_mode(gold: Sequence[Span], pred: Sequence[Span], use_label: bool, near_miss: str) -> Counts:
    """strict (use_label), exact and partial: exact match wins, else the first overlap is a near miss."""
    counts = Counts()
    index = SpanIndex(gold)
    used: set[int] = set()
    for p in pred:
        near: int | None = None
        for gi in index.overlapping(p):
            g = gold[gi]
            if gi in used or not overlap(p, g):
                continue
            if _same_bounds(p, g) and (not use_label or p.label == g.label):
                counts.correct += 1
                used.add(gi)
                break
            if near is None:
                near = gi
        else:
            if near is None:
                counts.spurious += 1
            else:
                setattr(counts, near_miss, getattr(counts, near_miss) + 1)
                used.add(near)
    counts.missed = len(gold) - len(used)
    return counts


def _label_only_mode(gold: Sequence[Span], pred: Sequence[Span]) -> Counts:
    """nervaluate's ent_type: any same-label overlap is a hit, the closest boundaries taking the gold span."""
    counts = Counts()
    index = SpanIndex(gold)
    used: set[int] = set()
    for p in pred:
        best: int | None = None
        best_distance = 0
        other: int | None = None
        for gi in index.overlapping(p):
            g = gold[gi]
            if gi in used or not overlap(p, g):
                continue
            if p.label == g.label:
                distance = abs(p.start - g.start) + abs(p.end - g.end)
                if best is None or distance < best_distance:
                    best, best_distance = gi, distance
            elif other is None:
                other = gi
        if best is not None:
            counts.correct += 1
            used.add(best)
        elif other is not None:
            counts.incorrect += 1
            used.add(other)
        else:
            counts.spurious += 1
    counts.missed = len(gold) - len(used)
    return counts


def match(gold: Sequence[Span], pred: Sequence[Span], mode: str) -> Counts:
    """Outcome counts of one document's spans in one mode (each side is walked in position order)."""
    gold, pred = sorted(gold), sorted(pred)
    if mode == "strict":
        return _boundary_mode(gold, pred, use_label=True, near_miss="incorrect")
    if mode == "exact":
        return _boundary_mode(gold, pred, use_label=False, near_miss="incorrect")
    if mode == "partial":
        return _boundary_mode(gold, pred, use_label=False, near_miss="partial")
    if mode == "label_only":
        return _label_only_mode(gold, pred)
    raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")


def document_counts(gold: Sequence[Span], pred: Sequence[Span]) -> dict[str, dict[str | None, Counts]]:
    """mode -> scope -> counts for one document; scope None is micro, otherwise a label present on either side."""
    labels = sorted({s.label for s in gold} | {s.label for s in pred})
    out: dict[str, dict[str | None, Counts]] = {}
    for mode in MODES:
        scopes: dict[str | None, Counts] = {None: match(gold, pred, mode)}
        for label in labels:
            scopes[label] = match([g for g in gold if g.label == label], [p for p in pred if p.label == label], mode)
        out[mode] = scopes
    return out
