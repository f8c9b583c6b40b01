"""Figure recogniser: FIG spans from the figure grammar, each normalised into `span._.figure`."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.alignment import char_spans
from pipeline.components.extensions import relations_of
from pipeline.figures import find_figures, normalise_figure
from pipeline.textnorm import normalise


@Language.factory("govreport_figures")
def create_figure_recognizer(nlp: Language, name: str) -> FigureRecognizer:
    return FigureRecognizer()


class FigureRecognizer:
    """Adds FIG entities; a figure that overlaps an entity already found is left out (the name wins)."""

    def __call__(self, doc: Doc) -> Doc:
        text = normalise(doc.text)
        taken = [(e.start_char, e.end_char) for e in doc.ents]
        matches = [m for m in find_figures(text) if not any(s < m.end and m.start < e for s, e in taken)]
        spans = char_spans(doc, [(m.start, m.end, "FIG") for m in matches])
        by_offset = {(m.start, m.end): m for m in matches}
        for span in spans:
            span._.figure = normalise_figure(by_offset[(span.start_char, span.end_char)], text).as_dict()
        doc.ents = sorted([*doc.ents, *spans], key=lambda s: s.start)
        relations_of(doc)
        return doc
