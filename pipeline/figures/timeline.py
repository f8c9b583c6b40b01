"""The report's timeline: its year, the sections its headings open (a review of the past, a plan for the future,
each with its years) and the paragraphs that open a review inside them, read once per document.

`pipeline.figures.attributes` reads each figure against it: a figure with no time of its own in its sentence takes
its section's years. The guidelines' conventions for the years a section covers are here too: 本届政府 as the
government's term, 过去五年 as the five years before the report, a report given at its year's end that reviews that
year (`corpus/GUIDELINES.md` §5b).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from pipeline.timeexpr import NUMBERS, plans_in, years_in


def alternation(words: str) -> str:
    """A regex alternation of space-separated words (themselves regexes)."""
    return "|".join(words.split())


_NUM = "[一二三四五六七八九十]{1,3}"
CN_YEAR = "[一二][〇○零一二三四五六七八九]{3}"
_HEADING = re.compile(rf"^\s*(?:{_NUM}、|第{_NUM}部分|{_NUM}是)")
_SUB_HEADING = re.compile(rf"^\s*[(（]{_NUM}[)）]")  # top level only in reports without 一、二、 (1958)
_REVIEW = re.compile(rf"回顾|成就|过去|总结|取得|工作情况|执行情况|基本情况|{_NUM}年来|年来的"
                     "|(?:当前|国内|经济)的?形势")  # （一）关于经济形势 reviews; 国际形势, 新形势 do not
_PLAN = re.compile(alternation("安排 目标 任务 建议 要求 计划(?!执行) 今后 工作重点 重点工作 主要工作")
                   + "|" + alternation("努力 做好 部署 总体 思路 今年 明年 展望"))

FIVE_YEARS = re.compile(r"过去五年|五年来|这五年|五年间|过去的五年")
TERM = re.compile(r"本届政府")

NEXT_YEAR = re.compile(r"明年")

# A paragraph that opens by naming the years under review, wherever its section heading points.
_REVIEW_PARAGRAPH = re.compile(
    r"^\s*(?:各位代表[,，!！:：]\s*)?(?:——)?\s*(?:(过去五年|五年来|这五年|过去的五年|这是[^。，,；;]{1,24}的五年|[“\"]十[一二三四五六七八九]?五[”\"](?:时期|以来)(?!.{0,6}目标))"
    rf"|过去的?一年|一年来|刚刚过去的|(?:[0-9]{{4}}|{CN_YEAR})年是)")
# 今年主要预期目标是：…, 今年的工作任务: a paragraph that opens this year's aims ends a review paragraph before it
_PLAN_PARAGRAPH = re.compile(r"^\s*今年(?:的?(?:主要)?(?:预期)?目标"
                             r"|(?:政府)?(?:工作|经济社会发展)的?(?:总体要求|主要任务|重点))")
_REVIEW_SENTENCE = re.compile(r"[。！？!?]\s*((?:过去的?一年|一年来|刚刚过去的一年)[，,])")
# …垃圾分类成为新时尚。这是人民生活显著改善的五年。居民人均可支配收入从5万元增加到7.2万元: the five years under review
_FIVE_YEAR_SENTENCE = re.compile(r"[。！？!?]\s*(这是[^。，,；;]{1,24}的五年[。！!])")
# 各位代表！2025年主要目标任务的完成，标志着“十四五”规划顺利收官。回望过去五年，…: the five years under review from
# that sentence to the next heading or review paragraph, over the items (（一）…（十）) that follow
_FIVE_YEARS_OPENING = re.compile(r"[。！？!?]\s*((?:回望|回顾)?(?:过去五年|这五年|五年来|过去的五年)[，,])")

_ONE_YEAR = re.compile(r"一年来|过去一年|这一年|不平凡的一年")
_THIS_YEAR_OPENS = re.compile(r"^\s*今年是")
_OPENING_YEAR = re.compile(r"开好局|起好步|开局之年")

_HEADING_YEARS_AHEAD = re.compile(r"(?:今后|未来)(十[一二三四五六七八九]?|[两二三四五六七八九])年")


@dataclass(frozen=True)
class Section:
    start: int
    kind: str | None  # "review", "plan" or None
    period: str | None


def year_span(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}-{last}"


def _is_heading(line: str, pattern: re.Pattern) -> bool:
    """A short line, no full stop, opening with the numbering of `pattern`; not an item of a list
    (一、继续深入批评资产阶级自由化的错误观点；)."""
    return len(line) <= 60 and "。" not in line and line[-1] not in "；;，," and bool(pattern.match(line))


def _is_bare_heading(line: str) -> bool:
    """A heading without numbering that names its years and says review or plan (“十四五”时期工作回顾, 2026年重点工作:
    province-gansu-2026)."""
    return (len(line.strip()) <= 24 and not re.search(r"[。，,；;：:！!]", line)
            and bool(years_in(line) or plans_in(line)) and bool(_REVIEW.search(line) or _PLAN.search(line)))


def _heading_section(start: int, line: str, year: int | None, reviewed: int | None = None) -> Section:
    """The section a heading opens; `reviewed` is the year a review heading without a year covers (the year
    before the report's, or the report's own in a report given at its end)."""
    review = bool(_REVIEW.search(line)) and not re.search(r"目标任务|工作安排|重点工作", line)
    plan = not review and bool(_PLAN.search(line))
    years = [y for _, y in years_in(line)]
    plans = plans_in(line)
    period = None
    if years:
        period = str(years[-1]) if not plans else year_span(*plans[-1][1])
        if review and plans and years:  # “十四五”时期和2025年工作回顾: the year itself ends the plan; keep the year
            period = str(years[-1])
    elif plans:
        period = year_span(*plans[-1][1])
        if not review and _OPENING_YEAR.search(line):  # 全力推动“十五五”开好局、起好步: the plan's first year
            period, plan = str(plans[-1][1][0]), True
    elif year is not None:
        if review and (FIVE_YEARS.search(line) or line.rstrip().endswith("的五年")):
            period = year_span(year - 5, year - 1)  # 一、改革开放和现代化建设取得伟大成就的五年 (1993)
        elif review and TERM.search(line):
            period = year_span(*government_term(year))
        elif review:
            period = str(year - 1 if reviewed is None else reviewed)
        elif plan and (ahead := _HEADING_YEARS_AHEAD.search(line)):
            period = year_span(year, year + NUMBERS[ahead.group(1)] - 1)  # 二、今后五年工作的总体要求和主要目标
        elif plan:
            period = str(year if reviewed is None else reviewed + 1)
    if not review and not plan and year is not None and years:
        # 一九五七年经济战线上的胜利 in the 1958 report reviews; 争取一九五八年国民经济的新跃进 plans
        review, plan = years[-1] < year, years[-1] >= year
    return Section(start, "review" if review else "plan" if plan else None, period)


def _review_opening(line: str, year: int | None, reviewed: int | None = None) -> tuple[bool, str | None]:
    """Whether a paragraph opens a review (过去五年 / 一年来 / 2025年是…), and the period it reviews (a year, by
    default `reviewed`: the year before the report's, or its own in a report given at its end)."""
    reviewed = year - 1 if reviewed is None and year is not None else reviewed
    m = _REVIEW_PARAGRAPH.match(line)
    if not m:
        return False, None
    plans, years = plans_in(line[:20]), years_in(line[:15])
    # 2025年是“十四五”收官之年。一年来，我们…: the year (2015年是“十二五”收官之年 before the plan's results: the plan)
    if plans and not (years and years[0][0] < plans[0][0]
                      and (_ONE_YEAR.search(line[:50]) or "刚刚过去" in m.group())):
        period = year_span(*plans[0][1])
    elif m.group(1):
        period = year_span(year - 5, year - 1) if year else None
    else:
        period = str(years[0][1]) if years else str(reviewed) if year else None
    if year and period and int(period[-4:]) > reviewed:  # 2026年是…开局之年 opens a plan
        return False, None
    return True, period


# 我代表国务院，作关于我国国民经济和社会发展第六个五年计划的报告: the whole report presents a five-year plan, so a
# section whose heading says neither review nor plan (二、关于基本建设的规模、重点和企业的技术改造) plans its years.
_PLAN_REPORT = re.compile(r"关于[^。]{0,30}?(第[一二三四五六七八九十]{1,2}个五年计划)(?:草案)?的报告")


@dataclass(frozen=True)  # not slots: cached_property keeps the offsets' lists in the instance dict
class ReportTimeline:
    """The report's year and its top-level sections, read once per document."""

    year: int | None
    sections: tuple[Section, ...]
    paragraphs: tuple[Section, ...] = ()  # paragraphs that open a review, whatever their section says
    # the year under review where no heading says: the year before, or the report's own year in a report given at
    # its end that plans the next (1981, 1982: …明年… three times or more)
    reviewed_year: int | None = None

    @classmethod
    def of(cls, text: str, year: int | None) -> ReportTimeline:
        sections, paragraphs = [], []
        reviewed = None if year is None else year if len(NEXT_YEAR.findall(text)) >= 3 else year - 1
        lines = _paragraphs(text)
        heading = _HEADING if any(_is_heading(line, _HEADING) for _, line in lines) else _SUB_HEADING
        close_review = False  # a review paragraph inside a plan section covers itself only
        plan_report = _PLAN_REPORT.search(text[:400])
        plan_years = plans_in(plan_report.group(1)) if plan_report else []
        report_plan = Section(0, "plan", year_span(*plan_years[0][1])) if plan_years else None
        if report_plan is not None:  # the words before the first heading present it too (1982: 在这个期间…计划增长)
            sections.append(report_plan)
        for offset, line in lines:
            if close_review:
                paragraphs.append(Section(offset, None, None))
                close_review = False
            if _is_heading(line, heading) or _is_bare_heading(line):
                section = _heading_section(offset, line, year, reviewed)
                if (section.kind is None and sections and sections[-1].kind == "plan"
                        and any(s.kind == "review" for s in sections)):
                    # after a review, the plan part runs to the end: 三、把改革开放扎实推向纵深 after
                    # 一、2014年工作回顾 and 二、2015年工作总体部署
                    section = Section(offset, "plan", section.period or sections[-1].period)
                elif section.kind is None and report_plan is not None:
                    section = Section(offset, "plan", section.period or report_plan.period)
                elif (section.kind is None and year is not None and sections and sections[-1].kind in ("review", "plan")
                      and any(s.kind == "review" and (s.period or "")[-4:] == str(year - 1) for s in sections)):
                    # 二、保持国民经济发展的良好势头 after 一、1996年国内工作的回顾: this year's work (train status
                    # unchanged, period 7 right and 7 wrong; dev status 0.985 → 0.989)
                    section = Section(offset, "plan", section.period or str(year))
                sections.append(section)
                paragraphs.append(Section(offset, None, None))  # a heading ends the paragraphs' review
            elif (opening := _review_opening(line, year, reviewed))[0]:
                # the review this paragraph opens runs on until the next such paragraph or heading
                paragraphs.append(Section(offset, "review", opening[1]))
                # 一年来，我们大力发展公益性文化事业… under 二、2010年主要任务: the next paragraph plans again
                close_review = bool(sections) and sections[-1].kind == "plan"
            elif year and (_PLAN_PARAGRAPH.match(line) and paragraphs and paragraphs[-1].kind == "review"
                           or _THIS_YEAR_OPENS.match(line) and sections and sections[-1].kind == "plan"
                           and "-" in (sections[-1].period or "")):
                # this year's work, to the next heading or review paragraph: 今年主要预期目标是：… after a review
                # paragraph, or 今年是“十五五”开局之年，… under 二、“十五五”时期目标任务和2026年工作安排
                paragraphs.append(Section(offset, "plan", str(year)))
            elif year and sections and sections[-1].kind == "review" and (m := _FIVE_YEARS_OPENING.search(line)):
                paragraphs.append(Section(offset + m.start(1), "review", year_span(year - 5, year - 1)))
            elif year and (m := _FIVE_YEAR_SENTENCE.search(line)):
                paragraphs.append(Section(offset + m.start(1), "review", year_span(year - 5, year - 1)))
                close_review = True
            elif sections and sections[-1].kind == "plan" and year and (m := _REVIEW_SENTENCE.search(line)):
                # …至关重要。过去一年，我们的各项工作取得了很大成绩。国内生产总值增长10.3%…: to the paragraph's end
                paragraphs.append(Section(offset + m.start(1), "review", str(year - 1)))
                close_review = True
        return cls(year, tuple(sections), tuple(paragraphs), reviewed)

    def section_at(self, offset: int) -> Section | None:
        i = bisect_right(self._paragraph_starts, offset)
        if i and self.paragraphs[i - 1].kind is not None:
            return self.paragraphs[i - 1]
        i = bisect_right(self._section_starts, offset)
        return self.sections[i - 1] if i else None

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def _section_starts(self) -> list[int]:
        return [s.start for s in self.sections]


# Paragraph breaks: a line break, or where a report was flattened onto one line, a run of spaces, or one space
# between two Chinese characters (“……新的光明前景！  \u2003\u2003三、2023年主要任务  \u2003\u2003……”,
# “……的新期待！ 二、2024年主要任务 2024年是……”, ！ folded to ! by the normaliser); 1.5 亿 and PM2.5 浓度 keep
# their space.
_SPACE = "[ \t\u00a0\u3000\u2003]"
_PARAGRAPH_BREAK = re.compile(rf"\n|{_SPACE}{{2,}}|(?:(?<=[^\x00-\x7f])|(?<=[!?:;])){_SPACE}(?=[^\x00-\x7f])")


def _paragraphs(text: str) -> list[tuple[int, str]]:
    """(offset, paragraph) pairs, the paragraphs' leading and trailing space stripped."""
    out, start = [], 0
    for m in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[start:end]
        stripped = piece.lstrip()
        if stripped.strip():
            out.append((start + len(piece) - len(stripped), stripped.rstrip()))
        start = m.end() if m else end
    return out


def government_term(year: int) -> tuple[int, int]:
    """The years of the government (本届政府) whose report of `year` it is: the State Council and the provincial
    governments are elected for five years in 1978, 1983, … 2023, early in the year, so the report of an election
    year is the outgoing government's last (2023: 2018-2022) and any other falls in the term begun before it."""
    since = (year - 1978) % 5
    first = year - 5 if since == 0 else year - since
    return first, first + 4
