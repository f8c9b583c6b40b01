"""The annotator's round trip on a real report: pre-annotate → edit in Label Studio (simulated by
editing the export file) → import → validate → merge → retrain."""

import json
from pathlib import Path

from evaluation import validate_records
from pipeline.cli import main as cli
from pipeline.corpus.merge import main as merge_main
from pipeline.records import read_jsonl
from pipeline.relations.model import train

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt"


def _simulate_annotator(tasks_path: Path, export_path: Path) -> tuple[str, str]:
    """Turn the predictions into a completed annotation, relabel one span and delete another."""
    tasks = json.loads(tasks_path.read_text(encoding="utf-8"))
    task = tasks[0]
    result = [dict(r) for r in task["predictions"][0]["result"]]
    labels = [r for r in result if r["type"] == "labels"]
    relabelled = next(r for r in labels if r["value"]["labels"] == ["ORG"])
    relabelled["value"] = {**relabelled["value"], "labels": ["LOC"]}
    deleted = next(r for r in labels if r["value"]["labels"] == ["PROJ"])
    result = [r for r in result if r.get("id") != deleted["id"]
              and deleted["id"] not in (r.get("from_id"), r.get("to_id"))]
    task["annotations"] = [{"id": 1, "completed_by": {"email": "annotator@example.org"},
                            "created_at": "2026-11-25T08:00:00Z", "updated_at": "2026-11-25T08:30:00Z",
                            "result": result, "was_cancelled": False}]
    export_path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return relabelled["value"]["text"], (deleted["value"]["start"], deleted["value"]["end"])


def test_pre_annotate_edit_import_validate_merge_retrain(tmp_path):
    tasks = tmp_path / "tasks.json"
    assert cli(["pre-annotate", str(SEED), "-o", str(tasks), "--tool", "label-studio", "--model", "rules"]) == 0
    assert (tmp_path / "tasks.config.xml").exists()
    base = tmp_path / "tasks.json.pre.jsonl"
    export = tmp_path / "export.json"
    relabelled, deleted = _simulate_annotator(tasks, export)

    corrected = tmp_path / "corrected.jsonl"
    assert cli(["import", str(export), "--tool", "label-studio", "-o", str(corrected)]) == 0
    records = list(read_jsonl(corrected))
    assert records[0]["meta"]["annotator"] == "annotator@example.org"
    labels = {(e["text"], e["label"]) for e in records[0]["entities"]}
    assert (relabelled, "LOC") in labels
    assert deleted in {(e["start_offset"], e["end_offset"]) for e in next(read_jsonl(base))["entities"]}
    assert deleted not in {(e["start_offset"], e["end_offset"]) for e in records[0]["entities"]}
    assert [p for p in validate_records(records, str(corrected)) if p.severity == "error"] == []

    corpus = tmp_path / "gold"
    assert merge_main([str(corrected), "--corpus", str(corpus), "--base", str(base)]) == 0
    merged = next(read_jsonl(corpus / f"{SEED.stem}.jsonl"))
    assert merged["meta"]["annotator"] == "annotator@example.org"
    # A second, different correction of the same document is a conflict, and the gold file is kept.
    before = (corpus / f"{SEED.stem}.jsonl").read_bytes()
    other = dict(records[0], entities=records[0]["entities"][:-1], relations=[])
    other_path = tmp_path / "other.jsonl"
    other_path.write_text(json.dumps(other, ensure_ascii=False) + "\n", encoding="utf-8")
    assert merge_main([str(other_path), "--corpus", str(corpus), "--base", str(base)]) == 1
    assert (corpus / f"{SEED.stem}.jsonl").read_bytes() == before

    model = train([merged])  # retrain (the relation model is the quick one to retrain in a test)
    assert model.predict(merged["text"], [(e["start_offset"], e["end_offset"], e["label"])
                                          for e in merged["entities"]])
