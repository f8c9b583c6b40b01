"""Projects named in a list the text itself calls projects: ``黔桂铁路增建二线、防城港30万吨级进港航道一期、龙滩水电站
1000吨级通航设施、邕北灌区等项目顺利开工``.

The recogniser marks some members of such a list and leaves others, mostly long names with numbers in them or
short ones without a works head (骨干水网, 功率半导体器件). A list closed by 等 (a count) … 项目 whose members are
not yet marked is a list of kinds as often as of names (交通、水利等重大项目); once the recogniser has marked one
member PROJ it is a list of names. In the train gold such lists hold 203 PROJ members, 5 unmarked ones (kinds among
names: 水利枢纽、干线公路 beside 青藏铁路) and 27 members whose span is longer or shorter than the member. Each
unmarked member of a list with a member that is or holds a PROJ becomes PROJ, unless the list is counted
(重点节能工程、循环经济等项目2983个: kinds of project): on held-out dev 4 more PROJ, all right, on the eight
provincial reports held out of a tagger's fit 1, right.

Works named by their places and listed before the kind of works they are (赵口、陆浑、渠村等灌区; 新昆楚大、临清等40条
高速公路; 秦皇岛、营口、宁波、湛江等港) are PROJ whatever the recogniser marked, its LOC on a member relabelled: the
recogniser reads such a member as the place (临清, 凌绥, 营口). In the train gold every member of such a list that
is a span is PROJ (40), none LOC; members with the place they lie in (浙江的新安江和百丈祭) hold both a LOC and a PROJ
and are left. Held out: dev 3 PROJ added, the provincial set 3 LOC made PROJ, all right.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.clauses import conjuncts, list_items
from pipeline.components.alignment import entity_offsets, mark_unmarked, set_entities
from pipeline.textnorm import normalised_text

_MEMBER = r"[^\s，。；、：:“”‘’（）()《》,;]{2,20}"
PROJECT_LIST = re.compile(
    rf"(?P<members>(?:{_MEMBER}、)+{_MEMBER})等(?:[0-9一二三四五六七八九十百]+[个项批])?[^，。；,;\n]{{0,6}}?项目"
    r"(?![0-9０-９一二三四五六七八九十百千]+个)"  # 重点节能工程、循环经济等项目2983个: kinds of project counted
)
_WORKS_MEMBER = r"[^\s，。；、：:“”‘’（）()《》,;等]{2,20}"
# 赵口、陆浑、渠村等灌区, 凌绥、台黑4条高速, 秦皇岛、营口、宁波、湛江等港: works named by their places, listed before
# the kind of works they are
WORKS_LIST = re.compile(
    rf"(?P<members>(?:{_WORKS_MEMBER}、)+{_WORKS_MEMBER})"
    r"(?:等(?:[0-9一二三四五六七八九十]+[条个座处])?|[0-9一二三四五六七八九十]+条)"
    r"(?:大中型|重点|大型|重大)?"
    r"(?:高速公路|高速|铁路|港口?|灌区|水库|机场|水电站|电站|枢纽|港区|大桥)(?![\u4e00-\u9fff]{0,2}城市)"
)
# the verb that opens the clause before the first member (推进众擎机器人全球生产制造中心、…): the member starts
# after it; so does 在 at its start before a name of two characters or more (在大连、秦皇岛、…等十五个港口)
_LEADING_VERB = re.compile(r"开工建设|加快建设|加快推进|推进|加快|建成|开工|实施|建设|完成|启动|支持|推动|续建|新建"
                           r"|争取|保证|^在(?=..)")


def project_list_members(text: str, lists: re.Pattern = PROJECT_LIST) -> list[list[tuple[int, int]]]:
    """(start, end) of the members of each list closed by 等…项目 (or by the kind of works of `lists`), one list of
    members per list."""
    return [list_items(m.start("members"), m.group("members"), _LEADING_VERB) for m in lists.finditer(text)]


def _parts_joined_by_he(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(a, b) for a, b in conjuncts(start, text[start:end].split("和")) if b - a >= 2]


def _covers_members(start: int, end: int, members: set[tuple[int, int]]) -> bool:
    """Whether the span runs over two members or more of a list and over nothing outside the list's members and
    their separators."""
    inside = sorted(m for m in members if start <= m[0] and m[1] <= end)
    return len(inside) >= 2 and inside[0][0] == start and inside[-1][1] == end


@Language.factory("govreport_project_lists")
def create_project_lists(nlp: Language, name: str) -> ProjectLists:
    return ProjectLists()


class ProjectLists:
    """Marks the unmarked members of a project list as PROJ where the recogniser marked another member PROJ
    (after the recognisers, before the constraints)."""

    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        projects = [(a, b) for a, b, label in entity_offsets(doc) if label == "PROJ"]
        # a member that is, or holds, a PROJ of the recogniser (黔桂铁路 in 黔桂铁路增建二线) shows the list names works
        found = [span for members in project_list_members(text)
                 if any(s <= a and b <= e for s, e in members for a, b in projects) for span in members]
        # the kind of works after 等 says it by itself; a member joining two names with 和 is two
        # (沈白高铁和京哈改扩建), one with the place it lies in is left (浙江的新安江和百丈祭)
        works = {part for members in project_list_members(text, WORKS_LIST) for span in members
                 if "的" not in text[span[0]:span[1]] for part in _parts_joined_by_he(text, *span)}
        # one span over several members (赵口、陆浑、渠村 before 等灌区) is those members, each its own PROJ
        spans = entity_offsets(doc)
        merged = {(a, b) for a, b, _ in spans if _covers_members(a, b, works)}
        if merged or any((a, b) in works and label == "LOC" for a, b, label in spans):
            set_entities(doc, [(a, b, "PROJ" if (a, b) in works else label) for a, b, label in spans
                               if (a, b) not in merged])
        found += sorted(works)
        # a number or a place inside the name gives way (防城港30万吨级进港航道一期: numbers inside names are no FIG)
        return mark_unmarked(doc, found, "PROJ", may_cover=frozenset({"FIG", "LOC"})) if found else doc
