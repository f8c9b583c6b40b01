"""Plain-text rendering of the score, compare and agreement results for the terminal."""

from __future__ import annotations

from collections.abc import Sequence

from evaluation.errors import ERROR_KINDS
from evaluation.matching import MODES

ERRORS_SHOWN_PER_KIND = 10  # the terminal gets a taste; --json / --html carry every error


def _num(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _ci(ci: Sequence[float] | None) -> str:
    return "-" if ci is None else f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Columns padded to their widest cell; the first column left-aligned, the others right-aligned."""
    cells = [[str(c) for c in headers]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = []
    for n, row in enumerate(cells):
        parts = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        lines.append("  ".join(parts).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


ENTITY_FIELDS = ("correct", "incorrect", "partial", "missed", "spurious")
RELATION_FIELDS = ("correct", "missed", "spurious")  # relations are matched or not: no incorrect / partial


def prf_table(rows: Sequence[tuple[str, dict]], fields: Sequence[str], with_ci: bool) -> str:
    """P / R / F1 (and the F1 interval when bootstrapped) plus the chosen counts, one row per scope."""
    headers = ["", "P", "R", "F1"] + (["F1 95% CI"] if with_ci else []) + list(fields)
    body = []
    for name, r in rows:
        cells: list[object] = [name, _num(r["precision"]), _num(r["recall"]), _num(r["f1"])]
        if with_ci:
            cells.append(_ci(r.get("f1_ci")))
        body.append(cells + [r.get(f, "") for f in fields])
    return table(headers, body)


def render_score(result: dict) -> str:
    """The whole score report as text: entity modes, relations, FIG agreement, errors, confusion."""
    out: list[str] = []
    docs = result["documents"]
    out.append(f"Documents: {docs['gold']} gold, {docs['predicted']} predicted")
    with_ci = result["bootstrap"]["samples"] > 0
    for mode in MODES:
        m = result["entities"][mode]
        rows = [*m["per_label"].items(), ("micro", m["micro"]), ("macro", m["macro"])]
        out += ["", f"Entities, {mode} (nervaluate {m['nervaluate']})", prf_table(rows, ENTITY_FIELDS, with_ci)]
    for mode, rel in result["relations"].items():
        rows = [*rel["per_type"].items(), ("micro", rel["micro"])]
        out += ["", f"Relations, {mode}", prf_table(rows, RELATION_FIELDS, with_ci)]
    figs = result["figures"]
    rows = [[name, f["comparable"], f["agree"], _num(f["rate"])] for name, f in figs["fields"].items()]
    out += ["", f"FIG normalisation on {figs['strict_pairs']} strictly matched FIG pairs"]
    out.append(table(("field", "comparable", "agree", "rate"), rows))
    counts = result["errors"]["counts"]
    out += ["", "Errors: " + ", ".join(f"{k} {counts[k]}" for k in ERROR_KINDS)]
    for kind in ERROR_KINDS:
        items = [e for e in result["errors"]["items"] if e["kind"] == kind]
        for e in items[:ERRORS_SHOWN_PER_KIND]:
            out.append(f"  {kind:<24} {describe_error(e)}")
        if len(items) > ERRORS_SHOWN_PER_KIND:
            out.append(f"  {kind:<24} ... {len(items) - ERRORS_SHOWN_PER_KIND} more (see --json / --html)")
    conf = result["confusion"]
    rows = [[g] + [conf["matrix"][g][p] for p in conf["labels"]] for g in conf["labels"]]
    out += ["", "Confusion (rows gold, columns predicted; O = no span)", table(["gold \\ pred", *conf["labels"]], rows)]
    boot = result["bootstrap"]
    if boot["samples"]:
        out += ["", f"CIs: {boot['samples']} document resamples, seed {boot['seed']}, percentile"]
    return "\n".join(out)


def describe_error(e: dict) -> str:
    """One line: the spans involved and the sentence with the gold span in 【】 and the predicted one in 〖〗."""
    g, p = e["gold"], e["pred"]
    who = " | ".join(
        f"{side} {s['label']} {s['text']!r} [{s['start']}, {s['end']})" for side, s in (("gold", g), ("pred", p)) if s
    )
    return f"{e['doc_id']}: {who}: {mark_sentence(e)}"


def mark_sentence(e: dict) -> str:
    """The sentence with bracket marks inserted at the span boundaries (gold 【】, predicted 〖〗)."""
    base = e["sentence_start"]
    marks: dict[int, str] = {}
    for span, (left, right) in ((e["pred"], ("〖", "〗")), (e["gold"], ("【", "】"))):
        if span:
            marks[span["start"] - base] = marks.get(span["start"] - base, "") + left
            marks[span["end"] - base] = right + marks.get(span["end"] - base, "")
    sentence = e["sentence"]
    marked = "".join(marks.get(i, "") + ch for i, ch in enumerate(sentence)) + marks.get(len(sentence), "")
    return marked.replace("\n", "↵")  # one error, one line


def render_compare(result: dict) -> str:
    rows = [
        [name, _num(m["a"]), _num(m["b"]), f"{m['difference']:+.3f}", _ci(m["difference_ci"]), _num(m["p_value"])]
        for name, m in result["metrics"].items()
    ]
    boot = result["bootstrap"]
    head = f"Documents: {result['documents']}; paired bootstrap: {boot['samples']} resamples, seed {boot['seed']}"
    return head + "\n" + table(("metric", "run A", "run B", "B - A", "95% CI", "p"), rows)


def render_agreement(result: dict) -> str:
    docs = result["documents"]
    out = [f"Documents in both files: {docs['shared']} ({docs['characters']} characters)"]
    spans = result["spans"]
    rows = [*spans["per_label"].items(), ("micro", spans["micro"])]
    out += ["", "Spans, strict (A as reference)", prf_table(rows, ENTITY_FIELDS, with_ci=False)]
    for mode, rel in result["relations"].items():
        rows = [*rel["per_type"].items(), ("micro", rel["micro"])]
        out += ["", f"Relations, {mode}", prf_table(rows, RELATION_FIELDS, with_ci=False)]
    out += [
        "",
        f"Cohen's kappa (character BIO tags): {result['kappa']:.4f}",
        f"Observed tag agreement: {result['observed_agreement']:.4f}",
    ]
    return "\n".join(out)
