"""Constraints on FIG spans: numbers that count nothing (grades, thresholds, how often a leader acted …),
the rest of a unit a tagger cut short, and one number read as two."""

from __future__ import annotations

import re

from pipeline.constraints.indicators import INDICATOR_HEADS
from pipeline.constraints.span_lists import merged
from pipeline.figures.grammar import AFTER_TIMES, apparatus_count, population_phrase
from pipeline.figures.units import ALTERNATE_UNIT, ALTERNATE_UNIT_AFTER
from pipeline.schema import SpanT

# “3个100万”, “三个80%”, “两个10亿元”: a quoted slogan that counts its items names them; the gold has no FIG inside
# any quoted “N个…” (0 of 442)
_QUOTED_COUNT = re.compile(r"[“\"][0-9一二三四五六七八九十两]+个[^“”\"，。；,;]{0,10}[”\"]")


# 3次亲临云南考察、4次回信、2次致贺信, 16次调度推进: how often a leader acted is no figure of the report (gold: 9
# of 9 unmarked; 两次降低存款准备金率, a policy's steps, stays a FIG)
_TIMES_ACTED = re.compile(r"[0-9一二三四五六七八九十两]+次")
_LEADER_ACTS = re.compile(r"亲临|回信|致贺信|贺信|致信|作出|调度|视察|考察|主持|听取")


def _times_acted(text: str, start: int, end: int) -> bool:
    return bool(_TIMES_ACTED.fullmatch(text, start, end) and _LEADER_ACTS.match(text, end))


# D22: 年运量150万吨以上的物流园区, 10亿元以上重大产业项目, 50万千瓦以上省级大型风光基地: a measure's threshold
# before the noun it defines is part of a definition, never a FIG (train and dev gold: 23 of 23 unmarked or inside an
# IND; counts such as 10个以上产业园 stay FIGs, and 一千万吨以上标准煤 is one figure)
_AMOUNT_NUMBER = r"(?:[0-9.]+|[一二三四五六七八九十百千]+)[万亿千百]*"  # 一百, 6000, 五万: a threshold's number
_THRESHOLD = re.compile(rf"{_AMOUNT_NUMBER}"
                        r"(?:吨|千瓦|元|单|米|公里|平方米|千伏|周?岁|公?斤)"  # 亩产皮棉一百斤以上的有四十五个县: 4 of 4
                        r"(?:及以上|以上|及以下|以下)")  # and an age before whom it defines (3岁以下婴幼儿: 15 of 15)
_DEFINED_NOUN = re.compile(r"的?(?!标准煤)[\u4e00-\u9fff]")


# 年产一百五十万吨的钢铁联合企业, 五万千瓦的全套火力发电设备, 设备容量一百万千瓦左右的水电站: a capacity before 的
# and the kind of plant it defines names the kind, like a threshold (train and dev gold: 11 of 11 unmarked; 13 wrong
# FIGs on train, none right; 总投资410亿元的…项目, a share or an amount, stays)
_CAPACITY = re.compile(r"[0-9一二三四五六七八九十百千万亿,，.．０-９]+(?:万|亿)?(?:吨|千瓦|瓩|辆)(?:左右)?")


# (with the product made between: 年产一百六十万吨钢的钢铁联合企业, 年产五万吨合成氨的氮肥厂: gold 4 of 4 no FIG;
# fold E 5 wrong FIGs dropped, none right)
_KIND_OF_PLANT = re.compile(r"(?:左右)?(?:[\u4e00-\u9fff]{1,4}?)?的[\u4e00-\u9fff（）()]{0,12}?"
                            r"(?:厂|企业|电站|设备|煤矿|机组|发电机|水轮机|矿井|高炉|轧机)")


# PM2.5, PM\n2.5 (a report that set the number as a subscript on its own line): a number right after a Latin letter
# names a thing, it counts nothing (train and dev gold: no FIG follows a letter, with or without one space or line
# break between; 31 PM2.5 and PM10 unmarked)
_AFTER_LETTER = re.compile(r"[A-Za-z]\s?$")


def _after_letter(text: str, start: int) -> bool:
    return bool(_AFTER_LETTER.search(text, max(0, start - 2), start))


# 城乡居民收入比从2.50:1缩小至2.27:1: a ratio's second term belongs to the figure (train and dev gold: 4 of 4)
_RATIO_TERM = re.compile(r"[:：]1(?![0-9.])")


# 亩产皮棉六十斤到七十九斤的有一百零四个县: a range before 的有 defines a class too, both its ends (gold: 2 of 2
# unmarked; the taggers marked both, national-state-council-1960 held out)
_RANGE_NUMBER = rf"{_AMOUNT_NUMBER}(?:吨|千瓦|元|米|公里|平方米|公?斤)"
_RANGE_END = re.compile(_RANGE_NUMBER)
_CLASS_RANGE_FROM = re.compile(rf"(?:到|至){_RANGE_NUMBER}的[有占]")
_CLASS_RANGE_TO = re.compile(rf"{_RANGE_NUMBER}(?:到|至)$")


def _class_range(text: str, start: int, end: int) -> bool:
    if not _RANGE_END.fullmatch(text, start, end):
        return False
    return bool(_CLASS_RANGE_FROM.match(text, end)
                or text.startswith(("的有", "的占"), end) and _CLASS_RANGE_TO.search(text, max(0, start - 12), start))


_BOUND_AFTER = re.compile(r"及?以[上下]")


def defines_a_kind(text: str, start: int, end: int) -> bool:
    """Whether the figure text[start:end] is a threshold, an age or a capacity that defines the noun after it (D22:
    10亿元以上重大产业项目, 3岁以下婴幼儿, 年产一百五十万吨的钢铁联合企业), also where the bound 以上 / 以下 was left
    after it (单笔50万元|以下拖欠企业账款)."""
    bound = _BOUND_AFTER.match(text, end)
    return bool(_THRESHOLD.fullmatch(text, start, end) and _DEFINED_NOUN.match(text, end)
                or bound and _THRESHOLD.fullmatch(text, start, bound.end()) and _DEFINED_NOUN.match(text, bound.end())
                or _CAPACITY.fullmatch(text, start, end) and _KIND_OF_PLANT.match(text, end))


def _threshold(text: str, start: int, end: int) -> bool:
    return defines_a_kind(text, start, end) or _class_range(text, start, end)


# 为390万65岁以上老年人: the recogniser's FIG over a count and the age that defines the people counted; the age belongs
# to the IND after it (D22; the gold: 65岁以上老年人)
_TRAILING_AGE = re.compile(r"(?<=[0-9万亿千百十名人个])[0-9]+周?岁及?以[上下]$")


def split_trailing_age(text: str, spans: list[SpanT]) -> list[SpanT]:
    """The spans with a FIG that ends in an age defining the noun after it cut before the age, and the IND right
    after it (if any) extended over the age."""
    out: list[SpanT] = []
    moved: dict[int, int] = {}  # an IND's old start -> its new start
    for start, end, label in spans:
        if label == "FIG" and (age := _TRAILING_AGE.search(text, start, end)) and _DEFINED_NOUN.match(text, end):
            out.append((start, age.start(), label))
            moved[end] = age.start()
            continue
        out.append((start, end, label))
    return [(moved.get(start, start) if label == "IND" else start, end, label) for start, end, label in out]


# 15分钟社区生活圈, 15分钟健身圈, “15分钟高品质文化生活圈”: the minutes name a kind of circle (gold: 12 of 12
# unmarked or inside a longer span)
_MINUTES_CIRCLE = re.compile(r"[\u4e00-\u9fff]{0,8}圈")
_VERSION = re.compile(r"[0-9]+\.0(?:版|方案)?")
_STREAK = re.compile(r"[0-9一二三四五六七八九十]+连[增升涨]")


# what completes a unit a tagger cut short: 两倍多, 六倍半 (the gold: 11 of 11 whole), 六千一百八十亿千瓦小时 (8 of 8)
_UNIT_TAILS = {"倍": re.compile(f"[{''.join(AFTER_TIMES)}]"), "千瓦": re.compile(r"小时")}  # the grammar's AFTER_TIMES


def _complete_unit(text: str, start: int, end: int) -> int:
    for unit, tail in _UNIT_TAILS.items():
        if text.endswith(unit, start, end) and (rest := tail.match(text, end)):
            return rest.end()
    return end


_VOLTAGE = re.compile(r"[0-9一二三四五六七八九十百千万]+千伏(?:及以上|及以下|以上|以下)?")
_STEPS = re.compile(r"(?:万亿|千亿|百亿)(?:元|级)?(?:台阶|关口)")
_PER_WEIGHT = re.compile(r"(?:[0-9]+|[一二三四五六七八九十]?百)(?:公斤|斤)")
_WORKING_WEEK = re.compile(r"半?工作制")


def number_start(text: str, start: int) -> int:
    """Where the number starts that a span starting at `start` cut into (6|5岁以上老年人 → 65岁以上老年人), or
    `start` (no gold span opens inside a number)."""
    if not (text[start:start + 1].isdigit() and text[start - 1:start].isdigit()):
        return start
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".．"):
        start -= 1
    return start


def grades_a_work(text: str, start: int, end: int) -> bool:
    """Whether the figure text[start:end] grades the work named after it: a size before 级 (洋浦港20万吨级泊位) or a
    voltage (500千伏输变电工程), part of a name or of an indicator, never a FIG."""
    return text[end:end + 1] == "级" or bool(_VOLTAGE.fullmatch(text, start, end))


def _names_not_counts(text: str, start: int, end: int) -> bool:
    """A FIG before 级, wrapped in quotes or inside a quoted “N个…” slogan, or the minutes of an N分钟…圈: part of a
    name, not a figure."""
    after = text[end:end + 1]
    if after == "级" or (start > 0 and text[start - 1] in "“\"" and after in "”\""):
        return True
    if text.endswith("分钟", start, end) and _MINUTES_CIRCLE.match(text, end):
        return True
    if _VERSION.fullmatch(text, start, end) and (text[end - 1] in "版案" or text.startswith(("版", "方案"), end)):
        return True  # 服务业扩大开放3.0方案, 2.0版: a version (gold: 14 of 14 unmarked or inside a PROJ)
    if _STREAK.fullmatch(text, start, end):
        return True  # 耕地面积实现5连增: a streak, no figure (gold: 11 of 11 unmarked)
    if _VOLTAGE.fullmatch(text, start, end):
        return True  # 500千伏输变电工程: a voltage grades the line or grid, like 级 (gold: 15 of 15 no FIG)
    if text.endswith("个", start, end) and _STEPS.match(text, end):
        return True  # 连跨4个万亿元台阶: thresholds crossed, not a count of things (gold: 4 of 4 unmarked)
    if text[start - 1:start] == "每" and _PER_WEIGHT.fullmatch(text, start, end):
        return True  # 最低收购价每50公斤提高9到23元: the weight a price is quoted for (gold: 5 unmarked, 2 in an IND)
    if _WORKING_WEEK.match(text, end) and text.endswith("天", start, end):
        return True  # 每周五天工作制: the name of a working week (gold: 3 of 3 unmarked)
    return any(m.start() < start and end < m.end() for m in _QUOTED_COUNT.finditer(text, max(0, start - 14), end + 12))


# 二、三十亿斤, 四、五十亿元, 五、六倍: two neighbouring numerals before one magnitude are one approximate figure (the
# train and dev gold: 6 of 6 one FIG); the tagger reads the second alone, or both apart
_NUMERALS = "一二三四五六七八九十"


def _approximate_start(text: str, start: int) -> int:
    """The start of a FIG with its neighbouring numeral before it (二、|三十亿斤 → 二、三十亿斤), or `start`."""
    first, second = text[start - 2:start - 1], text[start:start + 1]
    if (text[start - 1:start] == "、" and first and second and first in _NUMERALS[:-1] and second in _NUMERALS
            and _NUMERALS.index(second) == _NUMERALS.index(first) + 1
            and text[start - 3:start - 2] not in _NUMERALS + "百千万第"):
        return start - 2
    return start


def join_approximate_figures(text: str, spans: list[SpanT]) -> list[SpanT]:
    out: list[SpanT] = []
    for start, end, label in spans:
        if label == "FIG" and (first := _approximate_start(text, start)) != start:
            while out and out[-1][0] >= first:  # the first numeral read apart (四 | 五十亿元): the spans are flat
                out.pop()
            start = first
        out.append((start, end, label))
    return out


# ３，５５６万担 read as two figures, ３ and ５５６万担: a thousands separator joins them (D24 keeps it inside the
# number)
_THOUSANDS_AFTER = re.compile(r"[,，][0-9０-９]{3}(?![0-9０-９])")


def join_thousands(text: str, spans: list[SpanT]) -> list[SpanT]:
    def join(before: SpanT, span: SpanT) -> SpanT | None:
        if (span[2] == "FIG" and before[2] == "FIG" and span[0] == before[1] + 1
                and text[before[1] - 1:before[1]].isdigit() and _THOUSANDS_AFTER.match(text, before[1])):
            return before[0], span[1], "FIG"
        return None

    return merged(spans, join)


# 原煤、原油、天然气产量分别增长…, 汽车用锂电池、太阳能电池、工业机器人产量分别增长…: goods listed before the
# measure of output they share are one IND with it (§3 Coordination, D4); a tagger read the first goods apart
# (原煤 | 原油、天然气产量). In the train and dev gold no IND naming goods without a measure stands right before an
# IND ending in 产量, 产值 or 增加值; on the predictions for the three provincial folds and dev 6 such pairs, each one
# IND in the gold.
_SHARED_OUTPUT = re.compile(r"(?:产量|产值|增加值)$")


def join_items_sharing_a_measure(text: str, spans: list[SpanT]) -> list[SpanT]:
    out: list[SpanT] = []
    for span in spans:
        if span[2] == "IND" and _SHARED_OUTPUT.search(text, span[0], span[1]):
            while (out and out[-1][2] == "IND" and out[-1][1] + 1 == span[0] and text[out[-1][1]] in "、和及"
                   and text[out[-1][1] - 1] not in INDICATOR_HEADS and not _SHARED_OUTPUT.search(text, *out[-1][:2])):
                span = (out.pop()[0], span[1], "IND")
        out.append(span)
    return out


# 人均收入比2010年翻一番: doubling is said, not counted (the train and dev gold: 34 of 35 unmarked after 翻)
_DOUBLINGS = re.compile(r"[一两二三四五]番多?")


# 0—6岁儿童, 2—3岁幼儿: an age range names who is meant, no figure (the train and dev gold: 4 of 4 unmarked)
_AGE_RANGE_END = re.compile(r"[0-9]+岁")


def _age_range_end(text: str, start: int, end: int) -> bool:
    return (text[start - 1:start] in ("—", "-", "－", "~", "～", "至", "到") and text[start - 2:start - 1].isdigit()
            and _AGE_RANGE_END.fullmatch(text, start, end) is not None)


def _doubling(text: str, start: int, end: int) -> bool:
    after_verb = text[start - 1:start] == "翻" or text[start - 2:start] == "翻了"
    return after_verb and bool(_DOUBLINGS.fullmatch(text, start, end))


# “五个必须”［27］, “两新”［15］政策, ［11］四库: the number of a note at the end of the report, written against the
# term it explains (province-hainan-2026 numbers 28 such terms; the gold marks none and no FIG opens with a bracket,
# a tagger read 12 as FIG out of fold)
_NOTE_MARK = re.compile(r"[［\[][0-9]{1,3}[］\]]")


def _note_number(text: str, start: int) -> bool:
    """Whether a FIG starting at `start` opens with a bracket or is the number inside a note's mark."""
    return text[start] in "[［" or start > 0 and _NOTE_MARK.match(text, start - 1) is not None


def no_figure(text: str, start: int, end: int) -> bool:
    """Whether the FIG text[start:end] counts nothing the guidelines mark: a number inside a name, how often a
    leader acted, a threshold or a capacity, a grade after a letter, a note's number, a count referring back
    (这两笔支出), a count of the report's own apparatus, a population phrase, a doubling (翻一番) or an age range
    (0—6岁儿童)."""
    return (_names_not_counts(text, start, end) or _times_acted(text, start, end) or _threshold(text, start, end)
            or _after_letter(text, start)
            or _note_number(text, start)
            or text[end - 1].isdigit() and text[end:end + 1].isdigit()  # 6|5岁以上: cut in a number
            or text[start - 1:start] in ("这", "那")
            or apparatus_count(text, start, end)
            or population_phrase(text, start, end)
            or _doubling(text, start, end) or _age_range_end(text, start, end))


def figure_end(text: str, start: int, end: int) -> int:
    """Where a FIG ends with the ratio's second term taken in (1:0.8), before its brackets are balanced."""
    return ratio.end() if (ratio := _RATIO_TERM.match(text, end)) else end


def _whole_number_start(text: str, start: int) -> int:
    """Where the number starts that a FIG starting at `start` cut at a decimal point written as a middle dot
    (19·|5％) or at a thousands separator (１，|４００多万公方); `start` where it did not. (The train gold: 4 of 301
    FIGs with such a dot and 3 of 106 with such a separator were cut there out of fold.)"""
    if not (text[start:start + 1].isdigit() and text[start - 2:start - 1].isdigit()):
        return start
    mark = text[start - 1]
    thousands = mark in ",，" and _THOUSANDS_AFTER.match(text, start - 1) is not None
    if mark not in "·・" and not thousands:
        return start
    start -= 1
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return start


def figure_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A FIG with its unit's alternative in brackets (7.4万套（间）), the rest of a unit cut short (两倍多), the
    whole of a number cut at a middle dot or a thousands separator, without the first character of the
    two-character qualifier 将近 and without the 人 of 人口."""
    if (unit := ALTERNATE_UNIT.match(text, end)) and text[end - 1] in ALTERNATE_UNIT_AFTER:
        end = unit.end()
    end = _complete_unit(text, start, end)
    if text.endswith("人", start, end) and text[end:end + 1] == "口" and end - start > 2:
        end -= 1  # 13亿人|口: the noun 人口 is what is counted (the train and dev gold: 12 FIGs end right before 人口)
    start = _whole_number_start(text, start)
    if text[start] == "近" and text[start - 1:start] == "将":
        start += 1  # 将近|一倍: 将近 is a two-character qualifier, outside (§3; the gold: 16 of 16)
    return start, end
