"""Error analysis: every entity error with its sentence, and the gold x predicted label confusion matrix.

Gold and predicted spans are first aligned one-to-one: among all overlapping (gold, pred) pairs, the pair
sharing the most characters is taken first, then the next among still-free spans, ties by position.
An aligned pair is then

    correct                   same boundaries, same label (not an error, not listed)
    wrong_label               same boundaries, other label
    wrong_boundary            overlapping, other boundaries, same label
    wrong_label_and_boundary  overlapping, other boundaries, other label

and a gold span left unaligned is `missed`, a predicted one `spurious`. The confusion matrix counts the
same alignment: cell (gold label, pred label) for each aligned pair, (label, "O") for missed and
("O", label) for spurious, so its row sums are the gold counts and its column sums the predicted counts.
The sentence of an error is the text between the nearest sentence enders around the gold and predicted
spans (`evaluation.spans.SENTENCE_ENDERS`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from evaluation.spans import Span, SpanIndex, overlap, sentence_bounds

ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "wrong_label", "wrong_boundary", "wrong_label_and_boundary")
OUTSIDE = "O"


def align(gold: Sequence[Span], pred: Sequence[Span]) -> list[tuple[int | None, int | None]]:
    """One-to-one alignment by largest overlap: (gold index, pred index) pairs, None for the unaligned side."""
    index = SpanIndex(gold)
    candidates = []
    for pi, p in enumerate(pred):
        for gi in index.overlapping(p):
            shared = overlap(gold[gi], p)
            if shared:
                candidates.append((-shared, gold[gi].start, p.start, gi, pi))
    free_gold, free_pred = set(range(len(gold))), set(range(len(pred)))
    pairs: list[tuple[int | None, int | None]] = []
    for *_, gi, pi in sorted(candidates):
        if gi in free_gold and pi in free_pred:
            pairs.append((gi, pi))
            free_gold.discard(gi)
            free_pred.discard(pi)
    pairs += [(gi, None) for gi in sorted(free_gold)]
    pairs += [(None, pi) for pi in sorted(free_pred)]
    return pairs


def classify(g: Span | None, p: Span | None) -> str | None:
    """Error kind of an aligned pair; None when it is correct."""
    if p is None:
        return "missed"
    if g is None:
        return "spurious"
    same_bounds = (g.start, g.end) == (p.start, p.end)
    same_label = g.label == p.label
    if same_bounds:
        return None if same_label else "wrong_label"
    return "wrong_boundary" if same_label else "wrong_label_and_boundary"


def _span_dict(span: Span, text: str) -> dict:
    # The document text, not the record's copy, is the truth for what a span covers.
    return {"start": span.start, "end": span.end, "label": span.label, "text": text[span.start : span.end]}


def analyse(doc_id: str, text: str, gold: Sequence[Span], pred: Sequence[Span]) -> tuple[list[dict], Counter]:
    """Errors of one document in position order, and its confusion counts keyed (gold label, pred label)."""
    errors: list[dict] = []
    confusion: Counter = Counter()
    for gi, pi in align(gold, pred):
        g = gold[gi] if gi is not None else None
        p = pred[pi] if pi is not None else None
        confusion[(g.label if g else OUTSIDE, p.label if p else OUTSIDE)] += 1
        kind = classify(g, p)
        if kind is None:
            continue
        covered = [s for s in (g, p) if s is not None]
        start, end = sentence_bounds(text, min(s.start for s in covered), max(s.end for s in covered))
        errors.append(
            {
                "kind": kind,
                "doc_id": doc_id,
                "gold": _span_dict(g, text) if g else None,
                "pred": _span_dict(p, text) if p else None,
                "sentence": text[start:end],
                "sentence_start": start,
            }
        )
    errors.sort(key=lambda e: min(s["start"] for s in (e["gold"], e["pred"]) if s))
    return errors, confusion


def confusion_table(confusion: Counter) -> dict:
    """JSON form: labels (O last) and matrix[gold][pred] with every cell present."""
    labels = sorted(({g for g, _ in confusion} | {p for _, p in confusion}) - {OUTSIDE}) + [OUTSIDE]
    matrix = {g: {p: confusion.get((g, p), 0) for p in labels} for g in labels}
    return {"labels": labels, "matrix": matrix}
