"""Figure normaliser: value/unit/qualifier/change and status/period/basis for every FIG entity, whoever found it.

The last step of the chain: it reads the FIG spans (from the grammar or the trained recogniser)
and writes `span._.figure`; a span the grammar cannot read is read leniently (`pipeline.figures.reading`: bare
numbers, old units, shares), and one that neither reads gets value None. The
attributes (`pipeline.figures.attributes`) are read with the Doc's own text as the report, or, for a window
of a long report, with the whole report that `pipeline.extract` hands over in `doc.user_data`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.report import report_context
from pipeline.figures import find_figures
from pipeline.figures.normalise import normalise_span
from pipeline.textnorm import normalised_text


@Language.factory("govreport_figure_normaliser")
def create_figure_normaliser(nlp: Language, name: str) -> FigureNormaliser:
    return FigureNormaliser()


class FigureNormaliser:
    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        figs = [e for e in doc.ents if e.label_ == "FIG"]
        if not figs:
            return doc
        by_offset = {(m.start, m.end): m for m in find_figures(text)}
        context = report_context(doc)
        for ent in figs:
            match = by_offset.get((ent.start_char, ent.end_char))
            ent._.figure = normalise_span(text, ent.start_char, ent.end_char, match).as_dict()
            ent._.figure.update(context.attributes(ent.start_char, ent.end_char))
        return doc
