"""Scenic spots listed before their grade are places (pipeline.components.scenic_spots), on real report text."""

from pipeline.base import blank
from pipeline.components.alignment import set_entities
from pipeline.components.scenic_spots import ScenicSpots, scenic_spot_lists
from pipeline.paths import SEGMENTER_MODEL

SEGMENTER = blank(SEGMENTER_MODEL)


def spots(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in members] for members, _ in scenic_spot_lists(text)]


def test_the_spots_of_a_list_before_their_grade():
    # province-gansu-2026, province-inner-mongolia-2026 (the name before 和 is no member), province-guangdong-2026
    assert spots("新增炳灵寺、官鹅沟、冶力关3家5A级景区。") == [["炳灵寺", "官鹅沟", "冶力关"]]
    text = "阿尔山国家级旅游度假区和莫尔格勒河、老牛湾黄河大峡谷5A级景区获批"
    assert spots(text) == [["莫尔格勒河", "老牛湾黄河大峡谷"]]
    assert spots("河源万绿湖入选国家5A级景区") == [["河源万绿湖"]]
    # a grade sought with no spot named (province-fujian-2026, province-hainan-2026), a shared head
    # (province-shanghai-2024)
    assert spots("推动创建更多5A级旅游景区") == []
    assert spots("大力培育5A级旅游景区") == []
    assert spots("中共一大、二大、四大纪念馆景区成功创建国家5A级景区") == []


def test_the_recognisers_spans_give_way_to_one_place_per_spot():
    # province-gansu-2026, province-inner-mongolia-2026
    text = "推动酒泉阳关玉门关、临夏古生物化石、张掖马蹄石窟群创建5A级景区。"
    doc = SEGMENTER.make_doc(text)
    merged = text.index("酒泉")
    last = text.index("张掖")
    set_entities(doc, [(merged, text.index("、张掖"), "PROJ"), (last, last + 7, "PROJ")])
    assert [(e.text, e.label_) for e in ScenicSpots()(doc).ents] == [
        ("酒泉阳关玉门关", "LOC"), ("临夏古生物化石", "LOC"), ("张掖马蹄石窟群", "LOC")]
    text = "阿尔山国家级旅游度假区和莫尔格勒河、老牛湾黄河大峡谷5A级景区获批"
    doc = SEGMENTER.make_doc(text)
    into_grade = text.index("老牛湾")
    set_entities(doc, [(0, 11, "LOC"), (into_grade, text.index("获批"), "PROJ")])
    assert [(e.text, e.label_) for e in ScenicSpots()(doc).ents] == [
        ("阿尔山国家级旅游度假区", "LOC"), ("莫尔格勒河", "LOC"), ("老牛湾黄河大峡谷", "LOC")]
