"""Reading the value of a span already marked FIG where the figure grammar cannot.

The grammar (`pipeline.figures.grammar`) decides where figures are, so it is strict: a Chinese numeral needs a
digit (十万 alone is too often no count), and only units that mark results count. Once a span is a FIG, by the
grammar or by a tagger, its value is what a reader of the facts table wants, so this module reads it leniently:

- a bare number (13亿 before 人口, 三十万, 5 in 提高5到7元): value, no unit;
- the units of old reports and of counted things the grammar leaves out (担, 公尺, 公方, 匹, 枚, 新卢布, 门, 款, P …);
- a Chinese numeral that is all magnitude words (十亿元, 十万吨) and one that a greedy read cut wrongly
  (四百零六万|千瓦, not 四百零六万千|瓦: the number is read as short as the rest allows);
- shares as percentages: fractions (三分之一 → 33.3 %, 1/4 → 25 %), tenths (八成 → 80 %), halves (一半 → 50 %);
  千分之 as per mille;
- magnitude words after digits in any combination (9千亿元, 4万亿);
- numbers written with a middle dot for the decimal point (19·5%) or with spaces between the digits (1 1 %).

The result is a `FigureMatch` like the grammar's, so `normalise_figure` turns it into value, unit and qualifier.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from pipeline.figures.grammar import PER_PATTERN, PREFIX_PATTERN, SUFFIX_PATTERN, FigureMatch
from pipeline.figures.numerals import ARABIC_NUMBER, CHINESE_DIGITS, parse_decimal
from pipeline.figures.units import MAGNITUDES, PERCENT_UNITS, READING_UNITS, UNITS

_ALL_UNITS = sorted({*PERCENT_UNITS, *UNITS, *READING_UNITS}, key=len, reverse=True)  # longest first
_UNIT_OR_NONE = f"(?P<unit>{'|'.join(map(re.escape, _ALL_UNITS))})?"
_CN_RUN = re.compile(f"[{CHINESE_DIGITS}]+")
# 9千亿元, 4万亿: magnitude words after digits multiply, whatever their combination
_ARABIC_QUANTITY = re.compile(f"(?P<sign>[-−])?(?P<number>{ARABIC_NUMBER})(?P<infix1>[多余])?(?P<mag>[十百千万亿]+)?"
                              f"(?P<infix2>[多余])?{_UNIT_OR_NONE}{PER_PATTERN}{SUFFIX_PATTERN}")
_PER_CENT = re.compile(f"(?P<scale>[百千])分之(?P<number>{ARABIC_NUMBER}|[{CHINESE_DIGITS}]+){SUFFIX_PATTERN}")
_PREFIX = re.compile(PREFIX_PATTERN)
_ANY_NUMBER = f"(?:{ARABIC_NUMBER}|[{CHINESE_DIGITS}]+)"
_SHARE = re.compile(
    f"(?:(?P<den>{_ANY_NUMBER})分之(?P<num>{_ANY_NUMBER})|(?P<over>[0-9]+)/(?P<under>[0-9]+)"
    f"|(?P<half>一半|半数)|(?P<tenths>{_ANY_NUMBER})成(?P<tenths_half>半)?)(?P<infix1>多)?{SUFFIX_PATTERN}"
)
_SPACES = re.compile(r"\s+")
_DOT_DECIMAL = re.compile(r"(?<=[0-9])[·・](?=[0-9])")


def _cleaned(text: str) -> str:
    """The span's text with spaces taken out, a middle dot between digits read as a decimal point and the old
    万万 read as 亿 (六万万 = 6亿)."""
    return _DOT_DECIMAL.sub(".", _SPACES.sub("", text)).replace("万万", "亿")


def _parses(number: str) -> bool:
    try:
        parse_decimal(number)
    except (ValueError, ArithmeticError):
        return False
    return True


def _quantity(m: re.Match, number: str, prefix: str, start: int, end: int, sign: bool = False) -> FigureMatch:
    """A `FigureMatch` for `number` with the unit, qualifiers and approximation `m` matched after it (its magnitude
    already folded into `number`)."""
    parts = m.groupdict()
    return FigureMatch(start=start, end=end, number=number, magnitude="",
                       unit=(parts["unit"] or "") + (parts["per"] or ""), prefix=prefix, suffix=parts["suffix"] or "",
                       infix=parts["infix1"] or parts.get("infix2") or "", negative=sign)


_AFTER_CHINESE = re.compile(f"(?P<infix1>[多余])?{_UNIT_OR_NONE}{PER_PATTERN}{SUFFIX_PATTERN}")
_INNER_APPROXIMATION = re.compile(r"(?<=[一二两三四五六七八九十百千])[多余](?=[万亿])")  # 二十五亿七千|多|万元
_MAGNITUDE_WORDS = {"十": 10, **{word: value for word, value in MAGNITUDES.items() if len(word) == 1}}  # 百 千 万 亿


def _magnitude(words: str) -> int:
    value = 1
    for c in words:
        value *= _MAGNITUDE_WORDS[c]
    return value


def _chinese_number(number: str) -> str | None:
    """A Chinese numeral as digits: magnitude words alone multiply (十万, 万亿), others as `parse_decimal` reads them;
    None where it does not parse."""
    if all(c in _MAGNITUDE_WORDS for c in number):
        return str(_magnitude(number))
    try:
        return format(parse_decimal(number), "f")
    except (ValueError, ArithmeticError):
        return None


def _chinese_quantity(text: str, at: int, prefix: str, start: int, end: int) -> FigureMatch | None:
    """A Chinese numeral and what follows it, the numeral as long as it parses and leaves a unit after it
    (四百零六万|千瓦, not 四百零六万千|瓦), else as long as it parses (三十万); 多 inside the numeral (七千多万) is
    read as at least."""
    inner = _INNER_APPROXIMATION.search(text, at)
    text = _INNER_APPROXIMATION.sub("", text)
    run = _CN_RUN.match(text, at)
    if run is None:
        return None
    for needs_unit in (True, False):
        for cut in range(run.end(), at, -1):
            rest = _AFTER_CHINESE.fullmatch(text, cut)
            if rest is not None and (rest.group("unit") or not needs_unit) \
                    and (number := _chinese_number(text[at:cut])) is not None:
                match = _quantity(rest, number, prefix, start, end)
                return replace(match, infix=inner.group()) if inner and not match.infix else match
    return None


def _share(m: re.Match) -> Decimal:
    """A share matched by `_SHARE`, in per cent."""
    if m.group("den"):
        return parse_decimal(m.group("num")) / parse_decimal(m.group("den")) * 100
    if m.group("over"):
        return Decimal(m.group("over")) / Decimal(m.group("under")) * 100
    if m.group("half"):
        return Decimal(50)
    return parse_decimal(m.group("tenths")) * 10 + (5 if m.group("tenths_half") else 0)


def read_whole_figure(text: str, offset: int = 0) -> FigureMatch | None:
    """`text`, a whole FIG span, read leniently (see the module's docstring); None where no number is found or the
    number does not parse. Offsets are shifted by `offset`."""
    cleaned = _cleaned(text)
    start, end = offset, offset + len(text)
    prefix = _PREFIX.match(cleaned).group("prefix") or ""
    at = len(prefix)
    if m := _PER_CENT.fullmatch(cleaned, at):  # 百分之五, 千分之六点一
        unit = "‰" if m.group("scale") == "千" else "%"
        return FigureMatch(start=start, end=end, number=m.group("number"), magnitude="", unit=unit, prefix=prefix,
                           suffix=m.group("suffix") or "", infix="") if _parses(m.group("number")) else None
    if m := _ARABIC_QUANTITY.fullmatch(cleaned, at):
        number = parse_decimal(m.group("number")) * _magnitude(m.group("mag") or "")
        return _quantity(m, format(number, "f"), prefix, start, end, bool(m.group("sign")))
    if m := _SHARE.fullmatch(cleaned, at):
        try:
            value = _share(m)
        except (ValueError, ArithmeticError):
            return None
        return FigureMatch(start=start, end=end, number=format(value, "f"), magnitude="", unit="%", prefix=prefix,
                           suffix=m.group("suffix") or "", infix=m.group("infix1") or "")
    return _chinese_quantity(cleaned, at, prefix, start, end)
