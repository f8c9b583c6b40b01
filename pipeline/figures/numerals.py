"""Numbers as written in reports: Arabic (with thousands separators), Chinese numerals and mixtures (3.2万)."""

from __future__ import annotations

import re
from decimal import Decimal

CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿点"
ARABIC_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
CHINESE_NUMBER = f"[{CHINESE_DIGITS}]+"

_CN_ONLY_MAGNITUDE = re.compile(r"^[十百千万亿]+$")


def parse_decimal(text: str) -> Decimal:
    """`parse_number` as an exact decimal: 617.3 stays 617.3, so 617.3亿 is exactly 61730000000."""
    cleaned = text.replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return Decimal(cleaned)
    return Decimal(str(parse_number(text)))  # Chinese numerals: cn2an's value is an integer or a short decimal


def parse_number(text: str) -> float:
    """Value of a number string: '28.26' → 28.26, '1,200' → 1200, '一千二百万' → 12000000, '两' → 2.

    Raises ValueError on text that is not a number. Magnitude words inside a Chinese numeral are
    part of the number ('一千二百万'); the caller folds a magnitude written after Arabic digits.
    """
    cleaned = text.replace(",", "").strip()
    if not cleaned:
        raise ValueError(f"not a number: {text!r}")
    if re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        return float(cleaned)
    if _CN_ONLY_MAGNITUDE.match(cleaned) and cleaned not in ("十",):
        raise ValueError(f"not a number: {text!r}")
    # cn2an is imported here, not at the top: its import compiles large regexes (0.3 s of every cold start),
    # and modern reports write almost every figure in Arabic digits
    import cn2an

    try:
        return float(cn2an.cn2an(cleaned.replace("〇", "零"), "smart"))
    except (ValueError, KeyError) as err:
        raise ValueError(f"not a number: {text!r}") from err
