"""Events named after their edition: 第十三届省艺术节, 第八届少数民族文艺会演, 首届全国青少年田径运动会; and the
nationwide campaigns the reports of the 1950s–60s name without a head word (抗美援朝, “三反”“五反”, 整风).

An edition (第N届, 首届) is followed by the event's name, which D12 keeps without it. In the train and dev gold
such a name ending in an event word (…会, …节, …赛, …周, 论坛, 峰会, 会演) is PROJ 109 times; the exceptions are
bodies (第四届全国人民代表大会, …全国委员会: ORG), which the rule leaves. The recogniser misses some of them in reports
it has not seen (办好第十三届省艺术节, 成功举办贵州省第八届少数民族文艺会演 in the held-out provincial reports): they
are marked where nothing overlaps them but a place or organisation inside (东盟 in 中国—东盟视听周).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.alignment import mark_unmarked
from pipeline.textnorm import normalised_text

_EDITION = r"(?:第[一二三四五六七八九十百0-9]+|首)届"
_EVENT_WORD = r"(?:大会|博览会|运动会|艺术节|文化节|电影节|论坛|峰会|会演|大赛|交易会|洽谈会|博会|节|赛|周|会)"
EDITED_EVENT = re.compile(
    rf"{_EDITION}(?P<name>[\u4e00-\u9fff—·“”]{{2,16}}?{_EVENT_WORD})(?=[^\u4e00-\u9fff]|[暨和及期上在于等]|$)")
# congresses, committees and party meetings are bodies or sessions, not events (ORG or nothing)
_NOT_AN_EVENT = re.compile(r"代表大会|委员会|全会|党代会|等")


def edited_events(text: str) -> list[tuple[int, int]]:
    """(start, end) of each event name that follows its edition."""
    found = []
    for m in EDITED_EVENT.finditer(text):
        name = m.group("name")
        if _NOT_AN_EVENT.search(name) or name.count("“") != name.count("”"):
            continue
        found.append(m.span("name"))
    return found


# The nationwide campaigns of the early People's Republic, which the State Council's reports name without a head word
# and the gold marks as programmes (PROJ): in the train and dev gold 抗美援朝 5 of 6, 三反 / 五反 / 三反五反 6 of 6,
# 镇压反革命 and 肃清反革命 4 of 5, 整风 26 of 26, 增产节约运动 6 of 6, 反右派斗争 6 of 6, 社会主义教育运动 10 of 10,
# 爱国卫生运动 24 of 24, 思想改造运动 all, 土地改革 5 of 5 (gold v1.13; 土地改革法 is a law); a bare 思想改造 (8 of 11)
# goes both ways and is left, as are the periods the gold never marks (大跃进, 文化大革命). On eight national reports of
# 1955–1998 held out of a tagger's fit this marks 21 the tagger left, all gold PROJ (PROJ 0.653 → 0.762).
# (抗美援朝战争 is the war)
CAMPAIGN = re.compile(r"(?:抗美援朝|三反五反|三反|五反|镇压反革命|肃[清淸]反革命|整风|增产节约|反右派|社会主义教育"
                      r"|爱国卫生|思想改造(?=运动)|土地改革(?!法))(?:运动|斗争)?(?!战争|活动|分子)")
_CAMPAIGN_NEEDS_HEAD = frozenset({"增产节约", "反右派", "社会主义教育", "爱国卫生"})  # a word without its head


def campaigns(text: str) -> list[tuple[int, int]]:
    """(start, end) of each campaign of the early People's Republic named in `text`."""
    return [m.span() for m in CAMPAIGN.finditer(text) if m.group() not in _CAMPAIGN_NEEDS_HEAD]


@Language.factory("govreport_events")
def create_events(nlp: Language, name: str) -> Events:
    return Events()


class Events:
    """Marks event names that follow their edition, and the early campaigns, as PROJ where the recogniser marked
    nothing on them (after the recognisers, before the constraints)."""

    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        doc = mark_unmarked(doc, edited_events(text), "PROJ", may_cover=frozenset({"LOC", "ORG"}))
        return mark_unmarked(doc, campaigns(text), "PROJ")
