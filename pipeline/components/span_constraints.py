"""Decoding constraints that the guidelines make hard rules, applied to the recognisers' spans.

This module runs them in order over each span (`constrain`); the rules themselves live in `pipeline.constraints`,
one module per label (figures, indicators, places, bodies, projects, honours) and for what they share (punctuation,
the segmentation's words, lists of spans).

`govreport_span_constraints` (after the recognisers, before the relations):
- no span crosses ， ； 。 ！ ？ or a line break (D24; a comma between digits is a thousands separator):
  such a span is cut there and its longest piece kept;
- quotation marks are balanced inside a span or both outside (D23, §3): a mark whose partner lies just
  outside is taken in, a lone mark at the edge is dropped, a pair wrapping the whole span is dropped;
- where a programme's head word follows the closing quote, quotes and head are part of the name (§3:
  “人工智能+”行动, “1820”策源行动): a PROJ that is exactly the quoted words takes them in, unless the head is
  shared by a coordination of quoted names (“入境旅游”“留学重庆”行动) or begins another span; but 活动 or 系列活动
  alone names the kind of thing done, and the programme is the quoted name (开展“消费促进年”活动: D23, v1.16);
- the verb that carries a project out stays outside it (大力开展助企纾困行动 → 助企纾困行动: 实施, 开展, 加快建设 …
  are right before some 1,500 gold PROJ and start none);
- a place or project right before a quoted project name is part of it (渝黔桂“氢走廊”, 中马“两国双园”: D23, the quotes
  inside; 151 such PROJ in the gold, 2 kept apart);
- a LOC that lists places (象州、宜州) is one LOC per place (D24: 、 stays only inside one coordinated name,
  such as 济南、青岛都市圈): it is split where every piece is a province, city or county of the gazetteer;
- places listed right before the works they share are one PROJ with them (福州、厦门、泉州省级人工智能产业园: 7 of 7
  such lists of bare divisions in the gold), unless the cities are the pilots (…试点城市) or the works a national
  designation (沈阳、大连国家物流枢纽); held out: dev +1 PROJ, the provincial set +2, the LOCs taken in were wrong;
- change words stay outside an indicator (§3): 增长, 同比, 下降 … are cut from the ends of an IND, and so
  does the first character of a ranking verb (位居, 稳居, 跃居: D18 keeps the verb outside), adverbs and words of
  intent after the name (…比重则, 粮食面积力求, …却大幅度: no gold IND ends in one), the total before a sum
  (各项税收|共收到…: 57 gold INDs stand before 共, 共计 or 总计, none ends in one; train out of fold +4 IND) and the
  budget or a discourse word before it (国家决算…, 特别是…): old national held-out set relations 0.792 → 0.820;
- an indicator does not start inside a dictionary word of the segmentation (…新签约|人工智能产业项目, …即|时零售规模):
  it takes the whole word (即时零售规模, 内河高等级航道里程, 动用商品库存), or none of it where the word is what a
  new thing went through (新立项找矿项目 → 找矿项目, 新签约, 新入库, 新退出: §3 keeps the generic verb outside); a
  word the segmenter glued across a boundary (新增|入驻: 增入 is no word) says nothing; 稳增长 is one name (the
  gold: 4 of 4 INDs with it hold 稳). A name or indicator that ends inside a dictionary word ends at the word's
  start (闽江|水质, 皖南|山水, 江西|区位). On the three held-out sets of the model card 34 wrong spans moved, 14 onto
  the gold and 1 right one off it: entities +0.001 dev, +0.002 provincial, +0.000 old national; relations
  +0.002, +0.005, +0.000;
- scope words stay outside an indicator (§3): 全省, 全市, 全区 … are cut from its start (全社会 and 全国, which
  open names such as 全国重点实验室, stay), and so are the verbs 集聚, 培育, 清理, 办结 (§3, D3: 51 gold INDs
  follow one of them, none starts with one);
- indicators coordinated before 分别 that each name a full measure (适龄儿童入园率和普惠率分别达96%和92%) are one
  IND each where the clause gives each its figure (D4 joins only those sharing a head: 城镇、农村常住居民人均可支配
  收入 stays whole): each part ends in the same character, or each in an indicator's head (率 额 值 量 数 …);
  on the gold's coordinations before 分别 the test splits 66 of the 99 the annotators split and 5 of the 111
  they kept whole; the same test splits indicators that share the rank right after them (D20, v1.9:
  市场环境、创新环境、法治环境、政务环境均居全国前三; held out on the eight provincial reports 3 coordinations, all
  right, ACHIEVED 0.820 → 0.845; 规模 and 占比 count as heads since);
- a place in a slogan (学大寨), a state modifying a treaty or a bloc (朝鲜停战协定, 苏联社会帝国主义: 8 of 8
  unmarked in the gold; held-out dev 4 wrong LOC removed), the country modifying what is its own (中国特色,
  中国血统) or a provincial report's own province modifying its people, its work or its games (安徽人民,
  云南工作, 贵州省第十二届运动会: D9) is no LOC,
  nor is the own province in a slogan or modifying a plan (美好安徽, 法治江西, 辽宁振兴发展, 江西力量: D9); the own
  province before its development (关心支持宁夏发展的, 推动广东高质量发展: D9, v1.7) is LOC where nothing is marked;
- the base of a share (占本年预算收入的48.19%) or of a comparison (比1954年的铺轨里数增长了47%) is no IND (the gold
  marks none; 占…的比重 and two years compared, 一九五四年比一九五二年医院病床增长, keep theirs): on eight national
  reports of 1956–1998 held out of a tagger's fit relations 0.764 → 0.782, the figure going back to its indicator;
  nor is what is taken out of a change (扣除生活费用价格上涨因素) or a word of the comparison (水平, 只差, 少支): 0.790;
- an assessment word after an indicator is part of it (省政府门户网站评估连续4年全国第一: 33 gold INDs end in
  评估 / 考核 / 考评 / 测评 / 评价, none stops right before one);
- an indicator ranked right after it (居全国第3位, 连续6年获A级) is the whole subject of its clause, verbs
  included, after the clause's scope or time words (向民间资本推介重大项目投资总额居全国第3位: 146 of 147 such gold
  INDs with nothing marked before them in the clause start there); on the held-out sets 6 INDs moved onto the gold,
  none off it;
- no FIG for a measure's threshold before the noun it defines (10亿元以上重大产业项目, 150万吨以上的物流园区: D22;
  23 of 23 in the gold unmarked or inside an IND; on the predictions 29 wrong FIGs removed, none right), nor for a
  capacity naming a kind of plant (年产一百五十万吨的钢铁联合企业, 五万千瓦的发电设备: 11 of 11 unmarked);
- no FIG for how often a leader acted (3次亲临…考察, 4次回信; 9 of 9 unmarked), nor for a count after 这 / 那 that
  refers back (这两笔支出: 211 unmarked, 1 FIG);
- no FIG inside a quoted slogan that counts its items (“3个100万”, “三个80%”; 0 of 442 in the gold);
- in a national report a zone with no place's name (自贸试验区, 综合保税区) is the kind, no LOC (71 of 71 unmarked);
- the scope before a rank is part of it (全国排名第八, 全球第一: 241 gold ranks start with it, none leaves it out),
  and a place among the first N (居全国前10位) is a rank, the ACH, not a FIG (6 of 6 in the gold);
- a rank reached from another (从全国第9位升至第7位) is the one reached (21 gold ACH follow 升至 / 上升到 …, none
  holds one);
- a rank in the plan part of the report (确保优良水体比例居全国前列) is an aim, no ACH (D18);
- an honour only hoped for (有望获省“七连优”, 力争…, 争取…: 有望, 力争 or 争取 earlier in its clause) is no ACH
  (§1; none of the 878 gold ACH is), and a pilot only hoped for (争取国家算电协同试点, 争创…试点) no PROJ (D17; on the
  held-out predictions 4 wrong PROJ removed, none right); nor is a class of projects a policy names in quotes
  (“两重”项目, “两高”项目: gold 20 unmarked, 9 IND, 2 PROJ);
- a number that grades a name (30万吨级进港航道, 25兆瓦级风电主轴轴承, a voltage: 500千伏输变电工程), names a
  document in quotes (民营经济高质量发展“26条”) or a working week (每周五天工作制), counts thresholds crossed (连跨4个
  万亿元台阶) or is the weight a price is quoted for (每50公斤提高9到23元) is no FIG (the gold has no grade or
  quoted document among its 12,138 FIGs, the other counts in the code); nor is a count of the report's own
  apparatus that a tagger marked (20条政策措施, 28个主要指标, 连续30个月: `apparatus_count`, which the grammar
  applies to its own figures);
- bodies coordinated with 、 and each named in full with its own head (西湖大学、之江实验室, 广西海洋实验室、
  甘蔗生物育种实验室) are one ORG or ENT each (D24); a head written once for both (大青山、鄂尔多斯实验室) keeps
  them one name;
- a body inside the title of a person (国务院总理, 联合国秘书长, also where the tagger ended it inside the title:
  福建省人民政府省|长) is no ORG (D16), nor a party before its members, the people outside it or its era (共产党员,
  非共产党人士, 国民党时代);
- a number a tagger read as two FIGs at its thousands separator (３ | ５５６万担) is one (D24);
- a count unit's alternative in brackets is part of the FIG (7.4万套（间）: 16 of 16 in the gold), and so is what
  completes a unit the tagger cut short (两倍多, 六倍半: 11 of 11; 六千一百八十亿千瓦小时: 8 of 8);
- a place or body named by a facility's head (…科技园, …科创园, …产业园, …大桥, …东站, …机场, …走廊, …平台, …通道,
  …水库, …工程, …国际科技创新中心, …保税物流中心, …基地) is a project (D8: parks, bases, ports, corridors, platforms
  are PROJ; in the train and dev gold no span with one of these heads is LOC but 东北老工业基地, and none with one
  but 基地 is ORG): on the three held-out sets 17 such LOC and ORG of the taggers, 14 of them PROJ in the gold,
  3 unmarked;
- and a project named by a zone's head (…国家公园, …科学城, …科创城, …新城) is a place (D8: 46 of 49 in the gold; on the
  held-out sets 4 such PROJ of the taggers, all 4 LOC in the gold);
- a product listed before 等…品种 / 产品 / 材料 (石油管、冷轧硅钢片、镀锡薄板等重要品种) is no project (240 unmarked in
  the gold, 15 inside an IND, none PROJ);
- a programme money is raised or set aside for (筹措280.44亿元实施社保惠民工程) is a project, not an indicator (11 of 11
  in the train and dev gold);
- the bracket right after an ORG, PROJ, LOC or ACH is part of its name (国家碳计量中心（福建）,
  长征国家文化公园（江西段）, 滁州保税物流中心（B型）: 47 gold spans end with one, 5 stop before one), but not
  an abbreviation (（APEC）) or what something includes (（含…）, （包括…）), and no ACH ends in a note on how it
  was counted (全国前六（含并列）);
- an IND that opens with a named zone or facility (江东新区年营收, 江北国际机场年旅客吞吐量) is the holder (LOC for a
  zone, PROJ for a facility, D8) and the IND, where the words before the zone's noun name no kind (沿海港口, 重点流域)
  and the IND is no kind of law (浦东新区法规);
- ranks listed after 分别 (分别居全国第二、第七、第九) are one ACH each (D4), and a pilot with its demonstration
  (综合试点示范) is one PROJ;
- a kind of area (城区, 农牧区, 县域, 革命老区 …) is no span of its own (none of their 1,400 occurrences in the train
  and dev gold is).
- bare names before a zone's noun written once are one LOC with it (香港、澳门特别行政区, 济南、青岛都市圈: D27).
- a name of China's partnership with another country or bloc is one span from 中国 (中国—东盟国家人工智能应用合作中心,
  中国—东盟自贸区: 28 gold spans start at 中国; the taggers cut some after the dash), unless the partner follows
  alone (中国—东盟领导人会议: 中国 and 东盟, 5 in the gold); held-out dev 1 ORG right, 2 wrong spans fewer.
- a group the centre set up is one ORG with it (中央应对疫情工作领导小组, 国务院联防联控机制), like an office
  named by its short name (国务院减负办).

`govreport_attached_indicators` (after the relations): an IND is only marked where a FIG or ACH attaches to
it (§2), so an IND that heads no HAS_VALUE or ACHIEVED relation is removed with its relations.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.clauses import conjuncts
from pipeline.components.alignment import char_spans, entity_offsets, mark_unmarked
from pipeline.components.extensions import relations_of
from pipeline.components.report import report_context
from pipeline.constraints.bodies import (
    INSTITUTION_END,
    body_edges,
    body_named_in_full,
    committee_and_government,
    company_form_end,
    congress_committee_in_general,
    no_body,
    office_end,
    signing_end,
    state_banks_then,
    summary_start,
    town_office_end,
)
from pipeline.constraints.figures import (
    figure_edges,
    figure_end,
    join_approximate_figures,
    join_items_sharing_a_measure,
    join_thousands,
    no_figure,
    number_start,
    split_trailing_age,
)
from pipeline.constraints.honours import (
    RANK_LIST,
    first_ever_honour,
    honour_edges,
    no_honour,
    rank_counted,
    rank_left,
    rank_reached,
    strived_for,
)
from pipeline.constraints.indicators import (
    base_not_indicator,
    indicator_edges,
    join_indicators_sharing_a_figure,
    ranked_subjects,
    split_indicator,
    threshold_projects,
    total_investments,
)
from pipeline.constraints.places import (
    DISASTER_END,
    GENERIC_AREAS,
    NOMINATION,
    RIVER_SECTION,
    WORKS_IN_SECTION,
    ZONE,
    asean_among_regions,
    facing_asean,
    in_a_strategy,
    join_places_sharing_a_works_head,
    join_places_sharing_a_zone_head,
    modifier_place,
    no_place,
    own_province,
    own_province_developing,
    place_edges,
    places_before_designation,
    split_place_list,
    the_country_then,
)
from pipeline.constraints.projects import (
    FACILITY,
    FACILITY_NOT_BASE,
    NOMINATED_AFTER,
    funded_programme_start,
    join_partnership_names,
    join_quoted_names,
    no_project,
    project_edges,
    project_with_own_head,
    projects_listed_with_and,
)
from pipeline.constraints.punctuation import (
    BRACKETED_LABELS,
    ITEM_NUMBER,
    balance_brackets,
    balance_quotes,
    cut_at_breaks,
    take_bracket,
)
from pipeline.constraints.span_lists import split_where_each
from pipeline.constraints.words import Segmentation, word_end
from pipeline.divisions import division_names, is_division
from pipeline.textnorm import normalised_text
from pipeline.tokenizer import WORD_STARTS


def _dropped(text: str, start: int, end: int, label: str, own: str | None, national: bool,
             in_plan: Callable[[int], bool] | None, figures: Sequence[int]) -> bool:
    """Whether the span text[start:end] of `label` is no span at all under the guidelines (each label's rules in its
    module of `pipeline.constraints`)."""
    if label in ("FIG", "ACH") and rank_left(text, start, end):
        return True
    if label == "FIG":
        return no_figure(text, start, end)
    return (text[start:end] in GENERIC_AREAS
            or label == "ACH" and no_honour(text, start, end, in_plan)
            or label in ("LOC", "PROJ", "ACH", "ORG") and strived_for(text, start)
            or label == "PROJ" and no_project(text, start, end)
            or label == "IND" and base_not_indicator(text, start, end, figures)
            or label in ("LOC", "PROJ") and in_a_strategy(text, start, end)
            or label in ("LOC", "ORG") and facing_asean(text, start, end)
            or label == "LOC" and no_place(text, start, end, own, national)
            or label == "ORG" and no_body(text, start, end)
            or label == "ORG" and national and congress_committee_in_general(text, start, end))


def constrain(text: str, spans: list[tuple[int, int, str]], divisions: frozenset[str] = frozenset(),
              national: bool = False, own: str | None = None,
              words: Segmentation | None = None,
              in_plan: Callable[[int], bool] | None = None) -> list[tuple[int, int, str]]:
    """The spans after the constraints of this module's docstring (pure function over character spans;
    `divisions` are the place names a list of places is split on, see `division_names`; `national`: the report
    is the State Council's; `own`: a provincial report's own province, see `own_province`; `words`: the
    segmentation, without which no indicator is moved to a word's edge; `in_plan`: whether an offset lies in the
    plan part of the report)."""
    out = []
    spans = split_trailing_age(text, spans)
    spans = spans + ranked_subjects(text, spans)
    ends = sorted(end for _, end, _ in spans)
    starts = {start for start, _, _ in spans}
    figures = sorted(start for start, _, label in spans if label == "FIG")
    figure_ends = {end for _, end, label in spans if label == "FIG"}
    ranks = sorted(start for start, _, label in spans if label == "ACH")
    for start, end, label in spans:
        if label == "LOC" and signing_end(text, start, end) is not None:
            label = "ORG"  # 石峰区人民政府代区|长 read as a place: the signer's government (cut back below)
        piece = cut_at_breaks(text, start, end)
        if piece is None or _dropped(text, *piece, label, own, national, in_plan, figures):
            continue
        checked = piece  # what the rules above were asked about
        if label == "FIG":
            piece = (piece[0], figure_end(text, *piece))
        else:
            if number := ITEM_NUMBER.match(text, piece[0], piece[1]):
                piece = (number.end(), piece[1])
            piece = (number_start(text, piece[0]), piece[1])
            piece = (piece[0], word_end(text, *piece, words))
        start, end = balance_brackets(text, *balance_quotes(text, *piece))
        if label == "LOC" and (disaster := DISASTER_END.search(text, start + 2, end)):
            end = disaster.start()  # 榆中|山洪泥石流: the disaster that struck a place is no part of its name
        if label in ("LOC", "PROJ") and text.endswith("站", start, end) and text[end:end + 1] == "在" \
                and is_division(text[start:end - 1], divisions):
            label, end = "LOC", end - 1  # 新疆|站在新的起点上: the verb 站在 (the gold: 2 of 2 such places LOC)
        if label in ("LOC", "PROJ") and end - start >= 4 and text.endswith(NOMINATION, start, end):
            end -= len(NOMINATION)  # 琉璃河遗址|申遗: the nomination of a site is done to it, no part of its name
        if label == "ORG":
            end = office_end(text, start, end)
        if label == "LOC" and (office := town_office_end(text, start, end)) is not None:
            label, end = "ORG", office
        if label in ("ORG", "ENT") and (summary := summary_start(text, start, end)) is not None:
            end = summary  # 岳阳实验室|“四大实验室”: the quoted count sums up the list, no part of its last body
        if label == "ORG":
            start, end = body_edges(text, start, end)
        if label == "ENT":
            end = company_form_end(text, start, end)
        if label == "ORG" and asean_among_regions(text, start, end) \
                or label == "PROJ" and NOMINATED_AFTER.match(text, end):
            label = "LOC"
        if label in ("LOC", "ORG") and (FACILITY if label == "LOC" else FACILITY_NOT_BASE).search(text, start, end):
            label = "PROJ"  # 合肥西站, 雄安新区中关村科技园: a facility (D8)
        elif label == "PROJ" and (ZONE.search(text, start, end) or RIVER_SECTION.fullmatch(text, start, end)
                                  and not WORKS_IN_SECTION.search(text, start, end)):
            label = "LOC"  # 武夷山国家公园, 临港科创城: a zone with territory (D8); 嘉陵江重庆段, a river's reach
        if label in ("PROJ", "ENT") and INSTITUTION_END.search(text, start, end):
            label = "ORG"  # 重庆三峡科技大学: a school, a museum or an institute is a body, being set up or not
        if label == "PROJ" and first_ever_honour(text, start, end):
            label = "ACH"  # 国家级人力资源服务产业园|实现“零的突破”: a designation won for the first time
        if label == "IND" and (named := funded_programme_start(text, start, end)) is not None:
            label, start = "PROJ", named  # 筹措280.44亿元实施社保惠民工程: the programme the money is for
        if label == "PROJ":
            start, end = project_edges(text, start, end, starts)
        if label == "IND":
            start, end = indicator_edges(text, start, end, words, ends, ranks, figure_ends)
        if label == "FIG" and rank_counted(text, start, end):
            label, start = "ACH", start - 1  # 居全国前10位: a rank, not a count (the gold: 6 of 6 inside an ACH)
        if label == "FIG" and rank_reached(text, start, end):
            label = "ACH"  # 从全国第13位升至|第5位: the rank reached
        if label == "ACH":
            start, end = honour_edges(text, start, end, ends, starts)
        if label in BRACKETED_LABELS:
            end = take_bracket(text, end)
        if label == "FIG":
            start, end = figure_edges(text, start, end)
        if label == "LOC" and divisions:
            start, end = place_edges(text, start, end, divisions)
        if label in ("LOC", "PROJ") and divisions \
                and (designated := places_before_designation(text, start, end, divisions)):
            out.extend(designated)
            continue
        if label == "IND":
            out.extend(split_indicator(text, start, end, figures, ranks))
            continue
        pieces = split_place_list(text, start, end, divisions) if label == "LOC" and divisions else [(start, end)]
        if label == "ACH" and RANK_LIST.fullmatch(text, start, end):
            pieces = conjuncts(start, text[start:end].split("、"))
        if label in ("ORG", "ENT"):
            pieces = (label == "ORG" and committee_and_government(text, start, end)
                      or split_where_each(text, start, end, body_named_in_full))
        if label == "PROJ":
            pieces = [piece for a, b in split_where_each(text, start, end, project_with_own_head)
                      for piece in projects_listed_with_and(text, a, b)]
        if label == "LOC" and (start, end) != checked:  # the edges moved (江西南 → 江西): the place rules again
            pieces = [(a, b) for a, b in pieces if not modifier_place(text, a, b, own)]
        out.extend((a, b, label) for a, b in pieces if b - a >= 1 and text[a:b].strip())
    # 58个[10亿元以上重大产业项目]: the threshold defines the counted noun (where the recogniser marked anything of it)
    if projects := [(a, b) for a, b in threshold_projects(text) if any(s < b and a < e for s, e, _ in spans)]:
        out = [sp for sp in out if not any(a < sp[1] and sp[0] < b for a, b in projects)]
        out.extend((a, b, "IND") for a, b in projects)
    # Extending a span over a quote can meet its neighbour: keep the earlier span whole.
    out.sort()
    flat, last_end = [], -1
    for span in out:
        if span[0] >= last_end:
            flat.append(span)
            last_end = span[1]
        elif span[0] == flat[-1][0] and span[1] > last_end and span[2] == flat[-1][2]:
            flat[-1], last_end = span, span[1]  # 粮食 | [大豆）的产量] taken back to 粮食（不包括大豆）的产量: one span
    joined = join_indicators_sharing_a_figure(text, join_items_sharing_a_measure(
        text, join_approximate_figures(text, join_thousands(text, flat))))
    joined = join_partnership_names(text, join_quoted_names(text, joined))
    return join_places_sharing_a_zone_head(text, join_places_sharing_a_works_head(text, joined, divisions), divisions)


@Language.factory("govreport_span_constraints")
def create_span_constraints(nlp: Language, name: str) -> SpanConstraints:
    return SpanConstraints(nlp.tokenizer)


class SpanConstraints:
    def __init__(self, tokenizer=None) -> None:
        self.divisions = division_names()
        self.tokenizer = tokenizer  # its dictionary, read when a Doc comes (the segmenter may load after this)

    def __call__(self, doc: Doc) -> Doc:
        before = entity_offsets(doc)
        context = report_context(doc)  # a window's report, read from its header
        own = own_province(context.place) if context.level == "province" else None
        starts = doc.user_data.get(WORD_STARTS)
        words = Segmentation(starts, self.tokenizer.lexicon) if starts and hasattr(self.tokenizer, "lexicon") else None
        def in_plan(start: int) -> bool:
            section = context.timeline.section_at(context.offset + start)
            return section is not None and section.kind == "plan"

        text = normalised_text(doc)
        after = constrain(text, before, self.divisions, national=context.level == "national",
                          own=own, words=words, in_plan=in_plan)
        after = state_banks_then(text, after, context.timeline.year)
        if after != before:
            doc.ents = char_spans(doc, after)
        if own is not None:
            mark_unmarked(doc, own_province_developing(text, own), "LOC")
        mark_unmarked(doc, the_country_then(text), "LOC")
        figure_starts = {a for a, _, label in entity_offsets(doc) if label == "FIG"}
        mark_unmarked(doc, total_investments(text, figure_starts), "IND")
        return doc


@Language.factory("govreport_attached_indicators")
def create_attached_indicators(nlp: Language, name: str) -> AttachedIndicators:
    return AttachedIndicators()


class AttachedIndicators:
    def __call__(self, doc: Doc) -> Doc:
        rels = relations_of(doc)
        heads = {(r["head"].start_char, r["head"].end_char) for r in rels if r["type"] in ("HAS_VALUE", "ACHIEVED")}
        dropped = {(e.start_char, e.end_char) for e in doc.ents
                   if e.label_ == "IND" and (e.start_char, e.end_char) not in heads}
        if dropped:
            doc.ents = [e for e in doc.ents if (e.start_char, e.end_char) not in dropped]
            rels[:] = [r for r in rels if (r["tail"].start_char, r["tail"].end_char) not in dropped]
        return doc
