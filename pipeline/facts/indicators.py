"""Canonical indicators: the curated table `models/indicators.tsv` and matching an IND's text to it.

Matching, in order: the text or one of its aliases exactly (after the length-preserving normalisation
and without spaces); the same after dropping the scope the text names first (全省, 市, 国家, 全年 …) and a
growth word it ends with (年均增速, 增幅 …: a growth figure belongs to its measure's row). An IND that
matches nothing keeps its text and gets no id. A similarity fallback was measured and left out: on dev,
character-bigram Dice ≥ 0.8 linked 22 indicators of which 11 were wrong (重工业总产值 → 工业总产值,
固定资产投资率 → 固定资产投资), see `docs/facts.md`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.paths import MODELS_DIR
from pipeline.textnorm import normalise

INDICATORS = MODELS_DIR / "indicators.tsv"
_PREFIX = re.compile(r"^(?:(?:全|我|本)?(?:国|省|市|区|县|自治区)|国家|全部|全年|今年|去年|当年)(?:级)?")
_GROWTH = re.compile(r"(?:年均)?(?:增速|增幅|增长率|增长速度|增长)$")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    unit_family: str
    aliases: tuple[str, ...]


def _key(text: str) -> str:
    return _SPACE.sub("", normalise(text))


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)} or {text}


def dice(a: str, b: str) -> float:
    """Character-bigram Dice similarity of two strings (1.0 for equal strings)."""
    x, y = _bigrams(a), _bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y))


class IndicatorTable:
    def __init__(self, indicators: list[Indicator]) -> None:
        self.indicators = {ind.id: ind for ind in indicators}
        self.by_name: dict[str, str] = {}
        for ind in indicators:
            for name in (ind.name_zh, *ind.aliases):
                self.by_name.setdefault(_key(name), ind.id)

    @classmethod
    def read(cls, path: Path = INDICATORS) -> IndicatorTable:
        with open(path, encoding="utf-8") as fh:
            rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
            return cls([Indicator(r["id"], r["name_zh"], r["name_en"], r["unit_family"],
                                  tuple(a for a in (r.get("aliases") or "").split("|") if a)) for r in rows])

    def match(self, text: str) -> tuple[str | None, str]:
        """(indicator id or None, how: exact, scope (a scope prefix or growth suffix dropped) or none)."""
        key = _key(text)
        if key in self.by_name:
            return self.by_name[key], "exact"
        for bare in (_PREFIX.sub("", key), _GROWTH.sub("", key), _GROWTH.sub("", _PREFIX.sub("", key))):
            if bare != key and bare in self.by_name:
                return self.by_name[bare], "scope"
        return None, "none"


@cache
def indicator_table() -> IndicatorTable:
    return IndicatorTable.read()
