"""Corpus tooling: ingestion of raw reports, inline annotation markup, splits, statistics."""
