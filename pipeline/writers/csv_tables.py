"""CSV output: a facts table and an achievements table a user can open in a spreadsheet.

``OUT`` names the facts file; achievements go beside it as ``<stem>.achievements.csv``. Files are
UTF-8 with a BOM so that spreadsheet programs detect the encoding.
"""

from __future__ import annotations

import csv
from pathlib import Path

from pipeline.atomic import atomic_open

FACT_COLUMNS = ["document", "subject", "subject_type", "indicator", "value", "unit", "qualifier", "change",
                "status", "period", "basis", "figure_text", "figure_start", "figure_end", "sentence"]
ACH_COLUMNS = ["document", "holder", "holder_type", "achievement", "achievement_start", "achievement_end",
               "sentence"]


def _sentence(record: dict, start: int) -> str:
    for sent in record.get("sentences", []):
        if sent["start"] <= start < sent["end"]:
            return record["text"][sent["start"]:sent["end"]].strip()
    return ""


def facts(record: dict) -> list[dict]:
    """One row per FIG: its indicator, and the named span that owns the indicator (or the figure) if any."""
    ents = {e["id"]: e for e in record["entities"]}
    head_of = {r["to_id"]: r["from_id"] for r in record["relations"] if r["type"] == "HAS_VALUE"}
    owner_of = {r["to_id"]: r["from_id"] for r in record["relations"] if r["type"] == "HAS_INDICATOR"}
    rows = []
    for fig in (e for e in record["entities"] if e["label"] == "FIG"):
        head = ents.get(head_of.get(fig["id"]))
        indicator = head if head and head["label"] == "IND" else None
        subject = ents.get(owner_of.get(indicator["id"])) if indicator else head
        rows.append({
            "document": record["id"], "subject": subject["text"] if subject else "",
            "subject_type": subject["label"] if subject else "", "indicator": indicator["text"] if indicator else "",
            "value": fig.get("value"), "unit": fig.get("unit"), "qualifier": fig.get("qualifier") or "",
            "change": fig.get("change") or "", "status": fig.get("status") or "", "period": fig.get("period") or "",
            "basis": fig.get("basis") or "", "figure_text": fig["text"], "figure_start": fig["start_offset"],
            "figure_end": fig["end_offset"], "sentence": _sentence(record, fig["start_offset"]),
        })
    return rows


def achievements(record: dict) -> list[dict]:
    ents = {e["id"]: e for e in record["entities"]}
    holders: dict[int, list[dict]] = {}
    for rel in record["relations"]:
        if rel["type"] == "ACHIEVED":
            holders.setdefault(rel["to_id"], []).append(ents[rel["from_id"]])
    rows = []
    for ach in (e for e in record["entities"] if e["label"] == "ACH"):
        for holder in holders.get(ach["id"], [None]):
            rows.append({
                "document": record["id"], "holder": holder["text"] if holder else "",
                "holder_type": holder["label"] if holder else "", "achievement": ach["text"],
                "achievement_start": ach["start_offset"], "achievement_end": ach["end_offset"],
                "sentence": _sentence(record, ach["start_offset"]),
            })
    return rows


def write_csv(records: list[dict], out: Path) -> list[Path]:
    ach_out = out.with_name(f"{out.stem}.achievements.csv")
    for path, columns, rows_of in ((out, FACT_COLUMNS, facts), (ach_out, ACH_COLUMNS, achievements)):
        with atomic_open(path, encoding="utf-8-sig", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            for record in records:
                writer.writerows(rows_of(record))
    return [out, ach_out]
