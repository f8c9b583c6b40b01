"""Consistency lint for gold annotations: what the validator cannot see in one record alone.

Three kinds of finding, each printed as ``file:line: doc-id: message`` (the JSONL line of the record;
the message gives the character offset):

inconsistent-label (warning)
    the same surface string carries different labels in different places of the files linted together;
    reported at the occurrences of the minority label, so the annotator sees which reading is the odd one.
unmarked (warning)
    a string that is an entity span (ORG, ENT, PROJ, LOC, ACH) in most of its occurrences stands unmarked,
    outside every span, elsewhere. IND and FIG depend on a figure in the sentence, so they are not checked.
guideline (error)
    breaks of the guidelines no schema check catches: a span crossing clause punctuation or a line break
    (D24), unbalanced quotation marks in a span (D23), a FIG without exactly one HAS_VALUE head, a FIG that
    is a set name with 大 (D15), an IND with no FIG or ACH attached.

Warnings are candidates for a reader to decide, never automatic fixes; the corpus is kept at zero errors.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from evaluation.jsonl import read_lines
from evaluation.validate import Problem

KINDS: tuple[str, ...] = ("guideline", "inconsistent-label", "unmarked")
# A full-width comma between digits is a thousands separator (９，９７０，０００元, older reports), not a clause break.
CLAUSE_PUNCTUATION = re.compile(r"(?<![0-9０-９])，|，(?![0-9０-９])|[；。！？\n]")
QUOTE_PAIRS: tuple[tuple[str, str], ...] = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("《", "》"))
SET_NAME = re.compile(r"[0-9０-９一二三四五六七八九十两]+大")
UNMARKED_LABELS = frozenset({"ORG", "ENT", "PROJ", "LOC", "ACH"})


@dataclass(frozen=True)
class Finding:
    """A lint finding: a `Problem` with its kind."""

    kind: str
    problem: Problem

    def __str__(self) -> str:
        return f"{self.problem} [{self.kind}]"


@dataclass(frozen=True)
class _Occurrence:
    source: str
    line: int
    doc_id: str
    start: int
    label: str


def guideline_findings(record: dict, source: str, line: int) -> list[Finding]:
    """Errors of one record against the guideline rules listed in the module docstring."""
    doc_id = str(record.get("id", "-"))
    ents = {e["id"]: e for e in record.get("entities", [])}
    heads: Counter = Counter()
    attached: set = set()
    for rel in record.get("relations", []):
        if rel.get("type") == "HAS_VALUE":
            heads[rel["to_id"]] += 1
        if rel.get("type") in ("HAS_VALUE", "ACHIEVED"):
            attached.add(rel["from_id"])
    found: list[Finding] = []

    def error(ent: dict, message: str) -> None:
        where = f"{ent['label']} {ent['text']!r} at {ent['start_offset']}"
        found.append(Finding("guideline", Problem(source, line, doc_id, f"{where}: {message}")))

    for ent in sorted(ents.values(), key=lambda e: e["start_offset"]):
        text = ent["text"]
        if CLAUSE_PUNCTUATION.search(text):
            error(ent, "span crosses clause punctuation or a line break (D24)")
        if any(text.count(a) != text.count(b) for a, b in QUOTE_PAIRS):
            error(ent, "unbalanced quotation marks in the span (D23)")
        if ent["label"] == "FIG":
            if heads[ent["id"]] != 1:
                error(ent, f"FIG has {heads[ent['id']]} HAS_VALUE heads; exactly one is required")
            if SET_NAME.fullmatch(text):
                error(ent, "a set name with 大 is not a FIG (D15)")
        if ent["label"] == "IND" and ent["id"] not in attached:
            error(ent, "IND with no FIG or ACH attached")
    return found


def _covered(record: dict) -> list[tuple[int, int]]:
    return sorted((e["start_offset"], e["end_offset"]) for e in record.get("entities", []))


def _overlaps_any(intervals: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(intervals, (end, -1))
    # Spans are flat and sorted: the last span starting before `end` overlaps [start, end) if any span does
    # (it either starts inside, or starts before and is the only one that can still reach past `start`).
    return i > 0 and intervals[i - 1][1] > start


def consistency_findings(
    records: Sequence[tuple[dict, str, int]], min_length: int = 2, min_marked_share: float = 0.5
) -> list[Finding]:
    """Warnings across all records: label disagreements and unmarked occurrences of marked strings."""
    by_text: dict[str, list[_Occurrence]] = defaultdict(list)
    for record, source, line in records:
        for ent in record.get("entities", []):
            by_text[ent["text"]].append(
                _Occurrence(source, line, str(record.get("id", "-")), ent["start_offset"], ent["label"])
            )
    found: list[Finding] = []
    for text, occurrences in sorted(by_text.items()):
        labels = Counter(o.label for o in occurrences)
        if len(labels) > 1:
            majority, _ = labels.most_common(1)[0]
            summary = ", ".join(f"{label} {n}" for label, n in labels.most_common())
            for occ in occurrences:
                if occ.label != majority:
                    message = f"{occ.label} {text!r} at {occ.start}: labelled differently elsewhere ({summary})"
                    found.append(Finding("inconsistent-label", Problem(occ.source, occ.line, occ.doc_id,
                                                                       message, "warning")))
    candidates = {
        text: Counter(o.label for o in occs).most_common(1)[0][0]
        for text, occs in by_text.items()
        if len(text) >= min_length and Counter(o.label for o in occs).most_common(1)[0][0] in UNMARKED_LABELS
    }
    if not candidates:
        return found
    # One alternation over every candidate string finds all unmarked occurrences in one pass per document.
    pattern = re.compile("|".join(re.escape(t) for t in sorted(candidates, key=len, reverse=True)))
    unmarked: dict[str, list[tuple[dict, str, int, int]]] = defaultdict(list)
    for record, source, line in records:
        covered = _covered(record)
        text = record.get("text", "")
        for m in pattern.finditer(text):
            if not _overlaps_any(covered, m.start(), m.end()):
                unmarked[m.group()].append((record, source, line, m.start()))
    for text, places in sorted(unmarked.items()):
        marked = len(by_text[text])
        if marked / (marked + len(places)) < min_marked_share:
            continue
        for record, source, line, start in places:
            message = (f"{text!r} at {start} is unmarked here but a {candidates[text]} span "
                       f"in {marked} other place{'s' if marked != 1 else ''}")
            found.append(Finding("unmarked", Problem(source, line, str(record.get("id", "-")), message, "warning")))
    return found


def lint_records(records: Iterable[tuple[dict, str, int]]) -> list[Finding]:
    """Every finding over (record, source file, line) triples, in file and line order."""
    records = list(records)
    found = [f for rec, source, line in records for f in guideline_findings(rec, source, line)]
    found += consistency_findings(records)
    return sorted(found, key=lambda f: (f.problem.source, f.problem.line, f.kind, f.problem.message))


def lint_files(paths: Sequence[str | Path]) -> list[Finding]:
    """Lint JSONL files together (consistency is checked across all of them)."""
    triples = []
    for path in paths:
        for ln in read_lines(path):
            if ln.error is None and isinstance(ln.value, dict):
                triples.append((ln.value, str(path), ln.number))
    return lint_records(triples)
