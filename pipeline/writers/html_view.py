"""HTML output: each report with its entities highlighted by spaCy's displaCy, relations listed under
each sentence; one self-contained file (displaCy's markup carries its own inline styles)."""

from __future__ import annotations

import html
from pathlib import Path

from spacy import displacy

from pipeline.atomic import atomic_open

COLOURS = {"ORG": "#7aecec", "ENT": "#bfeeb7", "PROJ": "#feca74", "LOC": "#ff9561", "IND": "#c9d4f6",
           "FIG": "#e4e7d2", "ACH": "#f0b3ff"}
_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.6}}
.sent{{margin:0 0 1em 0}} .rels{{font-size:.85em;color:#333;margin:.2em 0 0 1.5em}}
h1{{font-size:1.3em}} h2{{font-size:1.1em;border-bottom:1px solid #ccc}}</style></head><body>
<h1>{title}</h1>{body}</body></html>
"""


def _sentence_html(record: dict, start: int, end: int) -> str:
    ents = [{"start": e["start_offset"] - start, "end": e["end_offset"] - start, "label": e["label"]}
            for e in record["entities"] if start <= e["start_offset"] and e["end_offset"] <= end]
    data = {"text": record["text"][start:end], "ents": ents, "title": None}
    markup = displacy.render(data, style="ent", manual=True, page=False, options={"colors": COLOURS})
    by_id = {e["id"]: e for e in record["entities"]}
    rels = [r for r in record["relations"] if start <= by_id[r["from_id"]]["start_offset"] < end]
    items = []
    for rel in rels:
        head, tail = by_id[rel["from_id"]], by_id[rel["to_id"]]
        extra = ""
        if tail["label"] == "FIG" and tail.get("value") is not None:
            parts = [tail.get(k) for k in ("unit", "qualifier", "change", "status", "period", "basis")]
            extra = f" = {tail['value']:g} " + " ".join(p for p in parts if p)
        items.append(f"<li>{html.escape(head['text'])} [{head['label']}] —{rel['type']}→ "
                     f"{html.escape(tail['text'])} [{tail['label']}]{html.escape(extra)}</li>")
    rel_html = f"<ul class='rels'>{''.join(items)}</ul>" if items else ""
    return f"<div class='sent'>{markup}{rel_html}</div>"


def render(records: list[dict]) -> str:
    parts = []
    for record in records:
        parts.append(f"<h2>{html.escape(record['id'])}</h2>")
        for sent in record.get("sentences") or [{"start": 0, "end": len(record["text"])}]:
            if record["text"][sent["start"]:sent["end"]].strip():
                parts.append(_sentence_html(record, sent["start"], sent["end"]))
    title = "Extracted facts: " + ", ".join(r["id"] for r in records[:3]) + ("…" if len(records) > 3 else "")
    return _PAGE.format(title=html.escape(title), body="\n".join(parts))


def write_html(records: list[dict], out: Path) -> list[Path]:
    with atomic_open(out) as fh:
        fh.write(render(records))
    return [out]
