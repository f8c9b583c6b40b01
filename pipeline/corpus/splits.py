"""The train/dev/test splits of the gold corpus (`corpus/splits.json`) and commands over them.

``python -m pipeline.corpus.splits export dev -o dev.gold.jsonl`` writes a split's gold records;
``python -m pipeline.corpus.splits predict dev --model default -o dev.pred.jsonl`` runs a pipeline on
the split's raw reports. The test split needs ``--release``: it is scored once per model release.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.backends import BACKEND_CHOICES
from pipeline.paths import REPO_ROOT
from pipeline.records import read_jsonl, write_jsonl

CORPUS = REPO_ROOT / "corpus"
SPLITS = ("train", "dev", "test")


def gold_ids(corpus: Path = CORPUS) -> list[str]:
    """Documents whose gold annotation is complete (`corpus/annotation_log.tsv`); drafts in progress are not."""
    with open(corpus / "annotation_log.tsv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    gold = corpus / "gold"
    return sorted(r["id"] for r in rows if r["status"] == "complete" and (gold / f"{r['id']}.jsonl").exists())


def split_ids(corpus: Path = CORPUS) -> dict[str, list[str]]:
    """Document ids of each split; gold documents that the split file does not list are train."""
    spec = json.loads((corpus / "splits.json").read_text(encoding="utf-8"))
    listed = {i for name in ("dev", "test") for i in spec.get(name, [])}
    available = gold_ids(corpus)
    return {
        "train": [i for i in available if i not in listed],
        "dev": [i for i in spec.get("dev", []) if i in available],
        "test": [i for i in spec.get("test", []) if i in available],
    }


def load_split(name: str, corpus: Path = CORPUS) -> list[dict]:
    """Gold records of one split (FIG entities carry hand-normalised values where corpus/figures has them)."""
    return [attach_figure_values(rec, corpus)
            for doc_id in split_ids(corpus)[name] for rec in read_jsonl(corpus / "gold" / f"{doc_id}.jsonl")]


def attach_figure_values(record: dict, corpus: Path = CORPUS) -> dict:
    """Add `value`, `unit`, `qualifier`, `change` from corpus/figures/<id>.tsv to the FIG entities it lists."""
    path = corpus / "figures" / f"{record['id']}.tsv"
    if not path.exists():
        return attach_figure_attributes(record, corpus)
    with open(path, encoding="utf-8") as fh:
        rows = {(int(r["start"]), int(r["end"])): r for r in csv.DictReader(fh, delimiter="\t")}
    for ent in record["entities"]:
        row = rows.get((ent["start_offset"], ent["end_offset"]))
        if ent["label"] == "FIG" and row is not None:
            if row["text"] != ent["text"]:
                raise ValueError(f"{path}: {row['start']}-{row['end']}: {row['text']!r} is not the gold span "
                                 f"{ent['text']!r}")
            ent.update(value=float(row["value"]) if row["value"] else None, unit=row["unit"] or None,
                       qualifier=row["qualifier"] or None, change=row["change"] or None)
    return attach_figure_attributes(record, corpus)


def attach_figure_attributes(record: dict, corpus: Path = CORPUS) -> dict:
    """Add `status`, `period`, `basis` from corpus/figure_attributes/<id>.tsv (GUIDELINES §5b) to every FIG it
    lists; a row that is not a gold FIG, or a gold FIG without a row, is an error."""
    path = corpus / "figure_attributes" / f"{record['id']}.tsv"
    if not path.exists():
        return record
    with open(path, encoding="utf-8") as fh:
        rows = {(int(r["start"]), int(r["end"])): r for r in csv.DictReader(fh, delimiter="\t")}
    figs = {(e["start_offset"], e["end_offset"]): e for e in record["entities"] if e["label"] == "FIG"}
    if set(rows) != set(figs):
        odd = sorted(set(rows) ^ set(figs))[0]
        raise ValueError(f"{path}: {odd[0]}-{odd[1]}: the rows and the gold FIG spans differ "
                         f"({len(rows)} rows, {len(figs)} FIGs)")
    for key, row in rows.items():
        if row["text"] != figs[key]["text"]:
            raise ValueError(f"{path}: {row['start']}-{row['end']}: {row['text']!r} is not the gold span")
        figs[key].update(status=row["status"], period=row["period"] or None, basis=row["basis"] or None)
    return record


def trained_on(model: str, backend: str, ids: list[str]) -> tuple[Path, list[str]]:
    """The tagger folder a run uses and the documents of `ids` it was trained on (its `training.json`: the
    release model is fitted on train and dev once its settings are chosen on dev)."""
    from pipeline.backends import HANLP_MODEL

    folder = HANLP_MODEL if str(model) in ("default", "fast") and backend == "hanlp" else Path(model)
    meta = folder / "training.json"
    if not meta.exists():
        return folder, []
    trained = set(json.loads(meta.read_text(encoding="utf-8")).get("train_docs", []))
    return folder, [i for i in ids if i in trained]


def _check_test(name: str, release: bool) -> None:
    if name == "test" and not release:
        raise SystemExit("the test split is scored once per model release: pass --release if this is one")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Export or predict a corpus split.")
    parser.add_argument("action", choices=("export", "predict", "list"))
    parser.add_argument("split", choices=SPLITS)
    parser.add_argument("-o", "--out", type=Path)
    parser.add_argument("--model", default="default")
    parser.add_argument("--backend", choices=BACKEND_CHOICES, default="default")
    parser.add_argument("--release", action="store_true", help="allow the test split")
    parser.add_argument("--ids", help="only these documents of the split, comma-separated (a held-out fold)")
    args = parser.parse_args(argv)
    _check_test(args.split, args.release)
    ids = split_ids()[args.split]
    if args.ids:
        wanted = args.ids.split(",")
        if unknown := [i for i in wanted if i not in ids]:
            parser.error(f"--ids: {unknown[0]} is not a document of the {args.split} split")
        ids = wanted
    if args.action == "list":
        print("\n".join(ids))
        return 0
    if args.out is None:
        parser.error("-o/--out is required")
    if args.action == "export":
        records = [rec for rec in load_split(args.split) if rec["id"] in ids]
    else:
        import pipeline
        from pipeline.extract import extract_record

        from pipeline.backends import resolve_backend

        args.backend = resolve_backend(args.backend, args.model)
        nlp = pipeline.load(args.model, backend=args.backend)
        folder, seen = trained_on(args.model, args.backend, ids)
        if seen:
            print(f"warning: {len(seen)} of the {len(ids)} {args.split} documents are in the training data of "
                  f"{folder}: scores on them are not held out", file=sys.stderr)
        records = []
        for doc_id in ids:
            text = (CORPUS / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")
            records.append(extract_record(nlp, text, doc_id, {"model": str(args.model), "backend": args.backend}))
    with atomic_open(args.out) as fh:
        write_jsonl(records, fh)
    print(f"{len(records)} {args.split} documents → {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
