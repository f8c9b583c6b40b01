"""Fold corrected documents (read back from an annotation tool) into the gold corpus, one file per document.

A three-way merge per document, with the pre-annotation the tool was given as the base:

* no gold file yet → the correction is added;
* the gold file still equals the base → nobody touched it since export: the correction replaces it;
* the correction equals the base → the annotator changed nothing, the newer gold file stays ("kept");
* both changed (or there is no base to tell) → CONFLICT: the gold file stays untouched and the correction
  is written beside it as ``<doc-id>.conflict.jsonl`` for a person to resolve.

Equality is on annotations, not ids: spans as {(start, end, label)}, relations as {(head span, tail span,
type)}, plus the text. Every written record carries provenance in ``meta`` (annotator, date, source_tool,
pre_annotation_model) and a ``history`` of the versions it replaced. Writes go to a temp file first and
are moved in with os.replace (pipeline.atomic), so a crash never leaves half a gold file.

CLI: ``python -m pipeline.corpus.merge CORRECTED.jsonl --corpus corpus/gold [--base PRE.jsonl]``;
exits 1 when there were conflicts, 2 on an invalid input file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.formats import FORMATS
from pipeline.formats.common import (
    PROVENANCE_KEYS,
    FormatError,
    check_doc_id,
    dumps_record,
    read_jsonl,
    same_annotation,
    validate_record,
)

CONFLICT_SUFFIX = ".conflict.jsonl"
# Meta that describes one version of a document rather than the document: it moves into history.
_VERSION_KEYS = frozenset(PROVENANCE_KEYS) | {"history", "merged_at", "label_studio_task",
                                              "label_studio_annotation", "doccano_id", "comments"}


@dataclass(frozen=True)
class Conflict:
    doc_id: str
    reason: str
    path: Path  # where the correction was written instead


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)  # the correction equals the gold file
    kept: list[str] = field(default_factory=list)  # gold changed since the base, the correction did not
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.conflicts

    def summary(self) -> str:
        counts = (f"added {len(self.added)}, replaced {len(self.replaced)}, unchanged {len(self.unchanged)}, "
                  f"kept {len(self.kept)}, conflicts {len(self.conflicts)}")
        lines = [counts]
        for name, ids in (("added", self.added), ("replaced", self.replaced), ("kept", self.kept)):
            lines += [f"  {name}: {doc_id}" for doc_id in ids]
        lines += [f"  CONFLICT: {c.doc_id}: {c.reason} (correction written to {c.path})" for c in self.conflicts]
        return "\n".join(lines)


def gold_path(corpus_dir: Path, doc_id: str) -> Path:
    return corpus_dir / f"{doc_id}.jsonl"


def conflict_path(corpus_dir: Path, doc_id: str) -> Path:
    return corpus_dir / f"{doc_id}{CONFLICT_SUFFIX}"


def _write_record(path: Path, record: dict) -> None:
    with atomic_open(path) as handle:
        handle.write(dumps_record(record) + "\n")


def read_gold(path: Path) -> dict:
    """The one record of a gold file (checked: it is about to be compared and maybe kept in history)."""
    records = read_jsonl(path)
    if len(records) != 1:
        raise FormatError(f"{path}:1: {path.stem}: a gold file holds one document, found {len(records)}")
    record = records[0]
    if record.get("id") != path.stem:
        raise FormatError(f"{path}:1: {record.get('id')}: id differs from the file name {path.stem!r}")
    return validate_record(record, f"{path}:1")


def _history_entry(previous: dict) -> dict:
    """What is remembered of a replaced version: its provenance (None where unknown) and per-version meta."""
    meta = previous.get("meta") or {}
    entry = {k: meta.get(k) for k in PROVENANCE_KEYS}
    entry.update({k: v for k, v in meta.items() if k in _VERSION_KEYS and k not in PROVENANCE_KEYS and k != "history"})
    return entry


def with_provenance(corrected: dict, previous: dict | None, merged_at: str) -> dict:
    """The record to write: the correction, its provenance in meta, and the history of what it replaces.

    Provenance is what the import provided, nothing guessed: a base that is itself an older gold record would
    name a model that did not produce this pre-annotation.
    """
    new_meta = corrected.get("meta") or {}
    meta: dict = {}
    if previous is not None:  # document-level meta of the gold file (e.g. its source) carries over
        meta.update({k: v for k, v in (previous.get("meta") or {}).items() if k not in _VERSION_KEYS})
    meta.update({k: v for k, v in new_meta.items() if k != "history"})
    for key in PROVENANCE_KEYS:
        meta[key] = new_meta.get(key)
    if previous is not None:
        history = list((previous.get("meta") or {}).get("history") or []) + [_history_entry(previous)]
    else:
        history = list(new_meta.get("history") or [])
    meta["history"] = history
    meta["merged_at"] = merged_at
    return {"id": corrected["id"], "text": corrected["text"], "entities": corrected["entities"],
            "relations": corrected["relations"], "meta": meta}


def _index(records: Iterable[dict], source: str) -> dict[str, dict]:
    """Check records and index them by id; a document twice is an error (which one would win?)."""
    out: dict[str, dict] = {}
    for n, record in enumerate(records, start=1):
        where = f"{source}:{n}"
        checked = validate_record(record, where)
        check_doc_id(checked["id"], where)
        if checked["id"] in out:
            raise FormatError(f"{where}: {checked['id']}: document appears twice")
        out[checked["id"]] = checked
    return out


def merge(
    corpus_dir: str | Path, corrected_records: Iterable[dict], base_records: Iterable[dict] | None = None
) -> MergeReport:
    """Fold `corrected_records` into the gold files of `corpus_dir` (see the module doc for the rules)."""
    corpus_dir = Path(corpus_dir)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    # Check everything before writing anything, so a bad record cannot leave a half-done merge.
    corrected = _index(corrected_records, "<corrected>")
    bases = _index(base_records, "<base>") if base_records is not None else {}
    golds = {doc_id: read_gold(gold_path(corpus_dir, doc_id)) for doc_id in corrected
             if gold_path(corpus_dir, doc_id).exists()}
    merged_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    report = MergeReport()
    for doc_id, record in corrected.items():
        gold, base = golds.get(doc_id), bases.get(doc_id)
        if gold is None:
            _write_record(gold_path(corpus_dir, doc_id), with_provenance(record, None, merged_at))
            report.added.append(doc_id)
            continue
        if same_annotation(gold, record):
            report.unchanged.append(doc_id)
            continue
        if base is not None and same_annotation(gold, base):
            _write_record(gold_path(corpus_dir, doc_id), with_provenance(record, gold, merged_at))
            report.replaced.append(doc_id)
            continue
        if base is not None and same_annotation(record, base):
            report.kept.append(doc_id)
            continue
        reason = ("no base pre-annotation to tell whether the gold file changed since export" if base is None
                  else "changed in the gold file and in the correction since the pre-annotation")
        path = conflict_path(corpus_dir, doc_id)
        # Written as it would replace the gold file, so resolving can be a plain rename.
        _write_record(path, with_provenance(record, gold, merged_at))
        report.conflicts.append(Conflict(doc_id, reason, path))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="merge", description="Fold corrected documents into the gold corpus.")
    parser.add_argument("corrected", type=Path, help="corrected records (JSONL), or a tool export with --format")
    parser.add_argument("--corpus", type=Path, required=True, help="folder of gold files, one <doc-id>.jsonl each")
    parser.add_argument("--base", type=Path, help="the pre-annotation records (JSONL) the tool was given")
    parser.add_argument("--format", choices=["jsonl", *FORMATS], default="jsonl",
                        help="read CORRECTED as this tool's export instead of corpus JSONL")
    args = parser.parse_args(argv)
    try:
        if args.format == "jsonl":
            corrected = read_jsonl(args.corrected)
        else:
            corrected = FORMATS[args.format].read_export(args.corrected)
        base = read_jsonl(args.base) if args.base else None
        report = merge(args.corpus, corrected, base)
    except (FormatError, OSError) as err:
        print(f"merge: {err}", file=sys.stderr)
        return 2
    print(report.summary())
    return 1 if report.conflicts else 0


if __name__ == "__main__":
    sys.exit(main())
