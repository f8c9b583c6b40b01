"""brat standoff: ``DOC.txt`` (the text, byte for byte) + ``DOC.ann`` (T and R lines) + ``annotation.conf``.

Current brat counts offsets in code points; versions before v1.3 counted UTF-16 units like JavaScript,
hence ``offsets="utf16"``. The text file is written and read as bytes so line endings stay as they are:
offsets count every character, ``\\r`` included. brat's discontinuous spans (``0 3;5 8``) have no place in
the flat schema and are refused on reading, as are events and equivalences.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pipeline.atomic import atomic_write_bytes, atomic_write_text
from pipeline.formats.common import (
    FormatError,
    RelationIn,
    SpanIn,
    build_record,
    check_doc_id,
    fail,
    validate_record,
)
from pipeline.formats.offsets import OffsetError, Utf16Index
from pipeline.schema import RELATION_TYPES, SPAN_LABELS

SOURCE_TOOL = "brat"
OFFSETS = ("codepoint", "utf16")
# Line kinds with nothing for the schema: annotator notes, attributes, normalisations.
_IGNORED = ("#", "A", "M", "N")


def annotation_conf() -> str:
    """brat's annotation.conf for the schema: span labels as entities, relation types with their argument labels."""
    lines = ["# Label schema v1 (pipeline/schema.py), written by pipeline.formats.brat", "[entities]"]
    lines += list(SPAN_LABELS)
    lines.append("[relations]")
    for rel, (heads, tail) in RELATION_TYPES.items():
        # Sort the heads in schema order so the file does not change from run to run.
        head_list = "|".join(lab for lab in SPAN_LABELS if lab in heads)
        lines.append(f"{rel}\tArg1:{head_list}, Arg2:{tail}")
    lines += ["[events]", "[attributes]", ""]
    return "\n".join(lines)


def _check_offsets_option(offsets: str) -> None:
    if offsets not in OFFSETS:
        raise ValueError(f"offsets must be one of {OFFSETS}, not {offsets!r}")


def to_ann(record: dict, offsets: str = "codepoint") -> str:
    """A record's spans and relations as .ann lines (T ids follow entity ids, R ids relation ids)."""
    _check_offsets_option(offsets)
    text = record["text"]
    index = Utf16Index(text)
    convert = index.to_utf16 if offsets == "utf16" else int
    lines = []
    for e in record["entities"]:
        span_text = text[e["start_offset"]:e["end_offset"]]
        if "\n" in span_text or "\r" in span_text:
            # brat would have to write it as a discontinuous span, which this reader refuses.
            raise fail("<records>", record["id"], f"span {e['id']} {span_text!r} crosses a line break")
        lines.append(f"T{e['id']}\t{e['label']} {convert(e['start_offset'])} {convert(e['end_offset'])}\t{span_text}")
    for r in record["relations"]:
        lines.append(f"R{r['id']}\t{r['type']} Arg1:T{r['from_id']} Arg2:T{r['to_id']}")
    return "".join(line + "\n" for line in lines)


def write_tasks(
    records: Iterable[dict], out_dir: str | Path, *, offsets: str = "codepoint", conf: bool = True
) -> list[Path]:
    """Write each record as DOC.txt + DOC.ann into `out_dir` (created), plus annotation.conf."""
    _check_offsets_option(offsets)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for n, record in enumerate(records, start=1):
        record = validate_record(record, f"<records>:{n}")
        check_doc_id(record["id"], f"<records>:{n}")
        txt, ann = out_dir / f"{record['id']}.txt", out_dir / f"{record['id']}.ann"
        atomic_write_bytes(txt, record["text"].encode("utf-8"))  # bytes: no newline translation on any platform
        atomic_write_bytes(ann, to_ann(record, offsets).encode("utf-8"))
        written += [txt, ann]
    if conf:
        path = out_dir / "annotation.conf"
        atomic_write_text(path, annotation_conf())
        written.append(path)
    return written


def _parse_ann(ann: str, text: str, doc_id: str, source: str, offsets: str) -> tuple[list[SpanIn], list[RelationIn]]:
    index = Utf16Index(text)
    spans: list[SpanIn] = []
    relations: list[RelationIn] = []
    for lineno, line in enumerate(ann.split("\n"), start=1):
        line = line.rstrip("\r")
        where = f"{source}:{lineno}"
        if not line.strip() or line.startswith(_IGNORED):
            continue
        fields = line.split("\t")
        kind = line[0]
        if kind == "T":
            if len(fields) < 3:
                raise fail(where, doc_id, f"span line needs 3 tab-separated fields: {line!r}")
            key, type_and_offsets, span_text = fields[0], fields[1], "\t".join(fields[2:])
            if ";" in type_and_offsets:
                raise fail(where, doc_id, f"span {key}: discontinuous spans are not supported")
            parts = type_and_offsets.split(" ")
            if len(parts) != 3 or not parts[1].isdigit() or not parts[2].isdigit():
                raise fail(where, doc_id, f"span {key}: expected 'LABEL START END', got {type_and_offsets!r}")
            label, start, end = parts[0], int(parts[1]), int(parts[2])
            if offsets == "utf16":
                try:
                    start, end = index.to_codepoint(start), index.to_codepoint(end)
                except OffsetError as err:
                    raise fail(where, doc_id, f"span {key} {label}: {err}") from None
            spans.append(SpanIn(key, label, start, end, span_text, where))
        elif kind == "R":
            parts = fields[1].split(" ") if len(fields) >= 2 else []
            args = dict(p.split(":", 1) for p in parts[1:] if ":" in p)
            if len(parts) != 3 or set(args) != {"Arg1", "Arg2"}:
                raise fail(where, doc_id, f"relation {fields[0]}: expected 'TYPE Arg1:Tn Arg2:Tm', got {line!r}")
            relations.append(RelationIn(fields[0], args["Arg1"], args["Arg2"], parts[0], where))
        else:
            raise fail(where, doc_id, f"annotation kind {fields[0]!r} is not part of the schema (only T and R)")
    return spans, relations


def read_document(ann_path: str | Path, *, offsets: str = "codepoint", annotator: str | None = None,
                  check_schema: bool = True) -> dict:
    """One .ann file and the .txt beside it → a corpus record (the document id is the file stem)."""
    _check_offsets_option(offsets)
    ann_path = Path(ann_path)
    doc_id = ann_path.stem
    txt_path = ann_path.with_suffix(".txt")
    if not txt_path.is_file():
        raise fail(str(ann_path), doc_id, f"no text file {txt_path.name} beside it")
    text = txt_path.read_bytes().decode("utf-8")
    ann = ann_path.read_bytes().decode("utf-8")
    spans, relations = _parse_ann(ann, text, doc_id, str(ann_path), offsets)
    meta = {"annotator": annotator, "date": None, "source_tool": SOURCE_TOOL, "pre_annotation_model": None}
    return build_record(doc_id, text, spans, relations, meta, check_schema=check_schema)


def read_export(path: str | Path, *, offsets: str = "codepoint", annotator: str | None = None,
                check_schema: bool = True) -> list[dict]:
    """Read a brat folder (every .ann with its .txt), or one .ann file, back into corpus records.

    A .txt without an .ann was never opened in brat and is not a document of the export.
    """
    path = Path(path)
    if path.is_dir():
        anns = sorted(path.glob("*.ann"))
        if not anns:
            raise FormatError(f"{path}: no .ann files")
    else:
        anns = [path.with_suffix(".ann")]
    return [read_document(a, offsets=offsets, annotator=annotator, check_schema=check_schema) for a in anns]
