"""The figure grammar: where a quantity starts and ends in (normalised) report text.

A figure is ``[prefix qualifier] number [多|余] [magnitude] [多|余] unit [suffix qualifier]``, or
``百分之 number``. Years, dates, ordinals (第…) and numerals inside quoted slogans (“两个统筹”) are
not figures. The grammar reads normalised text (see `pipeline.textnorm`), whose offsets equal the
original's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.figures.numerals import ARABIC_NUMBER, CHINESE_DIGITS
from pipeline.figures.units import (
    ALTERNATE_UNIT,
    COUNT_CLASSIFIERS,
    DATE_UNITS,
    MAGNITUDES,
    PERCENT_UNITS,
    UNITS,
)

# One-character qualifiers written against the number are part of the figure (guidelines §3, D1);
# two-character verbs (超过, 接近, 不到 …) stay outside and are read from context by the normaliser.
PREFIX_QUALIFIERS: dict[str, str] = {"超": "at_least", "逾": "at_least", "近": "approx", "约": "approx", "約": "approx"}
SUFFIX_QUALIFIERS: dict[str, str] = {"左右": "approx", "以上": "at_least", "以内": "at_most", "以下": "at_most",
                                     "强": "at_least", "弱": "at_most"}
# 强 / 弱 (a little over / under) only after a percentage (占…经费的24%强: 2 of 2 in the gold); 500强 is a list
_AFTER_PERCENT = ("强", "弱")
APPROX_INFIX: dict[str, str] = {"多": "at_least", "余": "at_least"}
# 筹措7亿元实施就业惠民工程, 安排200亿元用于…: the verbs between a sum of money and what it is for
PURPOSE_VERBS = "用于支持|用于|实施|支持|推进|建设|推动|开展|加快"
# 增长两倍多, 等于一九五〇年的六倍半: what follows 倍 is part of the multiple (the gold: 11 of 11); 半 adds a half
AFTER_TIMES: dict[str, str | None] = {"多": "at_least", "半": None}

_alt = "|".join
_CN_NUMBER = f"(?=[{CHINESE_DIGITS}]*[零〇一二两三四五六七八九])[{CHINESE_DIGITS}]+"
PREFIX_PATTERN = f"(?P<prefix>{_alt(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))})?"
_NUMBER = f"(?P<number>{ARABIC_NUMBER}|{_CN_NUMBER})"
_MAG = f"(?P<mag>{_alt(sorted(MAGNITUDES, key=len, reverse=True))})?"
_UNIT = f"(?P<unit>{_alt(map(re.escape, (*PERCENT_UNITS, *UNITS)))})"
SUFFIX_PATTERN = (f"(?P<suffix>{_alt(q for q in SUFFIX_QUALIFIERS if q not in _AFTER_PERCENT)}"
                  f"|(?<=[%‰])(?:{_alt(_AFTER_PERCENT)})|(?<=倍)(?:{_alt(AFTER_TIMES)}))?")
# 796元/月, 25万元/人: a rate's unit goes on after the slash; 3.8万套（间）: the other classifier in brackets is
# part of the figure (the gold: 11 of 11 and 13 of 13)
PER_PATTERN = "(?P<per>/(?:月|年|日|人|户|亩|吨|天|次|秒|平方米|千瓦时|百亿元|亿元|万元))?"  # 16.9万吨/日, 0.6人/百亿元
_ALTERNATIVE = f"(?:{ALTERNATE_UNIT.pattern})?"  # in both bracket forms: the pipeline reads normalised text
FIGURE_RE = re.compile(
    f"{PREFIX_PATTERN}(?:百分之(?P<pct>{ARABIC_NUMBER}|{_CN_NUMBER})"
    f"|(?P<sign>[-−])?{_NUMBER}(?P<infix1>[多余])?{_MAG}(?P<infix2>[多余])?{_UNIT}{PER_PATTERN}{_ALTERNATIVE}){SUFFIX_PATTERN}"
)
# 增长5%-5.5%: a dash right after a figure joins a range, it is no minus
_RANGE_BEFORE = re.compile(r"[0-9%‰]")
# 平均受教育年限10.8年: a decimal number of years is a duration, not a date (PM2.5年均浓度 is neither)
_DECIMAL_YEARS = re.compile(r"[0-9]{1,2}\.[0-9]{1,2}年(?![均度平内底末初])")  # not 20.2026年 (an item, a year)


def _decimal_years(text: str, m: re.Match) -> bool:
    """Whether the match is a decimal number of years (10.8年), not after a letter (PM2.5年均)."""
    if m.group("unit") != "年":
        return False
    start = m.start("number")
    before = text[start - 1:start] if start > 0 else ""
    years = _DECIMAL_YEARS.match(text, start)
    return not (before.isascii() and before.isalpha() or before == "_") \
        and years is not None and years.end() == m.end("unit")


_QUOTE_OPEN = "“「『\"《"
_QUOTE_CLOSE = "”」』\"》"


@dataclass(frozen=True)
class FigureMatch:
    """A figure found in text: its character span and the parts the normaliser needs."""

    start: int
    end: int
    number: str
    magnitude: str
    unit: str
    prefix: str
    suffix: str
    infix: str
    negative: bool = False

    @property
    def text_range(self) -> tuple[int, int]:
        return self.start, self.end


def _inside_quotes(text: str, start: int, end: int) -> bool:
    """A numeral directly after an opening quote (spaces aside: “ 四人帮”) and inside the quotes is a slogan
    or a name (“两个统筹”)."""
    before = text[max(0, start - 4):start].rstrip(" \u3000")[-1:]
    return bool(before) and before in _QUOTE_OPEN and any(c in _QUOTE_CLOSE for c in text[end:end + 8])


# Names and idioms whose numeral is no quantity (the 1970s reports name the 四人帮 a hundred times, often
# without quotes).
_FIXED_EXPRESSIONS = re.compile("四人帮|危机四伏|千百万|千千万万|五湖四海|四面八方|七上八下|一穷二白"
                                "|抓好?两头|落后两头|两头在外")  # 抓两头、带中间 (the gold: 7 of 7 such 两头 unmarked)


def _in_fixed_expression(text: str, start: int, end: int) -> bool:
    return any(m.start() < end and start < m.end()
               for m in _FIXED_EXPRESSIONS.finditer(text, max(0, start - 3), min(len(text), end + 3)))


# Counts of the document's own apparatus, not of the world: a policy package (出台科技金融20条政策措施), the
# outline of a plan (提出了28个主要指标, 15个方面的重点任务) and a run of periods (连续24个月保持两位数增长,
# 连续3次获评优秀). On the train and dev gold: 21 of 22, 18 of 18 and 14 of 14 unmarked.
_APPARATUS_AFTER = {
    "条": re.compile(r"[^，。；、,;\n]{0,8}?(?:措施|举措|政策|意见|规定|路径)"),
    "个": re.compile(r"(?:主要|预期性|约束性)?指标|方面|维度|领域的?重点任务"),  # 安排了18个领域的重点任务
}
_RUN_BEFORE = "连续"
_RUN_UNITS = re.compile(r"个?(?:月|季度)|次")


def _apparatus(text: str, m: re.Match, end: int) -> bool:
    unit = m.group("unit")
    after = _APPARATUS_AFTER.get(unit)
    if after is not None and not m.group("mag") and after.match(text, end):
        return True
    run = _RUN_UNITS.match(text, m.end("number"))
    return text[max(0, m.start() - 2):m.start()] == _RUN_BEFORE and run is not None and run.end() >= end


# 不超…, 接近…, 大约…, 将近…, 节约…: the qualifier's character belongs to a word before it (将近: 15 of 15 gold
# figures start after it)
_PREFIX_TAKEN_BY = ("不", "接", "大", "将", "节", "節")
# 六万万人民, 八亿农民, 九亿多人口: a nation's population named in words is no figure of the report (the train and
# dev gold: 21 of 27 unmarked; with Arabic digits, 13亿人民, the gold marks most, so those stay)
# The same for a nation named as its number of people (经过六万万人克勤克俭的劳动, 为六万万人的生活着想, 在五万万多的
# 农民中: 3 of 3 unmarked), unless the number is what is counted (吃饭的人数有四亿人, 全国人口有六万万之多: FIG)
_POPULATION = re.compile(rf"[{CHINESE_DIGITS}几]+(?:万万|亿)多?人?$")
_PEOPLE_AFTER = re.compile(r"的?(?:人民|人口|农民)|(?<=人)[民口]")
_COUNTED_BEFORE = ("有", "达", "是")


def population_phrase(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a population named in Chinese numerals before 人民 / 人口 / 农民, or as a number of
    people (…万万人) that is not itself counted (有四亿人)."""
    if not _POPULATION.match(text, start, end):
        return False
    if _PEOPLE_AFTER.match(text, end):
        return True
    return text[end - 1] == "人" and text[start - 1:start] not in _COUNTED_BEFORE and not text.startswith("之多", end)


def apparatus_count(text: str, start: int, end: int) -> bool:
    """Whether the figure text[start:end] (found by the grammar or by a model) counts the report's own apparatus:
    a policy package, the outline of a plan, a run of periods (see `_APPARATUS_AFTER`)."""
    m = FIGURE_RE.fullmatch(text, start, end)
    return m is not None and bool(m.group("number")) and _apparatus(text, m, end)


def _is_chinese(number: str) -> bool:
    return not number[0].isdigit()


def _match(m: re.Match, start: int, end: int, prefix: str, negative: bool | None = None) -> FigureMatch:
    return FigureMatch(
        start=start, end=end, number=m.group("pct") or m.group("number"), magnitude=m.group("mag") or "",
        unit="%" if m.group("pct") else m.group("unit") + (m.group("per") or ""), prefix=prefix,
        suffix=m.group("suffix") or "", infix=m.group("infix1") or m.group("infix2") or "",
        negative=bool(m.group("sign")) if negative is None else negative,
    )


def parse_figure(text: str, offset: int = 0) -> FigureMatch | None:
    """Read `text` as one whole figure (no filtering of dates, slogans or ordinals): the normaliser uses
    it for spans that a model, not the grammar, marked as FIG. Offsets are shifted by `offset`."""
    m = FIGURE_RE.fullmatch(text)
    if m is None:
        return None
    return _match(m, offset, offset + len(text), m.group("prefix") or "")


def find_figures(text: str) -> list[FigureMatch]:
    """All figures in `text`, left to right, non-overlapping."""
    found: list[FigureMatch] = []
    for m in FIGURE_RE.finditer(text):
        start, end = m.span()
        number = m.group("pct") or m.group("number")
        unit = "%" if m.group("pct") else m.group("unit")
        if m.group("prefix") and text[max(0, start - 1):start] in _PREFIX_TAKEN_BY:
            start += len(m.group("prefix"))  # 不超…, 接近…, 大约…: the qualifier belongs to a verb outside
        if start > 0 and text[start - 1] == "第":
            continue  # ordinal: 第一批, 第3届
        if start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
            continue  # the tail of a longer number the grammar could not read
        negative = bool(m.group("sign"))
        if negative and start > 0 and _RANGE_BEFORE.match(text, start - 1):
            start, negative = start + 1, False
        date = unit in DATE_UNITS and not _decimal_years(text, m)
        if date or text[end:end + 1] in ("月", "日") and unit not in PERCENT_UNITS:
            continue
        if m.group("number") and _apparatus(text, m, end) or population_phrase(text, start, end):
            continue
        if _is_chinese(number):
            if _inside_quotes(text, start, end) or _in_fixed_expression(text, start, end):
                continue
            if number in ("一",) and not m.group("mag"):
                continue  # 一个/一批 are articles far more often than counts
            if unit in COUNT_CLASSIFIERS and not m.group("mag") and not any(c in number for c in "百千万亿"):
                continue  # 两个, 八项, 三种: parts of slogans and of the speech, not results
        prefix = "" if start > m.start() else m.group("prefix") or ""
        found.append(_match(m, start, end, prefix, negative))
    return found
