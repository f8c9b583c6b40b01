"""Make token boundaries fall on span boundaries, so character spans become spaCy spans.

Rules and models find spans by character; the segmenter may have put a boundary elsewhere
(3.2万家 as one token when the span is 3.2万家 but the sentence reads 突破3.2万家). Tokens that
straddle a span edge are split there, which keeps every span exact instead of snapping it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span


def split_at(doc: Doc, offsets: Iterable[int]) -> None:
    """Split every token that has one of `offsets` strictly inside it."""
    cuts: dict[int, set[int]] = {}
    starts = {t.idx: t.i for t in doc}
    for off in offsets:
        if off in starts or off <= 0 or off >= len(doc.text):
            continue
        tok = _token_at(doc, off)
        if tok is None or tok.idx == off:
            continue
        cuts.setdefault(tok.i, set()).add(off - tok.idx)
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            tok = doc[i]
            points = [0, *sorted(inner), len(tok.text)]
            orths = [tok.text[a:b] for a, b in zip(points, points[1:])]
            retokenizer.split(tok, orths, heads=[(tok, 0)] * len(orths))


def _token_at(doc: Doc, offset: int):
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def char_spans(doc: Doc, spans: Iterable[tuple[int, int, str]]) -> list[Span]:
    """spaCy spans for (start, end, label) character spans, splitting tokens as needed."""
    spans = list(spans)
    split_at(doc, [o for s, e, _ in spans for o in (s, e)])
    out = []
    for start, end, label in spans:
        span = doc.char_span(start, end, label=label)
        if span is not None:
            out.append(span)
    return out
