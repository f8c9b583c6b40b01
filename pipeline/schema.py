"""The label schema (v1) of `corpus/GUIDELINES.md`: span labels, relation types and their argument types."""

from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = ("ORG", "ENT", "PROJ", "LOC")
SPAN_LABELS: tuple[str, ...] = ("ORG", "ENT", "PROJ", "LOC", "IND", "FIG", "ACH")

# relation type -> (allowed head labels, allowed tail label)
RELATION_TYPES: dict[str, tuple[frozenset[str], str]] = {
    "HAS_VALUE": (frozenset({"IND", "ORG", "ENT", "PROJ", "LOC"}), "FIG"),
    "ACHIEVED": (frozenset({"ORG", "ENT", "PROJ", "LOC", "IND"}), "ACH"),
    "HAS_INDICATOR": (frozenset({"ORG", "ENT", "PROJ", "LOC"}), "IND"),
}

# Each relation type has its own tail label, so the tail's label names the relation.
RELATION_BY_TAIL: dict[str, str] = {tail: rel for rel, (_, tail) in RELATION_TYPES.items()}

# Where one sentence ends (relations hold inside a sentence): the sentencizer, the relation candidates
# and the HanLP chunker all split here.
SENTENCE_ENDS: tuple[str, ...] = ("。", "！", "？", "!", "?", "\n")
# A closing quote or bracket after a sentence end stays with that sentence; clause punctuation is where an
# over-long sentence may be cut (the HanLP chunker and the document windows cut there).
CLOSERS: frozenset[str] = frozenset("”’」』）)")
CLAUSE_ENDS: frozenset[str] = frozenset("；;，,、：:")

QUALIFIERS: tuple[str, ...] = ("approx", "at_least", "at_most")
CHANGES: tuple[str, ...] = ("增长", "下降", "新增", "突破", "达到")
FIGURE_STATUSES: tuple[str, ...] = ("actual", "expected", "target", "unknown")  # GUIDELINES §5b

SpanT = tuple[int, int, str]  # (start, end, label) over a text: how the rules and the relation decoder pass spans


def relation_allowed(rel_type: str, head_label: str, tail_label: str) -> bool:
    """Whether the schema allows a relation of this type between spans of these labels."""
    if rel_type not in RELATION_TYPES:
        return False
    heads, tail = RELATION_TYPES[rel_type]
    return head_label in heads and tail_label == tail
