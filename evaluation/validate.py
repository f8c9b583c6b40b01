"""Checks of gold and prediction files: every problem, with file, line and document id.

Checks come in three levels; each level includes the ones before it.

format (errors; what scoring needs): JSON syntax (with the decoder's column), a record that is not an
    object, required keys and their types (document id, text, entities, relations; entity id, label,
    start_offset, end_offset, text; relation id, from_id, to_id, type), duplicate document ids (across all
    files checked together), duplicate entity or relation ids in a document, offsets out of range or
    start >= end, entity text differing from text[start:end], relations naming entities that do not exist.
schema (errors; the label schema of `pipeline.schema`): unknown labels, unknown relation types, head/tail
    labels the relation type does not allow, the same relation (type, head, tail) listed twice, and the
    FIG normalisation keys when present (value a finite number or null, unit a string or null, qualifier
    and change null or one of the schema's values).
full (the default), adding the annotation guidelines: overlapping spans are errors (spans are flat);
    a relation whose arguments lie in different sentences and a FIG with no HAS_VALUE head or with several
    are warnings (printed, not failing).

``validate --schema-only`` stops at the schema level: a model's output may break the guidelines and still
be scorable. ``score``, ``compare`` and ``agreement`` check their inputs at the format level and refuse
files with errors there (exit status 2).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evaluation.jsonl import read_lines
from evaluation.spans import Span, crosses_sentence
from pipeline.schema import CHANGES, FIGURE_STATUSES, QUALIFIERS, RELATION_TYPES, SPAN_LABELS, relation_allowed

NO_ID = "-"  # stands for the document id where a record has none to show
LEVELS: tuple[str, ...] = ("format", "schema", "full")


@dataclass(frozen=True)
class Problem:
    """One finding; ``str()`` gives ``file:line: doc-id: message`` (warnings prefixed ``warning:``)."""

    source: str
    line: int
    doc_id: str
    message: str
    severity: str = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        text = f"{self.source}:{self.line}: {self.doc_id}: {self.message}"
        return text if self.is_error else f"warning: {text}"


@dataclass
class Totals:
    """What the files held, for the one-line OK summary."""

    documents: int = 0
    spans: int = 0
    relations: int = 0


def _is_int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)  # JSON true/false parse as bool, a subclass of int


def _is_id(x: Any) -> bool:
    return _is_int(x) or (isinstance(x, str) and x != "")


def _type_name(x: Any) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(x), "number" if isinstance(x, (int, float)) else type(x).__name__)


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _RecordChecker:
    """Checks one record; `problems` collects the findings in the order the record is read."""

    def __init__(self, record: Any, source: str, line: int, level: str) -> None:
        self.record = record
        self.source = source
        self.line = line
        self.depth = LEVELS.index(level)
        self.problems: list[Problem] = []
        doc_id = record.get("id") if isinstance(record, dict) else None
        self.doc_id = str(doc_id) if _is_id(doc_id) else NO_ID

    def wants(self, level: str) -> bool:
        """Whether checks of this level run."""
        return LEVELS.index(level) <= self.depth

    def error(self, message: str) -> None:
        self.problems.append(Problem(self.source, self.line, self.doc_id, message))

    def warning(self, message: str) -> None:
        self.problems.append(Problem(self.source, self.line, self.doc_id, message, "warning"))

    def run(self) -> None:
        rec = self.record
        if not isinstance(rec, dict):
            self.error(f"record is a JSON {_type_name(rec)}, expected an object")
            return
        expected = {"id": "a non-empty string", "text": "a string", "entities": "an array", "relations": "an array"}
        valid = {
            "id": isinstance(rec.get("id"), str) and rec.get("id") != "",
            "text": isinstance(rec.get("text"), str),
            "entities": isinstance(rec.get("entities"), list),
            "relations": isinstance(rec.get("relations"), list),
        }
        for key, what in expected.items():
            if key not in rec:
                self.error(f"missing key {key!r}")
            elif not valid[key]:
                self.error(f"{key!r} must be {what}, got {_type_name(rec[key])}")
        text = rec["text"] if valid["text"] else None
        spans = self.check_entities(rec["entities"], text) if valid["entities"] else {}
        if valid["relations"]:
            self.check_relations(rec["relations"], spans, text)

    # -- entities ---------------------------------------------------------------------------------

    def check_entities(self, entities: list, text: str | None) -> dict[Any, Span]:
        """Check every entity; return the well-formed ones by id (relation checks resolve against them)."""
        spans: dict[Any, Span] = {}
        seen: set = set()
        placed: list[Span] = []
        for i, ent in enumerate(entities):
            if not isinstance(ent, dict):
                self.error(f"entities[{i}] is a JSON {_type_name(ent)}, expected an object")
                continue
            ent_id = ent.get("id")
            name = f"entity {ent_id}" if _is_id(ent_id) else f"entities[{i}]"
            ok = self.check_entity_keys(ent, name)
            if _is_id(ent_id):
                if ent_id in seen:
                    self.error(f"duplicate entity id {ent_id}")
                seen.add(ent_id)
            if self.wants("schema") and ok["label"] and ent["label"] not in SPAN_LABELS:
                self.error(f"{name}: unknown label {ent['label']!r} (expected one of {', '.join(SPAN_LABELS)})")
            if self.wants("schema") and ok["label"] and ent["label"] == "FIG":
                self.check_figure_keys(ent, name)
            if not (ok["start_offset"] and ok["end_offset"]) or text is None:
                continue
            start, end = ent["start_offset"], ent["end_offset"]
            if start < 0 or end > len(text):
                self.error(f"{name}: offsets [{start}, {end}) out of range (text has {len(text)} characters)")
                continue
            if start >= end:
                self.error(f"{name}: start_offset {start} is not before end_offset {end}")
                continue
            if ok["text"] and ent["text"] != text[start:end]:
                self.error(f"{name}: text {ent['text']!r} differs from text[{start}:{end}] {text[start:end]!r}")
            if ok["label"]:
                span = Span(start, end, ent["label"], id=ent_id, text=text[start:end])
                placed.append(span)
                if _is_id(ent_id) and ent_id not in spans:
                    spans[ent_id] = span
        if self.wants("full"):
            self.check_overlaps(placed)
        return spans

    def check_entity_keys(self, ent: dict, name: str) -> dict[str, bool]:
        checks = {
            "id": (_is_id, "an integer or a non-empty string"),
            "label": (lambda x: isinstance(x, str), "a string"),
            "start_offset": (_is_int, "an integer"),
            "end_offset": (_is_int, "an integer"),
            "text": (lambda x: isinstance(x, str), "a string"),
        }
        ok = {}
        for key, (test, what) in checks.items():
            ok[key] = key in ent and test(ent[key])
            if key not in ent:
                self.error(f"{name}: missing key {key!r}")
            elif not ok[key]:
                self.error(f"{name}: {key!r} must be {what}, got {_type_name(ent[key])}")
        return ok

    def check_figure_keys(self, ent: dict, name: str) -> None:
        """Types of the normalisation keys predictions carry on FIG entities (each optional, each may be null)."""
        if "value" in ent:
            value = ent["value"]
            if value is not None and (not isinstance(value, (int, float)) or isinstance(value, bool)):
                self.error(f"{name}: 'value' must be a number or null, got {_type_name(value)}")
            elif value is not None and not math.isfinite(value):
                self.error(f"{name}: 'value' must be finite, got {value}")
        if "unit" in ent and ent["unit"] is not None and not isinstance(ent["unit"], str):
            self.error(f"{name}: 'unit' must be a string or null, got {_type_name(ent['unit'])}")
        for key, allowed in (("qualifier", QUALIFIERS), ("change", CHANGES), ("status", FIGURE_STATUSES)):
            if key in ent and ent[key] is not None and ent[key] not in allowed:
                self.error(f"{name}: {key!r} must be null or one of {', '.join(allowed)}, got {ent[key]!r}")

        if ent.get("period") is not None and not re.fullmatch(r"\d{4}(-\d{4})?", str(ent["period"])):
            self.error(f"{name}: 'period' must be null, a year (2025) or a range (2021-2025), got {ent['period']!r}")
        if ent.get("basis") is not None and not re.fullmatch(r"同比|比上年|年均|比\d{4}年", str(ent["basis"])):
            self.error(f"{name}: 'basis' must be null, 同比, 比上年, 年均 or 比YYYY年, got {ent['basis']!r}")

    def check_overlaps(self, placed: list[Span]) -> None:
        placed = sorted(placed)
        for i, a in enumerate(placed):
            for b in placed[i + 1 :]:
                if b.start >= a.end:
                    break  # sorted by start: nothing further can overlap a
                self.error(
                    f"entities {a.id} ({a.label} {_short(a.text)!r} [{a.start}, {a.end})) and {b.id} "
                    f"({b.label} {_short(b.text)!r} [{b.start}, {b.end})) overlap; spans must be flat"
                )

    # -- relations --------------------------------------------------------------------------------

    def check_relations(self, relations: list, spans: dict[Any, Span], text: str | None) -> None:
        seen_ids: set = set()
        seen_links: dict[tuple, Any] = {}
        value_heads: dict[Any, int] = dict.fromkeys((i for i, s in spans.items() if s.label == "FIG"), 0)
        entity_ids = self.all_entity_ids()
        for i, rel in enumerate(relations):
            if not isinstance(rel, dict):
                self.error(f"relations[{i}] is a JSON {_type_name(rel)}, expected an object")
                continue
            rel_id = rel.get("id")
            name = f"relation {rel_id}" if _is_id(rel_id) else f"relations[{i}]"
            ok = True
            for key, test, what in (
                ("id", _is_id, "an integer or a non-empty string"),
                ("from_id", _is_id, "an entity id"),
                ("to_id", _is_id, "an entity id"),
                ("type", lambda x: isinstance(x, str), "a string"),
            ):
                if key not in rel:
                    self.error(f"{name}: missing key {key!r}")
                    ok = False
                elif not test(rel[key]):
                    self.error(f"{name}: {key!r} must be {what}, got {_type_name(rel[key])}")
                    ok = False
            if _is_id(rel_id):
                if rel_id in seen_ids:
                    self.error(f"duplicate relation id {rel_id}")
                seen_ids.add(rel_id)
            if not ok:
                continue
            rel_type, head_id, tail_id = rel["type"], rel["from_id"], rel["to_id"]
            if self.wants("schema") and rel_type not in RELATION_TYPES:
                self.error(f"{name}: unknown relation type {rel_type!r} (expected one of {', '.join(RELATION_TYPES)})")
            for role, arg in (("from_id", head_id), ("to_id", tail_id)):
                if arg not in entity_ids:
                    self.error(f"{name}: {role} {arg} is not an entity of this document")
            link = (rel_type, head_id, tail_id)
            if link not in seen_links:
                seen_links[link] = rel_id
            elif self.wants("schema"):
                self.error(f"{name} repeats relation {seen_links[link]} ({rel_type} {head_id} -> {tail_id})")
            head, tail = spans.get(head_id), spans.get(tail_id)
            if head is None or tail is None:
                continue  # a broken argument is reported above (or with its entity); nothing more to check
            known = head.label in SPAN_LABELS and tail.label in SPAN_LABELS
            if (
                self.wants("schema")
                and known
                and rel_type in RELATION_TYPES
                and not relation_allowed(rel_type, head.label, tail.label)
            ):
                heads, tail_label = RELATION_TYPES[rel_type]
                self.error(
                    f"{name}: {rel_type} from {head.label} to {tail.label} is not allowed "
                    f"(head one of {', '.join(sorted(heads))}; tail {tail_label})"
                )
            if rel_type == "HAS_VALUE" and tail_id in value_heads:
                value_heads[tail_id] += 1
            if self.wants("full") and text is not None and crosses_sentence(text, head, tail):
                self.warning(
                    f"{name}: {rel_type} {_short(head.text)!r} -> {_short(tail.text)!r} crosses a sentence boundary"
                )
        if self.wants("full"):
            for fig_id, n in value_heads.items():
                fig = _short(spans[fig_id].text)
                if n == 0:
                    self.warning(f"FIG entity {fig_id} {fig!r} has no HAS_VALUE head")
                elif n > 1:
                    self.warning(f"FIG entity {fig_id} {fig!r} has {n} HAS_VALUE heads; expected exactly one")

    def all_entity_ids(self) -> set:
        """Ids of every entity object, well-formed or not: a relation to a broken entity is not dangling."""
        return {e["id"] for e in self.record.get("entities", []) if isinstance(e, dict) and _is_id(e.get("id"))}


def validate_records(
    records: Sequence[Any],
    source: str = "<records>",
    *,
    lines: Sequence[int] | None = None,
    level: str = "full",
    seen_ids: dict[str, str] | None = None,
) -> list[Problem]:
    """Every problem in already-parsed records, in record order.

    `level` is one of LEVELS (see the module docstring). `lines` gives each record's line number
    (default: 1, 2, ...). `seen_ids` maps document ids already seen
    to where (``file:line``); pass one dict across several calls to catch duplicates between files.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level {level!r}; expected one of {', '.join(LEVELS)}")
    if lines is None:
        lines = range(1, len(records) + 1)
    seen = {} if seen_ids is None else seen_ids
    problems: list[Problem] = []
    for record, line in zip(records, lines, strict=True):
        checker = _RecordChecker(record, source, line, level)
        if checker.doc_id != NO_ID:
            if checker.doc_id in seen:
                checker.error(f"duplicate document id (first at {seen[checker.doc_id]})")
            else:
                seen[checker.doc_id] = f"{source}:{line}"
        checker.run()
        problems += checker.problems
    return problems


def count_records(records: Sequence[Any]) -> Totals:
    """Documents, spans and relations held by parsed records (malformed parts counted as far as they go)."""
    totals = Totals()
    for rec in records:
        if not isinstance(rec, dict):
            continue
        totals.documents += 1
        if isinstance(rec.get("entities"), list):
            totals.spans += len(rec["entities"])
        if isinstance(rec.get("relations"), list):
            totals.relations += len(rec["relations"])
    return totals


def validate_files(paths: Sequence[str | Path], level: str = "full") -> tuple[list[Problem], Totals]:
    """Validate files together (duplicate ids are looked for across them); `InputError` if one cannot be read."""
    problems: list[Problem] = []
    totals = Totals()
    seen: dict[str, str] = {}
    for path in paths:
        source = str(path)
        parsed = []
        file_problems: list[Problem] = []
        for line in read_lines(path):
            if line.error is not None:
                file_problems.append(Problem(source, line.number, NO_ID, line.error))
            else:
                parsed.append(line)
        file_problems += validate_records(
            [ln.value for ln in parsed],
            source,
            lines=[ln.number for ln in parsed],
            level=level,
            seen_ids=seen,
        )
        # JSON errors were collected first; a stable sort puts everything back in line order.
        problems += sorted(file_problems, key=lambda p: p.line)
        file_totals = count_records([ln.value for ln in parsed])
        totals.documents += file_totals.documents
        totals.spans += file_totals.spans
        totals.relations += file_totals.relations
    return problems, totals
