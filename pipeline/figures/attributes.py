"""Figure attributes: whether a figure is a result, an estimate or a plan (`status`), which time it covers
(`period`) and what its change is measured against (`basis`), as `corpus/GUIDELINES.md` §5b defines them.

Read from the report's structure and the figure's own sentence: the report's timeline
(`pipeline.figures.timeline`: sections that review the past, 2025年工作回顾, 过去五年, or plan the future,
2026年重点工作安排, 主要目标任务, each with its years) gives a figure's default; cue words in the sentence before
the figure (预计, 力争, 去年, 到2030年, 同比, 年均) override the section. Under a review of several years, whether a
figure is a level reached or a flow over the years is weighed by a small classifier
(`pipeline.figures.level_or_flow`). `ReportContext` carries the whole document's timeline, so windows of a long
document are read with the context of the whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.clauses import clause_start
from pipeline.figures.level_or_flow import SpanFigure, decide
from pipeline.figures.timeline import (
    CN_YEAR,
    FIVE_YEARS,
    NEXT_YEAR,
    TERM,
    ReportTimeline,
    Section,
    alternation,
    government_term,
    year_span,
)
from pipeline.timeexpr import FIVE_YEAR_PLAN, NUMBERS, plan_range, plans_in, year_value, years_in

_SENTENCE_END = re.compile(r"[。！？!?\n]")
_EXPECTED_BASE = re.compile(r"(?:比|较)[^，。；,;]{0,8}预计数")  # 比一九五七年的预计数增加了二十二亿元: a target's base
_EXPECTED = re.compile(r"预计|初步统计|初步核算|初步估算|有望|估[算计](?:为|是|[：:])|估计(?:将|会|可)")
# 纲要, 主要, 重要, 需要, 必要 are no 要 of a plan (达到和超过纲要这个规定的，已经有五百零四个县)
# 计划 done or measured against is no plan (完成利润计划的500%, 比年度计划增加了2%, 货运量计划完成105%)
_PLAN_NOT_COMPARED = "(?<!比)(?<!比年度)(?<!比原)计划"
_TARGET = re.compile(alternation("预期目标 主要目标 目标(?:是|为) 力争 确保 争取 拟 将(?!近)")
                     + "|" + alternation(_PLAN_NOT_COMPARED + "(?!内|完成|的)")
                     + "|" + alternation("(?<![纲主重需必])要 力求 控制在 预期")
                     + rf"|到(?:[0-9]{{4}}|{CN_YEAR})年")
_DONE = re.compile(r"已经|(?<!将)已|(?:增长|增加|提高|下降|减少|完成|实现|达到|超过)了")
_PAST = re.compile(r"(?<![比较])去年|(?<![比较础])上年|过去|已经|已|完成了|实现了|增长了|达到了")
_BASIS = [
    (re.compile(r"同比|比上年同期|较上年同期"), "同比"),
    (re.compile(r"比上年|比去年|较上年|较去年|比前一年"), "比上年"),
    (re.compile(r"年均|平均每年|年平均"), "年均"),
]
_VS_YEAR = re.compile(r"(?:比|较|較)((?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年(?!底|末|初)")
_COMPARED = re.compile(r"(?:与|同|和)((?:1[89]|20)\d\d|[一二][〇○零一二三四五六七八九]{3})年(?:相比|比较)")
_FIVE_YEARS_IN = re.compile(r"五年(?:内|中|间|来)")
# 按照十年规划: the ten-year plans of 1976-1985 and 1991-2000, as the reports of those years name them
_TEN_YEAR_PLAN = re.compile(r"十年规划")
_TEN_YEAR_PLANS = ((1976, 1985), (1991, 2000))
# 全国农业发展纲要要求：从一九五六年开始，在十二年内…分别达到四百斤: the national programme for agriculture of
# 1956-1967; a level it asks for is the level of its last year
_FARM_PROGRAMME = re.compile(r"纲要[^。；;]*十二年")
_FARM_PROGRAMME_YEARS = (1956, 1967)
_REACHED_LIST = re.compile(r"达到[^，。；,;]*$")  # 分别达到四百斤、五百斤和八百斤: each level of the list
# 人口占世界五分之一的国家, 以占世界7%的耕地: a share of the world that qualifies a noun is a general fact
_WORLD_SHARE = re.compile(r"(?:占|着)(?:世界|全世界|全球)的?$")
# 我国有十亿多人口, 中国是发展中的社会主义国家，又是有十亿多人口的大国: the country as it is, no year
_COUNTRY_HAS = re.compile(r"(?:我国|中国)(?:是一个|[^，。；,;]{0,12}又是)?(?:共|每年)?有$")
# 在我们这样一个近13亿人口的国家, 关系到全国六亿人民的事情: the country's people as a figure of speech, undated
_PEOPLE_OF_THE_COUNTRY = re.compile(r"(?:这样一个|这么一个|拥有|全国|在|有|^)$")
_PEOPLE = re.compile(r"(?:人口|人民)(?!公社)")
_HUNDRED_MILLIONS = re.compile(r"^(?:近|约)?[^亿]+亿(?:多|以上)?$")
# 苏联帮助我国建设的一百五十六个工业单位: the aid programme, named by its count
_AID_PROGRAMME = re.compile(r"(?:苏联|蘇聯)[^，。；,;]{0,6}(?:帮助|援助|协助|協助|幫助|为|為)(?:我国|我國|我们|我們)"
                            r"?(?:建设|建設|设计|設計)?的$|(?:苏联|蘇聯)援助下的$")
_LAST_YEAR = re.compile(r"(?<![比较与同础])(?:去年|上年)|过去一年|过去的一年|刚刚过去的一年")  # 比去年, 与上年: a basis
_THIS_YEAR = re.compile(r"今年")
_THIS_YEAR_AFTER = re.compile(r"(?<![比较与同础])今年(?!以来)")  # 比今年: a basis
# 目前在全国注册登记的各种经济联合体有32000多个, 现在全国有100多个: the state when the report was written (比现在增加
# 两、三倍 is the base of a target)
_NOW = re.compile(r"(?<![比较])(?:现在|目前)")
_NOW_OPENING = re.compile(r"\s*(?:目前|现在)[，,]")  # 目前，…比重已占百分之五十左右: the whole sentence is now
# 如果每件棉纱平均少用两斤棉花，全国每年就可以至少增产两万件, 如用之于铁路建设，则可以新建铁路三千公里以上: a
# supposition covers no period (§5b: a figure with no time the text gives stays empty) unless a time is written after
# the condition (只要…完成五年内…增加百分之九十八点三)
_SUPPOSED = re.compile(r"如果|只要|假如|倘若|假使|要是|如用之于|(?<!例)如能|若能")
_TIME_AFTER_SUPPOSED = re.compile(r"[0-9〇○零一二三四五六七八九]{4}年|今年|全年|本年|明年|去年|上年|五年"
                                  r"|[”\"]?十[一二三四五六七八九]?五|[六七八九]五[”\"]?(?:时期|期间|计划)")
_YEAR = rf"((?:1[89]|20)\d\d|{CN_YEAR})"
# 原定一九五七年十月到一九五八年九月底: months between the years keep a range (a farming year, a campaign season)
# 一九七九和一九八○两年合计: two years named one by one
_YEAR_RANGE = re.compile(rf"{_YEAR}年?(?:[一二三四五六七八九十0-9]{{1,2}}月份?)?(?:到|至|—|－|-) ?{_YEAR}年"
                         rf"|{_YEAR}年?(?:和|、){_YEAR}年?两年")
_FLOW = re.compile(alternation("新增 累计 年均 平均每年 每年 新建 新开工 开工 完成 改造 开挖 植树 治理 培育 制定 实施")
                   + "|" + alternation("建成(?!率|区)")  # 建成率, 建成区: a rate and a place, not what was built
                   + "|" + alternation("培训 帮助 吸引 净增 增长(?!率) 增加(?!到|值) 减少(?!到|至)")
                   + "|" + alternation("下降(?!到) 提高(?!到|至)")
                   + "|" + alternation("新设 改善 获批")
                   + "|" + alternation("加装 筹措 出台 办理 帮扶 下沉 取得 打造 引进 转移 解决 资助")
                   + "|" + alternation("建立 关停 筹集 推出 形成")
                   + "|" + alternation("淘汰 提交 取消 整理 退耕 造林 投入(?!强度) 支持 稳定在 保持 控制在")
                   + "|" + alternation("提升(?!到|至)")
                   + "|" + alternation("建设 入选 布局 承担 开行")
                   + r"|(?<!今后)(?<!未来)(?<!第.个)五年(?!前|以前|来|计划|规划)")
# Classes name both punctuation forms: the pipeline reads normalised text (，→,), the tests raw text.
# 从 or 由 opening where a change starts; 从业人员, 从事, 由于, 自由 are other words
_FROM = re.compile(r"(?:从(?![业事而严紧])|(?<![自理缘])由(?![于此]))[^，；,;从由到至]{0,16}$")
_FROM_DATED = re.compile(rf"(?:从|由){_YEAR}年")
# 赤字率从去年的2.1%, and in a plan 由上年18亿元: the word already dates the starting level (in a review, 由上年
# is the year before the one reviewed, which the 从A到B rule below gives)
_FROM_TO = re.compile(r"(?:从|由)[^，；。,;从由]{1,24}(?:到|至)[^，；。,;到至]{0,6}$")
# 由1954年的89个增加到138个，拖拉机由778标准台…: a later start in the sentence, undated, is of the same year
_FROM_YEAR_OF = re.compile(rf"(?:从|由){_YEAR}年(?:底|末)?的")
_MULTIPLE_VERBS = "为|是|相当于|等于|等於|达到"  # 为1997年的2.9倍, 相当于一九四九年的二点五倍: what a multiple is of
_MULTIPLE_OF_YEAR = re.compile(rf"(?:{_MULTIPLE_VERBS}){_YEAR}年(?:底|末)?的$")
_MULTIPLE_VERB_BEFORE = re.compile(rf"(?:{_MULTIPLE_VERBS})$")
# 城镇化率从47.5%提高到51.5%, 森林覆盖率达到21.66%: the level a plan's years end at
_LEVEL_REACHED = re.compile(r"(?:达到|超过|突破|提高到|提高至|提升到|提升至|增加到|增长到|增至|扩大到"
                            r"|下降到|降低到|降到|降至)"
                            r"(?:了)?$")
# 城镇化率达63%左右, 迈上3万亿元台阶, 比重分别超过2%、5%: a plan's level with 达, 迈上, or a list after the verb
_TARGET_LEVEL = re.compile(r"(?:(?<=[率重量值力限额数入])达|迈上)$"
                           r"|(?:达到|达|超过|突破|提高到|提高至|提升到|提升至|增加到|增至)[^，。；,;从由]*、$")
_RATE_NEARBY = re.compile(r"递增|年均|平均每年")  # 平均每年递增百分之四，在执行中争取达到百分之五: a rate
_AVERAGE = re.compile(r"(?:年均|平均每年|年平均)(?:实际)?(?:增长|递增|提高|下降|增加)?$")
_YEAR_PAIR = re.compile(rf"{_YEAR}年(?:底|末)?(?:同|与|和|跟)[^，。；,;年]{{0,10}}?(?:{_YEAR})年(?:底|末)?"
                        r"(?:相比|比较)")
_FROM_LAST_YEAR = re.compile(r"(?:从|由)去年")
_FROM_PREVIOUS_YEAR = re.compile(r"(?:从|由)上年")
# 连续两年增长10%以上: the N years before the report's year
_RUNNING_YEARS = re.compile(r"连续([两二三四五六七八九十]|[2-9])年")
# 三年内把人口自然增长率降到百分之一以下, 今后八年计划建设的一百二十个项目: a target over the N years from the report's
_N = "[两二三四五六七八九十]|[2-9]"
_NOT_AFTER_DIGIT = "(?<![0-9〇○零一二三四五六七八九十两])"  # 2026年内 is no six years
_YEARS_AHEAD = re.compile(rf"(?:今后|未来)({_N})年|{_NOT_AFTER_DIGIT}({_N})年(?:内|里|之内|时间)"
                          rf"|{_NOT_AFTER_DIGIT}({_N})年(?:安排|投入|累计投入)")
# 比“七五”时期增长一倍: a plan after 比 is the basis, not the period; 由“七五”末的8500万: the plan's last year
_COMPARED_WITH = re.compile(r"(?:是|相当于)$")
_COMPARED_PLAN = re.compile(r"(?:比|较|同)[“\"]? ?$")
# 七年来, 在七年中间, 在这十年中, 解放以来 in a review: the years up to the one under review (the report of 1957 on
# 1956: 1950-1956; of 1975: 这十年 1965-1974, 全国解放以来 1950-1974); 建国以来的最高水平 compares and is left
_LONG_YEARS = "十[一二三四五六七八九]?|二十[一二三四五六七八九]?|[六七八九]"
_YEARS_SO_FAR = re.compile(rf"(?<![0-9〇○零一二三四五六七八九十年几])({_LONG_YEARS})年(?:来|以来|中间)(?!的)"
                           rf"|这({_LONG_YEARS})年(?:中|里|间)(?!的)|(?:解放|建国|新中国成立)以来(?!的)")
_PLAN_FIRST_YEARS = re.compile(r"[”\"’]?(?:时期|期间)?前([两二三四])年")
# 前三年共增加了… with no plan named: the first years of the five-year plan the report falls in, where it has run
# that long (the report of 1957: 1953-1955), the years just before the report otherwise (1983: 前四年内 1979-1982);
# 比前五年, 相当于前九年, 由前三年分别 compare with those years and are left
_FIRST_YEARS = re.compile(r"(?<![比于由较同年0-9〇○零一二三四五六七八九十”\"’])前([两二三四])年")
_PLAN_END = re.compile(r"[”\"’]?(?:期)?末")
_FROM_PLAN_END = re.compile(r"(?:从|由)[“\"]?(?:十[一二三四五六七八九]?|[六七八九])五[”\"’]?(?:期)?末")
# 从2017年的666公里增加到831公里: the year dates the starting value, not the figure after 到
_FROM_YEAR_TO = re.compile(rf"{_FROM_DATED.pattern}[^，；。,;]{{0,30}}(?:到|至)[^，；。,;到至]{{0,6}}$")
_RAISED_TO = re.compile(r"[，,]?[^，。；,;从由]{0,6}?(?:到|至|为)")  # 由A提高到B, 从A降至B: A is the starting level
# 两年中, 这两年, 头三年来, a clause that opens with 两年 (两年铁路的货物周转量增长): the first years of the plan under
# review (1953-1954 in the report of 1955 on 1953-1957); 三年安排, 两年内 look ahead (_YEARS_AHEAD)
_PLAN_YEARS_SO_FAR = re.compile(r"(?<!今后)(?<!未来)(?<![后来近])(?:(?:这|头|过去的?)([两二三四])年|"
                                rf"{_NOT_AFTER_DIGIT}([两二三四])年"
                                r"(?:中|来|以来|间|平均|实际|合计|累计|共|增长|增加|新增)"
                                r"|(?:^|(?<=[，,：:\s]))([两二三四])年(?![前后内里度底末]|之内|时间|安排|投入|累计投入))")
# 五年内新增发电装机容量1950万千瓦，采煤能力8000万吨，…: every figure the sentence lists is added over the years
_SPAN_TOTAL = re.compile(r"五年(?:内|中|间|来)?(?:累计|新增|共)|(?:^|[，,；;])\s*五年(?:内|中|间)?(?![前后计规])")
_DONE_LIST = re.compile(r"\s*已(?:经)?(?:建成|完成|开工|实现)[^，。；,;]{0,6}[:：]")  # 已建成的主要有：…
_STILL_OPEN = re.compile(r"将(?!近)|可能|可以?达到|还会")  # of the report's own year, not yet closed
_PLAN_NAMED = re.compile(rf"目标|{_PLAN_NOT_COMPARED}|原定")  # in a review; 比年度计划增加了2% is a result
_RECENT_YEARS = re.compile(r"(?:近|最近)([两二三四五]|[2-5])年(?!前)")
_CHANGE_BEFORE = re.compile(r"(?:增长|增加了?|提高了?|下降了?|减少了?|降低了?)$")  # a change over the years
_TARGET_AFTER = re.compile(r"^[^，。；,;]{0,3}(?:的)?(?:目标|任务|计划)")


# 在一九八五年底前, 2005年以前: a deadline; under a plan that ends that year the figure is done over the plan's years
# (the gold: 3 of 3 such figures; 确保完成2005年前裁减军队员额20万 in a report of 2004 keeps its year)
_DEADLINE = re.compile(r"年(?:底|末)?以?前")


def _sentence_start(text: str, start: int) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)]
    return ends[-1] if ends else max(0, start - 400)


_CLAUSE_MARKS = "，；：,;:"  # a sentence's clauses; 。 ends the sentence the floor already stops at


def _clause_start(text: str, start: int, floor: int) -> int:
    return clause_start(text, start, _CLAUSE_MARKS, floor)


# 全国有24万多户国有小企业, 现在我国每年有…成果几万项: the state of the country, also in a plan section
_PAST_FACT = re.compile(r"我国(?:有|以占)|(?:^|[，,])(?:全国|我国|全省|全市)?(?:现有|已有)|全国(?:还|约)?有"
                        r"|现在[^，。；,;]{0,8}有")


_EQUAL_TO = re.compile(r"(?:等于|等於|相当于)$")  # 电力108亿度，等于一九四九年的二点五倍: the base of a multiple
# after the year's four digits or characters: the base of constant prices or of a change (在一九五四年的基数上增长)
_BASE_YEAR = re.compile(r"年(?:的)?(?:不变价格|为?基数)")


# 全年GDP增长4%，快于2024年1.8个百分点: the year right before the figure is what it is compared with (低于1985年增长
# 44.6% gives 1985's own growth)
_COMPARED_TO = ("快于", "慢于", "高于", "低于")
_MULTIPLE_AFTER = re.compile(r"年(?:底|末)?的[^，。；,;]{0,12}倍")  # 是2010年的2.2倍: 2010 is the base of a multiple
# 产量达到五百零二万吨，比一九五七年的三百一十二万吨: the figure is the compared year's own value (2 of 2 in the gold)
_COMPARED_VALUE = re.compile(rf"(?:比|较|較|同|与)({_YEAR})年(?:底|末)?的$")
# 增速为1985年以来最高: a record over the years since, which dates nothing (the figures after it are 2011's)
_SINCE_RECORD = re.compile(r"年以来(?:的)?(?:最|首次|新高|新低)")
_COMPARED_YEAR_AFTER = re.compile(r"年(?:底|末)?(?:相比|比较)")  # 1980年同完成经济恢复的1952年相比: 1952 is the base


def _own_years(before: str) -> list[tuple[int, int]]:
    """(offset, year) of the years written before the figure, without those it is compared with (比2020年) and
    the base year of constant prices (按一九五二年不变价格计算) or of a change (以一九五四年为基数)."""
    return [(o, y) for o, y in years_in(before) if before[max(0, o - 1):o] not in ("比", "较", "較", "同", "与")
            and not (before[max(0, o - 2):o] in _COMPARED_TO and before[o + 4:] == "年")
            and not _COMPARED_YEAR_AFTER.match(before, o + 4) and not _SINCE_RECORD.match(before, o + 4)
            and not (_MULTIPLE_VERB_BEFORE.search(before, max(0, o - 3), o) and _MULTIPLE_AFTER.match(before, o + 4))
            and not _BASE_YEAR.match(before, o + 4) and not _EQUAL_TO.search(before, 0, o)]


def _dated_before(before: str, year: int | None) -> bool:
    """The sentence dates itself before the report's year (从一九六六年到一九七六年的十一年中), and no later."""
    years = [y for _, y in _own_years(before)]
    return bool(year and years and max(years) < year)


def _target_cue(before: str, year: int | None) -> bool:
    """A cue of a target before the figure; 到 a year before the report's is none (从一九六六年到一九七六年)."""
    for cue in _TARGET.finditer(before):
        past = cue.group().startswith("到") and year is not None and (year_value(cue.group()[1:-1]) or year) < year
        if not past:
            return True
    return False


def _relative_year(clause: str, year: int) -> str | None:
    """The year a clause names by 今年, 去年 / 上年 (not as a basis), 明年 or 现在 / 目前, if it names one; 今明两年
    names this year and the next."""
    if "今明两年" in clause:
        return year_span(year, year + 1)
    for pattern, offset in ((_THIS_YEAR, 0), (_LAST_YEAR, -1), (NEXT_YEAR, 1), (_NOW, 0)):
        if pattern.search(clause):
            return str(year + offset)
    return None


def _starting_level(text: str, clause: str, end: int) -> bool:
    """Whether the figure ending at `end` is the A of 从A增加到B / 由A提高到B (its clause opens the change, 到 / 至 /
    为 follows it)."""
    return bool(_FROM.search(clause) and _RAISED_TO.match(text, end))


def _without_start(clause: str) -> str:
    """The clause without the starting level of 从A到 before the figure (将由去年的1076亿元增加到1562亿元: 去年 dates
    1076亿元, not 1562亿元)."""
    return clause[:found.start()] if (found := _FROM_TO.search(clause)) else clause


_PART_OF = re.compile(r"^\s*其中")
# 优化重组全国重点实验室14家, 出让矿业权755宗, 获国家科学技术奖20项: things an action produced over the years
# reviewed; 从771家增加到1076家 and 恢复至7群 are levels reached
_COUNTED_FLOW = re.compile(alternation("组建 重组 出让 促成 认定 审议 运送 资助 清理 废止 修订 精减 授予 吸收")
                           + "|" + alternation("创建 举办 设立 成立 签约 化解 退出 压降 升格 增补 安置 救助 发放 减免")
                           + "|" + alternation("压减 追回 开通 处置 惠及 连跨 接连 出访 恢复(?!至|到|重建)")
                           + "|" + alternation("获(?!得感)"))
_REACHED_IN_CLAUSE = re.compile(r"(?:从|由)[^，；。,;]*(?:到|至|$)|(?:到|至)$")


def _counted_flow(clause: str) -> bool:
    return bool(_COUNTED_FLOW.search(clause)) and not _REACHED_IN_CLAUSE.search(clause)


# 8所大学入选新一轮“双一流”名单, 张掖等11个市…被命名为: a count that opens its clause, of what an event of the years
# under review happened to (honours, starts, foundings), is over those years, not a level at their end
_EVENT_AFTER = re.compile(r"[^，。；,;]{0,24}?(?:获评|入选|荣获|被命名|命名为|当选|获批|晋级|建成投产|开工|成立|获)")


def _counted_event(text: str, clause: str, end: int) -> bool:
    return (not clause.strip() or clause.endswith("等")) and bool(_EVENT_AFTER.match(text, end))


def _listed_flow(text: str, end: int, before: str, clause: str) -> bool:
    """Whether the word lists read the figure ending at `end` under a review of several years as a flow over them
    (新增, 累计, 建成 …) rather than a level reached at their end (`level_or_flow` weighs this with the rest)."""
    return bool(_FLOW.search(_split_clause(before, clause)) or _counted_flow(clause)
                or _counted_event(text, clause, end))


def _split_clause(before: str, clause: str) -> str:
    """The clause, with the one before it where it splits that one's figure into parts (新增公路63.9万公里，
    其中高速公路3.3万公里: the part is a flow over the same years as the whole)."""
    if not _PART_OF.match(clause):
        return clause
    head = before[:len(before) - len(clause)].rstrip("，,")
    return before[clause_start(head, len(head), _CLAUSE_MARKS):]


def _range_ending_in(section: Section | None, year: str | None) -> str | None:
    """The section's range of years (1981-1985) where it ends in `year`, a single year (1985), else None."""
    if year is None or "-" in year or section is None or not section.period or "-" not in section.period:
        return None
    return section.period if section.period.endswith(year) else None


def _last(pattern: re.Pattern, text: str) -> re.Match | None:
    found = None
    for found in pattern.finditer(text):  # noqa: B007 (the last match is the one wanted)
        pass
    return found


def _ten_year_plan(year: int) -> tuple[int, int] | None:
    """The ten-year plan a report of `year` means by 十年规划, if it falls in or just after one."""
    return next(((first, last) for first, last in _TEN_YEAR_PLANS if first <= year <= last + 1), None)


def _plan_of(year: int) -> tuple[int, int] | None:
    """The five-year plan a year falls in (none for 1963-1965, between the second and the third)."""
    if 1953 <= year <= 1962:
        return plan_range(1 + (year - 1953) // 5)
    return plan_range(3 + (year - 1966) // 5) if year >= 1966 else None


def _plan_end(before: str, offset: int, years: tuple[int, int]) -> tuple[int, int]:
    """A plan's years, its last year alone where the text says its end (“七五”末), its first N years where it
    says so (“十一五”前四年)."""
    name = FIVE_YEAR_PLAN.match(before, offset)
    if name is not None and _PLAN_END.match(before, name.end()):
        return years[1], years[1]
    first_years = _PLAN_FIRST_YEARS.match(before, name.end()) if name is not None else None
    if first_years:
        return years[0], years[0] + NUMBERS[first_years.group(1)] - 1
    return years


# 根据预计数字（实际完成的统计数字，要在以后才能作出），一九五七年…: the review's figures that follow are estimates
_ESTIMATES_FOLLOW = re.compile(r"(?:^|(?<=[。！？!?\n]))\s*(?:根据|按照|据)(?:预计|初步统计|初步核算)")


def _estimates_follow(text: str, section: Section | None, sent: int) -> bool:
    """The section says, in a sentence of its own before this one, that its figures are estimates."""
    return section is not None and _ESTIMATES_FOLLOW.search(text, section.start, sent + 1) is not None


_LIST_INTRO = re.compile(r"如下列?[：:]")
_LIST_ITEM = re.compile(r"\s*[^，。；：:,;]{1,12}[：:]")


def _list_intro(text: str, sent: int) -> str:
    """The sentence that introduces the list the figure's sentence is an item of (主要农业产品一九五七年的计划产量
    …如下列： 粮食：达到三千八百五十六亿斤…。 棉花：…), or "" where the sentence is no such item."""
    window = text[max(0, sent - 1500):sent]
    intro = _last(_LIST_INTRO, window)
    if intro is None or not _LIST_ITEM.match(text, sent):
        return ""
    items = [item for item in re.split(r"[。；;\n]", window[intro.end():]) if item.strip()]
    if not all(_LIST_ITEM.match(item) for item in items):
        return ""
    return window[_sentence_start(window, intro.start()):intro.end()]


def _list_period(text: str, sent: int) -> str | None:
    """The period of a list item: the last year its introduction names, else its last plan."""
    intro = _list_intro(text, sent)
    if not intro:
        return None
    if years := _own_years(intro):
        return str(years[-1][1])
    plans = plans_in(intro)
    return year_span(*plans[-1][1]) if plans else None


@dataclass(frozen=True)
class _Reading:
    """What each attribute reads of a figure: the text, the figure's offsets, its sentence up to it (`before`, from
    `sent`), its clause up to it, its section of the report's timeline and the 两年中 / 这两年 it is under, if any."""

    text: str
    start: int
    end: int
    sent: int
    before: str
    clause: str
    section: Section | None
    timeline: ReportTimeline
    so_far: re.Match | None

    @classmethod
    def of(cls, text: str, start: int, end: int, timeline: ReportTimeline) -> _Reading:
        sent = _sentence_start(text, start)
        before = text[sent:start]
        clause = text[_clause_start(text, start, sent):start]
        so_far = _last(_PLAN_YEARS_SO_FAR, before)  # 两年中, 这两年: the plan's years so far
        return cls(text, start, end, sent, before, clause, timeline.section_at(start), timeline, so_far)

    @property
    def kind(self) -> str | None:
        return self.section.kind if self.section else None


def figure_attributes(text: str, start: int, end: int, timeline: ReportTimeline,
                      flow: Callable[[SpanFigure], bool] = decide) -> dict[str, str | None]:
    """`status`, `period` and `basis` of the FIG text[start:end] (period and basis None where not given). `flow`
    says whether a figure under a review of several years is a flow over them (`level_or_flow.decide`: the
    shipped classifier; training passes its own)."""
    reading = _Reading.of(text, start, end, timeline)
    status = _status(reading)
    dating = _period(reading, status, flow)
    status = _settled_status(reading, status, dating.period)
    basis, period = _basis(reading, dating)
    return {"status": status, "period": period, "basis": basis}


def _status(r: _Reading) -> str:
    """Result, estimate or plan: the sentence's own cues first, the section otherwise."""
    text, end, before, clause = r.text, r.end, r.before, r.clause
    kind, year, so_far = r.kind, r.timeline.year, r.so_far
    if _EXPECTED.search(_EXPECTED_BASE.sub("", before)):
        status = "expected"
    elif kind == "plan":
        past = (_PAST.search(clause) or _PAST_FACT.search(before) or _dated_before(before, year)
                or so_far or _DONE_LIST.match(before))
        status = "actual" if past and not _target_cue(before, year) else "target"
        if _DONE.search(clause) and not _target_cue(before.replace("计划", ""), year):
            # 两个年度计划都超额完成，…比一九五二年增长了…: a plan (the noun) done; 拟定, 将 stay targets
            status = "actual"
        if _starting_level(text, clause, end):
            status = "actual"  # 由55元提高到70元: the level the plan starts from is already there
    elif kind == "review":
        target = (_PLAN_NAMED.search(clause) and not re.search(r"完成|实现|超额|超过|超出", clause)
                  or _TARGET_AFTER.search(text[end:end + 8]))
        status = "target" if target else "actual"
    else:  # no section says: a cue, or this year (今年…由去年的10.7%提高到14%) not yet done
        this_year = (_THIS_YEAR.search(_without_start(before)) and not _DONE.search(clause)
                     and not _PAST_FACT.search(before) and not re.search(r"统计", before)
                     and not _starting_level(text, clause, end))
        status = "target" if _target_cue(before, year) or this_year else "actual"
    return status


@dataclass(frozen=True)
class _Written:
    """The times written before a figure in its sentence that can date it: years (offset, year), five-year plans
    (offset, (first, last)) and ranges of years, with the ones it is compared with dropped."""

    years: list[tuple[int, int]]
    plans: list[tuple[int, tuple[int, int]]]
    ranges: list[re.Match]

    @classmethod
    def of(cls, r: _Reading) -> _Written:
        before, clause = r.before, r.clause
        plans = [(o, _plan_end(before, o, p)) for o, p in plans_in(before)
                 if not _COMPARED_PLAN.search(before[:o]) or before.endswith("的")]  # 比“五五”期间的577亿元
        years = _own_years(before)
        if (multiple := _MULTIPLE_OF_YEAR.search(before)) and "倍" in r.text[r.start:r.end]:
            # 利润2392亿元，为1997年的2.9倍: 1997 is what it is compared with
            years = [(o, y) for o, y in years if o < multiple.start()]
        if from_to := _FROM_YEAR_TO.search(clause):  # drop the years between 从 and 到 (到一九八五年的 stays)
            since = len(before) - len(clause) + from_to.start()
            to = len(before) - len(clause) + max(clause.rfind("到"), clause.rfind("至"))
            years = [(o, y) for o, y in years if o < since or o > to]
        if not _FROM.search(clause):  # 由1980年的A增加到B，增长C: 1980 dates A only
            years = [(o, y) for o, y in years if before[max(0, o - 1):o] not in ("从", "由")]
        # 五年新增电力装机3.5亿千瓦，是1950年到2002年53年的总和: a range it is compared with dates nothing
        ranges, compared = [], []
        for found in _YEAR_RANGE.finditer(before):
            (compared if _COMPARED_WITH.search(before, 0, found.start()) else ranges).append(found)
        years = [(o, y) for o, y in years if not any(c.start() <= o < c.end() for c in compared)]
        return cls(years, plans, ranges)


@dataclass
class _Dating:
    """A period being read, with what later steps need to know of how it was found."""

    period: str | None
    by_range: bool = False  # the start of 从1978年到1983年 dates a starting level
    within: bool = False  # 三年内: a target within the years, not at their end
    so_far_began: int | None = None  # 这两年中，钢产量由…: the year before the two years
    between_years: bool = False  # 1982年同1978年相比…增长: the years after the earlier one, a span to keep


def _period(r: _Reading, status: str, flow: Callable[[SpanFigure], bool]) -> _Dating:
    """The year or years the figure covers: a year or plan written before it in its sentence, then relative words,
    then the section; then what the figure's own clause says (a year of its own, a pair of years compared, a level
    at a plan's end, years so far, a starting level); None where the text gives no time."""
    written = _Written.of(r)
    dating = _written_period(r, status, written) or _relative_period(r, status, flow)
    _clause_period(r, dating)
    _compared_years_period(r, status, dating)
    _plan_level_period(r, status, dating)
    _so_far_period(r, status, written, dating)
    _counted_years_period(r, status, written, dating)
    _starting_period(r, dating)
    if dating.period is not None and (supposed := _last(_SUPPOSED, r.before)) \
            and not _TIME_AFTER_SUPPOSED.search(r.before, supposed.end()):
        dating.period = None
    return dating


def _written_period(r: _Reading, status: str, written: _Written) -> _Dating | None:
    """The period a range, a year or a plan written before the figure gives, the last of them deciding
    (…一九五三年到一九八○年…，六五计划期间…); None where none is written."""
    before, clause, section, timeline = r.before, r.clause, r.section, r.timeline
    years, plans, ranges = written.years, written.plans, written.ranges
    range_last = ranges and (not years or ranges[-1].end() >= years[-1][0] + 4)
    if range_last and (not plans or plans[-1][0] < ranges[-1].start()):
        first, last = (year_value(g) for g in ranges[-1].groups() if g)
        period = year_span(first, last) if first and last and first <= last else None
        if period is not None and _FROM.search(clause):
            return _Dating(str(first), by_range=True)  # 从1978年到1983年，…由175元提高到288元: 175 is 1978's
        if period is not None and _FROM_TO.search(clause):
            period = str(last)  # … and 288 is 1983's
        return _Dating(period)
    if years and (not plans or years[-1][0] > plans[-1][0]):
        period = str(years[-1][1])
        if timeline.year is not None and (now := _last(_NOW, before)) and now.start() > years[-1][0] + 5:
            # 一九五八年初全国有七十四万多个合作社，现在已经合并改组成为二万四千多个人民公社: now
            period = str(timeline.year)
        elif timeline.year is not None and (this := _last(_THIS_YEAR_AFTER, _without_start(before))) \
                and this.start() > years[-1][0] + 4:
            # １９８０年全国涌现出重大科研成果二千六百多项，今年又继续增加，…比重达到５０％: this year (由今年预计的３％
            # 提高到４％ dates the start, not ４％)
            period = str(timeline.year)
        elif years[-1][0] < len(before) - len(clause) and _FIVE_YEARS_IN.search(clause):
            # 2002年高等学校在校生1600万人…；五年内全国本专科毕业生1300万人: the five years up to that year
            period = year_span(years[-1][1] - 4, years[-1][1])
        if (span := _range_ending_in(section, period)) and _DEADLINE.match(before, years[-1][0] + 4):
            period = span  # 计划在一九八五年底前建成投产八千万吨: done over the plan's years, by its end
        elif (before.startswith("以来", years[-1][0] + 5) and status == "actual" and timeline.reviewed_year
              and years[-1][1] < timeline.reviewed_year):
            # 1998年以来，国有企业下岗职工达2700多万人: from that year to the last one under review
            period = year_span(years[-1][1], timeline.reviewed_year)
        return _Dating(period)
    if plans:
        return _Dating(year_span(*plans[-1][1]))
    return None


def _relative_period(r: _Reading, status: str, flow: Callable[[SpanFigure], bool]) -> _Dating:
    """The period relative words give (明年, 三年内, 连续两年, 去年, 今年, 本届政府), a list's introduction, or
    the section the figure stands in; the year under review (or the next, for a target) where nothing says."""
    text, start, end, before, clause = r.text, r.start, r.end, r.before, r.clause
    year, timeline = r.timeline.year, r.timeline
    if listed := _list_period(text, r.sent):
        return _Dating(listed)
    if year is None:
        return _Dating(_section_period(r, status, flow))
    if _TEN_YEAR_PLAN.search(before) and (decade := _ten_year_plan(year)):
        return _Dating(year_span(*decade))
    if (status == "target" and _FARM_PROGRAMME.search(before)
            and _FARM_PROGRAMME_YEARS[0] <= year <= _FARM_PROGRAMME_YEARS[1]):
        first, last = _FARM_PROGRAMME_YEARS
        return _Dating(str(last) if _REACHED_LIST.search(clause) else year_span(first, last))
    if NEXT_YEAR.search(clause):  # 由上年18亿元增加到95亿元，明年将安排200亿元
        return _Dating(str(year + 1))
    if status == "target" and (ahead := _last(_YEARS_AHEAD, before)):
        span = NUMBERS[ahead.group(1) or ahead.group(2) or ahead.group(3)]
        plan = _plan_of(year) if span == 5 and ahead.group(2) else None
        # 五年内: the plan; 今后五年: the term; 三年内把…降到1%以下: within the years (dev 1978)
        return _Dating(year_span(*plan) if plan else year_span(year, year + span - 1),
                       within=ahead.group(2) is not None)
    if status == "actual" and (running := _RUNNING_YEARS.search(clause)):
        return _Dating(year_span(year - NUMBERS[running.group(1)], year - 1))
    if FIVE_YEARS.search(before):
        return _Dating(year_span(year - 5, year - 1))
    if (_WORLD_SHARE.search(before) and text.startswith("的", end) or _COUNTRY_HAS.search(clause)
            or _AID_PROGRAMME.search(clause)
            or _HUNDRED_MILLIONS.match(text[start:end]) and _PEOPLE.match(text, end)
            and _PEOPLE_OF_THE_COUNTRY.search(clause)):
        return _Dating(None)
    if _LAST_YEAR.search(_without_start(before)):
        return _Dating(str(year - 1))
    if _THIS_YEAR.search(before) or _NOW.search(clause) or _NOW_OPENING.match(before):
        return _Dating(str(year))
    if TERM.search(before):
        return _Dating(year_span(*government_term(year)))
    if (section_period := _section_period(r, status, flow)) is not None:
        return _Dating(section_period)
    return _Dating(str(timeline.reviewed_year + 1) if status == "target" else str(timeline.reviewed_year))


def _section_period(r: _Reading, status: str, flow: Callable[[SpanFigure], bool]) -> str | None:
    """The period of the figure's section; under a review of several years, its last year for a level reached
    there (no flow word)."""
    if r.section is None or not r.section.period:
        return None
    period = r.section.period
    if "-" in period and status == "actual" and not r.so_far \
            and not (_SPAN_TOTAL.search(r.before) and not _LEVEL_REACHED.search(r.clause)) \
            and not flow(SpanFigure(r.text, r.start, r.end, r.before, r.clause,
                                    _listed_flow(r.text, r.end, r.before, r.clause))):
        period = period.split("-")[1]  # no flow word: a level reached at the end of the years under review
    return period


def _clause_period(r: _Reading, dating: _Dating) -> None:
    """A relative year of the figure's own clause where the clause writes no year, plan or range (“十一五”期间关停
    5000万千瓦小火电机组，今年要关停1000万千瓦: this year)."""
    year, clause = r.timeline.year, r.clause
    dated_in_clause = [o for o, _ in years_in(clause) if not clause.startswith("年以来", o + 4)]  # 2013年以来: a start
    if year is None or dating.period is None or dated_in_clause or plans_in(clause) or _YEAR_RANGE.search(clause):
        return
    if (relative := _relative_year(_without_start(clause), year)) is not None:
        dating.period = relative
        if _FROM_LAST_YEAR.search(clause) and _RAISED_TO.match(r.text, r.end):
            dating.period = str(year - 1)  # 今年…投资比重由去年的10.7%提高到14%: the start is last year's


# 一九八二年同一九七八年相比，我国粮食增长百分之十六: a change between the two years compared covers the years after
# the earlier one (1979-1982); the level reached (达到8000万吨) is the later year's. Over more than ten years
# (一九八〇年同一九五二年相比，工农业总产值增长八点一倍) the gold gives the later year, as for a growth against a
# base year (比一九五二年增长); a clause that compares with something else (比一九七八年前的二十六年平均每年增加)
# keeps its own reading.
_PAIR_CHANGE = re.compile(r"增长|增加|提高|高出|下降|减少|降低|翻")
_PAIR_LEVEL = re.compile(r"(?:到|至)$")
_PAIR_MAX_SPAN = 10
_PAIR_OTHER = re.compile(r"(?<!可)比")  # 按可比价格计算 compares nothing


def _compared_years_period(r: _Reading, status: str, dating: _Dating) -> None:
    """1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元: 1978 and 1986; a change between the two years
    (增长102%) covers 1979-1986 (guidelines §5b, v1.20)."""
    pair = _YEAR_PAIR.search(r.before)
    if pair and (later := year_value(pair.group(1))) and (earlier := year_value(pair.group(2))) and earlier < later:
        if _FROM.search(r.clause):
            dating.period, dating.by_range = str(earlier), True
        elif _FROM_TO.search(r.clause):
            dating.period = str(later)
        elif (status == "actual" and later - earlier <= _PAIR_MAX_SPAN and _PAIR_CHANGE.search(r.clause)
              and not _PAIR_LEVEL.search(r.clause) and not _PAIR_OTHER.search(r.clause)):
            dating.period, dating.between_years = year_span(earlier + 1, later), True


def _plan_level_period(r: _Reading, status: str, dating: _Dating) -> None:
    """A level a plan's years end at is of their last year; a rate under a review of years ending where the figure
    is dated covers those years (国内生产总值2000年达89404亿元，平均每年增长8.3%)."""
    period, clause = dating.period, r.clause
    if (status == "target" and period is not None and "-" in period and not dating.within
            and (_LEVEL_REACHED.search(r.before) or _TARGET_LEVEL.search(clause))
            and not _FLOW.search(clause.replace("增加到", "").replace("增长到", "").replace("提高到", ""))
            and not _RATE_NEARBY.search(r.before[-30:])):
        dating.period = period.split("-")[1]
    if (span := _range_ending_in(r.section, dating.period)) and _AVERAGE.search(clause):
        dating.period = span


def _so_far_period(r: _Reading, status: str, written: _Written, dating: _Dating) -> None:
    """两年中, 这两年, 三年来: the years so far of a plan, or the last years up to the one reviewed."""
    so_far, timeline, year, period = r.so_far, r.timeline, r.timeline.year, dating.period
    if (status != "target" and r.kind == "plan" and so_far and so_far.group().endswith("来") and year is not None
            and period == str(year) and timeline.reviewed_year):
        period = str(timeline.reviewed_year)  # 两年来通过财政向银行发行2100亿元长期国债 in this year's plan: 1998-1999
    if status != "target" and period is not None and so_far:
        n = NUMBERS[so_far.group(1) or so_far.group(2) or so_far.group(3)]
        first, last = int(period[:4]), int(period[-4:])
        if "-" in period and not written.years and first + n - 1 < last:
            reviewed = timeline.reviewed_year
            if reviewed and (first + n - 1 < min(last, reviewed)
                             or so_far.group().endswith("来") and first + n - 1 < reviewed):
                # 在校生总数三年来增加两倍, 四年中… in a review of 1978-1982: the last years, up to the one reviewed
                up_to = min(last, reviewed)
                period = year_span(up_to - n + 1, up_to)
            else:
                period = year_span(first, first + n - 1)  # the plan's first years
        elif "-" not in period and (
                so_far.start() >= len(r.before) - len(r.clause)
                or (not written.years and (_CHANGE_BEFORE.search(r.clause) or so_far.group().endswith("来")))):
            # 一九八二年预计…，两年平均每年递增: the two years up to 1982; 这两年中，…增加到…，增长55.3%: the same
            period = year_span(last - n + 1, last)
        elif "-" not in period and not written.years and _starting_level(r.text, r.clause, r.end):
            dating.so_far_began = last - n + 1  # 这两年中，钢产量由2046万吨增加到: the level before the two years
    dating.period = period


def _counted_years_period(r: _Reading, status: str, written: _Written, dating: _Dating) -> None:
    """Years counted back from the report or the year reviewed: 近三年, 前三年, 七年来, 解放以来; and the value of
    a year compared with (比一九五七年的[X])."""
    before, timeline, year = r.before, r.timeline, r.timeline.year
    years, plans = written.years, written.plans
    if (status == "actual" and dating.period is not None and "-" not in dating.period and not years
            and timeline.reviewed_year and dating.period == str(timeline.reviewed_year)
            and (recent := _last(_RECENT_YEARS, before))):
        # 近三年淘汰落后炼钢炼铁产能9000多万吨: the N years up to the one under review
        dating.period = year_span(timeline.reviewed_year - NUMBERS[recent.group(1)] + 1, timeline.reviewed_year)
    if (year is not None and (first_years := _last(_FIRST_YEARS, before)) is not None and not plans
            and not any(o > first_years.start() for o, _ in years)):
        n, plan = NUMBERS[first_years.group(1)], _plan_of(year)
        dating.period = (year_span(plan[0], plan[0] + n - 1) if plan and plan[0] + n <= year
                         else year_span(year - n, year - 1))
    if compared_value := _COMPARED_VALUE.search(before):
        dating.period = str(year_value(compared_value.group(1)))
    if (status == "actual" and timeline.reviewed_year and not years and not plans and not written.ranges
            and (so_far_long := _last(_YEARS_SO_FAR, before)) is not None):
        count = so_far_long.group(1) or so_far_long.group(2)
        first = (timeline.reviewed_year - NUMBERS[count] + 1) if count else 1950
        dating.period = year_span(first, timeline.reviewed_year)


def _starting_period(r: _Reading, dating: _Dating) -> None:
    """从A增加到B: A is the level before the period began (从2017年的A: the text dates it); under a review of
    2021-2025 that is 2020, even where B was dated at the range's end."""
    text, clause, end, before, section = r.text, r.clause, r.end, r.before, r.section
    dated_start = (_FROM_DATED.search(clause) or _FROM_LAST_YEAR.search(clause) or _FROM_PLAN_END.search(clause)
                   or (r.kind == "plan" and _FROM_PREVIOUS_YEAR.search(clause)))
    if dating.period is None or not _starting_level(text, clause, end):
        return
    if not dated_start and (parallel := _last(_FROM_YEAR_OF, before[:len(before) - len(clause)])):
        dating.period, dated_start = str(year_value(parallel.group(1))), parallel
    if not dated_start and not dating.by_range:
        period = dating.period
        began = section.period if section is not None and section.period and period == section.period[-4:] else period
        dating.period = str((dating.so_far_began or int(began[:4])) - 1)


def _settled_status(r: _Reading, status: str, period: str | None) -> str:
    """The status once the period is known: a result of a year not yet closed when the report was given is an
    estimate."""
    text, sent, clause, section, kind = r.text, r.sent, r.clause, r.section, r.kind
    timeline, year = r.timeline, r.timeline.year
    if status == "actual" and kind == "review" and year is not None and period == str(year - 1) \
            and _estimates_follow(text, section, sent):
        status = "expected"
    if status == "actual" and year is not None and timeline.reviewed_year == year and period == str(year) \
            and _STILL_OPEN.search(clause):
        status = "expected"  # a report given at the year's end: 糖料产量将比去年增长10%以上, 竣工面积可达到8000万平方米
    return status


def _basis(r: _Reading, dating: _Dating) -> tuple[str | None, str | None]:
    """What the change is measured against, only where the figure's clause gives it, and the period again where a
    change from the year before a span makes it the span's last year."""
    text, start, end, sent, before, period = r.text, r.start, r.end, r.sent, r.before, dating.period
    basis = None
    near = text[_clause_start(text, start, sent):end + 2]
    vs = _VS_YEAR.search(near) or _COMPARED.search(before)
    for pattern, name in _BASIS:
        if pattern.search(near):
            basis = name
            break
    if basis is None and vs:
        basis = f"比{year_value(vs.group(1))}年"
        if (period is not None and "-" in period and int(period[:4]) - 1 == year_value(vs.group(1))
                and not dating.between_years):
            # 将达到…，即比一九五二年增长三点二倍 under 1953-1957, 有效发明专利比2020年增长58.1% under 2021-2025: the
            # change from the year before the span is the last year's level against it
            period = period[-4:]
    return basis, period


REPORT_CONTEXT = "govreport_report_context"  # the Doc.user_data key of a window's ReportContext


@dataclass(frozen=True)
class ReportContext:
    """The whole report a window Doc was cut from: its normalised text, the window's start in it, its timeline,
    its level (national, province …) and place, so a window's figures are read with the report's year and headings
    (`pipeline.extract` sets it in `doc.user_data[REPORT_CONTEXT]`; components read it with
    `pipeline.components.report.report_context`)."""

    text: str
    offset: int
    timeline: ReportTimeline
    level: str | None
    place: str | None = None  # the division whose report it is (河南省, 株洲市石峰区; 国务院 for the State Council)

    def attributes(self, start: int, end: int) -> dict[str, str | None]:
        """The attributes of the window's FIG [start, end) (offsets into the window)."""
        return figure_attributes(self.text, start + self.offset, end + self.offset, self.timeline)
