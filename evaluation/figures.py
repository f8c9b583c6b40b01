"""Agreement of FIG normalisation (value, unit, qualifier, change) and attributes (status, period, basis) on
strictly matched FIG spans.

A gold FIG and a predicted FIG form a pair when their boundaries are identical (both are FIG, so this is
the strict entity match). A pair is comparable for a field only when the gold entity has that key, since
gold files may leave normalisation out; the prediction missing the key counts as disagreement.
`value` agrees when |pred - gold| <= 1e-9 * |gold| (both null also agrees); other fields compare equal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from evaluation.spans import Span

FIG_FIELDS: tuple[str, ...] = ("value", "unit", "qualifier", "change", "status", "period", "basis")
REL_TOL = 1e-9
_MISSING = object()


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def values_agree(gold: Any, pred: Any) -> bool:
    """Gold and predicted `value` equal within 1e-9 relative to gold (exact when gold is 0)."""
    if _is_number(gold) and _is_number(pred):
        return abs(pred - gold) <= REL_TOL * abs(gold)
    return gold is None and pred is None


@dataclass
class FigureTally:
    """Comparable and agreeing pairs per field, plus the disagreements to show in the report."""

    pairs: int = 0
    comparable: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIG_FIELDS, 0))
    agree: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIG_FIELDS, 0))
    mismatches: list[dict] = field(default_factory=list)

    def add(self, doc_id: str, gold: Sequence[Span], pred: Sequence[Span]) -> None:
        """Tally one document's FIG pairs."""
        waiting: dict[tuple[int, int], list[Span]] = {}
        for p in pred:
            if p.label == "FIG":
                waiting.setdefault((p.start, p.end), []).append(p)
        for g in gold:
            if g.label != "FIG" or not waiting.get((g.start, g.end)):
                continue
            p = waiting[(g.start, g.end)].pop(0)
            self.pairs += 1
            for name in FIG_FIELDS:
                if name not in g.extra:
                    continue
                self.comparable[name] += 1
                gv, pv = g.extra[name], p.extra.get(name, _MISSING)
                same = values_agree(gv, pv) if name == "value" else (pv is not _MISSING and pv == gv)
                if same:
                    self.agree[name] += 1
                else:
                    self.mismatches.append(
                        {
                            "doc_id": doc_id,
                            "start": g.start,
                            "end": g.end,
                            "text": g.text,
                            "field": name,
                            "gold": gv,
                            "pred": None if pv is _MISSING else pv,
                            "pred_missing": pv is _MISSING,
                        }
                    )

    def to_dict(self) -> dict:
        fields = {}
        for name in FIG_FIELDS:
            n, k = self.comparable[name], self.agree[name]
            fields[name] = {"comparable": n, "agree": k, "rate": (k / n) if n else None}
        return {"strict_pairs": self.pairs, "fields": fields, "mismatches": self.mismatches}
