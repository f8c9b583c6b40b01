"""The whole report a Doc belongs to (pipeline.components.report), on real report text."""

from pathlib import Path

import spacy

from pipeline.components.report import report_context
from pipeline.figures.attributes import REPORT_CONTEXT, ReportContext
from pipeline.figures.timeline import ReportTimeline

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"


def test_a_doc_is_its_own_report_read_once():
    text = (RAW / "national-state-council-2024.txt").read_text(encoding="utf-8")[:3000]
    doc = spacy.blank("zh").make_doc(text)
    context = report_context(doc)
    assert (context.level, context.timeline.year, context.offset) == ("national", 2024, 0)
    assert report_context(doc) is context  # kept for the next component


def test_a_window_reads_the_report_it_was_cut_from():
    whole = (RAW / "district-zhuzhou-shifeng-2023.txt").read_text(encoding="utf-8")
    doc = spacy.blank("zh").make_doc(whole[1000:1500])
    given = ReportContext(whole, 1000, ReportTimeline.of(whole, 2023), "district")
    doc.user_data[REPORT_CONTEXT] = given
    assert report_context(doc) is given
