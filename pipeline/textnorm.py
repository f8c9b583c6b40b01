"""Text normalisation for the models, with an offset map back to the text as read.

The normalisation is length-preserving: every character maps to exactly one character
(full-width ASCII → ASCII, ideographic and no-break spaces → space, a CR before LF → space,
other control characters → space). So offset ``i`` in the normalised text is offset ``i`` in the
original, and every span the models find indexes the original text exactly. Text whose only
oddity is spacing (政 府 工 作 报 告) keeps its spaces; the segmenter and the figure grammar
treat them as separators.
"""

from __future__ import annotations

_FULLWIDTH_OFFSET = 0xFEE0
_SPACES = {"\u3000", "\u00a0", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\t"}


def fold_char(ch: str) -> str:
    """One character, normalised (always one character back)."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII block
        return chr(code - _FULLWIDTH_OFFSET)
    if ch in _SPACES:
        return " "
    if code < 0x20 and ch != "\n":
        return " "
    return ch


def normalise(text: str) -> str:
    """Normalised text of exactly the same length as `text`."""
    folded = "".join(fold_char(c) for c in text)
    assert len(folded) == len(text)
    return folded
