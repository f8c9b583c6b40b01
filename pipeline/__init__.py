"""Structured facts from Chinese government work reports: entities, indicators, figures, achievements
and their relations, with exact character offsets.

    >>> import pipeline
    >>> nlp = pipeline.load()
    >>> doc = nlp("全年地区生产总值增长5%左右。")
    >>> record = pipeline.doc_to_record(doc, "demo")
"""

from pipeline.loading import load
from pipeline.records import doc_to_record

__version__ = "0.1.0"
__all__ = ["__version__", "doc_to_record", "load"]
