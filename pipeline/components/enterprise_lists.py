"""Enterprises named in a list the text itself calls enterprises: ``超聚变、中创智领、许继、平高等领军企业``,
``中车天力锻业、联诚电气科技等4家企业上榜``.

Short company names (宇通, 胖东来) carry no suffix, so the tagger misses most of them or reads them as places;
the sentence says what they are. A list counts only with a count of firms (N家) or a word that describes
firms (龙头, 领军, 链主, 中央, 省属, …) before 企业/公司, or 央企 / 省属国企, because
``工业、交通、建筑等重点领域和…企业`` and ``商贸、旅游等方面…企业`` list sectors. Each member becomes ENT (D7: a
company acting as a firm); a span the recogniser put on exactly that member is relabelled, overlapping ones give
way. On the gold (train and dev) every member this finds is ENT (30 of 30).

A name that opens its clause and is given an honour for enterprises (天桥起重获评国家技术创新示范企业, 柳工入选质量
强国建设领军企业) is ENT too, where the recogniser marked nothing there; counts (5家企业入选…) and scopes
(全市…) are not names. Rare in the gold (2 on train and dev, both ENT), common in city and county reports. The
recogniser often reads such a short name as a place (天桥起重, 柳工 on held-out dev): a LOC on exactly the name is
relabelled unless the name is a division of the gazetteer.

Exchanges named with their city (北京证券交易所, 广州期货交易所, 上海数据交易所) or by their short form (深交所, 北交所)
are ENT, where the recogniser read them as ORG or missed them (3 of the 8 ENT it got wrong on held-out dev); on
the train and dev gold the names this finds are ENT 8 times, ORG 3 times. A 集团 that is a political or military
bloc (苏联领导集团, 蒋介石卖国集团, 东南亚防务集团, 二十国集团, 七十七国集团) is ORG, never a business group: every one
in the gold; so are the international financial institutions (亚洲基础设施投资银行, 世界银行, 丝路基金: 9 of 9 ORG).

Well-known enterprises (`models/rules/enterprises.tsv`: central state-owned enterprises, the big banks, the
exchanges, large companies, by the names they go by) are ENT where the recogniser marked nothing there and the
name is a whole run of words of the segmentation (京东 is no name in 南京东路), with the company form the text adds
(国家电网公司). On the train and dev gold such a name, where no gold span overlaps it otherwise, is ENT 55 times,
PROJ 7 (中国船舶集团 moving its seat), ORG 6 (建设银行 in the 1980s, when it was part of the Ministry of Finance)
and unmarked 3 times (鞍钢宪法, a charter); a report the tagger has not seen names firms it never learnt. Where a
PROJ of the recogniser goes on right after the name, the name is part of the project (蔚来汽车第二先进制造基地, D7);
right before an ORG, LOC or ACH it is not marked (no ENT in the gold is directly followed by one of those).

A provincial state-owned group named by 省 and its trade (做强省纺织集团, 加快省水投集团市场化转型) is ENT
where nothing is marked (8 of 8 in the gold), and so is a group named right after the verb that founds or builds
it up (组建北京数据集团, 做强城市生命线产业发展集团: 11 of 11; 组建企业集团 names a kind). A recogniser's ENT
must show it is a firm: a well-known name, a company-like ending (…集团, …科技, …银行) or a word of firms in its
clause (企业, 上市, 重组, 投产, 质量奖 …). Without one it is dropped, or becomes LOC where it is a division (莆田).
Eight provincial reports of 2026 held out of a tagger's fit: ENT precision 0.569 → 0.829, recall unchanged (15
of the 16 dropped were wrong); on train, where the taggers were fitted, 3 right ENT lost (庆铃、上汽红岩、鑫源等
商用车).

A recogniser's ENT that names a plant, mine or works (…厂, …电站, …钢铁公司, …矿务局) in a sentence about building
it is the works being built, PROJ (D7: 包头钢铁公司、…、洛阳第一拖拉机厂等重大建设项目，将在本年开始兴建): 72 of 73
such names in the train and dev gold. So is a firm arriving (中国雅江集团落户西藏, 德邦证券、富泽人寿成功落户): 14
of 15 such names in the gold are PROJ; the one ENT is the subject of the next clause too (…落户重庆，获得…许可).
Three provincial folds held out of a tagger's fit: ENT 0.763 → 0.773 and 0.645 → 0.690, the third unchanged.

A well-known enterprise read as a place (泸州老窖) is the firm, and an IND that opens with one and goes on to a
measure (泸州老窖营业收入) is the firm and its indicator: the gold never marks such a name LOC nor opens an IND with it.

A change the firm goes through is not part of its name: a recogniser's ENT that runs from a well-known name into
a reform or a regrouping (国家开发银行商业化转型, 农业银行股份制改革) is cut back to the name. No ENT of the train and
dev gold goes on from a well-known name further than its company form.

A firm's legal form (股份有限公司, 有限责任公司, （集团）有限公司) ends its full name: the name the recogniser marked
before the form is extended over it (株洲天桥起重 → 株洲天桥起重股份有限公司). The corpus has no such name; city and
county reports write them, and the taggers stop before the form or read 限公司 as a name.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.clauses import SENTENCE_MARKS, clause_start, list_items
from pipeline.components.alignment import entity_offsets, set_entities, token_edges, unmarked
from pipeline.divisions import division_names, is_division
from pipeline.gazetteer import Gazetteer
from pipeline.paths import COUNTRIES, ENTERPRISES
from pipeline.schema import SpanT
from pipeline.textnorm import normalised_text

_MEMBER = r"[^\s，。；、：:“”‘’（）()《》,;]{2,14}"
_PLACE = frozenset({"LOC"})
_TRADE_MEASURE = re.compile(r"产量|产值|储量|产能|工业|产业|行业|价格|消费|进口|出口")
_FIRM_WORDS = (r"(?:龙头|领军|链主|骨干|新锐|头部|一流|标杆|航天|独角兽|瞪羚|专精特新|知名|上市|民营|世界500强"
               r"|中央|[省市区县]属)")
# 央企 and 省属国企 name firms by themselves; a bare 国企 does not (土地、园区等国企改革 lists fields)
_SELF_NAMING = r"央企|[省市区县]属国企"
# 赛力斯、长城等车企: a trade's short word for its firms (car, drug, insurance, property firms) names firms by itself
_TRADE_FIRMS = r"车企|药企|险企|房企"
_FIRMS = rf"(?:企业|公司|{_TRADE_FIRMS}|{_SELF_NAMING})"
ENTERPRISE_LIST = re.compile(
    rf"(?P<members>(?:{_MEMBER}、)+{_MEMBER})等"
    rf"(?P<count>一批|[0-9]+家|[一二三四五六七八九十]+家)?[^\s，。；、,;]{{0,8}}?(?:{_FIRM_WORDS})?"
    rf"[^\s，。；、,;]{{0,6}}?{_FIRMS}"
)
_KINDS_NOT_NAMES = re.compile(r"一批|一些|若干|各类")
_FIRM_WORD = re.compile(rf"(?:{_FIRM_WORDS}[^\s，。；、,;]{{0,2}}(?:企业|公司)|{_SELF_NAMING}|{_TRADE_FIRMS})$")
# Verbs that open the clause before the first member (支持超聚变、…): the member starts after the last of them.
_LEADING_VERB = re.compile(r"支持|培育了?|集聚了?|推动|引进了?|引育|壮大|做强|扶持|依托|推进|打造|新增|聚集了?|吸引了?|"
                           r"包括|涌现出?了?|形成了?|助推|鼓励|带动|招引|引入|保障|落地了?|实现|推广|有")


def enterprise_members(text: str) -> list[tuple[int, int]]:
    """(start, end) of every member of an enterprise list in `text`."""
    found = []
    for m in ENTERPRISE_LIST.finditer(text):
        # the firm word is looked for right before 企业/公司: the lazy gaps around the optional firm-word group
        # let the regex match without taking it (一批行业领军企业)
        tail = text[m.end("members"):m.end()]
        if not (m.group("count") or "").endswith("家") and not _FIRM_WORD.search(tail):
            continue
        if _KINDS_NOT_NAMES.search(m.group("members").split("、")[0]):
            continue  # 培育一批跨境电商、离岸贸易…等新型国际贸易标杆企业: kinds of firm, not names
        found += list_items(m.start("members"), m.group("members"), _LEADING_VERB)
    return found


# 天桥起重获评国家技术创新示范企业: a name that opens its clause and is given an honour for enterprises is one
_AWARDEE = re.compile(
    r"(?:^|(?<=[，。；：,;:\n]))(?P<name>[^\s，。；、：,;:“”‘’（）()《》0-9]{2,10}?)"
    r"(?:成功|先后|首次|分别|再次|又)?(?:入选|获评|入围|荣获|被评为|被认定为|跻身|荣膺|上榜)"
    r"[^，。；,;\n]{2,30}?(?:企业|公司)(?=[，。；,;\n]|$)"
)
_NOT_A_FIRM_NAME = re.compile(r"[一二三四五六七八九十百千两几多]+[家个批项]|企业|公司|单位"
                              r"|我[省市区县]|全[省市区县]|[省市区县]内")


def enterprise_awardees(text: str) -> list[tuple[int, int]]:
    """(start, end) of each name given an honour for enterprises (…示范企业, …领军企业) at the start of a clause."""
    return [m.span("name") for m in _AWARDEE.finditer(text) if not _NOT_A_FIRM_NAME.search(m.group("name"))]


_EXCHANGE = re.compile(r"(?:(?:北京|上海|深圳|广州|郑州|大连|海南|香港)(?:国际)?|国际)"
                       r"(?:证券|期货|数据|大数据|碳排放权|商品)交易(?:所|中心)|[上深北港]交所|[广上]期所|郑商所|大商所")
_BLOC = re.compile(r"(?:领导|卖国|统治|反动|侵略|防务|防務|军事|战争|戰爭)集[团團]$|^蒋介石集团$"
                   r"|^(?:[一二三四五六七八九十]+|[0-9]+)国集团$"
                   # international financial institutions are organisations, not firms (D7)
                   r"|^(?:亚洲基础设施投资银行|亚投行|世界银行|世行|亚洲开发银行|(?:金砖国家)?新开发银行|丝路基金"
                   r"|国际货币基金组织|国际金融公司)$")


_KIND_OF_FIRM = re.compile(r"民企|央企|国企|外企")
# 国家开发银行商业化转型, 农业银行股份制改革: a change the firm goes through, read into its name by a tagger (held-out
# dev, national-state-council-2010). The train and dev gold never continues a well-known name with more than its
# company form in an ENT (the longer spans that open with one are its plants and projects, PROJ).
_CHANGE_OF_FIRM = re.compile(r"(?:商业化|市场化|股份制|公司制|混合所有制)?(?:改革|转型|改制|重组|整合|合并|上市|混改)")
# the company form the text may add after a name (国家电网公司, 中国石化集团): the span is the whole name
_COMPANY_FORM = re.compile(r"(?:集团有限公司|股份有限公司|有限责任公司|有限公司|集团公司|集团|公司)?")


def known_names(enterprises: Gazetteer, text: str, starts: set[int], ends: set[int]) -> list[tuple[int, int]]:
    """(start, end) of each well-known enterprise, with its company form, that begins on a word start of the
    segmentation and ends on a word end."""
    spans = [(start, _COMPANY_FORM.match(text, end).end()) for start, end in enterprises.find(text, starts)]
    return [(start, end) for start, end in spans if end in ends]


# 做强省纺织集团, 加快省水投集团市场化转型: a provincial state-owned group named by 省 and its trade (the train and dev
# gold: 8 of 8 such names ENT; 市医疗集团, a hospital group, is none, so only 省)
_PROVINCIAL_GROUP = re.compile(r"省[^\s，。；、：:“”（）()《》,;0-9]{1,8}?(?:控股集团|集团)(?:有限公司|公司)?")


def provincial_groups(text: str, divisions: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each 省…集团 whose 省 does not end a province's name (江西省纺织集团 is left to the rest)."""
    return [m.span() for m in _PROVINCIAL_GROUP.finditer(text)
            if not any(text[max(0, m.start() - k):m.start()] in divisions for k in (2, 3))]


# 组建北京数据集团, 做强城市生命线产业发展集团: a group the government founds or builds up is a firm (the train and dev
# gold: 11 such names ENT; 组建企业集团, 组建一批大型企业集团, 组建新的国企集团 name kinds and stay unmarked)
_FOUNDED_GROUP = re.compile(r"(?:组建|做强|新组建|重组组建)"
                            r"(?P<name>[^\s，。；、：:“”（）()《》,;0-9]{2,12}?(?:控股)?集团)(?:有限公司|公司)?")
_KIND_OF_GROUP = re.compile(r"企业|一批|大型|新的|国企|各类")


def founded_groups(text: str) -> list[tuple[int, int]]:
    """(start, end) of each group named right after the verb that founds or builds it up."""
    return [m.span("name") for m in _FOUNDED_GROUP.finditer(text) if not _KIND_OF_GROUP.search(m.group("name"))]


def named_exchanges(text: str) -> list[tuple[int, int]]:
    """(start, end) of each exchange named with its city or by its short form."""
    return [m.span() for m in _EXCHANGE.finditer(text)]


# What makes a recogniser's ENT a firm: a company-like ending of the name, or a word of firms in its clause. On
# reports the taggers had not seen (eight provincial reports of 2026 held out of a fit), the ENT with neither were
# 15 wrong of 16 (莆田、平潭案例入选…典型案例, 手撕钢、核电钢…等新技术新产品, 中老铁路等25个案例获评…): a tagger
# that learnt "X入选" from firms reads any awardee, product or place as one.
_FIRM_NAME_END = re.compile(r"(?:集团|公司|股份|银行|证券|保险|控股|实业|科技|电气|药业|汽车|能源|电子"
                            r"|钢铁|重工|机械|装备|智能|时代|通信|航空|建工|交易所|交所|商所|期所|交易中心"
                            r"|股交中心|酒业|乳业|食品|物流|矿业|化工|石化|电力|材料|传媒|投资|金投|资本|国资"
                            r"|研究院|厂|廠|煤矿|矿务局|油田|锻业|起重|锂盐|国际|企业)$")
_FIRM_CONTEXT = re.compile(r"企业|公司|集团|厂|银行|銀行|上市|龙头|总部|股份|领军|链主|民企|央企|国企|开业"
                           r"|量产|投产|破产|重整|重组|挂牌|商户|质量奖|煤矿|矿务局")
# 中小银行, 高风险银行, 拼凑集团: a class of firms, no firm's name (the train and dev gold: 71 such words unmarked,
# 5 inside an IND, none ENT); so is the bare word (一批国企集团组建成立: no ENT of the gold is 集团, 公司 or 银行 alone)
_FIRM_CLASS = re.compile(r"(?:中小|高风险|大型|国有|民营|地方|农村|城市|股份制|政策性|外资|合资|拼凑)?(?:商业)?"
                         r"(?:银行|集团|公司)")
# A firm arriving (德邦证券、富泽人寿成功落户, 中国雅江集团落户西藏, 麦当劳、小米汽车等一批旗舰店纷纷落地) is the
# project it brings, PROJ (D7): in the train and dev gold 14 such names are PROJ and one ENT, the subject of the
# next clause too (中国长安汽车集团落户重庆，获得…许可: acting as a firm), which the check after the verb keeps
_ARRIVES = re.compile(r"(?:、[^，。；、,;\n]{2,20})*(?:等[^，。；,;\n]{0,12}?)?(?:总部)?"
                      r"(?:成功|相继|先后|正式|顺利|纷纷)?(?:落户|落地)[^，。；,;\n]{0,8}"
                      r"(?P<acts>[，,](?:获得|获评|荣获|获|入选|成为|实现))?")


def arrives(text: str, end: int) -> bool:
    """Whether the name ending at `end` (alone or first of a list) is followed by its arrival (落户, 落地), and is
    not the subject of the clause after it too."""
    return bool((m := _ARRIVES.match(text, end)) and not m.group("acts"))


_CLAUSE_MARKS = "，。；：,;:\n！？!?"
_CLAUSE_MARK = re.compile(f"[{_CLAUSE_MARKS}]")
_CLAUSE_REACH = 80  # how far the words of firms are looked for either side (text without punctuation stays linear)


def firm_named(name: str, enterprises: Gazetteer) -> bool:
    """Whether `name` is named as a firm: a well-known enterprise opens it (宁德时代新能源) or it ends like one."""
    return any(name[:k] in enterprises.names for k in range(2, len(name) + 1)) or bool(_FIRM_NAME_END.search(name))


def firm_evidence(text: str, start: int, end: int, enterprises: Gazetteer) -> bool:
    """Whether text[start:end] reads as a firm: named as one (`firm_named`), or with a word of firms elsewhere in
    its clause (…等4家企业, 实现重组, 获中国质量奖)."""
    if firm_named(text[start:end], enterprises):
        return True
    left = clause_start(text, start, _CLAUSE_MARKS, floor=max(0, start - _CLAUSE_REACH))
    right = _CLAUSE_MARK.search(text, end, end + _CLAUSE_REACH)
    after = text[end:right.start() if right else end + _CLAUSE_REACH]
    return bool(_FIRM_CONTEXT.search(text[left:start]) or _FIRM_CONTEXT.search(after))


# A plant, mine or works named in a sentence about building (…等重大建设项目, 将要完成建设，投入生产, 五年内建设并
# 完工的第一汽车制造厂) is the works being built, a project (D7), not a firm: in the train and dev gold such a name
# with a building word in its sentence is PROJ 72 times and ENT once; a tagger reads the plants of the old plan
# reports (包头钢铁公司, 阜新电厂 on the 1956 report held out of its fit) as the firms they later were.
_PLANT_END = re.compile(r"(?:厂|廠|电站|電站|公司|矿|礦|矿务局|礦務局|油田|联合企业|聯合企業)$")
_BUILDING = re.compile(r"建设|建設|建成|完工|投入生产|投入生産|投产|投產|施工|兴建|興建|新建|扩建|擴建|改建|竣工"
                       r"|开工|開工")
_SENTENCE_MARK = re.compile(f"[{re.escape(SENTENCE_MARKS)}]")
_SENTENCE_REACH = 300
_OWNER_OF = re.compile(r"的(?!建设|建設|扩建|擴建|改建|开发|開發|同时|同時)")  # 在改建…的同时: "while", no owner


def works_being_built(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] names a plant, mine or works in a sentence about building it (not the owner of the
    works built: 鞍山钢铁公司的大型轧钢厂、无缝钢管厂…已完工, where the company is ENT)."""
    if not _PLANT_END.search(text, start, end) or _OWNER_OF.match(text, end):
        return False
    # the sentence around the name, at most _SENTENCE_REACH characters either side (a text without punctuation
    # must not make each look scan the whole document)
    left = clause_start(text, start, SENTENCE_MARKS, floor=max(0, start - _SENTENCE_REACH))
    right = _SENTENCE_MARK.search(text, end, end + _SENTENCE_REACH)
    return bool(_BUILDING.search(text, left, right.start() if right else min(len(text), end + _SENTENCE_REACH)))


# 鞍山钢铁|联合企业, 大连工矿|车辆厂: a tagger's ENT cut before the plant or combine its name goes on to is the whole
# name (the train and dev gold: 6 of 6 such names whole, PROJ where the sentence builds them, D7); not before a
# word that counts or lists plants (第一机械工业部|有些厂, …等肥料厂)
_OWN_HEAD = re.compile(r"(?!有些|等|各|这些|的|和|及)(?:联合企业|聯合企業|[\u4e00-\u9fff]{0,3}?(?:厂|廠))")


def _with_own_heads(text: str, spans: list[SpanT]) -> list[SpanT]:
    """`spans` with each ENT followed by its own plant or combine (no other span starting there) taken over it."""
    starts = {a for a, _, _ in spans}
    out = []
    for a, b, label in spans:
        head = _OWN_HEAD.match(text, b) if label == "ENT" else None
        if head and not any(b <= s < head.end() for s in starts):
            b = head.end()
        out.append((a, b, label))
    return out


# 株洲天桥起重股份有限公司, 湖南华菱钢铁集团有限责任公司, 中国建筑第五工程局有限公司: a firm's legal form ends its full
# name (§2: ENT "full or short names"). No report of the corpus writes one; city and county reports do, and the
# taggers, which never saw one, stop before the form or read 限公司 as a name of its own.
_LEGAL_FORM = re.compile(r"(?:（集团）|\(集团\))?(?:股份有限公司|有限责任公司|有限公司|股份公司)")
_NAME_REACH = 24  # the longest name before a legal form that is taken in
_UNIT_REACH = 8
_UNIT_BETWEEN = re.compile(r"[^\s，。；、：:,;“”（）()《》]+")


def with_legal_forms(text: str, spans: list[SpanT]) -> list[SpanT]:
    """`spans` with each name the recogniser marked right before a legal form (or running into it, or an ENT
    a unit's name before it) extended over the form: one ENT from the first of the adjoining spans before the
    form to its end (the component then reads it as the works where D7 says so). An IND
    read across a firm's name (…有限公司新增产值) is split into the firm and the indicator; a span that starts
    inside the form with no name before it is dropped."""
    forms = [m.span() for m in _LEGAL_FORM.finditer(text)]
    if not forms:
        return spans
    ordered = sorted(spans)
    out, used = [], set()
    for a, b in forms:
        across = next((sp for sp in ordered if sp[0] < a and b < sp[1] and sp[2] == "IND" and sp not in used), None)
        if across:  # 蓝思科技（浏阳）有限公司|新增产值: the firm holds the indicator read over it (HAS_INDICATOR)
            used.add(across)
            out += [(across[0], b, "ENT"), (b, across[1], "IND")]
            continue
        # the spans that end at the form or run into it, starting before it
        into = [sp for sp in ordered if sp[0] < a <= sp[1] and sp[1] <= b]
        inside = [sp for sp in ordered if a <= sp[0] < b]
        if not into:  # 中国建筑|第五工程局|有限公司: a firm's unit named between its name and the form
            into = [sp for sp in ordered if sp[2] == "ENT" and 0 < a - sp[1] <= _UNIT_REACH
                    and _UNIT_BETWEEN.fullmatch(text, sp[1], a)][-1:]
        if not into:
            used.update(inside)  # 限公司 alone: part of a name the recogniser missed
            continue
        first = into[0]
        while (before := next((sp for sp in ordered if sp[1] == first[0] and sp not in used), None)) \
                and a - before[0] <= _NAME_REACH:
            first = before  # 株洲 + 天桥起重 + 股份有限公司
        chain = [sp for sp in ordered if first[0] <= sp[0] and sp[1] <= b] + inside
        used.update(chain)
        # a company by its legal form; whether it acts as a firm or is the works being built (D7) is checked after
        out.append((first[0], max(b, *(sp[1] for sp in chain)), "ENT"))
    return sorted([sp for sp in ordered if sp not in used] + out)


_JOINED = ("、", "和")  # what joins the names of a list of one kind
# what a firm's figure measures
_MEASURE_END = re.compile(r"(?:收入|营收|产值|利润|税收|额|量|值|率|规模|产能|市值|订单)$")


def firms_opening_indicators(text: str, spans: list[SpanT], enterprises: Gazetteer, word_ends: set[int]) -> list[SpanT]:
    """`spans` with each IND that opens with a well-known enterprise's name, ending on a word end of the segmentation,
    and goes on to a measure (营业收入, 产值, 利润 …), split into the firm (ENT) and its indicator (泸州老窖|营业收入;
    not 华为云生态企业, a kind of firm). The train and dev gold has no IND that opens so, one that opens with such a
    name inside a longer one (华为云…)."""
    out = []
    for a, b, label in spans:
        firms = _firms_listed_at(text, a, b, enterprises, word_ends) if label == "IND" else []
        end = firms[-1][1] if firms else a
        if firms and b - end >= 2 and text[end] not in _JOINED and _MEASURE_END.search(text, end, b):
            out += [*((s, t, "ENT") for s, t in firms), (end, b, "IND")]
        else:
            out.append((a, b, label))
    return out


def _firms_listed_at(text: str, start: int, end: int, enterprises: Gazetteer,
                     word_ends: set[int]) -> list[tuple[int, int]]:
    """The well-known enterprises listed from `start` before `end` (五粮液、泸州老窖…), each ending on a word end
    and joined to the next by 、 or 和 (a list of firms before their shared measure: one ENT each, D4)."""
    firms = []
    while (name_end := enterprises.longest_at(text, start)) - start >= 2 and name_end in word_ends \
            and name_end < end:
        firms.append((start, name_end))
        if text[name_end] not in _JOINED:
            break
        start = name_end + 1
    return firms


def firms_coordinated(text: str, spans: list[SpanT], divisions: frozenset[str]) -> list[SpanT]:
    """`spans` with a LOC coordinated with an ENT (五粮液、泸州老窖入选…) made ENT, unless it is a division: names
    joined by 、 or 和 are of one kind, and the train and dev gold never joins an ENT with a LOC (the recogniser
    reads a firm named after its city, 泸州老窖, as the city's place)."""
    ordered = sorted(spans)
    firms = set()
    for left, right in zip(ordered, ordered[1:], strict=False):
        if text[left[1]:right[0]] in _JOINED and {left[2], right[2]} == {"ENT", "LOC"}:
            place = left if left[2] == "LOC" else right
            if text[place[0]:place[1]] not in divisions and not is_division(text[place[0]:place[1]], divisions):
                firms.add(place)
    return [(a, b, "ENT") if (a, b, label) in firms else (a, b, label) for a, b, label in ordered] if firms else spans


@Language.factory("govreport_enterprise_lists")
def create_enterprise_lists(nlp: Language, name: str) -> EnterpriseLists:
    return EnterpriseLists()


class EnterpriseLists:
    """Marks the members of enterprise lists as ENT (after the recognisers, before the constraints)."""

    def __init__(self) -> None:
        self.divisions = division_names()
        self.enterprises = Gazetteer.from_file(ENTERPRISES) if ENTERPRISES.exists() else Gazetteer(set())
        self.states = Gazetteer.from_file(COUNTRIES)

    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        current = entity_offsets(doc)
        # 三一集团 read as a figure (its name opens with numerals): a well-known enterprise's name counts nothing
        marked = [(a, b, label) for a, b, label in current
                  if not (label == "FIG" and text[a:b] in self.enterprises.names)]
        starts, ends = token_edges(doc)
        words = (set(starts), set(ends))
        spans = firms_opening_indicators(text, with_legal_forms(text, marked), self.enterprises, words[1])
        members, with_plants = self.new_enterprises(text, spans, words)
        checked = self.checked_enterprises(text, with_plants, members)
        kept = [(a, b, label) for a, b, label in checked if not any(s < b and a < t for s, t in members)]
        found = [*kept, *((s, t, "ENT") for s, t in members)]
        final = firms_coordinated(text, found, self.divisions)
        if sorted(final) != current:
            set_entities(doc, final)
        return doc

    def new_enterprises(self, text: str, spans: list[SpanT],
                        words: tuple[set[int], set[int]]) -> tuple[list[tuple[int, int]], list[SpanT]]:
        """The enterprises the rules find (list members, awardees, exchanges, provincial groups, well-known names),
        and `spans` with each PROJ that goes on from a well-known name taking it in."""
        members = enterprise_members(text)
        # an awardee is added where the recogniser left its place empty (it may be a PROJ or an ORG), or where
        # it read the name as a place that the gazetteer does not know
        awardees = enterprise_awardees(text)
        places = {(a, b) for a, b, label in spans if label == "LOC" and text[a:b] not in self.divisions}
        members += [span for span in [*unmarked(awardees, spans), *(a for a in awardees if a in places)]
                    if span not in members]
        # an exchange is added unless a span that is not ORG covers it (深交所科技成果与知识产权交易中心)
        members += [(s, t) for s, t in named_exchanges(text) if (s, t) not in members
                    and not any(a <= s and t <= b and label != "ORG" for a, b, label in spans)]
        members += [span for span in unmarked(provincial_groups(text, self.divisions), spans) if span not in members]
        members += [span for span in unmarked(founded_groups(text), spans) if span not in members]
        # a place the recogniser read at the start of the name or as all of it (中国|商飞, 泸州老窖) gives way to
        # the firm: the train and dev gold never marks a LOC inside a well-known enterprise's name that is the firm;
        # before a measure of a trade the name is the country's trade (中国石油产量)
        known = [(s, t) for s, t in unmarked(known_names(self.enterprises, text, *words), spans, _PLACE)
                 if (s, t) not in members and not _TRADE_MEASURE.match(text, t)]
        # a name the recogniser's PROJ goes on from is the company's plant or project (蔚来 + 汽车第二先进制造基地,
        # D7): the PROJ takes the name in; before another name (an ORG, LOC or ACH) it is no firm of its own.
        # No ENT in the train and dev gold is directly followed by a PROJ, ORG, LOC or ACH.
        after = {a: (b, label) for a, b, label in spans}
        extended = {after[t][0]: s for s, t in known if after.get(t, (0, ""))[1] == "PROJ"}
        spans = [(extended.get(b, a) if label == "PROJ" else a, b, label) for a, b, label in spans]
        known = [(s, t) for s, t in known if after.get(t, (0, ""))[1] not in ("PROJ", "ORG", "LOC", "ACH")]
        arriving = [(s, t) for s, t in known if arrives(text, t)]  # 中国船舶集团…总部落户: the project (D7)
        members += [span for span in known if span not in arriving]
        # 泸州老窖, read as the city's place: a well-known enterprise's exact name is the firm (the train and dev gold
        # never marks one as a LOC: 56 ENT, 8 PROJ, 5 ORG)
        members += [(a, b) for a, b, label in spans if label == "LOC" and text[a:b] in self.enterprises.names
                    and not is_division(text[a:b], self.divisions) and (a, b) not in members]
        spans += [(s, t, "PROJ") for s, t in arriving]
        return members, spans

    def checked_enterprises(self, text: str, spans: list[SpanT], members: list[tuple[int, int]]) -> list[SpanT]:
        """`spans` with each recogniser's ENT checked: a name cut before its plant takes it, a political bloc is ORG,
        a state's name is the state (LOC), a plant being built or a firm arriving PROJ, a kind of firm before the
        name left out (民企赛力斯, 央企长安: 3 of 3 in the gold), and an ENT with no sign of a firm dropped, or the
        place it names (莆田)."""
        spans = _with_own_heads(text, spans)
        relabelled: dict[tuple[int, int], str] = {}
        starts: dict[tuple[int, int], int] = {}
        ends: dict[tuple[int, int], int] = {}
        dropped = set()
        for a, b, label in spans:
            if label != "ENT" or (a, b) in members:
                continue
            if b - a > 3 and (kind := _KIND_OF_FIRM.match(text, a)):
                starts[a, b] = kind.end()
            name_end = self._changing_name_end(text, a, b)
            if name_end is not None:
                ends[a, b] = name_end
            if _BLOC.search(text[a:b]):
                relabelled[a, b] = "ORG"
                continue
            # 从[日本]手中, 把[西德]拖入…, [南朝鲜]: a name that opens with a state and has no firm's ending is the
            # state (the train and dev gold: no ENT opens with a state's name; the 4 such of the 1954 report held out
            # of a tagger's fit are each a state the gold marks LOC)
            state_end = self.states.longest_at(text, a, b)
            if state_end - a >= 2 and not firm_named(text[a:b], self.enterprises):
                ends[a, b], relabelled[a, b] = state_end, "LOC"
                continue
            # the name as cut (国企|集团: 国企 says the kind, and what is left may be only a class of firms)
            if not firm_evidence(text, a, b, self.enterprises) or _FIRM_CLASS.fullmatch(text, starts.get((a, b), a), b):
                if text[a:b] in self.divisions:
                    relabelled[a, b] = "LOC"
                else:
                    dropped.add((a, b))
            elif works_being_built(text, a, b) or arrives(text, b):
                relabelled[a, b] = "PROJ"
        return [(starts.get((a, b), a), ends.get((a, b), b), relabelled.get((a, b), label))
                for a, b, label in spans if (a, b) not in dropped]

    def _changing_name_end(self, text: str, start: int, end: int) -> int | None:
        """Where the well-known name ends in an ENT that goes on to a change the firm goes through
        (国家开发银行|商业化转型), or None."""
        cut = self.enterprises.longest_at(text, start, end - 2)  # two characters at least left after the name
        return cut if cut - start >= 2 and _CHANGE_OF_FIRM.fullmatch(text, cut, end) else None
