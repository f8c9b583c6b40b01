"""Text normalisation for the models, with an offset map back to the text as read.

Reports in traditional characters (地區生產總值增長5.2%) are read through OpenCC's traditional-to-
simplified conversion applied character by character, so the mapping stays one character to one and
the spans are reported on the original characters. It is applied only to a text that is mostly
traditional, because a few characters (著, 於) are also in ordinary simplified use.

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


_TRADITIONAL_SHARE = 0.03  # share of CJK characters that must change for a text to count as traditional
_simplified: dict[str, str] = {}  # OpenCC's answer per character, kept for the life of the process
_converter = None


def _simplify_char(ch: str) -> str:
    global _converter
    if ch not in _simplified:
        if _converter is None:
            from opencc import OpenCC  # imported on the first CJK character seen, not at start-up

            _converter = OpenCC("t2s")
        out = _converter.convert(ch)
        _simplified[ch] = out if len(out) == 1 else ch  # only one-to-one mappings keep offsets exact
    return _simplified[ch]


def traditional_table(text: str) -> dict[int, str]:
    """A one-character translation table from traditional to simplified when `text` is traditional, else {}."""
    counts: dict[str, int] = {}
    for ch in text:
        if "\u4e00" <= ch <= "\u9fff":
            counts[ch] = counts.get(ch, 0) + 1
    if not counts:
        return {}
    table = {ord(ch): s for ch in counts if (s := _simplify_char(ch)) != ch}
    changed = sum(counts[chr(code)] for code in table)
    return table if changed / sum(counts.values()) >= _TRADITIONAL_SHARE else {}


def fold_char(ch: str) -> str:
    """One character, normalised (always one character back)."""
    return _TABLE.get(ord(ch), ch)


def normalise(text: str) -> str:
    """Normalised text of exactly the same length as `text`."""
    folded = text.translate(_TABLE)
    table = traditional_table(folded)
    return folded.translate(table) if table else folded


def original_text(doc: Doc) -> str:
    """The text of a Doc as read, kept in `doc.user_data` by the tokenizer: `doc.text` joins every token's
    text at each call (17 ms on a 23,000-character report)."""
    cached = doc.user_data.get("govreport_text")
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return cached if cached is not None and len(cached) == length else doc.text


def normalised_text(doc: Doc) -> str:
    """The normalised text of a Doc, computed once and kept in `doc.user_data`."""
    cached = doc.user_data.get("govreport_norm")
    # the length from the last token: `len(doc.text)` joins every token's text, a cost each component paid
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if cached is None or len(cached) != length:
        cached = normalise(doc.text)
        doc.user_data["govreport_norm"] = cached
    return cached
