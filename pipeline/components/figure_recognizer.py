"""Figure recogniser: FIG spans from the figure grammar (exact, so they run before the trained `ner`,
which respects spans already set and can add figures the grammar misses)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.alignment import char_spans
from pipeline.constraints.figures import defines_a_kind, grades_a_work
from pipeline.figures import find_figures
from pipeline.textnorm import normalised_text


@Language.factory("govreport_figures")
def create_figure_recognizer(nlp: Language, name: str) -> FigureRecognizer:
    return FigureRecognizer()


class FigureRecognizer:
    """Adds FIG entities; a figure that overlaps an entity already found is left out (the name wins), and so is a
    threshold, an age or a capacity that defines the noun after it (D22), a size before 级 or a voltage (the span
    constraints drop them all): set here, it would keep the recogniser from the span it belongs to
    (每千人拥有3岁以下婴幼儿托位数 and 750千伏电网工程 are INDs, 海南电网500千伏主网架工程 a PROJ)."""

    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        taken = [(e.start_char, e.end_char) for e in doc.ents]
        matches = [m for m in find_figures(text)
                   if not any(s < m.end and m.start < e for s, e in taken) and not defines_a_kind(text, m.start, m.end)
                   and not grades_a_work(text, m.start, m.end)]
        spans = char_spans(doc, [(m.start, m.end, "FIG") for m in matches])
        doc.ents = sorted([*doc.ents, *spans], key=lambda s: s.start)
        return doc
