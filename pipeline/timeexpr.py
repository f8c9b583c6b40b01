"""Years in report text (２０２５年, 2025年, 一九五八年) and the five-year plans they name (十四五: 2021-2025)."""

from __future__ import annotations

import re

# 一九Ｏ五年 as some reports write a zero, and as normalised text reads it (一九O五年)
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "０": "0",
                                                                  "O": "0", "0": "0"}
YEAR = re.compile(r"((?:1[89]|20)\d\d|[一二][〇○零ＯO０0一二三四五六七八九]{3})年")
# Small counts as the reports write them (plan numbers, 三年内, 连续两年, “十一五”前四年)
_UNITS = "一二三四五六七八九"
NUMBERS = {n: i for i, n in enumerate(_UNITS + "十", start=1)} | {"二十": 20} | {
    f"{tens}{n}": base + i for tens, base in (("十", 10), ("二十", 20)) for i, n in enumerate(_UNITS, start=1)} | {
    "两": 2} | {str(i): i for i in range(10)}
# 第十五个五年规划, or the short names “十四五”, 九五 (the number before a final 五, then a closing quote or 时期 …)
FIVE_YEAR_PLAN = re.compile(r"第([一二三四五六七八九十]{1,3})[个個]五年"
                            r"(?:计[划劃]|計[划劃]|[规規][划劃]|(?=期间|合计|各年))"
                            r"|(?<![一二三四五六七八九十])"
                            r"(十[一二三四五六七八九]|十|[六七八九])五(?=[”\"’]|时期|期间|规划|计划|以来|末|期末|期间)"
                            # the first five only in quotes (“一五”时期, “五五”期间): 一五一十, 三五成群 are no plans
                            r"|(?:(?<=[“\"‘])|(?<=[“\"‘] ))([一二三四五])五(?=[”\"’])")


def year_value(token: str) -> int | None:
    """The integer year of a matched year (Arabic, full-width or Chinese digits), else None."""
    token = token.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if token.isdigit():
        return int(token)
    digits = "".join(_CN_DIGIT.get(c, "") for c in token)
    return int(digits) if len(digits) == 4 else None


def years_in(text: str) -> list[tuple[int, int]]:
    """(offset, year) of each year written in `text`."""
    out = []
    for m in YEAR.finditer(text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))):
        value = year_value(m.group(1))
        if value is not None and 1900 <= value <= 2100:
            out.append((m.start(), value))
    return out


def plan_range(number: int) -> tuple[int, int]:
    """Years of the N-th five-year plan (1st: 1953-1957; the 3rd began in 1966, after three years of
    readjustment; 14th: 2021-2025)."""
    start = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return start, start + 4


def plans_in(text: str) -> list[tuple[int, tuple[int, int]]]:
    """(offset, (first year, last year)) of each five-year plan named in `text`."""
    out = []
    for m in FIVE_YEAR_PLAN.finditer(text):
        number = NUMBERS.get(m.group(1) or m.group(2) or m.group(3))
        if number:
            out.append((m.start(), plan_range(number)))
    return out
