"""validate: each kind of problem is reported with its file, JSONL line and document id.

All documents here are made-up snippets, not taken from real reports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evaluation import validate_records
from evaluation.validate import Problem, validate_files

REPO = Path(__file__).resolve().parents[1]
GOLD_PATH = REPO / "tests" / "data" / "shifeng-2023.gold.jsonl"

TEXT = "区政府发布报告。地区生产总值增长5%左右；新增企业29家。"


def ent(ent_id: int, label: str, surface: str, **extra: object) -> dict:
    start = TEXT.index(surface)
    end = start + len(surface)
    return {"id": ent_id, "label": label, "start_offset": start, "end_offset": end, "text": surface} | extra


def rel(rel_id: int, head: int, tail: int, rel_type: str) -> dict:
    return {"id": rel_id, "from_id": head, "to_id": tail, "type": rel_type}


def good_doc(doc_id: str = "ok") -> dict:
    """A clean document: ORG, and two IND -> FIG pairs, each FIG with one HAS_VALUE head."""
    return {
        "id": doc_id,
        "text": TEXT,
        "entities": [
            ent(1, "ORG", "区政府"),
            ent(2, "IND", "地区生产总值"),
            ent(3, "FIG", "5%左右", value=5.0, unit="%", qualifier="approx", change="增长"),
            ent(4, "IND", "企业"),
            ent(5, "FIG", "29家"),
        ],
        "relations": [rel(1, 2, 3, "HAS_VALUE"), rel(2, 4, 5, "HAS_VALUE")],
    }


def write(tmp_path: Path, lines: list[object], name: str = "data.jsonl") -> Path:
    path = tmp_path / name
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
        encoding="utf-8",
    )
    return path


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def only(problems: list[Problem], line: int) -> list[str]:
    return [p.message for p in problems if p.line == line]


def test_clean_document_has_no_problem() -> None:
    assert validate_records([good_doc()], "mem") == []


def test_real_gold_validates_clean() -> None:
    problems, totals = validate_files([GOLD_PATH])
    assert problems == []  # not even a warning
    assert (totals.documents, totals.spans, totals.relations) == (1, 152, 51)


def test_json_and_record_shape_errors_with_line_numbers(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        [
            good_doc("a"),
            '{"id": "broken", "text": "x",, }',  # line 2: JSON syntax, column of the second comma
            "[1, 2]",  # line 3
            {"id": "no-text", "entities": [], "relations": []},  # line 4
            {"id": "bad-types", "text": "x", "entities": {}, "relations": "none"},  # line 5
            "",  # line 6: blank lines are skipped
            {"id": 7, "text": "x", "entities": [], "relations": []},  # line 7: id must be a string
            good_doc("a"),  # line 8: duplicate id
        ],
    )
    problems, totals = validate_files([path])
    out = messages(problems)
    assert f"{path}:2: -: invalid JSON: Expecting property name enclosed in double quotes (column 30)" in out
    assert f"{path}:3: -: record is a JSON array, expected an object" in out
    assert f"{path}:4: no-text: missing key 'text'" in out
    assert f"{path}:5: bad-types: 'entities' must be an array, got object" in out
    assert f"{path}:5: bad-types: 'relations' must be an array, got string" in out
    assert f"{path}:7: 7: 'id' must be a non-empty string, got number" in out
    assert f"{path}:8: a: duplicate document id (first at {path}:1)" in out
    assert only(problems, 1) == [] and only(problems, 6) == []
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert totals.documents == 5  # the object records: lines 1, 4, 5, 7, 8


def test_duplicate_document_id_across_files(tmp_path: Path) -> None:
    a = write(tmp_path, [good_doc("x")], "a.jsonl")
    b = write(tmp_path, [good_doc("y"), good_doc("x")], "b.jsonl")
    problems, _ = validate_files([a, b])
    assert messages(problems) == [f"{b}:2: x: duplicate document id (first at {a}:1)"]


def test_entity_problems() -> None:
    doc = good_doc("ents")
    doc["entities"] += [
        ent(6, "ORG", "报告"),
        ent(6, "LOC", "发布"),  # duplicate id 6
        {"id": 7, "label": "ORG", "start_offset": 50, "end_offset": 60, "text": "x"},  # out of range
        {"id": 8, "label": "ORG", "start_offset": 5, "end_offset": 5, "text": ""},  # start == end
        {"id": 9, "label": "ORG", "start_offset": 0, "end_offset": 2, "text": "政府"},  # text mismatch
        ent(10, "PER", "增长"),  # unknown label
        {"id": 11, "label": "ORG", "start_offset": "3"},  # wrong type, missing keys
        "not an entity",
    ]
    got = only(validate_records([doc], "mem", lines=[12]), 12)
    assert "duplicate entity id 6" in got
    assert "entity 7: offsets [50, 60) out of range (text has 29 characters)" in got
    assert "entity 8: start_offset 5 is not before end_offset 5" in got
    assert "entity 9: text '政府' differs from text[0:2] '区政'" in got
    assert any(m.startswith("entity 10: unknown label 'PER'") for m in got)
    assert "entity 11: 'start_offset' must be an integer, got string" in got
    assert "entity 11: missing key 'end_offset'" in got
    assert "entity 11: missing key 'text'" in got
    assert "entities[12] is a JSON string, expected an object" in got
    # 区政 [0,2) overlaps 区政府 [0,3): spans are flat.
    assert "entities 9 (ORG '区政' [0, 2)) and 1 (ORG '区政府' [0, 3)) overlap; spans must be flat" in got


def test_figure_normalisation_key_types() -> None:
    doc = good_doc("figs")
    doc["entities"][2].update(value="五", unit=5, qualifier="about", change="上升")
    doc["entities"][4].update(value=True)
    got = only(validate_records([doc], "mem"), 1)
    assert got == [
        "entity 3: 'value' must be a number or null, got string",
        "entity 3: 'unit' must be a string or null, got number",
        "entity 3: 'qualifier' must be null or one of approx, at_least, at_most, got 'about'",
        "entity 3: 'change' must be null or one of 增长, 下降, 新增, 突破, 达到, got '上升'",
        "entity 5: 'value' must be a number or null, got boolean",
    ]
    nan = good_doc("nan")
    nan["entities"][2]["value"] = float("nan")
    assert only(validate_records([nan], "mem"), 1) == ["entity 3: 'value' must be finite, got nan"]


def test_relation_problems() -> None:
    doc = good_doc("rels")
    doc["relations"] += [
        rel(2, 1, 2, "HAS_INDICATOR"),  # duplicate relation id 2 (ORG -> IND is allowed)
        rel(3, 99, 3, "HAS_VALUE"),  # from_id does not exist
        rel(4, 1, 2, "OWNS"),  # unknown type
        rel(5, 3, 2, "HAS_VALUE"),  # FIG -> IND not allowed
        rel(6, 2, 3, "HAS_VALUE"),  # repeats relation 1
        {"id": 7, "from_id": 1},  # missing keys
    ]
    problems = validate_records([doc], "mem")
    got = only(problems, 1)
    assert "duplicate relation id 2" in got
    assert "relation 3: from_id 99 is not an entity of this document" in got
    assert any(m.startswith("relation 4: unknown relation type 'OWNS'") for m in got)
    allowed = "(head one of ENT, IND, LOC, ORG, PROJ; tail FIG)"
    assert f"relation 5: HAS_VALUE from FIG to IND is not allowed {allowed}" in got
    assert "relation 6 repeats relation 1 (HAS_VALUE 2 -> 3)" in got
    assert "relation 7: missing key 'to_id'" in got and "relation 7: missing key 'type'" in got
    # Relation 6 gives FIG 3 a second HAS_VALUE head: a warning, not an error (as are the relations from
    # 区政府, in the first sentence, to spans of the second).
    warnings = [str(p) for p in problems if not p.is_error]
    assert "warning: mem:1: rels: FIG entity 3 '5%左右' has 2 HAS_VALUE heads; expected exactly one" in warnings
    assert all("crosses a sentence boundary" in w for w in warnings[:-1])


def test_warnings_do_not_fail(tmp_path: Path) -> None:
    doc = good_doc("warn")
    # 区政府 (sentence 1) -> 5%左右 (sentence 2): crosses "。"; FIG 29家 loses its only head.
    doc["relations"] = [rel(1, 1, 3, "HAS_VALUE")]
    path = write(tmp_path, [doc])
    problems, _ = validate_files([path])
    assert messages(problems) == [
        f"warning: {path}:1: warn: relation 1: HAS_VALUE '区政府' -> '5%左右' crosses a sentence boundary",
        f"warning: {path}:1: warn: FIG entity 5 '29家' has no HAS_VALUE head",
    ]
    assert not any(p.is_error for p in problems)
    # ";" (half-width, as in the Shifeng source) ends a sentence too.
    doc["relations"] = [rel(1, 2, 5, "HAS_VALUE"), rel(2, 4, 3, "HAS_VALUE")]
    crossing = [p.message for p in validate_records([doc], "m") if "crosses" in p.message]
    assert len(crossing) == 2
    doc["text"] = doc["text"].replace("；", ";")
    assert len([p for p in validate_records([doc], "m") if "crosses" in p.message]) == 2


def test_levels() -> None:
    doc = good_doc("lv")
    doc["entities"].append(ent(6, "LOC", "区政"))  # overlap (guideline error)
    doc["entities"].append(ent(7, "PER", "报告"))  # unknown label (schema error)
    doc["relations"] = [rel(1, 1, 3, "HAS_VALUE"), rel(2, 1, 99, "HAS_VALUE")]  # crossing; dangling (format)
    full = [p.message for p in validate_records([doc], "m")]
    schema = [p.message for p in validate_records([doc], "m", level="schema")]
    fmt = [p.message for p in validate_records([doc], "m", level="format")]
    assert any("overlap" in m for m in full) and any("crosses" in m for m in full)
    assert any("head" in m for m in full)  # FIG 5 has no head
    assert not any("overlap" in m or "crosses" in m or "HAS_VALUE head" in m for m in schema)
    assert any("unknown label 'PER'" in m for m in schema)
    assert fmt == ["relation 2: to_id 99 is not an entity of this document"]
    with pytest.raises(ValueError, match="unknown level"):
        validate_records([doc], "m", level="strictest")


def test_problem_format() -> None:
    p = Problem("f.jsonl", 3, "doc", "something")
    assert str(p) == "f.jsonl:3: doc: something"
    assert str(Problem("f.jsonl", 3, "doc", "odd", "warning")) == "warning: f.jsonl:3: doc: odd"
