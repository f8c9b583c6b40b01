"""Rule-based indicator and achievement finder and relation linker (the baseline).

For each FIG it finds the indicator phrase in the same clause and links IND → FIG (HAS_VALUE);
for each achievement verb (获评, 入选 …) it takes the phrase after it as ACH and links the nearest
named span or indicator before it (ACHIEVED). The trained relation classifier replaces the linking.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.components.alignment import char_spans
from pipeline.components.extensions import relations_of
from pipeline.figures import find_figures
from pipeline.figures.normalise import CHANGE_WORDS
from pipeline.textnorm import normalised_text

_CLAUSE_BREAK = re.compile(r"[，。；：、,;:！？!?\n（）()]")
_CHANGE = re.compile("|".join(sorted(CHANGE_WORDS, key=len, reverse=True)))
# Words that open or close a clause around the indicator but are not part of it.
_LEADING = re.compile(
    r"^(?:(?:预计|全年|今年|去年|上年|其中|全市|全省|全区|全县|全国|累计|共|力争|实现|完成|推动|带动|确保|使|"
    r"我国|我市|我省|我区|主要|各类|新|年均|同比|比上年|比去年)+)"
)
_TRAILING = re.compile(r"(?:同比|分别|年均|比上年|比去年|较上年|均|总计|合计|累计|共|已|达|为|了|都|也|将)+$")
ACH_TRIGGER = re.compile("获评|入选|上榜|获批|入围|荣获|被评为|被命名为|被确定为|列入|跻身|稳居|位居|获得|获")
_ACH_END = re.compile(r"[，。；、,;\n（(]|等")
_HEAD_LABELS = ("ORG", "ENT", "PROJ", "LOC")


def _clause_start(text: str, pos: int, floor: int) -> int:
    start = floor
    for m in _CLAUSE_BREAK.finditer(text, floor, pos):
        start = m.end()
    return start


def _indicator_before(text: str, clause_start: int, fig_start: int) -> tuple[int, int] | None:
    """The indicator phrase of a figure, looking left inside its clause."""
    segment = text[clause_start:fig_start]
    changes = list(_CHANGE.finditer(segment))
    if changes:
        last = changes[-1]
        between = segment[last.end():].strip()
        if len(between) >= 2:  # 新增“四上”企业29家: the indicator sits between verb and figure
            s = clause_start + last.end() + (len(segment[last.end():]) - len(segment[last.end():].lstrip()))
            return s, fig_start
        segment = segment[:last.start()]
    trimmed = _TRAILING.sub("", segment)
    lead = _LEADING.match(trimmed)
    offset = lead.end() if lead else 0
    phrase = trimmed[offset:]
    if not 2 <= len(phrase) <= 16:
        return None
    return clause_start + offset, clause_start + len(trimmed)


def _indicator_after(text: str, fig_end: int) -> tuple[int, int] | None:
    """`24个重点项目`: a classifier figure followed directly by the counted noun."""
    m = re.match(r"[\u4e00-\u9fff“”]{2,8}?(?=[，。；、,;和与及等签开建完实被获在全已顺]|$)", text[fig_end:fig_end + 9])
    if not m or len(m.group()) < 2:
        return None
    return fig_end, fig_end + len(m.group())


@Language.factory("govreport_relation_rules")
def create_relation_rules(nlp: Language, name: str) -> RelationRules:
    return RelationRules()


class RelationRules:
    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        ents = list(doc.ents)
        taken = [(e.start_char, e.end_char) for e in ents]

        def free(s: int, e: int) -> bool:
            return s < e and not any(a < e and s < b for a, b in taken)

        new: list[tuple[int, int, str]] = []
        pairs: list[tuple[tuple[int, int], tuple[int, int], str]] = []
        for fig in (e for e in ents if e.label_ == "FIG"):
            sent_start = fig.sent.start_char if doc.has_annotation("SENT_START") else 0
            clause = _clause_start(text, fig.start_char, sent_start)
            ind = _indicator_before(text, clause, fig.start_char)
            unit = next((m.unit for m in find_figures(text[fig.start_char:fig.end_char])), "")
            if ind is None and unit in ("个", "家", "项", "所", "件", "条", "座", "户", "名", "人"):
                ind = _indicator_after(text, fig.end_char)
            if ind and free(*ind):
                new.append((*ind, "IND"))
                taken.append(ind)
                pairs.append((ind, (fig.start_char, fig.end_char), "HAS_VALUE"))
            elif ind:
                head = next((e for e in ents if (e.start_char, e.end_char) == ind), None)
                if head is not None and head.label_ in _HEAD_LABELS:
                    pairs.append((ind, (fig.start_char, fig.end_char), "HAS_VALUE"))
        for m in ACH_TRIGGER.finditer(text):
            end_m = _ACH_END.search(text, m.end(), m.end() + 40)
            a_end = end_m.start() if end_m else min(len(text), m.end() + 20)
            a_start = m.end()
            if text[a_start:a_start + 1] in ("了", "“") and a_end - a_start > 3:
                a_start += 1 if text[a_start] == "了" else 0
            if not (3 <= a_end - a_start <= 30) or not free(a_start, a_end):
                continue
            new.append((a_start, a_end, "ACH"))
            taken.append((a_start, a_end))
            clause = _clause_start(text, m.start(), 0)
            heads = [e for e in ents if e.label_ in (*_HEAD_LABELS, "IND") and clause <= e.start_char < m.start()]
            if heads:
                pairs.append(((heads[-1].start_char, heads[-1].end_char), (a_start, a_end), "ACHIEVED"))
        spans = char_spans(doc, new)  # may split tokens: spans made before this are re-made from offsets
        final = filter_spans([*(doc.char_span(e.start_char, e.end_char, label=e.label_) for e in ents), *spans])
        doc.ents = final
        by_offset: dict[tuple[int, int], Span] = {(e.start_char, e.end_char): e for e in final}
        rels = relations_of(doc)
        for head, tail, rel_type in pairs:
            if head in by_offset and tail in by_offset:
                rels.append({"head": by_offset[head], "tail": by_offset[tail], "type": rel_type, "score": 1.0})
        return doc
