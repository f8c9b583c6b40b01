"""Clause breaks, quotation marks and brackets at the edges of a span (D23, D24, §3)."""

from __future__ import annotations

import re

_BREAK = re.compile(r"(?<![0-9])[,，]|[,，](?![0-9])|[；;。！？!?\n]")
CLAUSE_END = re.compile(r"[，。；,;\n]")
_EDGE_MARKS = frozenset("、 \u3000")  # a list mark or a space is never a span's first or last character
_PAIRS = (("“", "”"), ("‘", "’"), ("《", "》"), ("「", "」"), ("『", "』"), ("(", ")"))


def cut_at_breaks(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The longest piece of text[start:end] between clause breaks, without a list mark at either edge (None when
    nothing is left, or only pieces of less than two characters between breaks)."""
    while start < end and text[start] in _EDGE_MARKS:
        start += 1  # 、泸州老窖营业收入: what a rule left of a list it split (no gold span opens or ends so)
    while end > start and text[end - 1] in _EDGE_MARKS:
        end -= 1
    cuts = [m.start() for m in _BREAK.finditer(text, start, end)]
    if not cuts:
        return (start, end) if end > start else None
    edges = [start, *[c for cut in cuts for c in (cut, cut + 1)], end]
    pieces = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    best = max(pieces, key=lambda p: p[1] - p[0])
    return best if best[1] - best[0] >= 2 else None


def _opening_quote_before(text: str, start: int, left: str, right: str, reach: int = 16) -> int | None:
    """Where the quote a span closes was opened, if that is shortly before it in the same clause."""
    at = text.rfind(left, max(0, start - reach), start)
    if at < 0 or right in text[at:start] or CLAUSE_END.search(text, at, start):
        return None
    return at


def balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    for left, right in _PAIRS:
        span = text[start:end]
        opens, closes = span.count(left), span.count(right)
        if opens > closes:
            if end < len(text) and text[end] == right:
                end += 1
            elif span.startswith(left):
                start += 1
        elif closes > opens:
            if start > 0 and text[start - 1] == left:
                start -= 1
            elif left in "“‘「『" and (opening := _opening_quote_before(text, start, left, right)) is not None:
                start = opening  # 千村示范、[万村整治”工程]: the name began at its opening quote
            elif span.endswith(right):
                end -= 1
        span = text[start:end]
        if (len(span) > 2 and span.startswith(left) and span.endswith(right)
                and span.count(left) == 1 and span.count(right) == 1):
            start, end = start + 1, end - 1  # a pair wrapping the whole name stays outside
    # The straight quote " has no left or right form: a lone one at an edge is dropped, and a pair
    # wrapping the whole name too.
    span = text[start:end]
    if len(span) > 2 and span.count('"') == 2 and span[0] == span[-1] == '"':
        start, end = start + 1, end - 1
    elif span.count('"') % 2 and len(span) > 2:
        if span.endswith('"'):
            end -= 1
        elif span.startswith('"'):
            start += 1
    return start, end


# 国家碳计量中心（福建）, 长征国家文化公园（江西段）, 滁州保税物流中心（B型）: the bracket right after a name is part of
# it (the train and dev gold: 47 ORG, PROJ, LOC and ACH end with one, 5 stop before one: （扩建）, （含…）, （APEC）)
_NAME_BRACKET = re.compile(r"[（(](?!含|包括|即|按|简称|以下|草案|扩建)[^（）()，。；、：,;:\s]{1,8}[）)]")
BRACKETED_LABELS = ("ORG", "PROJ", "LOC", "ACH")


def take_bracket(text: str, end: int) -> int:
    """The end of a name followed by its bracket (a span inside the bracket gives way, as overlaps do below)."""
    bracket = _NAME_BRACKET.match(text, end)
    if bracket is None or bracket.group()[1:-1].isascii() and bracket.group()[1:-1].isalpha():
        return end  # （APEC）: an abbreviation, not part of the name
    return bracket.end()


_NAME_STOPS = frozenset("的在和与及等了是为对向把被由以将使让从到")
_BRACKET_SPAN = 12  # how far a span is extended to the other half of a bracket pair


def balance_brackets(text: str, start: int, end: int) -> tuple[int, int]:
    """A span with half a bracket pair takes the other half and what it belongs to: [大豆）的产量] →
    粮食（不包括大豆）的产量, [武夷山国家公园（江西]片区） → …（江西片区）; where the other half is not near, the half
    is cut off."""
    span = text[start:end]
    for left, right in (("（", "）"), ("(", ")")):
        if span.count(right) > span.count(left):
            opening = text.rfind(left, max(0, start - _BRACKET_SPAN), start)
            if opening < 0:
                return (start + span.rindex(right) + 1, end) if span.rindex(right) + 1 < len(span) else (start, end)
            first = opening
            while first > 0 and opening - first < 8 and "\u4e00" <= text[first - 1] <= "\u9fff" \
                    and text[first - 1] not in _NAME_STOPS:
                first -= 1
            return (first if first < opening else opening), end
        if span.count(left) > span.count(right):
            closing = text.find(right, end, end + _BRACKET_SPAN)
            if closing >= 0 and not re.search(r"[，。；,;\n]", text[end:closing]):
                return start, closing + 1
            return start, start + span.index(left) if span.index(left) >= 2 else end
    return start, end


# 25.“百羽争锋”：… in a report's glossary: the item's number is no part of the name (40 of 40 outside spans in the gold)
ITEM_NUMBER = re.compile(r"[0-9]{1,2}[.．、]\s*(?![0-9])")
