"""The whole report a Doc belongs to, for the components that read beyond the Doc's own text (the figure
attributes need the report's year and headings, the span constraints its level)."""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.facts.metadata import read_metadata
from pipeline.figures.attributes import REPORT_CONTEXT, ReportContext
from pipeline.figures.timeline import ReportTimeline
from pipeline.textnorm import normalised_text


def report_context(doc: Doc) -> ReportContext:
    """The report a window Doc was cut from (`pipeline.extract` sets it), or else the Doc's own text as the report,
    read once and kept in `doc.user_data` for the next component that asks."""
    context = doc.user_data.get(REPORT_CONTEXT)
    if not isinstance(context, ReportContext):
        text = normalised_text(doc)
        meta = read_metadata(text)
        context = ReportContext(text, 0, ReportTimeline.of(text, meta.year), meta.level, meta.place)
        doc.user_data[REPORT_CONTEXT] = context
    return context
