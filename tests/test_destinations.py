"""Places named as a destination (pipeline.components.destinations), on real report text."""

from pipeline.components.destinations import compatriots_from, destinations
from pipeline.divisions import division_names

DIVISIONS = division_names()


def found(text: str) -> list[str]:
    return [text[s:e] for s, e in destinations(text, DIVISIONS)]


def test_a_place_settled_in_or_a_province_short_name_acted_in():
    # province-anhui-2026, province-fujian-2026, province-guizhou-2026
    assert found("国际深空探测学会总部落户合肥。") == ["合肥"]
    assert found("年度A股、港股最大IPO项目双双花落福建。") == ["福建"]
    assert found("优化台胞在闽求学研习、实习就业等制度安排") == ["闽"]
    assert found("推动国产大飞机配套产业在黔延伸布局") == ["黔"]
    # province-liaoning-2026: what first appeared there
    assert found("歼-35系列新型战机等大国重器在辽问世") == ["辽"]
    # province-guangdong-2026: working and producing there
    assert found("4386万名异地务工人员在粤稳定就业。") == ["粤"]
    assert found("鼓励企业扩大在粤生产产能产量") == ["粤"]


def test_beijing_and_tianjin_as_one_partner():
    # province-hebei-2026
    assert found("在对接京津、服务京津中加快发展自己") == ["京津", "京津"]
    assert found("推动京津冀协同发展") == []


def test_words_that_look_like_places_are_left():
    # province-shanghai-2022: 新城 (a district name elsewhere) is the new towns; province-hebei-2026: 进京入津
    assert found("62家研发中心签约落户新城。") == []
    assert found("持续推进“河北净菜”进京入津。") == []
    assert found("在新时代新征程上") == []  # made up


def test_the_places_compatriots_come_from():
    def found(text):
        return [text[s:e] for s, e in compatriots_from(text)]

    # province-henan-2026, national-state-council-1997; a title is left (national-state-council-1979)
    assert found("向关心支持河南发展的港澳台同胞、海外侨胞、国际友人，表示衷心感谢") == ["港澳台"]
    assert found("都将遭到包括台湾同胞和港澳同胞、海外侨胞在内的全体中国人民的坚决反对") == ["台湾", "港澳"]
    assert found("全国人民代表大会常务委员会的《告台湾同胞书》，宣告了我们对台湾归回祖国的大政方针") == []


def test_the_recogniser_s_part_of_the_place_gives_way():
    from pipeline.base import blank
    from pipeline.components.alignment import set_entities
    from pipeline.components.destinations import Destinations
    from pipeline.paths import SEGMENTER_MODEL

    # province-fujian-2026: the recogniser read 港澳 inside 台港澳
    text = "向长期关心支持福建高质量发展的台港澳同胞、海外侨胞和国际友人，表示衷心感谢"
    doc = blank(SEGMENTER_MODEL).make_doc(text)
    at = text.index("港澳")
    set_entities(doc, [(at, at + 2, "LOC")])
    assert [(e.text, e.label_) for e in Destinations()(doc).ents if e.text.endswith("港澳")] == [("台港澳", "LOC")]
