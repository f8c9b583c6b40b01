"""Government bodies named by their level (pipeline.components.government_bodies), on real report text."""

from pipeline.base import blank
from pipeline.components.alignment import set_entities
from pipeline.components.government_bodies import (
    GovernmentBodies,
    government_bodies,
    lead_units,
    ministries,
    production_corps,
    standing_committees,
)
from pipeline.divisions import division_names
from pipeline.paths import SEGMENTER_MODEL
from pipeline.textnorm import normalise

DIVISIONS = division_names()
SEGMENTER = blank(SEGMENTER_MODEL)


def found(text: str) -> list[str]:
    starts = {token.idx for token in SEGMENTER.make_doc(text)}
    return [text[s:e] for s, e in government_bodies(normalise(text), DIVISIONS, starts)]


def test_district_bodies_of_the_seed_report():
    # district-zhuzhou-shifeng-2023
    text = "在区委的坚强领导下，在区人大、区政协的监督支持下，团结依靠全区人民"
    assert found(text) == ["区委", "区人大", "区政协"]
    assert found("现在，我代表区人民政府向大会报告工作") == ["区人民政府"]
    # the segmenter reads 代表区/人民政府, and the body still begins after 代表
    assert found("在株洲市石峰区第三届人民代表大会第三次会议上 石峰区人民政府代区长") == ["石峰区人民政府"]


def test_the_place_and_the_party_prefix_belong_to_the_body():
    # province-shanghai-2026, province-xinjiang-2026
    assert found("在中共上海市委的坚强领导下") == ["中共上海市委"]
    assert found("我代表自治区人民政府，向大会报告工作") == ["自治区人民政府"]


def test_titles_documents_indicators_and_generic_levels_are_left():
    # province-anhui-2026, national-state-council-1983, province-guangdong-2026 …
    assert found("并请省政协委员和其他列席人员提出意见") == []
    assert found("根据《中共安徽省委关于制定国民经济和社会发展第十五个五年规划的建议》") == []
    assert found("办理市人大代表建议1081件和市政协提案948件") == []
    assert found("健全市县政府依法行政制度") == []
    assert found("社区委员会换届，园区政府服务") == []  # made-up: 区 of 社区 and 园区 is no level


def test_numbered_congresses_with_their_place_and_without_their_session():
    from pipeline.components.government_bodies import GovernmentBodies, numbered_congresses

    def congresses(text):
        return [text[s:e] for s, e in numbered_congresses(text, DIVISIONS)]

    # national-state-council-1978, province-henan-2026, province-shanghai-2026
    assert congresses("当时，毛主席、党中央就决定筹备召开四届人大，选举和决定") == ["四届人大"]
    assert congresses("——2026年1月26日在河南省第十四届人民代表大会第四次会议上") == ["河南省第十四届人民代表大会"]
    assert congresses("较好完成了市十六届人大三次会议确定的目标任务") == ["市十六届人大"]
    # the component replaces a recogniser's 人大 inside 四届人大
    text = "当时，毛主席、党中央就决定筹备召开四届人大，选举和决定"
    doc = SEGMENTER.make_doc(text)
    at = text.index("人大")
    doc.ents = [doc.char_span(at, at + 2, "ORG", alignment_mode="expand")]
    assert [(e.text, e.label_) for e in GovernmentBodies()(doc).ents] == [("四届人大", "ORG")]


def test_a_congress_at_the_very_start_of_a_text_keeps_its_offsets_inside_it():
    from pipeline.components.government_bodies import numbered_congresses

    # province-henan-2026, as a window of the report may begin: the place name starts at offset 0
    text = "河南省第十四届人民代表大会第四次会议"
    assert numbered_congresses(text, DIVISIONS) == [(0, 13)]


def test_a_body_replaces_the_shorter_name_the_recogniser_marked_inside_it():
    # district-zhuzhou-shifeng-2023: the tagger marked 人大 alone in 在区人大、区政协的监督支持下
    text = "在区委的坚强领导下，在区人大、区政协的监督支持下"
    doc = SEGMENTER.make_doc(text)
    start = text.index("人大")
    set_entities(doc, [(start, start + 2, "ORG")])
    doc = GovernmentBodies()(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("区委", "ORG"), ("区人大", "ORG"), ("区政协", "ORG")]


def test_the_state_council_and_the_politburo_acting_as_bodies():
    from pipeline.components.government_bodies import national_bodies

    def bodies(text: str) -> list[str]:
        return [text[s:e] for s, e in national_bodies(text)]

    # national-state-council-1978
    assert bodies("四月初又亲自提议并经中央政治局讨论通过") == ["中央政治局"]
    assert bodies("“四人帮”攻击国务院务虚会是“右倾翻案风风源”") == ["国务院"]
    # national-state-council-2022, -1981, -1998, province-guangxi-2026: a title, its departments, its reform, an office
    assert bodies("国务院总理李克强") == []
    assert bodies("国务院各部门将作较大的裁减或合并") == []
    assert bodies("拟定了国务院机构改革方案") == []
    assert bodies("金融惠企工作分别入选国务院减负办“服务企业在基层”") == []
    # national-state-council-1956: the state bank acting (the gold: ORG in 4 of 5 such places)
    assert bodies("在１９５６年，国家银行将增加农业贷款２２亿元") == ["国家银行"]


def test_the_armed_forces_by_name():
    from pipeline.components.government_bodies import armed_forces

    def forces(text):
        return [text[s:e] for s, e in armed_forces(text)]

    # province-anhui-2026, province-beijing-2026; the slogan of national-state-council-1978 is left
    assert forces("向驻皖人民解放军指战员、武警官兵、政法公安干警和消防救援队伍指战员") == ["人民解放军", "武警"]
    assert forces("向驻京人民解放军指战员、武警部队官兵，向所有关心支持首都建设的") == ["人民解放军", "武警部队"]
    assert forces("全国人民学解放军，解放军学全国人民。") == []


def test_the_departments_leading_a_pledge_are_bodies():
    # province-inner-mongolia-2026, its list of the year's pledges
    text = "着力解决堵车、乱收费、停车难等问题（牵头单位：交通厅、公安厅、住建厅）。"
    assert [text[s:e] for s, e in lead_units(text)] == ["交通厅", "公安厅", "住建厅"]
    assert lead_units("牵头单位：交通厅") == []  # made up: no brackets, no list of pledges


def test_the_production_and_construction_corps_acting():
    # province-xinjiang-2026, national-state-council-2009; 兵团壮大 is one of a list of goals
    text = "全力支持兵团改革发展，完善兵地深度融合。推动南疆振兴、兵团壮大等。覆盖新疆生产建设兵团边境团场"
    assert [text[s:e] for s, e in production_corps(text)] == ["兵团", "新疆生产建设兵团"]


def test_the_standing_committee_after_its_congress():
    # province-yunnan-2026: the congress and its standing committee, two bodies; national-state-council-2014: 同级人大
    # 及其常委会 is every level's, no body
    text = "决策、依法决策，更加自觉接受人大及其常委会的监督"
    assert [text[s:e] for s, e in standing_committees(text)] == ["常委会"]
    assert standing_committees("各级政府要自觉接受同级人大及其常委会的监督") == []


def test_the_ministries_by_name():
    def found(text):
        return [text[a:b] for a, b in ministries(text)]

    # national-state-council-1958, -1979: ministries of the old plans the tagger left unmarked
    assert found("冶金工业。冶金工业部有五十七个建设项目") == ["冶金工业部"]
    assert found("国务院进出口领导小组和外贸部要督促") == ["外贸部"]
    # national-state-council-1955, province-yunnan-2026: a sector's departments and a minister's title are no body
    assert found("农业、林业和水利部门为三十二") == []
    assert found("上海合作组织成员国农业部长会议") == []
