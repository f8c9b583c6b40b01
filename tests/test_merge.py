"""Merging corrected documents into the gold corpus: add, replace, keep, conflict, provenance, atomic writes."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.corpus.merge import main, merge
from pipeline.formats import FormatError, labelstudio

TEXT = "全区地区生产总值增长5%左右,石峰区获评国家级示范区。"


def ent(eid: int, label: str, start: int, end: int, text: str = TEXT) -> dict:
    return {"id": eid, "label": label, "start_offset": start, "end_offset": end, "text": text[start:end]}


def record(doc_id: str = "doc-1", *, fig_end: int = 14, ach_label: str = "ACH", meta: dict | None = None) -> dict:
    rec = {
        "id": doc_id, "text": TEXT,
        "entities": [ent(1, "IND", 2, 8), ent(2, "FIG", 10, fig_end), ent(3, "LOC", 15, 18), ent(4, ach_label, 20, 26)],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "HAS_VALUE"}],
    }
    if ach_label == "ACH":
        rec["relations"].append({"id": 2, "from_id": 3, "to_id": 4, "type": "ACHIEVED"})
    if meta is not None:
        rec["meta"] = meta
    return rec


BASE = record()  # the pre-annotation that went out to the tool
CORRECTED = record(fig_end=12, meta={"annotator": "wang@example.org", "date": "2024-05-03T10:30:00Z",
                                     "source_tool": "label-studio", "pre_annotation_model": "crf-2024-04",
                                     "label_studio_task": 17})
GOLD_EDITED = record(ach_label="PROJ")  # someone edited the gold file after the export


def write_gold(corpus: Path, rec: dict) -> Path:
    corpus.mkdir(parents=True, exist_ok=True)
    path = corpus / f"{rec['id']}.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def read(path: Path) -> dict:
    (line,) = path.read_text(encoding="utf-8").splitlines()
    return json.loads(line)


def spans(rec: dict) -> set:
    return {(e["start_offset"], e["end_offset"], e["label"]) for e in rec["entities"]}


def no_temp_files(corpus: Path) -> bool:
    return not [p for p in corpus.iterdir() if p.name.endswith(".tmp")]


def test_new_document_is_added_with_provenance(tmp_path: Path) -> None:
    report = merge(tmp_path / "gold", [CORRECTED])
    assert report.added == ["doc-1"] and report.ok
    written = read(tmp_path / "gold" / "doc-1.jsonl")
    assert spans(written) == spans(CORRECTED)
    meta = written["meta"]
    assert (meta["annotator"], meta["date"], meta["source_tool"], meta["pre_annotation_model"]) == (
        "wang@example.org", "2024-05-03T10:30:00Z", "label-studio", "crf-2024-04")
    assert meta["history"] == []
    assert no_temp_files(tmp_path / "gold")


def test_untouched_gold_is_replaced_and_history_kept(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    old_meta = {"annotator": "li", "date": "2024-01-02", "source_tool": "inline", "pre_annotation_model": None,
                "source": "gov.cn", "history": [{"annotator": "first", "date": "2023-12-01", "source_tool": "brat",
                                                 "pre_annotation_model": None}]}
    write_gold(corpus, record(meta=old_meta))
    report = merge(corpus, [CORRECTED], [BASE])
    assert report.replaced == ["doc-1"] and report.ok
    written = read(corpus / "doc-1.jsonl")
    assert spans(written) == spans(CORRECTED)
    meta = written["meta"]
    assert meta["annotator"] == "wang@example.org" and meta["source_tool"] == "label-studio"
    assert meta["source"] == "gov.cn"  # document-level meta carries over
    assert [h["annotator"] for h in meta["history"]] == ["first", "li"]
    assert meta["history"][-1] == {"annotator": "li", "date": "2024-01-02", "source_tool": "inline",
                                   "pre_annotation_model": None}

    # A second round appends again: nothing earlier is lost.
    second = record(fig_end=13, meta={"annotator": "zhao", "date": "2024-07-01", "source_tool": "doccano"})
    report = merge(corpus, [second], [written])
    assert report.replaced == ["doc-1"]
    meta = read(corpus / "doc-1.jsonl")["meta"]
    assert [h["annotator"] for h in meta["history"]] == ["first", "li", "wang@example.org"]
    assert meta["history"][-1]["label_studio_task"] == 17
    assert "label_studio_task" not in meta  # per-version meta moved into history
    assert meta["annotator"] == "zhao" and meta["pre_annotation_model"] is None


def test_gold_without_meta_gets_an_unknown_history_entry(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    write_gold(corpus, BASE)
    merge(corpus, [CORRECTED], [BASE])
    assert read(corpus / "doc-1.jsonl")["meta"]["history"] == [
        {"annotator": None, "date": None, "source_tool": None, "pre_annotation_model": None}]


def test_ids_do_not_matter_for_comparison(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    renumbered = record()
    renumbered["entities"] = [{**e, "id": 100 - e["id"]} for e in renumbered["entities"]]
    renumbered["relations"] = [{**r, "from_id": 100 - r["from_id"], "to_id": 100 - r["to_id"]}
                               for r in renumbered["relations"]]
    write_gold(corpus, renumbered)
    assert merge(corpus, [CORRECTED], [BASE]).replaced == ["doc-1"]


def test_conflict_leaves_gold_untouched(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    gold = write_gold(corpus, GOLD_EDITED)
    before = gold.read_bytes()
    report = merge(corpus, [CORRECTED], [BASE])
    assert not report.ok and [c.doc_id for c in report.conflicts] == ["doc-1"]
    assert gold.read_bytes() == before
    conflict = corpus / "doc-1.conflict.jsonl"
    assert report.conflicts[0].path == conflict
    written = read(conflict)
    assert spans(written) == spans(CORRECTED)
    assert written["meta"]["annotator"] == "wang@example.org"
    assert no_temp_files(corpus)


def test_without_base_a_differing_gold_is_a_conflict(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    write_gold(corpus, BASE)
    report = merge(corpus, [CORRECTED])
    assert [c.doc_id for c in report.conflicts] == ["doc-1"] and "no base" in report.conflicts[0].reason


def test_correction_without_changes_keeps_newer_gold(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    gold = write_gold(corpus, GOLD_EDITED)
    before = gold.read_bytes()
    report = merge(corpus, [record(meta={"annotator": "wang"})], [BASE])
    assert report.kept == ["doc-1"] and report.ok
    assert gold.read_bytes() == before


def test_correction_equal_to_gold_is_unchanged(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    gold = write_gold(corpus, GOLD_EDITED)
    before = gold.read_bytes()
    report = merge(corpus, [GOLD_EDITED], [BASE])
    assert report.unchanged == ["doc-1"] and gold.read_bytes() == before


def test_invalid_correction_writes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "gold"
    bad = record("doc-2")
    bad["entities"][0]["text"] = "生产总值"
    with pytest.raises(FormatError, match=r"<corrected>:2: doc-2: span 1 IND: text '生产总值' differs"):
        merge(corpus, [CORRECTED, bad])
    assert not list(corpus.glob("*"))
    with pytest.raises(FormatError, match="appears twice"):
        merge(corpus, [CORRECTED, CORRECTED])
    with pytest.raises(FormatError, match="file name"):
        merge(corpus, [record("../escape")])


def test_failed_write_leaves_gold_and_no_temp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = tmp_path / "gold"
    gold = write_gold(corpus, BASE)
    before = gold.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        merge(corpus, [CORRECTED], [BASE])
    assert gold.read_bytes() == before
    assert sorted(os.listdir(corpus)) == ["doc-1.jsonl"]


def test_cli_add_then_conflict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "gold"
    corrected = tmp_path / "corrected.jsonl"
    base = tmp_path / "pre.jsonl"
    corrected.write_text(json.dumps(CORRECTED, ensure_ascii=False) + "\n", encoding="utf-8")
    base.write_text(json.dumps(BASE, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main([str(corrected), "--corpus", str(corpus), "--base", str(base)]) == 0
    assert "added 1" in capsys.readouterr().out

    write_gold(corpus, GOLD_EDITED)
    gold_before = (corpus / "doc-1.jsonl").read_bytes()
    assert main([str(corrected), "--corpus", str(corpus), "--base", str(base)]) == 1
    out = capsys.readouterr().out
    assert "conflicts 1" in out and "CONFLICT: doc-1" in out
    assert (corpus / "doc-1.jsonl").read_bytes() == gold_before
    assert (corpus / "doc-1.conflict.jsonl").exists()

    corrected.write_text('{"id": "x", "text": "ab", "entities": [{"id": 1, "label": "ORG", "start_offset": 0, '
                         '"end_offset": 5}], "relations": []}\n', encoding="utf-8")
    assert main([str(corrected), "--corpus", str(corpus)]) == 2
    assert "out of range" in capsys.readouterr().err


def test_label_studio_export_to_gold_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Pre-annotate → Label Studio → annotator fixes a figure → merge with --format: the gold file is replaced."""
    corpus = tmp_path / "gold"
    write_gold(corpus, BASE)
    labelstudio.write_tasks([BASE], tmp_path / "tasks.json", model_version="crf-2024-04")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    result = tasks[0]["predictions"][0]["result"]
    fig = next(r for r in result if r.get("value", {}).get("labels") == ["FIG"])
    fig["value"].update(end=12, text=TEXT[10:12])
    export = [{"id": 5, "data": tasks[0]["data"], "predictions": tasks[0]["predictions"], "annotations": [
        {"id": 9, "completed_by": {"id": 2, "email": "wang@example.org"}, "result": result, "was_cancelled": False,
         "created_at": "2024-05-03T10:00:00Z", "updated_at": "2024-05-03T10:30:00Z"}]}]
    (tmp_path / "export.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "pre.jsonl").write_text(json.dumps(BASE, ensure_ascii=False) + "\n", encoding="utf-8")
    code = main([str(tmp_path / "export.json"), "--format", "label-studio", "--corpus", str(corpus),
                 "--base", str(tmp_path / "pre.jsonl")])
    assert code == 0 and "replaced 1" in capsys.readouterr().out
    written = read(corpus / "doc-1.jsonl")
    assert spans(written) == spans(CORRECTED)
    assert written["meta"]["annotator"] == "wang@example.org"
    assert written["meta"]["pre_annotation_model"] == "crf-2024-04"
    assert written["meta"]["label_studio_task"] == 5
