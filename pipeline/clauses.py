"""Where the clause (or sentence) around a position begins: the rules read the words before a span back to the
last punctuation mark of a kind, and each says which marks end a clause for it."""

from __future__ import annotations

import re

from pipeline.schema import SENTENCE_ENDS

CLAUSE_MARKS = "，。；,;\n"  # both forms: the pipeline reads normalised text (，→,), tests and tools raw text
SENTENCE_MARKS = "".join((*SENTENCE_ENDS, "；", ";"))  # the end of a sentence, or a semicolon


def clause_start(text: str, pos: int, marks: str = CLAUSE_MARKS, floor: int = 0) -> int:
    """The offset just after the last of `marks` in text[floor:pos], or `floor` where there is none."""
    last = max(text.rfind(mark, floor, pos) for mark in marks)
    return last + 1 if last >= floor else floor


def clause_end(text: str, pos: int, marks: str = CLAUSE_MARKS) -> int:
    """The offset of the first of `marks` at or after `pos`, or the text's end where there is none."""
    return min((i for i in (text.find(mark, pos) for mark in marks) if i >= 0), default=len(text))


_OPEN_TITLE = re.compile(r"《[^》\n]*$")


def in_title(text: str, pos: int, reach: int = 60) -> bool:
    """Whether `pos` lies inside a document's title (《…) opened at most `reach` characters before it on its line:
    the names in a title (《中共安徽省委关于…》, 《告台湾同胞书》) are no spans of their own."""
    return _OPEN_TITLE.search(text, max(0, pos - reach), pos) is not None


def conjuncts(start: int, parts: list[str]) -> list[tuple[int, int]]:
    """(start, end) of each of `parts`, the pieces of a text that begins at offset `start`, split at one-character
    separators (、, 和)."""
    out, at = [], start
    for part in parts:
        out.append((at, at + len(part)))
        at += len(part) + 1
    return out


def list_items(start: int, items: str, opener: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) of each item of `items` (a list joined by 、 that begins at offset `start`), the first item
    beginning after the last match of `opener` inside it (支持|超聚变、中创智领); items under two characters are
    dropped."""
    parts = items.split("、")
    found = []
    for k, (begin, end) in enumerate(conjuncts(start, parts)):
        if k == 0 and (verbs := list(opener.finditer(parts[0]))):
            begin += verbs[-1].end()
        if end - begin >= 2:
            found.append((begin, end))
    return found
