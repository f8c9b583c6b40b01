"""Output writers: JSONL records, CSV fact tables, and a self-contained HTML view."""

from pipeline.writers.csv_tables import write_csv
from pipeline.writers.html_view import write_html
from pipeline.writers.jsonl import write_records

WRITERS = {"jsonl": write_records, "csv": write_csv, "html": write_html}

__all__ = ["WRITERS", "write_csv", "write_html", "write_records"]
