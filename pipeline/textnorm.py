"""Text normalisation for the models, with an offset map back to the text as read.

The normalisation is length-preserving: every character maps to exactly one character
(full-width ASCII → ASCII, ideographic and no-break spaces → space, control characters other than
newline (a CR before LF included) → space). So offset ``i`` in the normalised text is offset ``i``
in the original, and every span the models find indexes the original text exactly. Text whose only
oddity is spacing (政 府 工 作 报 告) keeps its spaces; the segmenter and the figure grammar treat
them as separators.
"""

from __future__ import annotations

from spacy.tokens import Doc

_TABLE: dict[int, str] = {code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_TABLE.update({ord(c): " " for c in "\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff\t"})
_TABLE.update({code: " " for code in range(0x20) if code != 0x0A})


def fold_char(ch: str) -> str:
    """One character, normalised (always one character back)."""
    return _TABLE.get(ord(ch), ch)


def normalise(text: str) -> str:
    """Normalised text of exactly the same length as `text`."""
    return text.translate(_TABLE)


def normalised_text(doc: Doc) -> str:
    """The normalised text of a Doc, computed once and kept in `doc.user_data`."""
    cached = doc.user_data.get("govreport_norm")
    if cached is None or len(cached) != len(doc.text):
        cached = normalise(doc.text)
        doc.user_data["govreport_norm"] = cached
    return cached
