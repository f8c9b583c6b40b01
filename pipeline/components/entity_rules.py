"""Rule-based entity recogniser (the baseline): places from the gazetteer, organisations, enterprises
and projects from name patterns. The trained `ner` replaces it; both write `doc.ents`.

Why rules at all: they need no training data, they document what the labels mean, and they are the
floor the trained model must beat (`--model rules`).
"""

from __future__ import annotations

import re
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.components.alignment import char_spans
from pipeline.gazetteer import Gazetteer
from pipeline.textnorm import normalised_text

_CJK = "\u4e00-\u9fff"
# Characters that end a name when scanning leftwards from a suffix: function words and verbs that
# commonly precede names in reports, and punctuation in both forms (the rules read normalised text).
_LEFT_STOP = set("的在和与及等了是为对向把被由以将使让从到、，。；：,;:“”（）() 0123456789%")
_LEFT_STOP_WORDS = ("推动", "支持", "建设", "实施", "开展", "推进", "加快", "完成", "启动", "打造", "培育", "引进",
                    "组建", "成立", "设立", "举办", "新建", "建成", "全面", "深入", "大力", "积极", "扎实", "持续",
                    "加强", "落实", "发挥", "依托", "围绕", "通过", "其中", "全国", "全省", "全市", "全区", "代表",
                    "各位", "并请", "获评", "入选", "入围", "获批", "荣获", "获得", "率先", "实现")

ORG_NAMES = ("国务院", "党中央", "中共中央", "全国人大", "全国政协", "全国人大常委会", "中央军委", "人民银行",
             "中央电视台", "最高人民法院", "最高人民检察院", "解放军", "人民解放军", "武警部队", "联合国", "世贸组织")
_ADMIN = "[省市区县州镇乡]"
ORG_SHORT = re.compile(f"(?<![{_CJK}]){_ADMIN}(?:委|人大|政协|政府|人民政府|纪委监委|人大常委会)(?![{_CJK}])")
ORG_SUFFIX = re.compile(
    "(?:人民代表大会(?:常务委员会)?|人民政府|人大常委会|委员会|政协|法院|检察院|公安局|管理局|监督局|局|厅|办公室|"
    "大学|学院|学校|中学|小学|幼儿园|医院|卫生院|研究院|研究所|实验室|服务中心|中心|协会|商会|联合会|电视台|"
    "报社|检查组|督察组|工作组|银行|基金会|图书馆|博物馆|纪念馆|科学院|工程院)"
)
ENT_SUFFIX = re.compile("(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团|股份)")
PROJ_SUFFIX = re.compile(
    "(?:产业园|工业园|科技园|物流园|园区|大桥|特大桥|公园|广场|高速公路|高速|铁路|高铁|机场|水库|隧道|枢纽|"
    "新城|综合体|产业集群|集群)"
)
PROJ_QUOTED = re.compile("“([^“”]{2,20}?(?:行动|工程|计划|活动|年|攻坚战|专项行动))”")
PROJ_BARE = re.compile(f"[{_CJK}]{{2,12}}?(?:专项行动|行动|工程)")
ZONE_SUFFIX = re.compile(
    "(?:经济技术开发区|高新技术产业开发区|开发区|高新区|经开区|新区|自贸试验区|自由贸易试验区|示范区)"
)


def _left_extend(text: str, end_of_prefix: int, max_len: int) -> int:
    """Start of a name whose suffix starts at `end_of_prefix`: scan left over name characters."""
    start = end_of_prefix
    while start > 0 and end_of_prefix - start < max_len and text[start - 1] not in _LEFT_STOP:
        if not re.match(f"[{_CJK}A-Za-z·]", text[start - 1]):
            break
        start -= 1
    for word in _LEFT_STOP_WORDS:
        idx = text.rfind(word, start, end_of_prefix)
        if idx >= 0:
            start = max(start, idx + len(word))
    return start


def find_entities(text: str, places: Gazetteer) -> list[tuple[int, int, str]]:
    """Candidate (start, end, label) spans in normalised text, possibly overlapping."""
    spans: list[tuple[int, int, str]] = []
    loc = places.find(text)
    for s, e in loc:
        zone = ZONE_SUFFIX.match(text, e)
        spans.append((s, zone.end() if zone else e, "LOC"))
    for m in ZONE_SUFFIX.finditer(text):
        s = _left_extend(text, m.start(), 6)
        if s < m.start():
            spans.append((s, m.end(), "LOC"))
    for name in ORG_NAMES:
        for m in re.finditer(re.escape(name), text):
            spans.append((m.start(), m.end(), "ORG"))
    for m in ORG_SHORT.finditer(text):
        spans.append((m.start(), m.end(), "ORG"))
    for pattern, label, max_len in ((ORG_SUFFIX, "ORG", 12), (ENT_SUFFIX, "ENT", 10), (PROJ_SUFFIX, "PROJ", 10)):
        for m in pattern.finditer(text):
            s = _left_extend(text, m.start(), max_len)
            if m.start() - s >= 2:
                spans.append((s, m.end(), label))
    for m in PROJ_QUOTED.finditer(text):
        spans.append((m.start(1), m.end(1), "PROJ"))
    for m in PROJ_BARE.finditer(text):
        s = _left_extend(text, m.end() - 2, 10)
        if m.end() - s >= 4 and text[s - 1:s] != "“":
            spans.append((s, m.end(), "PROJ"))
    return spans


@Language.factory("govreport_entity_rules", default_config={"places_path": None})
def create_entity_rules(nlp: Language, name: str, places_path: str | None) -> EntityRules:
    return EntityRules(places_path)


class EntityRules:
    """Sets ORG/ENT/PROJ/LOC in `doc.ents`; the longest span wins where candidates overlap."""

    def __init__(self, places_path: str | None) -> None:
        default = Path(__file__).resolve().parents[2] / "models" / "rules" / "places.tsv"
        path = Path(places_path) if places_path else default
        self.places = Gazetteer.from_file(path) if path.exists() else Gazetteer(set())

    def __call__(self, doc: Doc) -> Doc:
        candidates = find_entities(normalised_text(doc), self.places)
        spans = char_spans(doc, candidates)
        doc.ents = filter_spans([*doc.ents, *spans])
        return doc
