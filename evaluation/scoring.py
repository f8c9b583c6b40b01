"""`score`: gold vs predicted records -> the full report dict (what ``score --json`` writes).

Per-document counts are kept for every (section, mode, scope) so that micro scores are sums over
documents and the bootstrap can recompute them for any resample of documents. How each number is
defined lives with the code computing it: `evaluation.matching` (entity modes), `evaluation.relations`,
`evaluation.figures`, `evaluation.errors` and `evaluation.metrics` (P/R/F1 from counts).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from evaluation.bootstrap import CONFIDENCE, percentile_ci, resample_weights, small_sample_warning
from evaluation.errors import ERROR_KINDS, analyse, confusion_table
from evaluation.figures import FigureTally
from evaluation.matching import MODES, NERVALUATE_NAME, document_counts
from evaluation.metrics import FIELDS, Counts, f1_of, prf
from evaluation.relations import RELATION_MODES, relation_counts
from evaluation.spans import relations_of, spans_of
from pipeline.schema import RELATION_TYPES, SPAN_LABELS

# A table key: (section, mode, scope), section "entities" or "relations", scope None for micro.
Key = tuple[str, str, "str | None"]


def pair_documents(
    gold_records: Sequence[dict], pred_records: Sequence[dict]
) -> tuple[list[tuple[dict, dict]], list[str]]:
    """Gold documents in gold order, each with its prediction (an empty one stands in when missing), and
    the ids of the gold documents that had no prediction.

    Raises ValueError for what makes scoring meaningless: duplicate ids, a prediction for a document the
    gold file does not have, or a prediction whose text differs from the gold text (offsets would not agree).
    """
    gold_by_id: dict = {}
    for rec in gold_records:
        if rec["id"] in gold_by_id:
            raise ValueError(f"gold: duplicate document id {rec['id']!r}")
        gold_by_id[rec["id"]] = rec
    pred_by_id: dict = {}
    for rec in pred_records:
        doc_id = rec["id"]
        if doc_id in pred_by_id:
            raise ValueError(f"prediction: duplicate document id {doc_id!r}")
        if doc_id not in gold_by_id:
            raise ValueError(f"prediction for unknown document id {doc_id!r} (not in the gold file)")
        if "text" in rec and rec["text"] != gold_by_id[doc_id]["text"]:
            raise ValueError(f"prediction for {doc_id!r} has a different text than the gold document")
        pred_by_id[doc_id] = rec
    missing = []
    pairs = []
    for doc_id, gold in gold_by_id.items():
        pred = pred_by_id.get(doc_id)
        if pred is None:
            missing.append(doc_id)
            pred = {"id": doc_id, "text": gold["text"], "entities": [], "relations": []}
        pairs.append((gold, pred))
    return pairs, missing


@dataclass
class Evaluation:
    """Everything `score` reports, before P/R/F1 and intervals are derived."""

    doc_ids: list[str]
    tables: dict[Key, np.ndarray]  # (n_docs, len(FIELDS)) counts per key
    figures: FigureTally
    errors: list[dict]
    confusion: Counter
    missing: list[str] = field(default_factory=list)  # gold documents without a prediction
    warnings: list[str] = field(default_factory=list)
    n_pred_records: int = 0

    def total(self, key: Key) -> Counts:
        """Counts of one key summed over all documents."""
        return Counts(*(int(x) for x in self.tables[key].sum(axis=0)))

    def scopes(self, section: str, mode: str) -> list[str]:
        """Labels (or relation types) seen in a section, in schema order, unknown ones last."""
        order = list(SPAN_LABELS) if section == "entities" else list(RELATION_TYPES)
        found = {k[2] for k in self.tables if k[0] == section and k[1] == mode and k[2] is not None}
        return sorted(found, key=lambda s: (order.index(s) if s in order else len(order), str(s)))


def evaluate(gold_records: Sequence[dict], pred_records: Sequence[dict]) -> Evaluation:
    """Per-document counts, FIG agreement, errors and confusion for a gold / prediction pair of corpora."""
    pairs, missing = pair_documents(gold_records, pred_records)
    warnings = [f"{doc_id}: no prediction for this gold document; it counts as all missed" for doc_id in missing]
    if not pairs:
        warnings.append("there are no gold documents; every score is 0")
    rows: list[dict[Key, Counts]] = []
    figures = FigureTally()
    errors: list[dict] = []
    confusion: Counter = Counter()
    for gold, pred in pairs:
        doc_id, text = gold["id"], gold["text"]
        gold_spans, pred_spans = spans_of(gold), spans_of(pred)
        gold_rels, dangling_g = relations_of(gold)
        pred_rels, dangling_p = relations_of(pred)
        warnings += [f"gold {m} (ignored)" for m in dangling_g] + [f"prediction {m} (ignored)" for m in dangling_p]
        row: dict[Key, Counts] = {}
        for mode, scopes in document_counts(gold_spans, pred_spans).items():
            row.update({("entities", mode, scope): c for scope, c in scopes.items()})
        for mode, scopes in relation_counts(gold_rels, pred_rels).items():
            row.update({("relations", mode, scope): c for scope, c in scopes.items()})
        rows.append(row)
        figures.add(doc_id, gold_spans, pred_spans)
        doc_errors, doc_confusion = analyse(doc_id, text, gold_spans, pred_spans)
        errors += doc_errors
        confusion.update(doc_confusion)
    # Micro keys exist for every document; a label or type absent from a document counts zeros there.
    keys = {("entities", m, None) for m in MODES} | {("relations", m, None) for m in RELATION_MODES}
    keys |= {k for row in rows for k in row}
    tables = {
        key: np.array([row.get(key, Counts()).as_array() for row in rows], dtype=float).reshape(len(rows), len(FIELDS))
        for key in keys
    }
    return Evaluation(
        doc_ids=[g["id"] for g, _ in pairs],
        tables=tables,
        figures=figures,
        errors=errors,
        confusion=confusion,
        missing=missing,
        warnings=warnings,
        n_pred_records=len(pred_records),
    )


def _macro(per_label: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Mean P, R, F1 over the labels present (any gold or predicted span) in each row of (..., L, 5) counts."""
    p, r, f = prf(per_label)
    present = per_label.sum(axis=-1) > 0
    n = present.sum(axis=-1)
    means = []
    for metric in (p, r, f):
        total = np.where(present, metric, 0.0).sum(axis=-1)
        means.append(np.divide(total, n, out=np.zeros_like(total), where=n > 0))
    return means[0], means[1], means[2]


def _ci(weights: np.ndarray, table: np.ndarray) -> list[float] | None:
    return percentile_ci(f1_of(weights @ table)) if len(weights) else None


def report(ev: Evaluation, bootstrap: int = 0, seed: int = 0) -> dict:
    """The JSON-ready report of an `Evaluation`, with percentile CIs for every F1 when bootstrap > 0."""
    weights = resample_weights(len(ev.doc_ids), bootstrap, seed).astype(float)

    def row(key: Key) -> dict:
        out = ev.total(key).to_dict()
        out["f1_ci"] = _ci(weights, ev.tables[key])
        return out

    entities: dict = {}
    for mode in MODES:
        labels = ev.scopes("entities", mode)
        per_label = {label: row(("entities", mode, label)) for label in labels}
        stack = np.stack([ev.tables[("entities", mode, lb)] for lb in labels], axis=1) if labels else None
        if stack is not None:
            mp, mr, mf = _macro(stack.sum(axis=0))
            boot = percentile_ci(_macro(np.einsum("sd,dlf->slf", weights, stack))[2]) if len(weights) else None
        else:
            mp = mr = mf = np.float64(0.0)
            boot = None
        entities[mode] = {
            "nervaluate": NERVALUATE_NAME[mode],
            "micro": row(("entities", mode, None)),
            "macro": {"precision": float(mp), "recall": float(mr), "f1": float(mf), "f1_ci": boot, "labels": labels},
            "per_label": per_label,
        }
    relations = {
        mode: {
            "micro": row(("relations", mode, None)),
            "per_type": {t: row(("relations", mode, t)) for t in ev.scopes("relations", mode)},
        }
        for mode in RELATION_MODES
    }
    kinds = Counter(e["kind"] for e in ev.errors)
    few = small_sample_warning(len(ev.doc_ids), len(weights))
    return {
        "documents": {
            "gold": len(ev.doc_ids),
            "predicted": ev.n_pred_records,
            "without_prediction": list(ev.missing),
        },
        "warnings": list(ev.warnings) + ([few] if few else []),
        "entities": entities,
        "relations": relations,
        "figures": ev.figures.to_dict(),
        "errors": {"counts": {k: kinds.get(k, 0) for k in ERROR_KINDS}, "items": ev.errors},
        "confusion": confusion_table(ev.confusion),
        "bootstrap": {
            "samples": len(weights),
            "seed": seed,
            "confidence": CONFIDENCE,
            "method": "percentile; documents resampled with replacement; micro F1 from summed counts",
        },
    }


def score(gold_records: Sequence[dict], pred_records: Sequence[dict], bootstrap: int = 0, seed: int = 0) -> dict:
    """Score predictions against gold; the dict ``python -m evaluation score --json`` writes."""
    return report(evaluate(gold_records, pred_records), bootstrap=bootstrap, seed=seed)
