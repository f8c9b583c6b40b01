"""Document metadata read from a report's own header: level, place, division code and year.

The header (the lines before 各位代表) usually names the session (——2026年1月26日在河南省第十四届人民代表大会
第四次会议上), the title (2026年河南省政府工作报告) or the speaker (国务院总理 李强). Where it says nothing (many
national reports open with 各位代表), the body tells the level (我代表国务院 / 省人民政府), the province (the one it
names far more often than any other) and the years under review (一、2009年工作回顾 → delivered 2010); the file name
(…-2026.txt, 2026_浙江省_政府工作报告.txt) is the last resort for the year and the place.
`source` says, per field, where the value came from.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path

from pipeline.divisions import PROVINCE_NAMES
from pipeline.paths import MODELS_DIR
from pipeline.textnorm import normalise
from pipeline.timeexpr import years_in

DIVISIONS = MODELS_DIR / "divisions.tsv"
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
_HEADER_END = re.compile(r"各位代表|同志们")
_DIVISION = r"[\u4e00-\u9fff]{2,12}?(?:省|自治区|市|区|县)"
_YEAR = r"(?:[0-9０-９]{4}|[一二][〇○零一二三四五六七八九]{3})"
_SESSION = re.compile(r"在(.{0,20}?)(?:第)?[一二三四五六七八九十]+届\s*(全国)?人民代表大会")
_NATIONAL_BODY = re.compile("代表(?:国务院|中央人民政府)|受国务院的?委托|根据国务院的决定"
                            "|国务院(?:已经)?决定|全国人民代表大会")
_TITLE = re.compile(rf"(?:{_YEAR}年)?({_DIVISION})(?:{_YEAR}年)?政府工作报告")
_SPEAKER = re.compile(rf"({_DIVISION})人民政府(?:代)?(?:省长|主席|市长|区长|县长)")
_GOVERNMENTS = "国务院|省人民政府|自治区人民政府|市人民政府|区人民政府|县人民政府"
_ON_BEHALF = re.compile(rf"代表({_GOVERNMENTS}|({_DIVISION})人民政府)")
_REVIEW_YEAR = re.compile(rf"({_YEAR})年(?:工作)?回顾|刚刚过去的({_YEAR})年")
_LEVEL_OF_BODY = {"省": "province", "自": "province", "市": "city", "区": "district", "县": "county"}
_FILE_YEAR = re.compile(r"(?:^|[-_])((?:19|20)\d\d)(?:[-_.]|$)")
_PROVINCE_NAME = re.compile("|".join(sorted(PROVINCE_NAMES, key=len, reverse=True)))
_FILE_PLACE = re.compile(_DIVISION)
# A report names its own province far more often than any other (湖北 149 times in province-hubei-2026, the next
# 6 times); a national report names many, none so often.
_OWN_NAME_MIN, _OWN_NAME_LEAD = 5, 3


@dataclass
class DocumentMeta:
    level: str | None = None  # national, province, city, district, county
    place: str | None = None  # 国务院 for national reports, else the division's full name (河南省, 株洲市石峰区)
    division_code: str | None = None  # six digits (GB/T 2260), None for national reports
    year: int | None = None  # the year the report was delivered
    source: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return asdict(self)


def level_of_place(place: str) -> str:
    if place in MUNICIPALITIES or place.endswith(("省", "自治区")):
        return "province"
    if place.endswith(("县", "旗")):
        return "county"  # a banner (旗) is Inner Mongolia's county
    if place.endswith("区"):
        return "district"
    # a county-level city (浏阳市, 昆山市) is a county in the gazetteer: its report is a county's
    rows = _divisions()[0].get(place, [])
    if place.endswith("市") and rows and all(level == "county" for _, level, _ in rows):
        return "county"
    return "city"


@cache
def _divisions() -> tuple[dict[str, list[tuple[str, str, str]]], dict[str, str]]:
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    names: dict[str, str] = {}
    with open(DIVISIONS, encoding="utf-8") as fh:
        rows = csv.reader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for code, name, level, parent in rows:
            by_name.setdefault(name, []).append((code, level, parent))
            names[code] = name
    return by_name, names


def division_code(place: str) -> str | None:
    """The six-digit code of a division named in full (河南省, 株洲市石峰区); None if not found or ambiguous."""
    by_name, names = _divisions()
    if place in by_name and len(by_name[place]) == 1:
        return by_name[place][0][0]
    for i in range(2, len(place) - 1):  # a county or district after its city: 株洲市 + 石峰区
        outer, inner = place[:i], place[i:]
        for code, _, parent in by_name.get(inner, []):
            if names.get(parent) == outer or names.get(parent[:2] + "0000") == outer:
                return code
    return None


def _place_from(pattern: re.Pattern, text: str) -> str | None:
    m = pattern.search(text)
    return m.group(1) if m and m.group(1) else None


def _province_named_most(text: str) -> str | None:
    """The full name of the province `text` names far more often than any other (its own), if there is one."""
    (top, most), *rest = Counter(m.group() for m in _PROVINCE_NAME.finditer(text)).most_common(2) or [("", 0)]
    if most < _OWN_NAME_MIN or most < _OWN_NAME_LEAD * (rest[0][1] if rest else 0):
        return None
    return next((name for name in _provinces() if name.startswith(top)), None)


@cache
def _provinces() -> tuple[str, ...]:
    """The full names of the province-level divisions (河北省, 广西壮族自治区, 北京市)."""
    return tuple(name for name, rows in _divisions()[0].items() if rows[0][1] == "province")


def _place_from_body_or_file_name(meta: DocumentMeta, text: str, filename: str | None) -> None:
    """A report whose header names no place (it opens with 各位代表, or 代表省人民政府 says only the level): the
    province its body names most (a municipality also where 代表市人民政府 read as a city), else a division
    named in the file name (2026_浙江省_政府工作报告.txt)."""
    province = _province_named_most(text) if meta.level in (None, "province", "city") else None
    if province and (meta.level != "city" or province in MUNICIPALITIES):
        meta.place, meta.level, meta.source["place"] = province, "province", "body"
        meta.source.setdefault("level", "body")
        return
    if filename:
        for m in _FILE_PLACE.finditer(Path(filename).stem):
            if division_code(m.group()):
                meta.place, meta.source["place"] = m.group(), "file name"
                if meta.level is None:
                    meta.level, meta.source["level"] = level_of_place(m.group()), "file name"
                return


def read_metadata(text: str, filename: str | None = None) -> DocumentMeta:
    """Level, place, division code and year of the report `text` (its file name only as the last resort)."""
    meta = DocumentMeta()
    text = normalise(text[:20000])  # traditional characters read as simplified; the length is kept
    end = _HEADER_END.search(text[:1500])
    header = text[:end.start() if end else 400]
    session = _SESSION.search(header)
    if session and session.group(2) or "国务院总理" in header or re.search(r"^[0-9]{4}年国务院政府工作报告", header):
        meta.level, meta.place, meta.source["level"] = "national", "国务院", "header"
    else:
        place = (session.group(1).strip("　 ") if session and session.group(1) else None) or _place_from(
            _TITLE, header) or _place_from(_SPEAKER, header)
        if place:
            meta.place, meta.level, meta.source["level"] = place, level_of_place(place), "header"
    if meta.level is None:
        body = _ON_BEHALF.search(text[:3000])
        if body and body.group(1) == "国务院":
            meta.level, meta.place = "national", "国务院"
        elif body and body.group(2):
            meta.place, meta.level = body.group(2), level_of_place(body.group(2))
        elif body:
            meta.level = _LEVEL_OF_BODY[body.group(1)[0]]
        elif _NATIONAL_BODY.search(text):  # no local government speaks, the national parliament is named
            meta.level, meta.place = "national", "国务院"
        if meta.level:
            meta.source["level"] = "body"
    if meta.place is None and meta.level != "national":
        _place_from_body_or_file_name(meta, text, filename)
    if meta.place and meta.level != "national":
        meta.division_code = division_code(meta.place)
    header_years = [y for _, y in years_in(header)]
    if header_years:
        meta.year, meta.source["year"] = header_years[0], "header"
    else:
        review = _REVIEW_YEAR.search(text)
        years = years_in(review.group(0)) if review else []
        if years:
            meta.year, meta.source["year"] = years[0][1] + 1, "body"
        elif filename and (m := _FILE_YEAR.search(Path(filename).stem)):
            meta.year, meta.source["year"] = int(m.group(1)), "file name"
    return meta
