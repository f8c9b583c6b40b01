"""JSONL output: one record per document."""

from __future__ import annotations

from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.records import write_jsonl


def write_records(records: list[dict], out: Path) -> list[Path]:
    with atomic_open(out) as fh:
        write_jsonl(records, fh)
    return [out]
