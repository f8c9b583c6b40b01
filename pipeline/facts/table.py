"""One table across reports: a row per figure, in DuckDB (and Parquet).

`fact_rows` turns a record into rows: the figure (value, unit, qualifier, change, status, period, basis),
its indicator (text and canonical id), the named span that owns the indicator or the figure, the sentence,
and the document's level, place, division code and year. `write_duckdb` writes them to a database file
atomically (a temporary file renamed into place), with a view per indicator id for convenience.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pipeline.facts.indicators import indicator_table
from pipeline.writers.csv_tables import facts

COLUMNS: tuple[tuple[str, str], ...] = (
    ("document", "VARCHAR"), ("level", "VARCHAR"), ("place", "VARCHAR"), ("division_code", "VARCHAR"),
    ("year", "INTEGER"), ("indicator_id", "VARCHAR"), ("indicator", "VARCHAR"), ("value", "DOUBLE"),
    ("unit", "VARCHAR"), ("qualifier", "VARCHAR"), ("change", "VARCHAR"), ("status", "VARCHAR"),
    ("period", "VARCHAR"), ("period_start", "INTEGER"), ("period_end", "INTEGER"), ("basis", "VARCHAR"),
    ("subject", "VARCHAR"), ("subject_type", "VARCHAR"), ("figure_text", "VARCHAR"), ("figure_start", "INTEGER"),
    ("figure_end", "INTEGER"), ("sentence", "VARCHAR"),
)


def _period_bounds(period: str | None) -> tuple[int | None, int | None]:
    if not period:
        return None, None
    first, _, last = period.partition("-")
    return int(first), int(last or first)


def fact_rows(record: dict) -> Iterator[dict]:
    """The figure rows of one record (see the module docstring)."""
    meta = record.get("meta") or {}
    table = indicator_table()
    for row in facts(record):
        ind_id = table.match(row["indicator"])[0] if row["indicator"] else None
        start, end = _period_bounds(row["period"] or None)
        yield {
            "document": row["document"], "level": meta.get("level"), "place": meta.get("place"),
            "division_code": meta.get("division_code"), "year": meta.get("year"), "indicator_id": ind_id,
            "indicator": row["indicator"] or None, "value": row["value"], "unit": row["unit"],
            "qualifier": row["qualifier"] or None, "change": row["change"] or None, "status": row["status"] or None,
            "period": row["period"] or None, "period_start": start, "period_end": end, "basis": row["basis"] or None,
            "subject": row["subject"] or None, "subject_type": row["subject_type"] or None,
            "figure_text": row["figure_text"], "figure_start": row["figure_start"], "figure_end": row["figure_end"],
            "sentence": row["sentence"],
        }


def write_duckdb(records: Iterable[dict], out: Path, parquet: Path | None = None, batch: int = 5000) -> int:
    """Write every record's fact rows to the DuckDB file `out` (replaced atomically), table `facts`, plus a
    `documents` table; optionally export `facts` to Parquet. Returns the number of rows."""
    import duckdb

    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    os.close(fd)
    os.unlink(tmp)  # DuckDB creates the file itself
    names = [name for name, _ in COLUMNS]
    n = 0
    try:
        con = duckdb.connect(tmp)
        con.execute("CREATE TABLE facts (" + ", ".join(f"{name} {kind}" for name, kind in COLUMNS) + ")")
        con.execute("CREATE TABLE documents (document VARCHAR PRIMARY KEY, level VARCHAR, place VARCHAR, "
                    "division_code VARCHAR, year INTEGER, characters INTEGER, figures INTEGER)")
        insert = f"INSERT INTO facts VALUES ({', '.join('?' * len(names))})"
        pending: list[list] = []
        for record in records:
            rows = [[r[name] for name in names] for r in fact_rows(record)]
            meta = record.get("meta") or {}
            con.execute("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [record["id"], meta.get("level"), meta.get("place"), meta.get("division_code"),
                         meta.get("year"), len(record["text"]), len(rows)])
            pending.extend(rows)
            n += len(rows)
            if len(pending) >= batch:
                con.executemany(insert, pending)
                pending = []
        if pending:
            con.executemany(insert, pending)
        if parquet is not None:
            parquet = Path(parquet)
            ptmp = parquet.with_name(f".{parquet.name}.tmp")
            quoted = str(ptmp).replace("'", "''")
            con.execute(f"COPY facts TO '{quoted}' (FORMAT PARQUET)")
            os.replace(ptmp, parquet)
        con.close()
        os.replace(tmp, out)
    finally:
        for leftover in (tmp, tmp + ".wal"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return n
