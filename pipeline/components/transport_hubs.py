"""Airports and ports named by their place: 合肥机场, 江北国际机场, 三亚新机场, 黄骅港, 唐山港.

The recogniser misses a hub named by a place it reads as LOC (支持合肥机场、芜宣机场提升货运能力; 加快打造黄骅港
多功能、综合性…: three of the eight held-out provincial reports of 2026). In the train and dev gold a division name
followed by (国际)(新)机场 is PROJ 19 times and inside a longer PROJ 17 times (长乐国际机场 in 福州长乐国际机场), never
unmarked or anything else; followed by 港 it is PROJ 15 times and inside a PROJ 15 times, and LOC twice, where the
place is a city named …港 (防城港, 连云港), which the rule leaves. A hub is marked only where the recogniser marked
nothing on it but, perhaps, the place (合肥 as LOC gives way).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.alignment import mark_unmarked
from pipeline.divisions import division_ending_at, division_names, is_division
from pipeline.textnorm import normalised_text

# 港 followed by these is a harbour area, a trade or Hong Kong (港口, 港区, 港澳, 港股), not a port's name
_HUB = re.compile(r"(?:国际)?新?机场(?![\u4e00-\u9fff]?(?:集团|公司|群))|港(?![口区澳务城股资人珠航湾台])")
_SUFFIXES = "市县区州旗盟"


def transport_hubs(text: str, divisions: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of each airport or port named by a division (the longest name of 2 to 4 characters)."""
    found = []
    for m in _HUB.finditer(text):
        start = division_ending_at(text, m.start(), divisions, 4, _SUFFIXES)
        if start is None or is_division(text[start:m.end()], divisions, _SUFFIXES):
            continue  # no place before it, or a city named …港 (连云港)
        found.append((start, m.end()))
    return found


@Language.factory("govreport_transport_hubs")
def create_transport_hubs(nlp: Language, name: str) -> TransportHubs:
    return TransportHubs()


class TransportHubs:
    """Marks airports and ports named by their place as PROJ where the recogniser marked nothing there (after the
    recognisers, before the constraints)."""

    def __init__(self) -> None:
        self.divisions = division_names()

    def __call__(self, doc: Doc) -> Doc:
        hubs = transport_hubs(normalised_text(doc), self.divisions)
        return mark_unmarked(doc, hubs, "PROJ", may_cover=frozenset({"LOC"}))  # 合肥 as LOC gives way
