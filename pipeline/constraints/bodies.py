"""Constraints on ORG and ENT spans: bodies each named in full, a body in the title of a person or a document
(D16), a government and its office, a town and its office."""

from __future__ import annotations

import re

from pipeline.clauses import in_title

# 西湖大学、之江实验室, 广西海洋实验室、甘蔗生物育种实验室: two bodies each named in full with its head are two spans
# (D24; the gold: 34 such pairs split, 1 kept whole); 大青山、鄂尔多斯实验室 and 乳业、草业技术创新中心 share one head
# written once and stay one name, as in the gold
_BODY_HEAD = re.compile(r"(?:大学|学院|实验室|研究院|研究所|研究中心|中心|医院|博物馆|图书馆|委员会|协会|学会"
                        r"|联合会|商会|联盟|集团|公司|银行|交易所)$")


def body_named_in_full(part: str) -> bool:
    return (head := _BODY_HEAD.search(part)) is not None and len(part) - len(head.group()) >= 2


# 重庆三峡科技大学, 双墩遗址博物馆建成开放: a school, a museum or an institute is a body (ORG, §2) even where it is
# being set up or built, and no firm (the train and dev gold: 143 spans end in such a head, none PROJ or ENT; the
# taggers read 4 as PROJ and 1 as ENT out of fold)
INSTITUTION_END = re.compile(r"(?:大学|学院|博物馆|美术馆|剧院|科技馆|纪念馆|研究院|研究所)$")


# 岳麓山实验室、…、岳阳实验室“四大实验室”: the quoted count that sums up a list of bodies is no part of the last one
# (no ORG of the gold ends in one; projects keep theirs, D25: 碳达峰“十大工程”)
_QUOTED_SUMMARY = re.compile(r"“[一二三四五六七八九十两百0-9]+[大个家所项]")


def summary_start(text: str, start: int, end: int) -> int | None:
    """Where the quoted count summing up a list begins inside a body named in full before it, or None."""
    m = _QUOTED_SUMMARY.search(text, start, end)
    if m is None or not text.endswith("”", start, end) or not body_named_in_full(text[start:m.start()]):
        return None
    return m.start()


# 市委市政府, 县委、县政府: a level's party committee and its government are two bodies (the gold: 省委、省政府 3 of 3
# two ORGs, none whole); city and county reports write them without the mark
_COMMITTEE_AND_GOVERNMENT = re.compile(r"(?P<level>省|市|区|县|州|旗|自治区|自治州)委、?(?P=level)(?:人民)?政府")


def committee_and_government(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The party committee and the government of one ORG that names both (市委|市政府), or None."""
    if (m := _COMMITTEE_AND_GOVERNMENT.fullmatch(text, start, end)) is None:
        return None
    committee_end = start + len(m.group("level")) + 1
    return [(start, committee_end), (committee_end + (text[committee_end] == "、"), end)]


# D16: 中央 is ORG acting as a body (中央确定); before what it owns or funds (中央财政, 中央预算内投资,
# 中央企业, 中央一揽子政策, 中央驻闽单位) it modifies a noun: 190 of 190 unmarked or inside another span in the gold;
# paired with 地方 (中央和地方, 48 of 48) or as the level that leads (中央的集中统一领导, 3 of 3) it is a level of
# government, no body
_CENTRE_MODIFIES = re.compile(r"一揽子|存量|增量|宏观|税制|政务|政策|财政|预算内|投资|资金|企业"
                              r"|部门|各部门|单位|和国家机关|国家机关|驻|直属|和地方|的(?:集中)?统一领导|有关规定|的建设投资")


# 接受人民代表大会及其常委会的监督, 人民代表大会制度: the institution in general, no body (train and dev gold: 20 of 22
# unmarked); a named congress (第十四届全国人民代表大会) is left to the tagger
_CONGRESS_IN_GENERAL = re.compile(r"及其常委会|及其常务委员会|制度")


# 自觉接受同级人大及其[常委会]的监督: in the State Council's report the congresses' committees in general, no body
# (the train and dev gold: 26 of 27 unmarked; a provincial report's 人大及其常委会 is its own congress's, ORG, and so is
# 全国人大及其常委会)
_CONGRESS_BEFORE_COMMITTEE = re.compile(r"(?<!全国)(?:同级)?(?:人民代表大会|人大)及其$")


def congress_committee_in_general(text: str, start: int, end: int) -> bool:
    """Whether the ORG text[start:end] is 常委会 / 常务委员会 of the congresses in general (…人大及其常委会)."""
    return text[start:end] in ("常委会", "常务委员会") and bool(
        _CONGRESS_BEFORE_COMMITTEE.search(text, max(0, start - 10), start))


# D16: 国务院总理, 党中央第一副主席, 联合国秘书长: a body inside the title of a person is no span (train and dev
# gold: 86 unmarked, one ORG, since read and changed); 领导人会议, 部长级会议, 主席团, 书记处 and 委员会 are names.
# So are the leaders of bodies (国务院主要领导同志, 自治区党委、政府主要领导: 7 of 7 unmarked in the gold)
_PERSON_TITLE = re.compile(r"(?:[、和](?:省|市|区|县|自治区)?政府)?(?:第一)?副?"
                           r"(?:主要领导|主要负责(?:同志|人)|总理|主席(?!团)|委员长|委员(?!会)|领导同志|省长|市长|区长"
                           r"|县长|州长|书记(?!处)|秘书长|部长(?!级)|主任|局长|厅长|总书记)")


# 福建省人民政府省|长 赵龙: a span the tagger ended inside the signer's title is that title's body (D16)
_TITLE_ACROSS_END = re.compile(r"[省市区县州]长")


# 共产党员, 非共产党人士, 国民党时代: a party's members, the people outside it and its era name no body (train and
# dev gold: no ORG is followed by one of them, 25 such 共产党/国民党 unmarked; 15 wrong ORG on the old national set)
_MEMBER_OR_ERA = re.compile(r"员(?!会)|人士|时代")


def _body_in_a_title(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a body named inside a document's title (《中共中央、国务院关于…》): no span of its
    own (the train and dev gold: 21 of 21 such bodies, once read again); a paper the title marks wrap (《人民日报》)
    is the body itself."""
    return in_title(text, start) and not (text[start - 1:start] == "《" and text[end:end + 1] == "》")


# 国务院减负办, 国务院“推转办”, 中央改革办: an office named by its short name after the body that set it up is one
# ORG (the train and dev gold: 3 of 3 such names whole; 办法, 办理, 办好 … are no offices)
_OFFICE_OWNERS = frozenset({"国务院", "中央", "党中央"})
_OFFICE_AFTER = re.compile(r"“[^”，。；的]{1,5}办”"
                           r"|(?:(?!的)[\u4e00-\u9fff]){1,3}?(?<![承举主协督创开兴包代照交查快通])办(?![法理好事学公成实])"
                           # 中央应对疫情工作领导小组, 中央指导组, 国务院联防联控机制: a group the centre set up (4 of 4
                           # whole ORG in the gold; 国务院成立了…领导小组, with a verb between, is no name)
                           r"|(?:(?!成立|设立|派出|组建|召开|[了的和与及在为把被将])[\u4e00-\u9fff]){0,8}?"
                           r"(?:领导小组|指导组|督导组|督查组|巡视组|工作组|联防联控机制)")


# 国务院安委会, 省政府参事室, 自治区政府国资委, 县政府办公室: a government's own office is one ORG with the government's
# name (the train and dev gold: 4 of 4 such names whole; the recogniser marked the government or the office alone)
_GOVERNMENT = re.compile(r"(?:国务院|(?:省|市|区|县|自治区|自治州|州|盟|旗)(?:人民)?政府)")
_OWN_OFFICE = re.compile(r"安委会|安委办|参事室|国资委|办公厅|办公室|研究室|发展研究中心|金融办|应急委|减灾委|食安委")
_GOVERNMENT_BEFORE = re.compile(_GOVERNMENT.pattern + "$")


def _government_office(text: str, start: int, end: int) -> tuple[int, int]:
    """An ORG that is a government before its own office, or that office after its government, widened to both; one
    read over the person speaking for a government (X代表自治区人民政府), cut to the government."""
    if _GOVERNMENT.fullmatch(text, start, end) and (office := _OWN_OFFICE.match(text, end)):
        return start, office.end()
    speaker = text.rfind("代表", start, end)
    if speaker > start and _GOVERNMENT.fullmatch(text, speaker + 2, end):
        return speaker + 2, end  # 艾尔肯·吐尼亚孜代表|自治区人民政府: the speaker is no part of the body
    if _OWN_OFFICE.fullmatch(text, start, end) and (owner := _GOVERNMENT_BEFORE.search(text, max(0, start - 7), start)):
        return owner.start(), end
    return start, end


# 望城坡街道办事处, 白关镇人民政府, 含浦街道党工委: a town's or street's government or party committee is a body, named
# with its place (none in the corpus, whose reports name no town's office; district and county reports do)
_TOWN_OFFICE = re.compile(r"办事处|党工委|人民政府|政府|党委")
_EDITION_OF_COMMITTEE = re.compile(r"第?[一二三四五六七八九十]+届(?=(?:省委|市委|区委|县委|自治区党委)$)")


# 石峰区人民政府代区长 石慧彬, 河南省人民政府省长 王凯, 国务院总理 李强: the government named in the signer's line
# under the report's title is the body that reports, ORG, as the shared example marks it (v1.19; a title with a
# place alone, 甘肃省省长 任振鹤, names no body)
_SIGNATURE = re.compile(r"^[ \u3000]*(?P<body>[^\s\u3000，。：:]{0,12}?人民政府|国务院)"
                        r"(?P<title>代?(?:总理|省长|市长|区长|县长|州长|主席|盟长|旗长))[ \u3000]*"
                        r"[^\s\u3000，。：:]{1,4}(?:[ \u3000·][^\s\u3000，。：:]{1,6})?[ \u3000]*$", re.M)


_HEADER_REACH = 600  # the signer's line comes under the title, before 各位代表


def _signatures(text: str) -> list[re.Match]:
    head = text.find("各位代表", 0, _HEADER_REACH)
    return list(_SIGNATURE.finditer(text, 0, head if head >= 0 else min(len(text), _HEADER_REACH)))


def signature_bodies(text: str) -> list[tuple[int, int]]:
    """(start, end) of the government in the signer's line, on the report's first lines (before 各位代表)."""
    return [m.span("body") for m in _signatures(text)]


def signing_end(text: str, start: int, end: int) -> int | None:
    """The end of the signer's government if text[start:end] is it, or it and part of the title after it
    (福建省人民政府省|长 赵龙, 石峰区人民政府代区|长: the tagger's span, cut back by `body_edges`); else None."""
    if start >= _HEADER_REACH:
        return None
    return next((m.end("body") for m in _signatures(text)
                 if m.start("body") == start and m.end("body") <= end < m.end("title")), None)


def no_body(text: str, start: int, end: int) -> bool:
    """Whether the ORG text[start:end] names no body acting: 中央 modifying what it owns, the congress as an
    institution, a body in a person's title or a document's, a party before its members or era."""
    name = text[start:end]
    if signing_end(text, start, end) is not None:
        return False
    return bool(name == "中央" and _CENTRE_MODIFIES.match(text, end)
                or name == "人民代表大会" and _CONGRESS_IN_GENERAL.match(text, end)
                or _PERSON_TITLE.match(text, end) or _MEMBER_OR_ERA.match(text, end)
                or _TITLE_ACROSS_END.match(text, end - 1)
                or _body_in_a_title(text, start, end))


def office_end(text: str, start: int, end: int) -> int:
    """Where an ORG that set up an office ends: after the office (国务院减负办, 中央改革办: the office, not the
    body)."""
    if text[start:end] in _OFFICE_OWNERS and (office := _OFFICE_AFTER.match(text, end)):
        return office.end()
    return end


def town_office_end(text: str, start: int, end: int) -> int | None:
    """The end of a town's or street's office after the LOC text[start:end] (望城坡街道|办事处: a body, §2 ORG), or
    None."""
    if text.endswith(("街道", "镇", "乡"), start, end) and end - start >= 3 \
            and (office := _TOWN_OFFICE.match(text, end)):
        return office.end()
    return None


# 柳工|股份, 宇通|集团: the company form written right after a firm's name is part of it (train and dev gold: 50 ENT
# end in 集团, 公司, 股份 or 控股; none stops right before one but before 股份制, a bank's reform)
_COMPANY_FORM = re.compile(r"(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|集团公司"
                           r"|股份公司|集团|股份|公司|控股)(?![制化])")


def company_form_end(text: str, start: int, end: int) -> int:
    """The end of the ENT text[start:end] with the company form written right after it (柳工股份)."""
    form = _COMPANY_FORM.match(text, end)
    return form.end() if form else end


def body_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """An ORG with its government's own office, without the edition before a party committee."""
    start, end = _government_office(text, start, end)
    if (body_end := signing_end(text, start, end)) is not None:
        end = body_end  # 福建省人民政府省|长: the signer's government without the title
    if edition := _EDITION_OF_COMMITTEE.match(text, start, end):
        start = edition.end()  # 十二届|市委八次全会: the committee by its name (the gold: 4 of 5 such)
    return start, end


# 由建设银行统一管起来 (1982), 在1956年，国家银行将增加农业贷款: until the banking reforms of the 1990s the state's
# banks were organs of the state budget, not firms (the train and dev gold: 国家银行 and 建设银行 ORG in 9 of 9 mentions
# in reports before 1990; 农业银行 in 1989 and the professional banks of 1993 are ENT)
STATE_BANKS_THEN = frozenset({"国家银行", "建设银行"})
BANKING_REFORM = 1990


def state_banks_then(text: str, spans: list[tuple[int, int, str]], year: int | None) -> list[tuple[int, int, str]]:
    """The spans with each ENT naming a state bank in a report before `BANKING_REFORM` made an ORG."""
    if year is None or year >= BANKING_REFORM:
        return spans
    return [(a, b, "ORG" if label == "ENT" and text[a:b] in STATE_BANKS_THEN else label) for a, b, label in spans]
