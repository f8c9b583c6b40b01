"""Custom attributes the components write: `doc._.relations` and `span._.figure`."""

from __future__ import annotations

from spacy.tokens import Doc, Span

if not Doc.has_extension("relations"):
    Doc.set_extension("relations", default=None)
if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)


def relations_of(doc: Doc) -> list[dict]:
    """The relation list of a Doc (created on first use so every Doc owns its own list)."""
    if doc._.relations is None:
        doc._.relations = []
    return doc._.relations
