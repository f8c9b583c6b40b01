"""Honours named right after the verb that awards them: 摘得文华剧目奖, 首获表演类金钟奖, 入选…典型案例.

An honour that was actually obtained is ACH (guidelines §1). After 荣获 / 获评 / 摘得 / 入选 / 入围 / 跻身 the
honour runs to the clause's end and ends in a word that names one (奖, 称号, 冠军, 榜首, 示范区, 名单, 案例,
城市, 单位, 企业 …).
The tagger finds most of them; this marks the rest where it marked nothing. Not marked: an honour with a
count (获批1个国家…示范城市: D6 makes it an IND), one hoped for (力争, 争创, 有望: §1), one to be created
(获批创建…示范区), one counted before the verb (三十七项获得国家科技发明奖: an IND). On the train and dev gold
the pattern meets 81 honours, 78 of them gold ACH exactly and 3 an ACH with other edges (城市, 单位, 企业 added
17 exact and 1 other); on dev it adds honours the held-out tagger missed, all correct.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.alignment import set_entities, unmarked
from pipeline.textnorm import normalised_text

HONOUR = re.compile(
    r"(?:荣获|获评|摘得|获得|被评为|评为|入选|入围|跻身|荣膺|获)"
    r"(?![得批评])(?![0-9一二三四五六七八九十两几多创])"  # a count makes it an IND (D6); 获批创建 is no honour yet
    r"([^，。；、,;：:\n（(“”]{2,24}?(?:奖|称号|冠军|金奖|银奖|铜奖|一等奖|二等奖|榜首|示范区|示范市|示范县|示范城市"
    r"|示范基地|名单|案例|城市|单位|企业))(?=[，。；、,;和及\n]|$)"
)
_HOPED = re.compile(r"力争|争创|有望|争取|努力|积极申报|申报|创建")
_COUNTED = re.compile(r"[0-9一二三四五六七八九十百千万两多余]+[项个家所部人名件款座批位支]$")  # 三十七项获得…奖: IND


def honours(text: str) -> list[tuple[int, int]]:
    """(start, end) of each honour named right after the verb that awards it."""
    found = []
    for m in HONOUR.finditer(text):
        clause_start = max(text.rfind(p, 0, m.start()) for p in "，。；,;\n") + 1
        before = text[clause_start:m.start()]
        if not _HOPED.search(before) and not _COUNTED.search(before):
            found.append(m.span(1))
    return found


@Language.factory("govreport_honours")
def create_honours(nlp: Language, name: str) -> Honours:
    return Honours()


class Honours:
    """Marks honours as ACH where the recogniser marked nothing (after the recognisers, before the constraints)."""

    def __call__(self, doc: Doc) -> Doc:
        spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        new = unmarked(honours(normalised_text(doc)), spans)
        if new:
            set_entities(doc, [*spans, *((s, t, "ACH") for s, t in new)])
        return doc
