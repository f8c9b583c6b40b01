"""`agreement`: inter-annotator agreement between two annotations of the same documents.

Only documents both files hold are compared (the others are listed in warnings); their texts must be
identical. Annotator A plays gold and B prediction, which is harmless because strict span F1 and relation
F1 are symmetric (swapping sides swaps P and R). Reported:

- span F1, strict (same boundaries and label), per label and micro, as in `evaluation.matching`;
- relation F1, strict and relaxed, per type and micro, as in `evaluation.relations`;
- Cohen's kappa over character-level IOB2 tags (`evaluation.bio.to_bio`, whitespace included) of all
  shared documents concatenated, by `sklearn.metrics.cohen_kappa_score`. Where both annotators give every
  character the same single tag sklearn's kappa is undefined (0/0); identical tag sequences are reported
  as kappa 1.0 then, since the annotators agree perfectly.
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.bio import to_bio
from evaluation.relations import RELATION_MODES
from evaluation.scoring import evaluate


def _shared(records_a: Sequence[dict], records_b: Sequence[dict]) -> tuple[list[dict], list[dict], list[str]]:
    by_id_b = {r["id"]: r for r in records_b}
    ids_a = {r["id"] for r in records_a}
    shared_a = [r for r in records_a if r["id"] in by_id_b]
    shared_b = [by_id_b[r["id"]] for r in shared_a]
    warnings = [f"{r['id']}: only in file A; not compared" for r in records_a if r["id"] not in by_id_b]
    warnings += [f"{r['id']}: only in file B; not compared" for r in records_b if r["id"] not in ids_a]
    return shared_a, shared_b, warnings


def kappa(tags_a: Sequence[str], tags_b: Sequence[str]) -> float:
    """Cohen's kappa of two tag sequences; 1.0 for identical sequences (where sklearn's would be 0/0)."""
    if list(tags_a) == list(tags_b):
        return 1.0
    from sklearn.metrics import cohen_kappa_score  # imported here: it costs a second every other command

    return float(cohen_kappa_score(list(tags_a), list(tags_b)))


def agreement(records_a: Sequence[dict], records_b: Sequence[dict]) -> dict:
    """Span F1, relation F1 and character-level kappa between two annotations of the shared documents."""
    shared_a, shared_b, warnings = _shared(records_a, records_b)
    if not shared_a:
        raise ValueError("the two files have no document id in common")
    ev = evaluate(shared_a, shared_b)  # also refuses documents whose texts differ
    tags_a: list[str] = []
    tags_b: list[str] = []
    for a, b in zip(shared_a, shared_b, strict=True):
        tags_a += to_bio(a)[1]
        tags_b += to_bio(b)[1]
    same = sum(x == y for x, y in zip(tags_a, tags_b, strict=True))
    return {
        "documents": {"shared": len(shared_a), "characters": len(tags_a)},
        "warnings": warnings + ev.warnings,
        "spans": {
            "micro": ev.total(("entities", "strict", None)).to_dict(),
            "per_label": {lb: ev.total(("entities", "strict", lb)).to_dict() for lb in ev.scopes("entities", "strict")},
        },
        "relations": {
            mode: {
                "micro": ev.total(("relations", mode, None)).to_dict(),
                "per_type": {t: ev.total(("relations", mode, t)).to_dict() for t in ev.scopes("relations", mode)},
            }
            for mode in RELATION_MODES
        },
        "kappa": kappa(tags_a, tags_b),
        "observed_agreement": same / len(tags_a) if tags_a else 1.0,
    }
