"""Constraints on PROJ spans: quoted programme names and their heads (§3, D25), what is done to a work,
facilities (D8), pilots only hoped for (D17), programmes money is set aside for."""

from __future__ import annotations

import re

from pipeline.clauses import clause_start
from pipeline.constraints.span_lists import merged
from pipeline.figures.grammar import PURPOSE_VERBS
from pipeline.schema import SpanT

# Longest first: “百万英才汇南粤”行动计划 takes 行动计划, not 行动. Not 活动 (below).
_PROGRAMME_HEAD = re.compile(r"专项行动|攻坚行动|行动计划|行动|工程|计划")
# 开展“消费促进年”活动: 活动 or 系列活动 alone after the quotes names the kind of thing done, and the programme is the
# quoted name, the quotes outside (D23, v1.16; the shared example's “市场主体培育年”活动; 32 of 32 in the train and dev
# gold since)
_QUOTED_ACTIVITY = re.compile(r"“([^“”]+)”(?:系列)?活动")


def _take_quoted_head(text: str, start: int, end: int, starts: set[int]) -> tuple[int, int]:
    """“X”行动: extend a PROJ on X over its quotes and the programme head after them (§3)."""
    if not (start > 0 and text[start - 1] == "“" and text[end:end + 1] == "”"):
        return start, end
    head = _PROGRAMME_HEAD.match(text, end + 1)
    before = text[max(0, start - 3):start - 1]
    coordinated = before.endswith("”") or (before[-1:] in ("和", "及", "、") and before[:1] == "”")
    if head is None or coordinated or any(end < s < head.end() for s in starts):
        return start, end
    return start - 1, head.end()


# 试点示范, but not a demonstration zone, city or base (示范区, 示范市, 示范基地)
_DEMONSTRATION = re.compile(r"示范(?![区市县城园基点项户村镇单企])")


# 清水塘大桥|主桥合龙, 残奥会|备战参赛, 陇海铁路|沿线城市节点, 中欧（亚）班列|拓线: what is done to a work or
# for an event, or what lies along it, read into its name
_WORKS_HEAD_END = re.compile(r"(?:桥|铁路|高铁|公路|高速|环|线|路|会|中心|班列|港|机场|站|工程|园|基地|水库|运河)$")
_DONE_TO_WORKS = re.compile(r"主桥|合龙|备战|参赛|筹办|大修|修缮|辐射|拓线|扩量|沿线|全线|通车|开通|建成|投运"
                            r"|竣工|开工|投产|通航|贯通")


# 推动海上丝绸之路、潮州古城、肇庆古城墙等项目申报世界文化遗产, 巴丹吉林沙漠—沙山湖泊群成功申遗: a site nominated is a
# place, however the text calls it (train and dev gold: the 10 named sites before 申遗 all LOC)
NOMINATED_AFTER = re.compile(r"(?:、[^，。；、,;\n]{2,20})*(?:等(?:项目)?)?(?:成功)?"
                              r"(?:申遗|申报世界(?:文化|自然)?遗产)")
_PROGRAMME_END = re.compile(r"(?:行动|工程|计划|试点|活动|项目)$")


def _works_end(text: str, start: int, end: int) -> int:
    """Where a PROJ that runs from a work's or an event's head into what is done to it ends: at that head (in the
    train and dev gold no PROJ holds one of these words after such a head unless the span ends as a programme:
    江北运河沿线生态环境综合治理三年行动)."""
    if _PROGRAMME_END.search(text, start, end):
        return end
    for done in _DONE_TO_WORKS.finditer(text, start + 2, end):
        if _WORKS_HEAD_END.search(text, start, done.start()):
            return done.start()
    return end


# 宁洛高速公路改扩建, 淠史杭灌区现代化改造, 武宿机场三期改扩建: the upgrade of a named work is the project (the
# train and dev gold: 19 such PROJ hold it, 3 stop before it, two where the upgrade ends the sentence, what is done:
# 推进…靖会灌区现代化改造。)
_UPGRADED_WORKS = re.compile(r"(?:高速公路|高速|铁路|机场|灌区|水库|大通道|公路)(?:[一二三四五六七八九十]期)?$")
_UPGRADE = re.compile(r"(?:改扩建|扩建|续建配套与现代化改造|现代化改造|扩能升级|扩能改造|提质改造|升级改造)(?![。；])")


# RCEP经贸合作高端对话、国际医学创新合作论坛: every conjunct ends in the head of an event, a programme or a work of its
# own, so each is a name; 学大庆、学大寨运动 and 农村儿童白血病、先天性心脏病医疗保障试点 share the last one's head
_PROJECT_HEAD = re.compile(r"(?:论坛|对话|大会|博览会|交易会|洽谈会|峰会|运动会|大赛|联赛|工程|计划|行动|项目|活动"
                           r"|铁路|高铁|公路|高速|大桥|机场|水库|电站|产业园|科技园)$")


def project_with_own_head(part: str) -> bool:
    """A conjunct of a PROJ ending in a head of its own (of the 136 PROJ with 、 inside in the train gold, none ends
    every conjunct in one of these heads)."""
    return len(part) >= 4 and _PROJECT_HEAD.search(part) is not None and not any(q in part for q in "“”‘’\"")


# 争取国家算电协同试点: D17, a pilot only hoped for is no span (成功争取 obtained it: left to the tagger)
_PILOT_HOPED = re.compile(r"(?<!成功)(?:争取|争创|申建|有望|力争)")


def _pilot_hoped_for(text: str, start: int, end: int) -> bool:
    return text.endswith("试点", start, end) and bool(_PILOT_HOPED.search(text, clause_start(text, start), start))


# “两重”项目, “两高”项目, “三张清单”项目: a class of projects a policy names, no one programme (gold: 20 unmarked and 9
# an IND with its count, 2 PROJ; on the held-out predictions 4 such PROJ, none right)
_PROJECT_CLASS = re.compile(r"[“\"][^”\"]{1,6}[”\"]项目")


# 石油管、冷轧硅钢片、镀锡薄板等重要品种, 手撕钢、…、T1000碳纤维等新技术新产品: products listed, no projects (the train
# and dev gold: 240 members of such lists unmarked, 15 inside an IND, none PROJ)
_LISTED_PRODUCT = re.compile(r"(?:、[^，。；、：:\s]{2,12})*等[^，。；,;]{0,6}?(?:品种|产品|材料|装备|设备)")


# A facility's head ends the name (D8); 基地 also ends institutes' bases the gold marks ORG (中国农科院河南创新基地)
_FACILITY_HEADS = (r"科技园|科创园|创新园|产业园|工业园|物流园|大桥|[东西南北]站|火车站|高铁站|机场|走廊|平台|通道"
                   r"|水库|铁路|隧道|码头|工程|国际科技创新中心|保税物流中心(?:（[AB]型）)?")
FACILITY_NOT_BASE = re.compile(rf"(?:{_FACILITY_HEADS})$")
FACILITY = re.compile(rf"(?:{_FACILITY_HEADS}|(?<!老工业)基地)$")


# 安全生产专项|整治, “两不一欠”专项|治理: the campaign is named with what it does (the train and dev gold: 9 PROJ end
# 专项整治 or 专项治理, none stops at 专项 before them); 一批|产业基础再造工程: how many is no part of a name (no PROJ,
# ACH or IND of the gold starts with 一批, 5 follow it)
_CAMPAIGN_AFTER_SPECIAL = re.compile(r"整治|治理")
_HOW_MANY = re.compile(r"一批|一系列")

# 筹措7亿元实施就业惠民工程, 安排…元用于…项目: a programme money is raised or set aside for is a PROJ (11 of 11 such
# names in the train and dev gold; 用于转移支付, 用于促进就业 name no programme and stay IND)
_FUNDS_BEFORE = re.compile(rf"元(?:{PURPOSE_VERBS})$")
_FUNDED_PROGRAMME = re.compile(r"(?:工程|项目|行动|计划)$")
_PURPOSE_AT_START = re.compile(PURPOSE_VERBS)


# 实施 779 times right before a gold PROJ, 开展 438, 深入实施 126, 加快建设 55 …: none of these starts one (nor
# does 通车 or 开通, which the recogniser reads into 建成|通车张吉怀高铁)
_PROJECT_LEADING_VERB = re.compile(r"(?:深入|扎实|广泛|持续|继续|大力|全面|加力|稳步|常态化|成功|高质量|高水平)?"
                                   r"(?:实施|开展|办好|举办|启动建设|启动实施|启动|完成|建成通车|建成|通车|开通|投运|落实|抓好|做好|打好|搞好"
                                   r"|用好|拓展|开工建设|开工|设立|加快建设|加快推进|加快实施|加快)")


# 渝黔桂“氢走廊”, 中马“两国双园”, 四环路“月季花环”: a place or project right before a quoted project name is part of
# it (D23: the quotes stay inside; the gold: 151 PROJ so, 2 kept apart)
def join_quoted_names(text: str, spans: list[SpanT]) -> list[SpanT]:
    def join(before: SpanT, span: SpanT) -> SpanT | None:
        if span[2] != "PROJ" or before[2] not in ("LOC", "PROJ") or text[before[1]:before[1] + 1] != "“":
            return None
        inner_start = before[1] + 1
        closing = text.find("”", inner_start)
        if span[0] in (before[1], inner_start) and closing >= 0 and span[1] in (closing, closing + 1):
            return before[0], closing + 1, "PROJ"
        return None

    return merged(spans, join)


# 中国—东盟信息港, 中国—中亚荒漠化防治合作中心, 中国—东盟自贸区: a name of China's partnership with another country
# or bloc is one span from 中国 (train and dev gold: 28 such names start at 中国), which the taggers often cut after
# the dash (中国 | 东盟国家人工智能应用合作中心); the span takes the partnership's label. The partner alone (中国—东盟
# 领导人会议, 中国－中亚峰会: 东盟, 中亚, 5 in the gold) is a name of its own beside 中国, so a span of at least four
# characters must follow
_PARTNER_DASH = frozenset("—－-–")


def join_partnership_names(text: str, spans: list[SpanT]) -> list[SpanT]:
    def join(before: SpanT, span: SpanT) -> SpanT | None:
        if (before[2] == "LOC" and text[before[0]:before[1]] == "中国" and span[0] == before[1] + 1
                and text[before[1]] in _PARTNER_DASH and span[2] in ("ORG", "PROJ", "LOC") and span[1] - span[0] >= 4):
            return before[0], span[1], span[2]
        return None

    return merged(spans, join)


def no_project(text: str, start: int, end: int) -> bool:
    """Whether the PROJ text[start:end] is no programme: a pilot only hoped for (D17), a class of projects a policy
    names in quotes, or a product listed before 等…品种."""
    return _pilot_hoped_for(text, start, end) or bool(_PROJECT_CLASS.fullmatch(text, start, end)
                                                     or _LISTED_PRODUCT.match(text, end))


def funded_programme_start(text: str, start: int, end: int) -> int | None:
    """Where the programme starts that the IND text[start:end] names after money raised or set aside for it
    (筹措280.44亿元实施社保惠民工程: the PROJ 社保惠民工程), or None."""
    if not _FUNDED_PROGRAMME.search(text, start, end):
        return None
    # the purpose verb may have been read into the span (890.59亿元[实施十大为民办实事工程项目])
    verb = _PURPOSE_AT_START.match(text, start, end)
    named = verb.end() if verb and end - verb.end() >= 2 else start
    return named if _FUNDS_BEFORE.search(text, max(0, named - 8), named) else None  # the verb is at most 4 characters


# 2008年北京奥运会, 做好2024年奥运会、残奥会备战参赛工作: the year written before a games or an expo is part of its
# name (the train and dev gold: 11 of 11 such names hold it; a year before other events, 2025年|中国网络文明大会,
# stays outside: 6 of 6)
_GAMES = re.compile(r"(?:冬奥会|奥运会|残奥会|冬残奥会|亚运会|亚残运会|青奥会|全运会|大运会|世博会|世界博览会|世界杯)$")
_YEAR_BEFORE = re.compile(r"(?:19|20)[0-9]{2}年$")


def _games_year_start(text: str, start: int, end: int, starts: set[int]) -> int:
    """The start of a games' or an expo's PROJ with the year written right before it."""
    if not _GAMES.search(text, start, end):
        return start
    year = _YEAR_BEFORE.search(text, max(0, start - 5), start)
    return year.start() if year and not any(year.start() <= s < start for s in starts) else start


def project_edges(text: str, start: int, end: int, starts: set[int]) -> tuple[int, int]:
    """A PROJ with its quoted head and its upgrade or demonstration, without what is done to the works and without
    the verb that carries it out (`starts`: where the spans begin, which a quoted head may not take in)."""
    start, end = _take_quoted_head(text, start, end, starts)
    if activity := _QUOTED_ACTIVITY.fullmatch(text, start, end):
        start, end = activity.span(1)
    end = _works_end(text, start, end)
    if _UPGRADED_WORKS.search(text, start, end) and (upgrade := _UPGRADE.match(text, end)):
        end = upgrade.end()  # 宁洛高速公路|改扩建, 淠史杭灌区|现代化改造: the upgrade names the project
    if text.endswith("试点", start, end) and _DEMONSTRATION.match(text, end):
        end += 2  # 服务业扩大开放综合试点示范: pilot and demonstration are one programme (3 of 3 in the gold)
    if text.endswith("专项", start, end) and (campaign := _CAMPAIGN_AFTER_SPECIAL.match(text, end)):
        end = campaign.end()
    if (verb := _PROJECT_LEADING_VERB.match(text, start, end)) and end - verb.end() >= 2:
        start = verb.end()  # 大力开展助企纾困行动: the verb that carries the project out is outside it
    if (how_many := _HOW_MANY.match(text, start, end)) and end - how_many.end() >= 2:
        start = how_many.end()
    return _games_year_start(text, start, end, starts), end


# 三一能源装备和硅能一期等项目竣工投产: two works named and then counted among the projects are two PROJ, as the
# schema's own example reads them (ANNOTATION.md; the train and dev gold: both such pairs before 等…项目 split, none
# whole; before 等…工程 the gold keeps shared-head names whole, 风沙源和石漠化治理, so only 项目)
_BEFORE_PROJECTS = re.compile(r"等[^，。；、“”]{0,4}?项目")


def projects_listed_with_and(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The two works of a PROJ 'A和B' right before 等…项目, each of two characters or more; else the span whole."""
    parts = text[start:end].split("和")
    if len(parts) == 2 and all(len(part) >= 2 for part in parts) and _BEFORE_PROJECTS.match(text, end):
        return [(start, start + len(parts[0])), (end - len(parts[1]), end)]
    return [(start, end)]
