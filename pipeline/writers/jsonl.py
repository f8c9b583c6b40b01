"""JSONL output: one record per document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.record_store import StoredRecords
from pipeline.records import write_jsonl


def write_records(records: Sequence[dict], out: Path) -> list[Path]:
    if isinstance(records, StoredRecords):  # a batch's lines: copied byte for byte, never parsed
        with atomic_open(out, mode="wb") as fh:
            records.copy_to(fh)
        return [out]
    with atomic_open(out) as fh:
        write_jsonl(records, fh)
    return [out]
