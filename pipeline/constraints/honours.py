"""Constraints on ACH spans: ranks and their scope, honours hoped for, praise and aims (§1, D17, D18), the
verb of winning outside."""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Sequence

from pipeline.clauses import clause_start
from pipeline.constraints.span_lists import end_before

# 分别居全国第二、第七、第九: ranks listed after 分别 are one ACH each, as the figures before them are one FIG each (D4;
# the gold: 5 of 5 such ranks, province-ningxia-2026)
_RANK_ORDINAL = r"第[0-9一二三四五六七八九十]{1,3}[位名]?"
RANK_LIST = re.compile(rf"[^、，。；]{{0,4}}?{_RANK_ORDINAL}(?:、{_RANK_ORDINAL})+")


# 全国前六（含并列）: a note on how a rank was counted
_NOTE_AT_END = re.compile(r"[（(](?:含|包括|不含)[^（）()]*[）)]$")
_HOPED = re.compile(r"有望|力争|争取")
_AHEAD = re.compile(r"走在了?$")


# 其中56项为全国首创, “赣餐码”改革成为全国示范, 23项经验做法获全国推广: a first, a model or a practice for the
# country is praise, no honour conferred (the train and dev gold: never an ACH by itself; 全国推广 16 of 16 unmarked or
# inside a longer span)
_PRAISE_WORDS = frozenset({"全国首创", "全国示范", "全国推广"})


# 成为全国首个“绿电自足”省区, 成为首个千亿级先进制造业产业集群: being the first of a kind is a record, no title
# obtained (the train and dev gold: 7 of 7 unmarked)
_FIRST_OF_A_KIND = re.compile(r"(?:全国|国内|全球|世界)?首(?:个|家|座|条)")


def _praise(text: str, start: int, end: int) -> bool:
    """§2: 走在（全国）前列 is praise, no ACH (43 of 43 unmarked in the gold); so are 全国首创, 全国示范, 全国推广,
    and becoming the first of a kind (成为全国首个…)."""
    return (text[start:end].endswith("前列") and bool(_AHEAD.search(text, max(0, start - 3), start))
            or text[start:end] in _PRAISE_WORDS
            or text[start - 2:start] == "成为" and bool(_FIRST_OF_A_KIND.match(text, start, end)))


def _hoped_for(text: str, start: int) -> bool:
    return bool(_HOPED.search(text, clause_start(text, start), start))


# 积极争创中国（内蒙古）自由贸易试验区, 争创全国民族团结进步示范市: a zone, a designation or a body strived for is no
# span yet (D17; in the train and dev gold nothing after 争创 in its clause is marked but a count, 1 of 32 phrases)
_STRIVED_FOR = re.compile(r"(?<!成功)争创")


def strived_for(text: str, start: int) -> bool:
    return bool(_STRIVED_FOR.search(text, clause_start(text, start), start))


# A rank or prize is the ACH, the verb that reaches it is not (居全国第一, 位列第一, 首获…金钟奖): no gold ACH
# of train or dev starts with one, 200 follow one.
_ACH_VERB = re.compile(r"(?:中(?=位列|位居|排名))?(?:位列|位居|排名|排在|居于|居(?=[全世中西东第前首同])|列(?=[全第前])"
                       r"|首夺|首获|夺得|荣获|获得)")


# 从全国第9位升至第7位: the rank reached is the ACH, the one left is not (21 gold ACH follow such a verb, none has one)
_RISEN_TO = re.compile(r"(?:升至|上升至|跃升至|提升至|上升到|提升到|跃升到)")


# 考核连续7年优秀: how long the honour has been held stays outside it (the train and dev gold: 10 ACH after such a
# duration, none with it inside; a tagger cut 连 off and kept 续7年优秀)
_DURATION_LEAD = re.compile(r"(?:连续|续)[0-9一二三四五六七八九十]{1,3}(?:年|次|届|个季度)")
_WON = re.compile(r"首夺|首获|夺得|夺取|勇夺|荣获|获得|摘得")


# 获批创建国家乡村振兴示范区, 庆阳获批整市创建…先行区: the designation approved is the honour, the creating it stays
# outside (train and dev gold: 4 ACH after 获批创建, none holds the verb)
_CREATING = re.compile(r"(?:整市|整县|整省)?创建")


# 首批国家级零碳园区建设名单, 第二批国家级服务业标准化试点: the batch an honour was granted in belongs to it (v1.9;
# the train and dev gold: 30 of 30 ACH after such a batch hold it); the taggers leave it out now and then (3 held out)
_BATCH_BEFORE = re.compile(r"(?:首批|第[一二三四五六七八九十0-9]{1,3}批)$")


def _trim_achievement_verb(text: str, start: int, end: int) -> tuple[int, int]:
    risen = [m.end() for m in _RISEN_TO.finditer(text, start, end)]
    if risen and risen[-1] < end - 1:
        start = risen[-1]
    if (duration := _DURATION_LEAD.match(text, start, end)) and duration.end() < end - 1:
        start = duration.end()
    # 男足首夺乙级联赛冠军: the winner and the verb read into the honour (34 gold ACH follow such a verb, none
    # holds one)
    won = [m.end() for m in _WON.finditer(text, start, end)]
    if won and won[-1] < end - 1:
        start = won[-1]
    if (creating := _CREATING.match(text, start, end)) and creating.end() < end - 1:
        start = creating.end()
    verb = _ACH_VERB.match(text, start, end)
    return (verb.end(), end) if verb and verb.end() < end - 1 else (start, end)


# 综合算力指数全国排名第八, 锡铟锗产量全球第一: the scope of a rank belongs to it (train and dev gold: 241 ranks
# start with their scope, none leaves it outside)
_RANK = re.compile(r"第[0-9一二三四五六七八九十]|首位|榜首|前[0-9一二三四五六七八九十]")


# a rank the plan part aims at (确保优良水体比例居全国前列, 空气质量保持全国前列) is no ACH (D18: anything in the
# plan part; on the predictions 8 such ACH, none in the gold; the gold's 6 ACH in plan sections are honours obtained)
_PLANNED_RANK = re.compile(r"前列|前茅|首位|第一方阵|前[0-9一二三四五六七八九十]|第[0-9一二三四五六七八九十]")
_RANK_COUNT = re.compile(r"(?:[0-9]+|[一二三四五六七八九十]+)(?:位|名)")
_RANK_SCOPE = re.compile(r"(?:全国|全球|世界|全省|全市|全区|(?:中部|西部|东部|东北)(?:地区)?|大陆|亚洲)(?:排名|排位)?$")


def _take_rank_scope(text: str, start: int, end: int) -> int:
    if _RANK.match(text, start, end) and (scope := _RANK_SCOPE.search(text, max(0, start - 6), start)):
        return scope.start()
    return start


# 连续4年获国务院考核[优秀等次], 获评健康中国行动考核[优秀等次]: the grade an assessment gave is the honour, the
# assessment (and who ran it) no part of it (the train and dev gold: 20 of 22 such grades alone, the two others since
# cut, v1.19)
_GRADE = re.compile(r"优秀等次|优秀|“好”的?等次|好等次|A\+?级")
_ASSESSED_GRADE = re.compile(rf"(?:考核|考评|评估|评价)(?:结果)?(?:为|中|进入|获评|获得|获)?(?:{_GRADE.pattern})$")


def _grade_alone(text: str, start: int, end: int) -> int:
    if (assessed := _ASSESSED_GRADE.search(text, start, end)) and assessed.start() >= start:
        return _GRADE.search(text, assessed.start(), end).start()
    return start


def no_honour(text: str, start: int, end: int, in_plan: Callable[[int], bool] | None) -> bool:
    """Whether the ACH text[start:end] is no honour obtained: one hoped for, praise, or a rank the plan part of the
    report aims at."""
    return (_hoped_for(text, start) or _praise(text, start, end)
            or in_plan is not None and bool(_PLANNED_RANK.search(text, start, end)) and in_plan(start))


# 入选省级先进制造业产业集群|培育对象, 入选国家首批领航级智能工厂培育名单: the list or the candidacy an honour names
# belongs to it (the train and dev gold: 13 of 13 such ACH hold it; a tagger ended 2 of them before it, held out)
_LIST_AFTER = re.compile(r"(?:重点)?(?:培育对象|培育名单|建设名单|创建名单|试点名单)(?=[，。；、,;\n]|$)")


def honour_edges(text: str, start: int, end: int, ends: Sequence[int],
                 starts: Container[int] = ()) -> tuple[int, int]:
    """An ACH without a note on how it was counted and without the verb of winning, with the scope of its rank,
    the batch before it and the list after it (`ends`: the sorted ends of all spans, which the batch may not reach
    over; `starts`: the spans' starts, where the list may not begin)."""
    if note := _NOTE_AT_END.search(text, start, end):
        end = note.start()  # 全国前六（含并列）: how the rank was counted, no part of it (the gold: 1 of 1)
    if end not in starts and (listed := _LIST_AFTER.match(text, end)):
        end = listed.end()
    start, end = _trim_achievement_verb(text, start, end)
    start = _grade_alone(text, start, end)
    start = _take_rank_scope(text, start, end)
    floor = end_before(ends, start)
    if batch := _BATCH_BEFORE.search(text, max(floor, start - 5), start):
        start = batch.start()  # 入选[首批]美丽中国省域先行区: the batch is part of the honour (30 of 30)
    return start, end


# 从全国第13位升至第5位, 排名由369位上升到235位: the rank left behind is no honour and no figure, the rank reached is
# the ACH (train and dev gold: 15 of 15 ranks left unmarked, 14 of 14 ranks reached ACH; the taggers read 6 of them as
# FIG out of fold)
_PLACED_RANK = rf"(?:全国|全省|全市|全球|世界|国内)?第?{_RANK_COUNT.pattern}"
_RANK_LEFT = re.compile(rf"(?:、{_PLACED_RANK})*(?:进一步|双双)?(?:{_RISEN_TO.pattern}|跃居)")
_PLACED_RANK_ALONE = re.compile(_PLACED_RANK)
_LEFT_FROM = re.compile(rf"[从由]{_PLACED_RANK}(?:、{_PLACED_RANK})*(?:进一步|双双)?$")


def rank_left(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is the rank a ranking rose from (从|全国第13位|升至第5位)."""
    return (text[start - 1:start] in ("从", "由") and _PLACED_RANK_ALONE.fullmatch(text, start, end) is not None
            and _RANK_LEFT.match(text, end) is not None)


def rank_reached(text: str, start: int, end: int) -> bool:
    """Whether the FIG text[start:end] is the rank a ranking rose to from a rank named before it (从全国第13位升至
    |第5位): an honour, no count."""
    if _PLACED_RANK_ALONE.fullmatch(text, start, end) is None:
        return False
    verb = _RISEN_TO.search(text, max(0, start - 5), start)
    return verb is not None and verb.end() == start and _LEFT_FROM.search(text, max(0, verb.start() - 14),
                                                                           verb.start()) is not None


def rank_counted(text: str, start: int, end: int) -> bool:
    """Whether the FIG text[start:end] is the N of 前N位, a rank and no count (居全国前10位)."""
    return text[start - 1:start] == "前" and bool(_RANK_COUNT.fullmatch(text, start, end))


# 国家级人力资源服务产业园实现“零的突破”, “四大慢病”国家科技重大专项实现“零的突破”: a national designation or award
# won for the first time is an honour obtained (the train and dev gold: the 5 spans right before 实现零的突破 are ACH)
_FIRST_EVER = re.compile(r"实现“?零的突破")


def first_ever_honour(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a national designation right before 实现零的突破 (won for the first time)."""
    return _FIRST_EVER.match(text, end) is not None and ("国家" in text[start:end] or "全国" in text[start:end])
