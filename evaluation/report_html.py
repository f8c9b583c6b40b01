"""A self-contained HTML page of a score result: inline CSS, no scripts, no external assets.

Every piece of document text goes through `html.escape`, so report text can never inject markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from evaluation import matching
from evaluation.errors import ERROR_KINDS
from evaluation.matching import MODES

CSS = """
body { font-family: system-ui, "Noto Sans CJK SC", "PingFang SC", sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f0f0f0; }
tr.total td { font-weight: bold; background: #fafafa; }
td.zero { color: #bbb; } td.diag { background: #e6f4e6; } td.off { background: #fbe9e7; }
.note { color: #555; font-size: 0.9em; max-width: 60em; }
pre.note { white-space: pre-wrap; }
ol.errors li { margin: 0.4em 0; }
.sentence { display: block; margin-top: 0.15em; }
mark.gold { background: #c8e6c9; } mark.pred { background: #bbdefb; } mark.both { background: #ffe082; }
.tag { font-family: monospace; font-size: 0.85em; color: #555; }
"""

ENTITY_FIELDS = ("correct", "incorrect", "partial", "missed", "spurious")
RELATION_FIELDS = ("correct", "missed", "spurious")


def _num(x: float | None) -> str:
    return "&ndash;" if x is None else f"{x:.3f}"


def _ci(ci: Sequence[float] | None) -> str:
    return "&ndash;" if not ci else f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def _prf_table(rows: list[tuple[str, dict, bool]], fields: Sequence[str], with_ci: bool) -> str:
    columns = ["", "P", "R", "F1"] + (["F1 95% CI"] if with_ci else []) + list(fields)
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = []
    for name, r, total in rows:
        cells = [escape(name), _num(r["precision"]), _num(r["recall"]), _num(r["f1"])]
        if with_ci:
            cells.append(_ci(r.get("f1_ci")))
        cells += [str(r[k]) if k in r else "" for k in fields]
        cls = ' class="total"' if total else ""
        body.append(f"<tr{cls}>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _highlight(e: dict) -> str:
    """The sentence with gold, predicted and shared characters wrapped in <mark> runs (escaped text)."""
    sentence, base = e["sentence"], e["sentence_start"]

    def inside(span: dict | None, i: int) -> bool:
        return span is not None and span["start"] <= base + i < span["end"]

    classes = []
    for i in range(len(sentence)):
        g, p = inside(e["gold"], i), inside(e["pred"], i)
        classes.append("both" if g and p else "gold" if g else "pred" if p else "")
    out, i = [], 0
    while i < len(sentence):
        j = i
        while j < len(sentence) and classes[j] == classes[i]:
            j += 1
        chunk = escape(sentence[i:j])
        out.append(f'<mark class="{classes[i]}">{chunk}</mark>' if classes[i] else chunk)
        i = j
    return "".join(out)


def _span_tag(side: str, span: dict | None) -> str:
    if span is None:
        return ""
    return (
        f'<span class="tag">{side} {escape(span["label"])} [{span["start"]}, {span["end"]})</span> '
        f"{escape(span['text'])} "
    )


def _confusion(conf: dict) -> str:
    labels = conf["labels"]
    head = "<th>gold \\ pred</th>" + "".join(f"<th>{escape(lb)}</th>" for lb in labels)
    rows = []
    for g in labels:
        cells = []
        for p in labels:
            n = conf["matrix"][g][p]
            cls = "zero" if n == 0 else "diag" if g == p else "off"
            cells.append(f'<td class="{cls}">{n}</td>')
        rows.append(f"<tr><th>{escape(g)}</th>{''.join(cells)}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def render_html(result: dict, title: str = "Evaluation report") -> str:
    """The full page for a `score` result."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
    ]
    docs = result["documents"]
    parts.append(f"<p>{docs['gold']} gold documents, {docs['predicted']} predicted.</p>")
    if result["warnings"]:
        parts.append("<h2>Warnings</h2><ul>" + "".join(f"<li>{escape(w)}</li>" for w in result["warnings"]) + "</ul>")
    boot = result["bootstrap"]
    with_ci = boot["samples"] > 0
    if with_ci:
        parts.append(
            f'<p class="note">95% CIs: percentile bootstrap over {boot["samples"]} resamples of documents '
            f"(with replacement, seed {boot['seed']}); each F1 recomputed from summed counts.</p>"
        )
    parts.append("<h2>Entities</h2>")
    for mode in MODES:
        m = result["entities"][mode]
        rows = [(lb, r, False) for lb, r in m["per_label"].items()]
        rows += [("micro", m["micro"], True), ("macro", m["macro"], True)]
        title = f"<h3>{mode} <small>(nervaluate {escape(m['nervaluate'])})</small></h3>"
        parts.append(title + _prf_table(rows, ENTITY_FIELDS, with_ci))
    parts.append(
        "<details><summary>How the modes are computed</summary>"
        f"<pre class='note'>{escape(matching.__doc__ or '')}</pre></details>"
    )
    parts.append("<h2>Relations</h2>")
    for mode, rel in result["relations"].items():
        rows = [(t, r, False) for t, r in rel["per_type"].items()] + [("micro", rel["micro"], True)]
        parts.append(f"<h3>{escape(mode)}</h3>{_prf_table(rows, RELATION_FIELDS, with_ci)}")
    figs = result["figures"]
    parts.append(f"<h2>FIG normalisation</h2><p>{figs['strict_pairs']} strictly matched FIG pairs.</p>")
    rows = "".join(
        f"<tr><td>{escape(name)}</td><td>{f['comparable']}</td><td>{f['agree']}</td><td>{_num(f['rate'])}</td></tr>"
        for name, f in figs["fields"].items()
    )
    parts.append(
        "<table><thead><tr><th>field</th><th>comparable</th><th>agree</th><th>rate</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    if figs["mismatches"]:
        cells = (
            (m["doc_id"], m["text"], m["field"], repr(m["gold"]), "(missing)" if m["pred_missing"] else repr(m["pred"]))
            for m in figs["mismatches"]
        )
        rows = "".join("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in cells)
        parts.append(
            "<h3>Disagreements</h3><table><thead><tr><th>document</th><th>FIG</th><th>field</th><th>gold</th>"
            f"<th>predicted</th></tr></thead><tbody>{rows}</tbody></table>"
        )
    parts.append("<h2>Confusion matrix</h2><p class='note'>Rows gold, columns predicted; O = no span.</p>")
    parts.append(_confusion(result["confusion"]))
    parts.append(
        "<h2>Errors</h2><p class='note'>"
        '<mark class="gold">gold only</mark> <mark class="pred">predicted only</mark> '
        '<mark class="both">both</mark></p>'
    )
    for kind in ERROR_KINDS:
        items = [e for e in result["errors"]["items"] if e["kind"] == kind]
        parts.append(f"<h3>{escape(kind.replace('_', ' '))} ({len(items)})</h3>")
        if items:
            lis = "".join(
                f"<li><span class='tag'>{escape(str(e['doc_id']))}</span> {_span_tag('gold', e['gold'])}"
                f"{_span_tag('pred', e['pred'])}<span class='sentence'>{_highlight(e)}</span></li>"
                for e in items
            )
            parts.append(f"<ol class='errors'>{lis}</ol>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
