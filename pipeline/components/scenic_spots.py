"""Scenic spots listed before the grade they hold or seek: ``新增炳灵寺、官鹅沟、冶力关3家5A级景区``,
``推动乌拉盖九曲湾、敖鲁古雅使鹿部落创建国家5A级景区``.

A scenic spot is a place (LOC), whatever it is called: a temple, a gorge, a village, a lake. The recogniser reads
some as works (PROJ: 炳灵寺, 莫尔格勒河), runs one over two members (酒泉阳关玉门关、临夏古生物化石) or into the grade
(老牛湾黄河大峡谷5A级景区). In the train and dev gold every member of such a list is LOC (17 of 17; the grade is an
ACH where the spot obtained it, nothing where it is sought). Each member becomes one LOC: a span of the recogniser
that is a member, covers several, or runs from a member into the grade gives way; where a member joins its list with
和 after an earlier name (阿尔山国家级旅游度假区和莫尔格勒河), only the part after 和 is a member.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.clauses import clause_end, clause_start, list_items
from pipeline.components.alignment import entity_offsets, set_entities
from pipeline.textnorm import normalised_text

_MEMBER = r"[^\s，。；、：:“”‘’（）()《》,;]{2,20}"
SCENIC_LIST = re.compile(
    rf"(?P<members>(?:{_MEMBER}、)*{_MEMBER}?)(?P<grade>(?:等|[0-9一二三四五六七八九十]+[家个处])?"
    r"(?:成功创建|创建|争创|入选|晋升为?|获评)?(?:国家)?[345]A级(?:旅游)?景区)"
)
# what opens the clause before the first member (新增|炳灵寺, 推动|乌拉盖九曲湾), and an earlier name joined by 和
_OPENER = re.compile(r"新增|推动|推进|支持|加快|打造|培育|建成|创成|实现|^在|和|及")
_GRADE = re.compile(r"[345]A级")
# a grade sought with no spot named (推动创建更多5A级旅游景区, 新增一批…和5A级景区)
_NO_SPOT = re.compile(r"更多|一批")


def scenic_spot_lists(text: str) -> list[tuple[list[tuple[int, int]], int]]:
    """Each list of scenic spots before a grade of scenic spot (5A级景区): its members' (start, end) and where its
    grade ends. A list with a member under three characters is left (中共一大、二大、四大纪念馆景区 share one head)."""
    found = []
    done = -1
    # the list is read from the clause of each grade only: searched over the whole text, the pattern would try a
    # list at every character (2 % of the pipeline's time)
    for grade in _GRADE.finditer(text):
        start = clause_start(text, grade.start())
        if start <= done:
            continue
        for m in SCENIC_LIST.finditer(text, start, clause_end(text, grade.end())):
            members = list_items(m.start("members"), m.group("members"), _OPENER)
            if members and all(b - a >= 3 and not _NO_SPOT.search(text, a, b) for a, b in members):
                found.append((members, m.end("grade")))
        done = start
    return found


@Language.factory("govreport_scenic_spots")
def create_scenic_spots(nlp: Language, name: str) -> ScenicSpots:
    return ScenicSpots()


class ScenicSpots:
    """Makes each scenic spot of a list before its grade one LOC (after the recognisers, before the constraints)."""

    def __call__(self, doc: Doc) -> Doc:
        lists = scenic_spot_lists(normalised_text(doc))
        if not lists:
            return doc

        def gives_way(start: int, end: int) -> bool:
            # a span over one spot or several, or from a spot into its grade (老牛湾黄河大峡谷5A级景区), inside the list
            return any(members[0][0] <= start and end <= grade_end and any(a < end and start < b for a, b in members)
                       for members, grade_end in lists)

        kept = [(a, b, label) for a, b, label in entity_offsets(doc) if not gives_way(a, b)]
        spots = [span for members, _ in lists for span in members]
        set_entities(doc, [*kept, *((a, b, "LOC") for a, b in spots if not any(s < b and a < t for s, t, _ in kept))])
        return doc
