"""Structured facts from Chinese government work reports: entities, indicators, figures, achievements
and their relations, with exact character offsets.

    >>> import pipeline
    >>> nlp = pipeline.load()
    >>> doc = nlp("全年地区生产总值增长5%左右。")
    >>> record = pipeline.doc_to_record(doc, "demo")
"""

from __future__ import annotations

from typing import Any

from pipeline import startup

startup.install()  # spaCy without torch: a faster start (pipeline/startup.py)

__version__ = "0.1.0"
__all__ = ["__version__", "doc_to_record", "load"]


def __getattr__(name: str) -> Any:
    # Imported on first use so that light tools (the inline-markup checker, readers, the CLI's --help)
    # start without spaCy and its dependencies.
    if name == "load":
        from pipeline.loading import load

        return load
    if name == "doc_to_record":
        from pipeline.records import doc_to_record

        return doc_to_record
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
