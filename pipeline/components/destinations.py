"""Places named as where something goes or settles: 总部落户合肥, IPO项目花落福建, 清洁电力入黔, 配套产业在黔延伸布局.

Reports it has not seen name their own province by its one-character short name (黔, 闽) or as the goal of 落户 /
花落, and the recogniser, which learnt the province names mostly as modifiers (D9), leaves them. In the train and
dev gold a division name right after 落户 / 花落 / 扎根 / 回归 and before a clause break is LOC 17 times and never
anything else (districts named like words, 落户新城, are left); a province's short name after 在 / 来 / 赴 and before
a verb of doing or settling there (在黔延伸, 在闽求学) is LOC, inside a longer span where it is not (which the rule
leaves: it marks only where nothing is marked); 新 and 京, the short names that start common words, are left, and
so is 入 (入黔 LOC, 外电入豫 and 进京入津 unmarked).

And the places compatriots come from (港澳台同胞, 台港澳同胞, 港澳同胞, 台湾同胞; not in a title, 《告台湾同胞书》): a
place before 同胞 is LOC in the gold (v1.8), as 台湾同胞 (71 of 76) and 港澳同胞 (17 of 19) mostly were; the
recogniser marks 港澳台 in the thanks that end every provincial report now and then, as the gold did before v1.8.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.clauses import in_title
from pipeline.components.alignment import mark_unmarked
from pipeline.divisions import division_names, is_division, short_names_except
from pipeline.textnorm import normalised_text

_SETTLED_IN = re.compile(r"(?:落户|花落|扎根|回归)(?P<place>[\u4e00-\u9fff]{2,3})(?=[，。；、,;]|$)")
_SHORT_NAMES = short_names_except("京新贵云港澳台")  # 京, 新 start common words; 贵, 云: 黔, 滇 are used
_IN_SHORT = re.compile(
    rf"(?:在|来|赴)(?P<place>[{_SHORT_NAMES}])"
    r"(?=$|[，。；,;]|(?:延伸|求学|投资|发展|就业|稳定就业|生产|落地|布局|创业|举办|转化|工作|生活|考察|视察|调研|设立|兴业|置业|落户|"
    r"安家|旅游|消费|问世|诞生))")
# 对接京津、服务京津, 携手京津: Beijing and Tianjin as one partner (gold: LOC 6, unmarked once; 京津冀 is the region)
_BEIJING_TIANJIN = re.compile(r"京津(?!冀)")
_COMPATRIOTS_FROM = re.compile(r"(?:港澳台|台港澳|港澳|台湾|(?:香港|澳门)(?:特别行政区)?)(?=同胞)")
_SUFFIXES = "省市县州盟"  # not 区 or 旗: district names are often words (新城, 安居)


def destinations(text: str, divisions: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each place named as a destination."""
    found = [m.span("place") for m in _IN_SHORT.finditer(text)] + [m.span() for m in _BEIJING_TIANJIN.finditer(text)]
    for m in _SETTLED_IN.finditer(text):
        if is_division(m.group("place"), divisions, _SUFFIXES):
            found.append(m.span("place"))
    return sorted(found)


def compatriots_from(text: str) -> list[tuple[int, int]]:
    """(start, end) of each place compatriots come from (港澳台同胞), not in a title."""
    return [m.span() for m in _COMPATRIOTS_FROM.finditer(text) if not in_title(text, m.start(), 30)]


@Language.factory("govreport_destinations")
def create_destinations(nlp: Language, name: str) -> Destinations:
    return Destinations()


class Destinations:
    """Marks places named as a destination, and the places compatriots come from, as LOC where the recogniser
    marked nothing there (after the recognisers, before the constraints)."""

    def __init__(self) -> None:
        self.divisions = division_names()

    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        doc = mark_unmarked(doc, destinations(text, self.divisions), "LOC")
        # the recogniser's 港澳 inside 台港澳 gives way to the whole place
        return mark_unmarked(doc, compatriots_from(text), "LOC", may_cover=frozenset({"LOC"}))
