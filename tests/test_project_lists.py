"""Projects named in a list the text calls projects (pipeline.components.project_lists), on real report text."""

import spacy

from pipeline.components.alignment import set_entities
from pipeline.components.project_lists import WORKS_LIST, ProjectLists, project_list_members


def members(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in found] for found in project_list_members(text)]


def marked(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    doc = spacy.blank("zh")(text)
    set_entities(doc, [(text.index(name), text.index(name) + len(name), label) for name, label in spans])
    return [(e.text, e.label_) for e in ProjectLists()(doc).ents]


def test_the_members_of_a_list_closed_by_projects():
    # province-shanxi-2026: the verb before the first member stays outside
    got = members("建成雄忻高铁、武宿机场三期改扩建、骨干水网等重点项目")
    assert got == [["雄忻高铁", "武宿机场三期改扩建", "骨干水网"]]
    # national-state-council-2010: a counted list names kinds of project
    assert members("支持重点节能工程、循环经济等项目2983个") == []


def test_unmarked_members_beside_a_marked_project_become_projects():
    # province-guangxi-2026: one member marked, one holding a mark; a number and a place inside a name give way
    text = "黔桂铁路增建二线、防城港30万吨级进港航道一期、龙滩水电站1000吨级通航设施、邕北灌区等项目顺利开工"
    got = marked(text, [("黔桂铁路", "PROJ"), ("防城港", "LOC"), ("30万吨", "FIG"), ("邕北灌区", "PROJ")])
    assert got == [("黔桂铁路", "PROJ"), ("防城港30万吨级进港航道一期", "PROJ"), ("龙滩水电站1000吨级通航设施", "PROJ"),
                   ("邕北灌区", "PROJ")]


def test_a_list_with_no_marked_project_is_left():
    text = "加快交通、水利等重大项目建设"  # made up: kinds, nothing marked
    assert marked(text, []) == []


def test_works_named_by_their_places_before_the_kind_of_works_they_are():
    # province-henan-2026, province-yunnan-2026, province-liaoning-2026
    text = "实施赵口、陆浑、渠村等灌区现代化改造"
    assert marked(text, [("陆浑", "LOC")]) == [("赵口", "PROJ"), ("陆浑", "PROJ"), ("渠村", "PROJ")]
    # one span over the whole list is its members
    assert marked(text, [("赵口、陆浑、渠村", "PROJ")]) == [("赵口", "PROJ"), ("陆浑", "PROJ"), ("渠村", "PROJ")]
    text = "新昆楚大、临清等40条高速公路相继开通"
    assert marked(text, [("临清", "LOC")]) == [("新昆楚大", "PROJ"), ("临清", "PROJ")]
    text = "沈白高铁和京哈改扩建、本桓宽、凌绥、台黑4条高速提前建成通车"
    assert [name for name, _ in marked(text, [])] == ["沈白高铁", "京哈改扩建", "本桓宽", "凌绥", "台黑"]
    # national-state-council-1958: a member with the place it lies in is left
    text = "浙江的新安江和百丈祭、云南的以礼河、辽宁的桓仁和大伙房、湖南的柘溪等水电站"
    assert len(project_list_members(text, WORKS_LIST)[0]) == 4
    assert marked(text, []) == []
