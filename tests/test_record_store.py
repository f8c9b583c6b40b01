"""Streaming a record to a file, and reading batch outputs back one record at a time.

Texts are real report text (corpus/raw); the JSON lines written by "another tool" are made-up records.
"""

import io
import json
from pathlib import Path

from pipeline.extract import extract_record, write_record
from pipeline.record_store import RecordIndex, StoredRecords, complete_records, cut_incomplete_tail, scan_lines
from pipeline.writers import write_records

ROOT = Path(__file__).resolve().parents[1]
HENAN = (ROOT / "corpus" / "raw" / "province-henan-2026.txt").read_text(encoding="utf-8")


def test_a_streamed_record_is_the_same_line_as_the_whole_record(nlp_rules):
    text = HENAN[:12000].replace("\n", "\r\n")
    buf = io.StringIO()
    counts = write_record(nlp_rules, text, "henan", buf, {"source": "x"}, window_chars=2500)
    record = extract_record(nlp_rules, text, "henan", {"source": "x"}, window_chars=2500)
    assert buf.getvalue() == json.dumps(record, ensure_ascii=False) + "\n"
    assert counts["entities"] == len(record["entities"]) > 50
    assert counts["tokens"] == len(record["tokens"])


def test_large_lists_spill_to_disk_and_come_back_whole(nlp_rules, monkeypatch):
    import pipeline.extract as extract

    monkeypatch.setattr(extract, "_SPOOL_BYTES", 64)  # every list rolls over to a temporary file
    buf = io.StringIO()
    write_record(nlp_rules, HENAN[:6000], "henan", buf)
    assert json.loads(buf.getvalue()) == extract_record(nlp_rules, HENAN[:6000], "henan")


def _lines(tmp_path, records, tail=""):
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records) + tail, encoding="utf-8")
    return path


def test_the_index_stops_at_a_cut_line_and_the_tail_is_cut_before_appending(tmp_path):
    records = [{"id": "a", "text": "政府", "entities": []}, {"id": "b", "text": "报告", "entities": []}]
    path = _lines(tmp_path, records, tail='{"id": "c", "text": "工作')
    entries, valid = scan_lines(path)
    assert [doc_id for doc_id, _ in entries] == ["a", "b"]
    cut_incomplete_tail(path, valid)
    assert path.read_text(encoding="utf-8").endswith("}\n")
    assert complete_records(path) == records


def test_lines_from_another_tool_are_read_by_their_id_key(tmp_path):
    records = [{"text": "政府", "id": "a"}, {"entities": [], "id": "b"}]  # made-up: id not first
    path = _lines(tmp_path, records)
    index = RecordIndex()
    assert index.add_file(path) == path.stat().st_size
    assert list(index.records(["b", "a", "missing"])) == [records[1], records[0]]


def test_stored_records_slice_and_copy_byte_for_byte(tmp_path):
    records = [{"id": str(i), "text": "增长5.2%" * i} for i in range(5)]
    path = _lines(tmp_path, records)
    index = RecordIndex()
    index.add_file(path)
    stored = index.records(["4", "0", "2"])
    assert isinstance(stored, StoredRecords) and len(stored) == 3
    assert stored[1:] == [records[0], records[2]]
    out = tmp_path / "copy.jsonl"
    write_records(stored, out)
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert out.read_text(encoding="utf-8") == lines[4] + lines[0] + lines[2]
