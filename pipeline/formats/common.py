"""The corpus record shared by all formats: building it from what a tool exported, and checking it.

Every import funnels through `build_record`, so the checks (span text equals ``text[start:end]``, offsets
in range, known labels, relations between existing spans) are written once and report the same way:
``file:LINE_OR_TASK: doc-id: message``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pipeline import records as records_io
from pipeline.atomic import atomic_write_text
from pipeline.schema import RELATION_TYPES, SPAN_LABELS, relation_allowed

# Provenance keys that merge and the importers agree on.
PROVENANCE_KEYS: tuple[str, ...] = ("annotator", "date", "source_tool", "pre_annotation_model")


class FormatError(ValueError):
    """A problem in a file read or written by a format module, one line: ``file:LINE_OR_TASK: doc-id: message``."""


def fail(where: str, doc_id: object, message: str) -> FormatError:
    """The error for `message` at `where` (``file:LINE`` or ``file:task N``) in document `doc_id`."""
    return FormatError(f"{where}: {doc_id}: {message}")


@dataclass(frozen=True)
class SpanIn:
    """A span as a tool exported it: `key` is the tool's own id, `text` its copy of the covered text (or None)."""

    key: Hashable
    label: str
    start: int
    end: int
    text: str | None
    where: str


@dataclass(frozen=True)
class RelationIn:
    """A relation as a tool exported it, between the tool's span ids."""

    key: Hashable
    head: Hashable
    tail: Hashable
    type: str
    where: str


def build_record(
    doc_id: str,
    text: str,
    spans: Iterable[SpanIn],
    relations: Iterable[RelationIn],
    meta: dict | None = None,
    *,
    check_schema: bool = True,
) -> dict:
    """Check what a tool exported and turn it into a corpus record with ids renumbered from 1 in text order.

    Renumbering makes the output independent of the tool's database ids, so the same annotation read
    from any tool gives the same record.
    """
    checked: dict[Hashable, SpanIn] = {}
    for span in spans:
        check_span(text, span, doc_id, check_schema=check_schema)
        if span.key in checked:
            raise fail(span.where, doc_id, f"span id {span.key!r} used twice")
        checked[span.key] = span
    ordered = sorted(checked.values(), key=lambda s: (s.start, s.end, s.label))
    new_id = {s.key: i for i, s in enumerate(ordered, start=1)}
    entities = [
        {"id": new_id[s.key], "label": s.label, "start_offset": s.start, "end_offset": s.end,
         "text": text[s.start:s.end]}
        for s in ordered
    ]
    rels: list[tuple[int, int, str]] = []
    for rel in relations:
        for end_key, role in ((rel.head, "head"), (rel.tail, "tail")):
            if end_key not in checked:
                raise fail(rel.where, doc_id, f"relation {rel.key!r}: {role} {end_key!r} is not a span of the document")
        head, tail = checked[rel.head], checked[rel.tail]
        if check_schema and rel.type not in RELATION_TYPES:
            raise fail(rel.where, doc_id, f"relation {rel.key!r}: unknown relation type {rel.type!r}")
        if check_schema and not relation_allowed(rel.type, head.label, tail.label):
            head_text, tail_text = text[head.start:head.end], text[tail.start:tail.end]
            raise fail(rel.where, doc_id, f"relation {rel.key!r}: {rel.type} not allowed from "
                                          f"{head.label} {head_text!r} to {tail.label} {tail_text!r}")
        triple = (new_id[rel.head], new_id[rel.tail], rel.type)
        if triple not in rels:  # a relation drawn twice is one relation
            rels.append(triple)
    rels.sort(key=lambda r: (r[1], r[0], r[2]))
    relations_out = [{"id": i, "from_id": h, "to_id": t, "type": ty} for i, (h, t, ty) in enumerate(rels, start=1)]
    record = {"id": doc_id, "text": text, "entities": entities, "relations": relations_out}
    if meta:
        record["meta"] = meta
    return record


def check_span(text: str, span: SpanIn, doc_id: object, *, check_schema: bool = True) -> None:
    """Raise a FormatError unless `span` lies inside `text`, is not empty and its copied text matches."""
    if check_schema and span.label not in SPAN_LABELS:
        raise fail(span.where, doc_id, f"span {span.key!r}: unknown label {span.label!r}")
    if type(span.start) is not int or type(span.end) is not int:  # bool is an int subclass: reject it too
        raise fail(span.where, doc_id, f"span {span.key!r}: offsets {span.start!r}..{span.end!r} are not integers")
    if not 0 <= span.start < span.end <= len(text):
        raise fail(span.where, doc_id, f"span {span.key!r}: offsets {span.start}..{span.end} out of range "
                                       f"(text has {len(text)} characters)")
    if span.text is not None and span.text != text[span.start:span.end]:
        raise fail(span.where, doc_id, f"span {span.key!r} {span.label}: text {span.text!r} differs from "
                                       f"text[{span.start}:{span.end}] = {text[span.start:span.end]!r}")


def validate_record(record: dict, where: str) -> dict:
    """Check a corpus record (before writing it out or merging it) and return it in canonical form."""
    doc_id = record.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        raise fail(where, doc_id, "record has no string id")
    text = record.get("text")
    if not isinstance(text, str):
        raise fail(where, doc_id, "record has no text")
    try:
        spans = [SpanIn(e["id"], e["label"], e["start_offset"], e["end_offset"], e.get("text"), where)
                 for e in record.get("entities", [])]
        rels = [RelationIn(r.get("id"), r["from_id"], r["to_id"], r["type"], where)
                for r in record.get("relations", [])]
    except (KeyError, TypeError) as err:
        raise fail(where, doc_id, f"malformed entity or relation: missing {err}") from None
    return build_record(doc_id, text, spans, rels, record.get("meta"))


def check_doc_id(doc_id: str, where: str) -> None:
    """Document ids become file names (brat, merge): refuse ones that would escape or hide the file."""
    if not doc_id or doc_id.startswith(".") or any(c in doc_id for c in '/\\\0\n\t'):
        raise fail(where, doc_id, "document id cannot be used as a file name")


def span_key(entity: dict) -> tuple[int, int, str]:
    return (entity["start_offset"], entity["end_offset"], entity["label"])


def annotation_sets(record: dict) -> tuple[frozenset, frozenset]:
    """Entities as {(start, end, label)} and relations as {(head span, tail span, type)}: ids do not matter."""
    by_id = {e["id"]: span_key(e) for e in record.get("entities", [])}
    spans = frozenset(by_id.values())
    rels = frozenset((by_id[r["from_id"]], by_id[r["to_id"]], r["type"]) for r in record.get("relations", []))
    return spans, rels


def same_annotation(a: dict, b: dict) -> bool:
    """Whether two records annotate the same text with the same spans and relations."""
    return a.get("text") == b.get("text") and annotation_sets(a) == annotation_sets(b)


def provenance(record: dict) -> dict:
    """The provenance entry of a record: the four provenance keys of its meta, None where unknown."""
    meta = record.get("meta") or {}
    return {k: meta.get(k) for k in PROVENANCE_KEYS}


def read_jsonl(path: str | Path) -> list[dict]:
    """Corpus records from a JSONL file (one per non-empty line); malformed JSON is a FormatError."""
    try:
        return list(records_io.read_jsonl(path))
    except ValueError as err:  # records_io names file:line:column already
        raise FormatError(str(err)) from None


def dumps_record(record: dict) -> str:
    return records_io.dumps(record)


def write_jsonl(records: Iterable[dict], path: str | Path) -> Path:
    path = Path(path)
    atomic_write_text(path, "".join(dumps_record(r) + "\n" for r in records))
    return path
