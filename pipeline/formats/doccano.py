"""doccano "sequence labeling with relations" JSONL: tasks to import (pre-annotations) and exports read back.

One document a line: ``{"text", "entities": [{"id", "label", "start_offset", "end_offset"}],
"relations": [{"id", "from_id", "to_id", "type"}]}``, offsets in code points like ours. doccano replaces
``id`` with its own database id and keeps unknown fields, so the document id travels as ``doc_id``.
An export is a JSONL file, or a zip holding one ``USERNAME.jsonl`` per annotator (``all.jsonl`` when
collaborative), so inside a zip the member name says who annotated.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable
from pathlib import Path

from pipeline.atomic import atomic_write_text
from pipeline.formats.common import (
    FormatError,
    RelationIn,
    SpanIn,
    build_record,
    fail,
    validate_record,
)

SOURCE_TOOL = "doccano"


def to_task(record: dict, model_version: str | None = None) -> dict:
    """One import line for doccano: the record's spans and relations as pre-annotations."""
    task: dict = {"doc_id": record["id"], "text": record["text"]}
    # doccano's own export has no span text, and its importer is not documented to accept one: leave it out.
    task["entities"] = [{"id": e["id"], "label": e["label"], "start_offset": e["start_offset"],
                         "end_offset": e["end_offset"]} for e in record["entities"]]
    task["relations"] = [{"id": r["id"], "from_id": r["from_id"], "to_id": r["to_id"], "type": r["type"]}
                         for r in record["relations"]]
    model = model_version or (record.get("meta") or {}).get("pre_annotation_model")
    if model:
        task["pre_annotation_model"] = model
    return task


def write_tasks(records: Iterable[dict], out_path: str | Path, *, model_version: str | None = None) -> list[Path]:
    """Write records as a doccano JSONL import file; returns the paths written."""
    out_path = Path(out_path)
    lines = []
    for n, record in enumerate(records, start=1):
        record = validate_record(record, f"<records>:{n}")
        lines.append(json.dumps(to_task(record, model_version), ensure_ascii=False) + "\n")
    atomic_write_text(out_path, "".join(lines))
    return [out_path]


def from_line(line: dict, where: str, *, annotator: str | None = None, check_schema: bool = True) -> dict:
    """One exported doccano line → a corpus record (checked)."""
    raw_id = line.get("id")
    doc_id = line.get("doc_id") or (raw_id if isinstance(raw_id, str) else f"doccano-{raw_id}")
    text = line.get("text")
    if not isinstance(text, str):
        raise fail(where, doc_id, "line has no text")
    try:
        if "entities" in line:
            spans = [SpanIn(e["id"], e["label"], e["start_offset"], e["end_offset"], e.get("text"), where)
                     for e in line["entities"]]
        else:  # a plain sequence-labelling project exports "label": [[start, end, LABEL], ...]
            spans = [SpanIn(i, lab, s, e, None, where) for i, (s, e, lab) in enumerate(line.get("label", []))]
        relations = [RelationIn(r.get("id"), r["from_id"], r["to_id"], r["type"], where)
                     for r in line.get("relations", [])]
    except (KeyError, TypeError, ValueError) as err:
        raise fail(where, doc_id, f"malformed entity or relation ({type(err).__name__}: {err})") from None
    meta: dict = {"annotator": annotator, "date": None, "source_tool": SOURCE_TOOL,
                  "pre_annotation_model": line.get("pre_annotation_model")}
    if isinstance(raw_id, int):
        meta["doccano_id"] = raw_id
    if line.get("Comments"):
        meta["comments"] = line["Comments"]
    return build_record(doc_id, text, spans, relations, meta, check_schema=check_schema)


def _read_lines(content: str, source: str, annotator: str | None, check_schema: bool) -> list[dict]:
    records = []
    for lineno, raw in enumerate(content.splitlines(), start=1):
        if not raw.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            line = json.loads(raw)
        except json.JSONDecodeError as err:
            raise fail(where, "?", f"not JSON: {err.msg}") from None
        if not isinstance(line, dict):
            raise fail(where, "?", "line is not a JSON object")
        records.append(from_line(line, where, annotator=annotator, check_schema=check_schema))
    return records


def read_export(path: str | Path, *, annotator: str | None = None, check_schema: bool = True) -> list[dict]:
    """Read a doccano export (JSONL file, folder of them, or the export zip) back into corpus records.

    `annotator` names who annotated; without it, a zip member's name is taken (except ``all``).
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.jsonl"))
        if not files:
            raise FormatError(f"{path}: no .jsonl files")
        return [r for f in files for r in read_export(f, annotator=annotator, check_schema=check_schema)]
    if zipfile.is_zipfile(path):
        records = []
        with zipfile.ZipFile(path) as archive:
            for name in sorted(n for n in archive.namelist() if n.endswith(".jsonl")):
                stem = Path(name).stem
                who = annotator or (None if stem == "all" else stem)
                content = archive.read(name).decode("utf-8")
                records.extend(_read_lines(content, f"{path}/{name}", who, check_schema))
        return records
    return _read_lines(path.read_text(encoding="utf-8"), str(path), annotator, check_schema)
