"""The names of the country's administrative divisions, read once from the gazetteer: those above the township,
and the towns and streets (…镇, …乡, …街道) by their full names."""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from functools import lru_cache
from pathlib import Path

from pipeline.paths import PLACES

# the 31 province-level divisions of the mainland by their short names (河北 for 河北省, 广西 for 广西壮族自治区)
PROVINCE_NAMES: tuple[str, ...] = tuple(
    "北京 天津 河北 山西 内蒙古 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 "
    "重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆".split())
# the 34 one-character abbreviations of the province-level divisions (川, 湘, 浙 …), as the tagger's lexicon has them
PROVINCE_SHORT_NAMES = "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新港澳台"
_OTHER_SHORT_NAMES = "黔滇"  # Guizhou and Yunnan, as their reports write themselves beside 贵 and 云


# the word that ends a province's or city's full name (河南省, 广西壮族自治区, 郑州市)
_DIVISION_SUFFIX = re.compile(r"(?:维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$")


def short_name(name: str) -> str:
    """A province's or city's name without the word for its kind (河南省 → 河南, 广西壮族自治区 → 广西)."""
    return _DIVISION_SUFFIX.sub("", name)


def short_names_except(left_out: str) -> str:
    """The province abbreviations, 黔 and 滇 included, without those of `left_out` (for a regex character class)."""
    return "".join(name for name in PROVINCE_SHORT_NAMES + _OTHER_SHORT_NAMES if name not in left_out)


@lru_cache(maxsize=4)
def _gazetteer(path: Path) -> dict[str, list[str]]:
    """The gazetteer's names by level (province, city, county, township); empty where the file is absent."""
    by_level: dict[str, list[str]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                name, _, level = line.partition("\t")
                by_level.setdefault(level, []).append(name)
    return by_level


@lru_cache(maxsize=4)
def division_names(path: Path = PLACES) -> frozenset[str]:
    """Province, city and county names of the gazetteer (townships left out: too many are common words)."""
    return frozenset(name for level, names in _gazetteer(path).items() if level != "township" for name in names)


# township names that are also common words for kinds of town (城镇 is a township somewhere, and a word everywhere)
_GENERIC_TOWNS = frozenset("城镇 乡镇 村镇 小城镇 中心镇 集镇 重镇 名镇 古镇 特色小镇 小镇 新市镇".split())
TOWN_SUFFIXES = ("镇", "乡", "街道")


@lru_cache(maxsize=4)
def town_names(path: Path = PLACES) -> frozenset[str]:
    """The gazetteer's towns, townships and streets by their full names (田心街道, 闽宁镇), generic words left out."""
    return frozenset(name for name in _gazetteer(path).get("township", ()) if len(name) >= 3
                     and name.endswith(TOWN_SUFFIXES) and name not in _GENERIC_TOWNS)


# the 55 minority peoples as autonomous counties and banners name them (三都水族自治县, 镇宁布依族苗族自治县)
_PEOPLES = ("蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 "
            "水 东乡 纳西 景颇 柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 "
            "乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京 塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺 "
            "各").split()  # 各: 隆林各族自治县
_AUTONOMOUS = re.compile(rf"(?:(?:{'|'.join(sorted(_PEOPLES, key=len, reverse=True))})族)+自治(?:县|旗)$")


@lru_cache(maxsize=4)
def autonomous_short_names(path: Path = PLACES) -> frozenset[str]:
    """Autonomous counties and banners by the name before their peoples (三都 for 三都水族自治县, 镇宁 for
    镇宁布依族苗族自治县), as reports list them; names of two characters or more only."""
    shorts = (_AUTONOMOUS.sub("", name) for name in _gazetteer(path).get("county", ()) if _AUTONOMOUS.search(name))
    return frozenset(short for short in shorts if len(short) >= 2)


def is_division(name: str, divisions: frozenset[str], suffixes: str = "县市区旗") -> bool:
    """Whether `name` is a division, written in full or without one of `suffixes` (象州 for 象州县, 合肥 for 合肥市)."""
    return len(name) >= 2 and (name in divisions or any(name + suffix in divisions for suffix in suffixes))


def division_starting_at(text: str, start: int, divisions: frozenset[str], longest: int = 4,
                         accept: Callable[[int], bool] | None = None) -> int | None:
    """The end of the longest division name (at most `longest` characters, written in full or without 县, 市, 区 or
    旗) that starts at `start` in `text` and for whose end `accept` holds, or None where none does."""
    for size in range(longest, 1, -1):
        end = start + size
        if end <= len(text) and is_division(text[start:end], divisions) and (accept is None or accept(end)):
            return end
    return None


def division_ending_at(text: str, end: int, divisions: frozenset[str], longest: int, suffixes: str = "",
                       also: tuple[str, ...] = (), starts: Container[int] | None = None) -> int | None:
    """The start of the longest division name (at most `longest` characters, written in full or without one of
    `suffixes`, or one of `also`; with `starts`, only a name starting at one of them) that ends at `end` in `text`,
    or None where none does."""
    for size in range(longest, 1, -1):
        name = text[max(0, end - size):end]
        if len(name) == size and (starts is None or end - size in starts) \
                and (is_division(name, divisions, suffixes) or name in also):
            return end - size
    return None
