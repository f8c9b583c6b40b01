"""Label Studio: import tasks with predictions, the matching labelling config, and JSON exports read back.

Label Studio counts offsets in UTF-16 code units (JavaScript string indices), Python in code points, so
every offset is converted at this boundary: a character outside the BMP (𠀀, emoji) shifts all later
offsets by one. Of a task's annotations the latest one not cancelled is the correction; who made it and
when goes to ``meta``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import quoteattr

from pipeline.atomic import atomic_write_text
from pipeline.formats.common import (
    FormatError,
    RelationIn,
    SpanIn,
    build_record,
    fail,
    validate_record,
)
from pipeline.formats.offsets import OffsetError, Utf16Index
from pipeline.schema import RELATION_TYPES, SPAN_LABELS

SOURCE_TOOL = "label-studio"
FROM_NAME = "label"  # the <Labels name=...> of the config
TO_NAME = "text"  # the <Text name=...> of the config, also the data key holding the document

_log = logging.getLogger(__name__)

_COLOURS = {"ORG": "#1f77b4", "ENT": "#ff7f0e", "PROJ": "#2ca02c", "LOC": "#9467bd",
            "IND": "#8c564b", "FIG": "#d62728", "ACH": "#e6a800"}


def labeling_config() -> str:
    """The labelling-config XML: one Label per span label, one Relation per relation type (from pipeline.schema)."""
    relations = "\n".join(f"    <Relation value={quoteattr(t)}/>" for t in RELATION_TYPES)
    labels = "\n".join(
        f"    <Label value={quoteattr(lab)}" + (f" background={quoteattr(_COLOURS[lab])}" if lab in _COLOURS else "")
        + "/>"
        for lab in SPAN_LABELS
    )
    return (
        "<View>\n"
        f"  <Relations>\n{relations}\n  </Relations>\n"
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">\n{labels}\n  </Labels>\n'
        f'  <Text name="{TO_NAME}" value="${TO_NAME}"/>\n'
        "</View>\n"
    )


def write_labeling_config(path: str | Path) -> Path:
    path = Path(path)
    atomic_write_text(path, labeling_config())
    return path


def to_result(record: dict) -> list[dict]:
    """A record's spans and relations as Label Studio result items, offsets in UTF-16 units."""
    index = Utf16Index(record["text"])
    result: list[dict] = []
    for e in record["entities"]:
        result.append({
            "id": f"e{e['id']}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "value": {"start": index.to_utf16(e["start_offset"]), "end": index.to_utf16(e["end_offset"]),
                      "text": record["text"][e["start_offset"]:e["end_offset"]], "labels": [e["label"]]},
        })
    for r in record["relations"]:
        result.append({"from_id": f"e{r['from_id']}", "to_id": f"e{r['to_id']}", "type": "relation",
                       "direction": "right", "labels": [r["type"]]})
    return result


def to_task(record: dict, model_version: str | None = None) -> dict:
    """One Label Studio task: the text, the document id, and the record's annotation as a prediction."""
    prediction: dict = {"result": to_result(record)}
    model = model_version or (record.get("meta") or {}).get("pre_annotation_model")
    if model:
        prediction = {"model_version": str(model), **prediction}
    return {"data": {TO_NAME: record["text"], "doc_id": record["id"]}, "predictions": [prediction]}


def write_tasks(
    records: Iterable[dict],
    out_path: str | Path,
    *,
    model_version: str | None = None,
    config_path: str | Path | None = None,
) -> list[Path]:
    """Write records as a Label Studio import file (a JSON list of tasks); optionally the config XML too."""
    out_path = Path(out_path)
    tasks = [to_task(validate_record(r, f"<records>:{n}"), model_version) for n, r in enumerate(records, start=1)]
    atomic_write_text(out_path, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    written = [out_path]
    if config_path is not None:
        written.append(write_labeling_config(config_path))
    return written


_STAMP = re.compile(r"(?P<base>\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d)?)(?:\.(?P<frac>\d+))?(?P<tz>Z|[+-]\d\d:?\d\d)?")


def parse_timestamp(stamp: object) -> datetime | None:
    """An ISO timestamp as Label Studio writes it ("2024-05-03T10:30:00.123456Z"), None if unreadable.

    Parsed by hand because `datetime.fromisoformat` before Python 3.11 refuses "Z" and fractions that are
    not 3 or 6 digits. A stamp without zone is UTC, as in Label Studio's database.
    """
    match = _STAMP.fullmatch(stamp.strip()) if isinstance(stamp, str) else None
    if match is None:
        return None
    base = match["base"] if match["base"].count(":") == 2 else match["base"] + ":00"
    frac = (match["frac"] or "0")[:6].ljust(6, "0")
    tz = match["tz"] or "+00:00"
    tz = "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    try:
        return datetime.fromisoformat(f"{base.replace(' ', 'T')}.{frac}{tz}")
    except ValueError:  # well-formed but impossible, e.g. month 13
        return None


def _timestamp(annotation: dict) -> datetime:
    moment = parse_timestamp(annotation.get("updated_at") or annotation.get("created_at"))
    return moment if moment is not None else datetime.min.replace(tzinfo=timezone.utc)


def annotator_name(completed_by: object) -> str | None:
    """`completed_by` is a user id in the plain export and a user object in some versions: prefer the email."""
    if isinstance(completed_by, dict):
        found = completed_by.get("email") or completed_by.get("username") or completed_by.get("id")
        return None if found is None else (found if isinstance(found, str) else f"user-{found}")
    if completed_by is None:
        return None
    return f"user-{completed_by}"


def _model_version(task: dict, annotation: dict | None) -> str | None:
    predictions = task.get("predictions") or []
    if annotation is not None:
        prediction = annotation.get("prediction")
        if isinstance(prediction, dict) and prediction.get("model_version"):
            return prediction["model_version"]
        parent = annotation.get("parent_prediction")
        for p in predictions:
            if isinstance(p, dict) and parent is not None and p.get("id") == parent and p.get("model_version"):
                return p["model_version"]
    for p in predictions:
        if isinstance(p, dict) and p.get("model_version"):
            return p["model_version"]
    return None


def from_result(result: list, text: str, doc_id: str, where: str, meta: dict, check_schema: bool = True) -> dict:
    """Label Studio result items → a corpus record (offsets converted back to code points, then checked)."""
    index = Utf16Index(text)
    spans: list[SpanIn] = []
    relations: list[RelationIn] = []
    for n, item in enumerate(result, start=1):
        if not isinstance(item, dict):
            raise fail(where, doc_id, f"result {n} is not an object")
        kind = item.get("type")
        if kind == "labels":
            value = item.get("value") or {}
            labels = value.get("labels") or []
            key = item.get("id", f"#{n}")
            if len(labels) != 1:
                raise fail(where, doc_id, f"region {key!r} has labels {labels}, expected exactly one")
            start, end = value.get("start"), value.get("end")
            if type(start) is not int or type(end) is not int:
                raise fail(where, doc_id, f"region {key!r}: offsets {start!r}..{end!r} are not integers")
            try:
                start_cp, end_cp = index.to_codepoint(start), index.to_codepoint(end)
            except OffsetError as err:
                raise fail(where, doc_id, f"region {key!r} {labels[0]}: {err}") from None
            spans.append(SpanIn(key, labels[0], start_cp, end_cp, value.get("text"), where))
        elif kind == "relation":
            labels = item.get("labels") or []
            if len(labels) != 1:
                raise fail(where, doc_id, f"relation {item.get('from_id')!r}→{item.get('to_id')!r} has labels "
                                          f"{labels}, expected exactly one relation type")
            direction = item.get("direction", "right")
            if direction == "right":
                head, tail = item.get("from_id"), item.get("to_id")
            elif direction == "left":  # drawn backwards: the arrow points at from_id
                head, tail = item.get("to_id"), item.get("from_id")
            else:
                raise fail(where, doc_id, f"relation {item.get('from_id')!r}–{item.get('to_id')!r} is "
                                          f"{direction!r}; relations must be directed")
            relations.append(RelationIn(f"#{n}", head, tail, labels[0], where))
        # Other result types (comments, choices) carry nothing of the schema.
    return build_record(doc_id, text, spans, relations, meta, check_schema=check_schema)


def from_task(task: dict, where: str, *, unannotated: str = "skip", check_schema: bool = True) -> dict | None:
    """One exported task → a record from its latest non-cancelled annotation (None when it has none and
    `unannotated` is "skip"; "prediction" falls back to the prediction, "error" refuses)."""
    data = task.get("data") or {}
    doc_id = data.get("doc_id") or f"label-studio-{task.get('id')}"
    text = data.get(TO_NAME)
    if not isinstance(text, str):
        raise fail(where, doc_id, f"task has no data.{TO_NAME}")
    annotations = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if annotations:
        latest = max(annotations, key=lambda a: (_timestamp(a), str(a.get("id", ""))))
        meta = {"annotator": annotator_name(latest.get("completed_by")),
                "date": latest.get("updated_at") or latest.get("created_at"),
                "source_tool": SOURCE_TOOL, "pre_annotation_model": _model_version(task, latest),
                "label_studio_task": task.get("id"), "label_studio_annotation": latest.get("id")}
        return from_result(latest.get("result") or [], text, doc_id, where, meta, check_schema)
    if unannotated == "skip":
        # Nobody corrected it: reading the prediction as a correction would pass the model off as gold.
        _log.warning("%s: %s: no annotation that is not cancelled; skipped", where, doc_id)
        return None
    if unannotated == "prediction" and task.get("predictions"):
        meta = {"annotator": None, "date": None, "source_tool": SOURCE_TOOL,
                "pre_annotation_model": _model_version(task, None), "label_studio_task": task.get("id")}
        return from_result(task["predictions"][0].get("result") or [], text, doc_id, where, meta, check_schema)
    raise fail(where, doc_id, "task has no annotation that is not cancelled")


def read_export(path: str | Path, *, unannotated: str = "skip", check_schema: bool = True) -> list[dict]:
    """Read a Label Studio JSON export (a list of tasks with ``annotations``) back into corpus records.

    `unannotated` says what to do with a task nobody annotated: "skip" (default), "prediction" or "error".
    """
    if unannotated not in ("skip", "prediction", "error"):
        raise ValueError(f"unannotated must be skip, prediction or error, not {unannotated!r}")
    path = Path(path)
    try:
        tasks = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise FormatError(f"{path}:{err.lineno}: ?: not JSON: {err.msg}") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise FormatError(f"{path}: ?: expected a JSON list of tasks")
    records = []
    for n, task in enumerate(tasks, start=1):
        if not isinstance(task, dict):
            raise FormatError(f"{path}:task {n}: ?: task is not a JSON object")
        record = from_task(task, f"{path}:task {task.get('id', n)}", unannotated=unannotated,
                           check_schema=check_schema)
        if record is not None:
            records.append(record)
    return records
