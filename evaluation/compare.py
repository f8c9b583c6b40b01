"""`compare`: two runs against the same gold, with a paired document-level bootstrap test of the difference.

Both runs are scored on the same resamples of gold documents (the same draw-count matrix), so the test is
paired: document difficulty cancels out. The reported difference is run B minus run A; the p-value is
`evaluation.bootstrap.paired_p_value` of the resampled differences.
"""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.bootstrap import CONFIDENCE, paired_p_value, percentile_ci, resample_weights, small_sample_warning
from evaluation.metrics import f1_of
from evaluation.scoring import evaluate

# What is compared: micro F1 of strict entity matching and of strict relation matching.
METRICS: dict[str, tuple[str, str, None]] = {
    "entities_strict_f1": ("entities", "strict", None),
    "relations_strict_f1": ("relations", "strict", None),
}


def compare(
    gold_records: Sequence[dict],
    run_a: Sequence[dict],
    run_b: Sequence[dict],
    bootstrap: int = 1000,
    seed: int = 0,
) -> dict:
    """Micro F1 of both runs, B - A, its percentile CI and the paired bootstrap p-value."""
    ev_a, ev_b = evaluate(gold_records, run_a), evaluate(gold_records, run_b)
    weights = resample_weights(len(ev_a.doc_ids), bootstrap, seed).astype(float)
    metrics = {}
    for name, key in METRICS.items():
        a, b = float(f1_of(ev_a.total(key).as_array())), float(f1_of(ev_b.total(key).as_array()))
        diffs = f1_of(weights @ ev_b.tables[key]) - f1_of(weights @ ev_a.tables[key])
        metrics[name] = {
            "a": a,
            "b": b,
            "difference": b - a,
            "difference_ci": percentile_ci(diffs),
            "p_value": paired_p_value(diffs),
        }
    warnings = [f"run A: {w}" for w in ev_a.warnings] + [f"run B: {w}" for w in ev_b.warnings]
    few = small_sample_warning(len(ev_a.doc_ids), len(weights))
    if few:
        warnings.append(few)
    return {
        "documents": len(ev_a.doc_ids),
        "metrics": metrics,
        "warnings": warnings,
        "bootstrap": {"samples": len(weights), "seed": seed, "confidence": CONFIDENCE, "paired": True},
    }
