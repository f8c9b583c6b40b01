"""Figure normalisation: value in base units, unit, qualifier and the change word before the figure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.figures.grammar import (
    AFTER_TIMES,
    APPROX_INFIX,
    PREFIX_QUALIFIERS,
    SUFFIX_QUALIFIERS,
    FigureMatch,
    parse_figure,
)
from pipeline.figures.numerals import parse_decimal
from pipeline.figures.reading import read_whole_figure
from pipeline.figures.units import MAGNITUDES

# Words before a figure that say how it changed, mapped to the schema's change values.
CHANGE_WORDS: dict[str, str] = {
    "负增长": "下降",
    "增长": "增长", "增加": "增长", "提高": "增长", "提升": "增长", "上升": "增长", "增收": "增长", "扩大": "增长",
    "下降": "下降", "减少": "下降", "降低": "下降", "回落": "下降", "压减": "下降", "削减": "下降", "下滑": "下降",
    "新增": "新增", "新建": "新增", "新开工": "新增", "新设": "新增",
    "突破": "突破",
    "达到": "达到", "达": "达到", "实现": "达到",
}
_CHANGE_RE = re.compile("|".join(sorted(CHANGE_WORDS, key=len, reverse=True)))
_CLAUSE_BREAK = re.compile(r"[，。；：、,;:！？!?\n（(]")


@dataclass(frozen=True)
class Figure:
    """A normalised figure; `value` is in base units (28.26亿元 → 2826000000.0, unit 元)."""

    value: float | None
    unit: str | None  # None: a bare number (13亿 before 人口) or a span no reading understood
    qualifier: str | None
    change: str | None

    def as_dict(self) -> dict:
        # the fields by hand: dataclasses.asdict deep-copies through a recursive walk, 4 % of the normaliser's time
        return {"value": self.value, "unit": self.unit, "qualifier": self.qualifier, "change": self.change}


# Verbs outside the figure that qualify it: 占比超过55%, 接近80%, 不到3%.
CONTEXT_QUALIFIERS: dict[str, str] = {
    "不超过": "at_most", "不足": "at_most", "不到": "at_most", "低于": "at_most", "少于": "at_most",
    "超过": "at_least", "多于": "at_least", "高于": "at_least", "不低于": "at_least", "不少于": "at_least",
    "接近": "approx", "大约": "approx", "约为": "approx",
}


def _context_qualifier(text: str, start: int) -> str | None:
    for word in sorted(CONTEXT_QUALIFIERS, key=len, reverse=True):
        if text.endswith(word, 0, start):
            return CONTEXT_QUALIFIERS[word]
    return None


def _qualifier(match: FigureMatch, text: str) -> str | None:
    if match.suffix in AFTER_TIMES:
        return AFTER_TIMES[match.suffix] or _context_qualifier(text, match.start)
    if match.suffix:
        return SUFFIX_QUALIFIERS[match.suffix]
    if match.prefix:
        return PREFIX_QUALIFIERS[match.prefix]
    if match.infix:
        return APPROX_INFIX[match.infix]
    return _context_qualifier(text, match.start)


def change_before(text: str, start: int) -> str | None:
    """The change word governing a figure starting at `start`: the last one in its clause, if any."""
    clause_start = 0
    for m in _CLAUSE_BREAK.finditer(text, max(0, start - 40), start):
        clause_start = m.end()
    words = _CHANGE_RE.findall(text, clause_start, start)
    return CHANGE_WORDS[words[-1]] if words else None


def normalise_figure(match: FigureMatch, text: str) -> Figure:
    """Normalise a grammar match; `text` is the document text the match indexes (for the change word)."""
    try:
        # Decimal arithmetic: 617.3 × 10^8 in binary floating point is 61729999999.99999.
        exact = parse_decimal(match.number) * MAGNITUDES.get(match.magnitude, 1)
        if match.suffix == "半":
            exact += Decimal("0.5")  # 六倍半
        value: float | None = float(exact)
    except (ValueError, ArithmeticError):
        value = None
    # A dash right after a number is a range (增长6.5%-7% split into two figures), not a minus sign.
    range_end = match.start > 0 and (text[match.start - 1].isdigit() or text[match.start - 1] in "%％")
    if value is not None and match.negative and not range_end:
        value = -value
    change = change_before(text, match.start)
    return Figure(value=value, unit=match.unit or None, qualifier=_qualifier(match, text), change=change)


def normalise_span(text: str, start: int, end: int, match: FigureMatch | None = None) -> Figure:
    """The figure of the FIG span text[start:end]: from the grammar's `match` for it, or the span read as one whole
    figure, or, where neither gives a value, read leniently (`pipeline.figures.reading`); value None where nothing
    reads it."""
    match = match or parse_figure(text[start:end], start)
    figure = normalise_figure(match, text) if match is not None else None
    if figure is None or figure.value is None:
        lenient = read_whole_figure(text[start:end], start)
        figure = normalise_figure(lenient, text) if lenient is not None else figure
    return figure or Figure(value=None, unit=None, qualifier=None, change=change_before(text, start))
