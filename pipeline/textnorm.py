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


TEXT_KEY, NORM_KEY = "govreport_text", "govreport_norm"  # the Doc.user_data keys of its text and normalised text


def _kept(doc: Doc, key: str) -> str | None:
    """The text kept under `key` in `doc.user_data`, if it is as long as the Doc's text (the length read from the
    last token: `len(doc.text)` joins every token's text, 17 ms on a 23,000-character report)."""
    kept = doc.user_data.get(key)
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return kept if kept is not None and len(kept) == length else None


def original_text(doc: Doc) -> str:
    """The text of a Doc as read, kept by the tokenizer (`doc.text` where it is not)."""
    kept = _kept(doc, TEXT_KEY)
    return doc.text if kept is None else kept


def normalised_text(doc: Doc) -> str:
    """The normalised text of a Doc, computed once and kept in `doc.user_data`."""
    kept = _kept(doc, NORM_KEY)
    if kept is None:
        kept = normalise(original_text(doc))
        doc.user_data[NORM_KEY] = kept
    return kept
