"""`python -m evaluation lint`: guideline breaks are errors, cross-document inconsistencies warnings."""

import json

from evaluation.cli import main
from evaluation.lint import consistency_findings, guideline_findings


def _record(doc_id, text, spans, relations=()):
    ents = []
    for i, (start, end, label) in enumerate(spans, start=1):
        ents.append({"id": i, "label": label, "start_offset": start, "end_offset": end, "text": text[start:end]})
    rels = [{"id": i, "from_id": h, "to_id": t, "type": ty} for i, (h, t, ty) in enumerate(relations, start=1)]
    return {"id": doc_id, "text": text, "entities": ents, "relations": rels}


# Real sentences from corpus/raw (province-henan-2026, province-anhui-2026).
HENAN = "生产总值6.66万亿元，财政总收入7019亿元。"
ANHUI = "7所高职学校入选国家“双高计划”，3所高职高专升格本科。"


def test_a_clean_record_has_no_guideline_findings():
    rec = _record("henan", HENAN, [(0, 4, "IND"), (4, 11, "FIG"), (12, 17, "IND"), (17, 23, "FIG")],
                  [(1, 2, "HAS_VALUE"), (3, 4, "HAS_VALUE")])
    assert guideline_findings(rec, "f.jsonl", 1) == []


def test_guideline_breaks_are_errors_with_place():
    # FIG across the comma, a FIG without head, an IND with nothing attached, an unbalanced quote.
    rec = _record("henan", HENAN, [(0, 4, "IND"), (4, 16, "FIG")])
    found = guideline_findings(rec, "f.jsonl", 3)
    messages = [str(f) for f in found]
    assert all(m.startswith("f.jsonl:3: henan: ") for m in messages)
    assert any("D24" in m for m in messages)
    assert any("0 HAS_VALUE heads" in m for m in messages)
    assert any("IND with no FIG or ACH" in m for m in messages)
    quote = _record("anhui", ANHUI, [(8, 15, "ACH")])  # 国家“双高计划 — the closing quote left out
    assert any("D23" in str(f) for f in guideline_findings(quote, "g.jsonl", 1))


def test_thousands_separator_is_not_a_clause_break():
    text = "预算收入９，９７０，０００元。"
    rec = _record("old", text, [(0, 4, "IND"), (4, 14, "FIG")], [(1, 2, "HAS_VALUE")])
    assert guideline_findings(rec, "f.jsonl", 1) == []


def test_set_names_with_da_are_flagged():
    text = "形成三大优势集群。"  # made-up snippet
    rec = _record("x", text, [(2, 4, "FIG"), (4, 8, "IND")], [(2, 1, "HAS_VALUE")])
    assert any("D15" in str(f) for f in guideline_findings(rec, "f.jsonl", 1))


def test_inconsistent_labels_and_unmarked_occurrences():
    a = _record("a", "支持河南发展。河南粮食产量居全国第一。", [(2, 4, "LOC"), (7, 9, "LOC")])
    b = _record("b", "河南省委在河南考察。", [(0, 4, "ORG"), (5, 7, "ORG")])
    c = _record("c", "到河南去。", [])
    found = consistency_findings([(a, "a.jsonl", 1), (b, "b.jsonl", 1), (c, "c.jsonl", 4)])
    kinds = {(f.kind, f.problem.source) for f in found}
    assert ("inconsistent-label", "b.jsonl") in kinds  # ORG 河南 is the minority reading
    assert ("unmarked", "c.jsonl") in kinds
    assert all(not f.problem.is_error for f in found)
    unmarked = [f for f in found if f.kind == "unmarked"]
    assert [f.problem.line for f in unmarked] == [4]


def test_cli_exit_status_and_counts(tmp_path, capsys):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(_record("henan", HENAN, [(0, 4, "IND"), (4, 11, "FIG")], [(1, 2, "HAS_VALUE")]),
                               ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["lint", str(good)]) == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(_record("henan", HENAN, [(4, 11, "FIG")]), ensure_ascii=False) + "\n",
                   encoding="utf-8")
    assert main(["lint", str(bad)]) == 1
    out = capsys.readouterr()
    assert f"{bad}:1: henan: FIG '6.66万亿元' at 4" in out.out
    assert "guideline: 1" in out.err
