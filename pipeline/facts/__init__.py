"""Facts across reports: document metadata, figure attributes (status, period, basis), canonical indicators,
and one table of every figure (DuckDB / Parquet)."""
