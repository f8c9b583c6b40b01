"""Offsets outside the BMP (Label Studio, brat utf16) and the one-line errors on spans that do not match."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.formats import FormatError, brat, doccano, labelstudio
from pipeline.formats.offsets import OffsetError, Utf16Index

# 𠀀 (U+20000) and 😀 are one code point each but two UTF-16 units: every offset after them shifts.
TEXT = "𠀀株洲市😀石峰区地区生产总值增长5%左右\n第二行"


def span(eid: int, label: str, start: int, end: int) -> dict:
    return {"id": eid, "label": label, "start_offset": start, "end_offset": end, "text": TEXT[start:end]}


RECORD = {
    "id": "nonbmp-1",
    "text": TEXT,
    "entities": [span(1, "LOC", 1, 4), span(2, "LOC", 5, 8), span(3, "IND", 8, 14), span(4, "FIG", 16, 20)],
    "relations": [{"id": 1, "from_id": 3, "to_id": 4, "type": "HAS_VALUE"},
                  {"id": 2, "from_id": 2, "to_id": 3, "type": "HAS_INDICATOR"}],
}


def js_index(text: str, i: int) -> int:
    """What JavaScript's string index is for Python index i."""
    return len(text[:i].encode("utf-16-le")) // 2


def sets(record: dict) -> tuple[set, set]:
    span_of = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
    return set(span_of.values()), {(span_of[r["from_id"]], span_of[r["to_id"]], r["type"]) for r in record["relations"]}


def test_record_is_what_it_claims() -> None:
    assert [e["text"] for e in RECORD["entities"]] == ["株洲市", "石峰区", "地区生产总值", "5%左右"]


# --- Label Studio ----------------------------------------------------------------------------------------------

def test_labelstudio_tasks_count_utf16_units(tmp_path: Path) -> None:
    labelstudio.write_tasks([RECORD], tmp_path / "tasks.json")
    (task,) = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    regions = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]
    assert [(r["value"]["start"], r["value"]["end"]) for r in regions] == [(2, 5), (7, 10), (10, 16), (18, 22)]
    for region, entity in zip(regions, RECORD["entities"], strict=True):
        assert region["value"]["start"] == js_index(TEXT, entity["start_offset"])
        assert region["value"]["end"] == js_index(TEXT, entity["end_offset"])
        assert region["value"]["text"] == entity["text"]


def test_labelstudio_export_converts_back_to_code_points(tmp_path: Path) -> None:
    labelstudio.write_tasks([RECORD], tmp_path / "tasks.json")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    result = tasks[0]["predictions"][0]["result"]
    # The annotator replaces 5%左右 by 5% (a span after both astral characters), in JS offsets as Label Studio does.
    start = TEXT.index("左右") - 2
    result.append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": js_index(TEXT, start), "end": js_index(TEXT, start + 2), "text": "5%",
                             "labels": ["FIG"]}})
    result = [r for r in result if r.get("id") != "e4" and r.get("to_id") != "e4"]
    result.append({"from_id": "e3", "to_id": "new1", "type": "relation", "direction": "right",
                   "labels": ["HAS_VALUE"]})
    export = [{"id": 1, "data": tasks[0]["data"], "annotations": [
        {"id": 1, "completed_by": 1, "result": result, "was_cancelled": False,
         "created_at": "2024-06-01T00:00:00Z", "updated_at": "2024-06-01T00:00:00Z"}]}]
    (tmp_path / "export.json").write_text(json.dumps(export, ensure_ascii=False), encoding="utf-8")
    (got,) = labelstudio.read_export(tmp_path / "export.json")
    spans, rels = sets(got)
    assert (16, 18, "FIG") in spans and (16, 20, "FIG") not in spans
    assert ((8, 14, "IND"), (16, 18, "FIG"), "HAS_VALUE") in rels
    assert got["meta"]["annotator"] == "user-1"


def test_labelstudio_round_trip_outside_bmp(tmp_path: Path) -> None:
    labelstudio.write_tasks([RECORD], tmp_path / "tasks.json")
    (got,) = labelstudio.read_export(tmp_path / "tasks.json", unannotated="prediction")
    assert sets(got) == sets(RECORD)
    assert got["entities"] == RECORD["entities"]


def test_labelstudio_code_point_offsets_are_refused(tmp_path: Path) -> None:
    """An export whose offsets were (wrongly) code points must fail, not shift silently."""
    labelstudio.write_tasks([RECORD], tmp_path / "tasks.json")
    tasks = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    region = tasks[0]["predictions"][0]["result"][1]  # 石峰区, JS 7..10, Python 5..8
    region["value"]["start"], region["value"]["end"] = 5, 8
    (tmp_path / "bad.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FormatError, match=r"^.*bad\.json:task 1: nonbmp-1: span 'e2' LOC: text '石峰区' differs"):
        labelstudio.read_export(tmp_path / "bad.json", unannotated="prediction")
    region["value"]["start"] = 1  # between the two halves of 𠀀
    (tmp_path / "bad.json").write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(FormatError, match="splits the character"):
        labelstudio.read_export(tmp_path / "bad.json", unannotated="prediction")


# --- brat ------------------------------------------------------------------------------------------------------

def test_brat_utf16_offsets(tmp_path: Path) -> None:
    brat.write_tasks([RECORD], tmp_path / "u", offsets="utf16")
    brat.write_tasks([RECORD], tmp_path / "c")
    u_lines = (tmp_path / "u" / "nonbmp-1.ann").read_text(encoding="utf-8").splitlines()
    c_lines = (tmp_path / "c" / "nonbmp-1.ann").read_text(encoding="utf-8").splitlines()
    assert u_lines[1] == "T2\tLOC 7 10\t石峰区"
    assert c_lines[1] == "T2\tLOC 5 8\t石峰区"
    assert (tmp_path / "u" / "nonbmp-1.txt").read_bytes() == TEXT.encode("utf-8")
    assert sets(brat.read_export(tmp_path / "u", offsets="utf16")[0]) == sets(RECORD)
    assert sets(brat.read_export(tmp_path / "c")[0]) == sets(RECORD)
    # Reading one convention as the other is caught by the span text, never shifted silently.
    with pytest.raises(FormatError, match=r"nonbmp-1\.ann:\d+: nonbmp-1: span 'T1' LOC: text '株洲市' differs"):
        brat.read_export(tmp_path / "u")


def test_brat_keeps_crlf_and_counts_it(tmp_path: Path) -> None:
    text = "第一行\r\n石峰区\r\n"
    record = {"id": "crlf", "text": text, "entities": [span(1, "LOC", 5, 8) | {"text": "石峰区"}], "relations": []}
    brat.write_tasks([record], tmp_path)
    assert (tmp_path / "crlf.txt").read_bytes() == text.encode("utf-8")
    (got,) = brat.read_export(tmp_path)
    assert got["text"] == text and got["entities"][0]["start_offset"] == 5


# --- errors ----------------------------------------------------------------------------------------------------

ERROR = re.compile(r"^\S+:(\d+|task \d+): [\w-]+: .+$")


def test_doccano_mismatching_span_is_a_one_line_error(tmp_path: Path) -> None:
    good = {"doc_id": "d1", "text": "石峰区人民政府", "entities": [
        {"id": 1, "label": "ORG", "start_offset": 0, "end_offset": 7}], "relations": []}
    bad_text = {**good, "entities": [{**good["entities"][0], "text": "石峰区政府"}]}
    out_of_range = {**good, "doc_id": "d2", "entities": [{**good["entities"][0], "end_offset": 9}]}
    for n, bad in enumerate((bad_text, out_of_range)):
        path = tmp_path / f"export{n}.jsonl"
        path.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        with pytest.raises(FormatError) as err:
            doccano.read_export(path)
        message = str(err.value)
        assert ERROR.match(message) and "\n" not in message
        assert message.startswith(f"{path}:2: {bad['doc_id']}: ")
    assert "differs" in str(pytest.raises(FormatError, doccano.read_export, tmp_path / "export0.jsonl").value)
    assert "out of range" in str(pytest.raises(FormatError, doccano.read_export, tmp_path / "export1.jsonl").value)


def test_brat_mismatching_span_names_the_line(tmp_path: Path) -> None:
    (tmp_path / "d1.txt").write_text("石峰区人民政府", encoding="utf-8")
    (tmp_path / "d1.ann").write_text("T1\tORG 0 7\t石峰区人民政府\nT2\tLOC 0 3\t石峰区政\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"d1\.ann:2: d1: span 'T2' LOC: text '石峰区政' differs"):
        brat.read_export(tmp_path)
    (tmp_path / "d1.ann").write_text("T1\tORG 0 70\t石峰区人民政府\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"d1\.ann:1: d1: .*out of range"):
        brat.read_export(tmp_path)
    (tmp_path / "d1.ann").write_text("T1\tORG 0 3;4 7\t石峰区 民政府\n", encoding="utf-8")
    with pytest.raises(FormatError, match="discontinuous"):
        brat.read_export(tmp_path)


def test_relation_to_a_missing_or_wrong_span_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "d1.txt").write_text("石峰区产值300亿元", encoding="utf-8")
    (tmp_path / "d1.ann").write_text("T1\tIND 3 5\t产值\nT2\tFIG 5 10\t300亿元\nR1\tHAS_VALUE Arg1:T1 Arg2:T9\n",
                                     encoding="utf-8")
    with pytest.raises(FormatError, match=r"d1\.ann:3: d1: relation 'R1': tail 'T9' is not a span"):
        brat.read_export(tmp_path)
    (tmp_path / "d1.ann").write_text("T1\tIND 3 5\t产值\nT2\tFIG 5 10\t300亿元\nR1\tHAS_VALUE Arg1:T2 Arg2:T1\n",
                                     encoding="utf-8")
    with pytest.raises(FormatError, match="HAS_VALUE not allowed from FIG"):
        brat.read_export(tmp_path)


def test_writing_a_bad_record_is_refused(tmp_path: Path) -> None:
    bad = {**RECORD, "entities": [{**RECORD["entities"][0], "text": "株洲"}], "relations": []}
    for module, out in ((doccano, "t.jsonl"), (labelstudio, "t.json"), (brat, "b")):
        with pytest.raises(FormatError, match=r"<records>:1: nonbmp-1: span 1 LOC: text '株洲' differs"):
            module.write_tasks([bad], tmp_path / out)


# --- the conversion itself -------------------------------------------------------------------------------------

@given(st.text(alphabet=st.sampled_from("a中\n😀𠀀\U0010ffff\ue000"), max_size=40))
def test_utf16_index_matches_javascript(text: str) -> None:
    index = Utf16Index(text)
    assert index.utf16_length == len(text.encode("utf-16-le")) // 2
    for i in range(len(text) + 1):
        assert index.to_utf16(i) == js_index(text, i)
        assert index.to_codepoint(index.to_utf16(i)) == i


def test_utf16_index_refuses_half_characters() -> None:
    index = Utf16Index("a😀b")
    assert [index.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    with pytest.raises(OffsetError):
        index.to_codepoint(2)
    with pytest.raises(OffsetError):
        index.to_codepoint(5)
