"""Figure recogniser: FIG spans from the figure grammar (exact, so they run before the trained `ner`,
which respects spans already set and can add figures the grammar misses)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.alignment import char_spans
from pipeline.figures import find_figures
from pipeline.textnorm import normalised_text


@Language.factory("govreport_figures")
def create_figure_recognizer(nlp: Language, name: str) -> FigureRecognizer:
    return FigureRecognizer()


class FigureRecognizer:
    """Adds FIG entities; a figure that overlaps an entity already found is left out (the name wins)."""

    def __call__(self, doc: Doc) -> Doc:
        taken = [(e.start_char, e.end_char) for e in doc.ents]
        matches = [m for m in find_figures(normalised_text(doc))
                   if not any(s < m.end and m.start < e for s, e in taken)]
        spans = char_spans(doc, [(m.start, m.end, "FIG") for m in matches])
        doc.ents = sorted([*doc.ents, *spans], key=lambda s: s.start)
        return doc
