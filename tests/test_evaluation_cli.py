"""The command line end to end: `python -m evaluation ...` in a subprocess, and `main(argv)` in-process."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from evaluation import load_jsonl
from evaluation.cli import main
from evaluation.jsonl import InputError, write_atomic

REPO = Path(__file__).resolve().parents[1]
GOLD_PATH = REPO / "tests" / "data" / "shifeng-2023.gold.jsonl"


def run_cli(*args: str | Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "evaluation", *map(str, args)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture()
def prediction(tmp_path: Path) -> Path:
    """The real gold with some spans dropped, one relabelled, and a made-up span whose text needs escaping."""
    rec = copy.deepcopy(load_jsonl(GOLD_PATH)[0])
    rec["entities"] = [e for i, e in enumerate(rec["entities"]) if i % 6]
    rec["entities"][0]["label"] = "ENT"
    kept = {e["id"] for e in rec["entities"]}
    rec["relations"] = [r for r in rec["relations"] if r["from_id"] in kept and r["to_id"] in kept]
    return write_jsonl(tmp_path / "pred.jsonl", [rec])


def test_score_end_to_end(tmp_path: Path, prediction: Path) -> None:
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    proc = run_cli("score", GOLD_PATH, prediction, "--json", out_json, "--html", out_html, "--bootstrap", "50")
    assert proc.returncode == 0, proc.stderr
    assert "Entities, strict" in proc.stdout and "micro" in proc.stdout and "Confusion" in proc.stdout
    result = json.loads(out_json.read_text(encoding="utf-8"))
    assert set(result) >= {"entities", "relations", "figures", "errors", "confusion", "bootstrap", "warnings"}
    strict = result["entities"]["strict"]["micro"]
    assert 0 < strict["f1"] < 1 and strict["f1_ci"] is not None
    assert result["bootstrap"]["samples"] == 50
    html = out_html.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<style>" in html and "<script" not in html and "http" not in html and "<link" not in html
    assert '<mark class="gold">' in html and "missed (" in html
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temp file


def test_score_seed_makes_json_reproducible(tmp_path: Path, prediction: Path) -> None:
    outs = []
    for name in ("a.json", "b.json"):
        assert main(["score", str(GOLD_PATH), str(prediction), "--json", str(tmp_path / name), "--seed", "5"]) == 0
        outs.append((tmp_path / name).read_text(encoding="utf-8"))
    assert outs[0] == outs[1]


def test_html_escapes_document_text(tmp_path: Path) -> None:
    # Made-up document whose text holds markup; it must come out escaped.
    text = "区<b>政府</b>&报告。"
    start = text.index("政府")
    gold = {
        "id": "esc",
        "text": text,
        "entities": [{"id": 1, "label": "ORG", "start_offset": start, "end_offset": start + 2, "text": "政府"}],
        "relations": [],
    }
    pred = {**gold, "entities": []}
    g, p = write_jsonl(tmp_path / "g.jsonl", [gold]), write_jsonl(tmp_path / "p.jsonl", [pred])
    html_path = tmp_path / "r.html"
    assert main(["score", str(g), str(p), "--html", str(html_path), "--bootstrap", "0"]) == 0
    html = html_path.read_text(encoding="utf-8")
    assert "<b>" not in html
    assert '区&lt;b&gt;<mark class="gold">政府</mark>&lt;/b&gt;&amp;报告' in html


def test_missing_prediction_warns_and_unknown_id_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = load_jsonl(GOLD_PATH)[0]
    other = {"id": "made-up", "text": "甲乙", "entities": [], "relations": []}
    g = write_jsonl(tmp_path / "g.jsonl", [gold, other])
    p = write_jsonl(tmp_path / "p.jsonl", [gold])
    assert main(["score", str(g), str(p), "--bootstrap", "0"]) == 0
    assert "warning: made-up: no prediction for this gold document" in capsys.readouterr().err
    unknown = write_jsonl(tmp_path / "u.jsonl", [gold, {**other, "id": "stranger"}])
    assert main(["score", str(GOLD_PATH), str(unknown)]) == 2
    err = capsys.readouterr().err
    assert f"{unknown}:2: stranger: prediction for a document id the gold file does not have" in err


def test_bad_input_exits_2_with_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.jsonl"
    assert main(["score", str(GOLD_PATH), str(missing)]) == 2
    assert capsys.readouterr().err.strip() == f"{missing}:0: cannot read file: No such file or directory"
    broken = tmp_path / "broken.jsonl"
    broken.write_text(GOLD_PATH.read_text(encoding="utf-8") + '{"id": "x", "text": \n', encoding="utf-8")
    assert main(["score", str(GOLD_PATH), str(broken)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{broken}:2: invalid JSON: Expecting value (column ")
    assert len(err.splitlines()) == 1
    with pytest.raises(InputError, match=r"broken.jsonl:2: invalid JSON"):
        load_jsonl(broken)
    # Offsets that do not fit the text make a file unscorable.
    rec = load_jsonl(GOLD_PATH)[0]
    rec["entities"][3]["start_offset"] += 1
    shifted = write_jsonl(tmp_path / "shifted.jsonl", [rec])
    assert main(["score", str(GOLD_PATH), str(shifted)]) == 2
    assert "shifted.jsonl:1: shifeng-2023: entity 4: text '区委' differs from" in capsys.readouterr().err


def test_compare_cli(tmp_path: Path, prediction: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.json"
    args = ["compare", str(GOLD_PATH), str(prediction), str(prediction), "--bootstrap", "200", "--seed", "3"]
    assert main([*args, "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    for metric in result["metrics"].values():
        assert metric["difference"] == 0.0 and metric["p_value"] == 1.0
    assert "entities_strict_f1" in capsys.readouterr().out
    assert main(["compare", str(GOLD_PATH), str(prediction), str(GOLD_PATH), "--json", "-"]) == 0


def test_agreement_cli(tmp_path: Path, prediction: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "a.json"
    assert main(["agreement", str(GOLD_PATH), str(GOLD_PATH), "--json", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["kappa"] == 1.0
    assert main(["agreement", str(GOLD_PATH), str(prediction), "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    assert 0 < result["kappa"] < 1 and 0 < result["spans"]["micro"]["f1"] < 1
    assert "Cohen's kappa" in capsys.readouterr().out


def test_validate_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proc = run_cli("validate", GOLD_PATH)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "1 documents, 152 spans, 51 relations: OK"
    rec = load_jsonl(GOLD_PATH)[0]
    bad = copy.deepcopy(rec)
    bad["id"] = "second"
    bad["entities"][0]["label"] = "PER"
    path = write_jsonl(tmp_path / "bad.jsonl", [rec, bad])
    assert main(["validate", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[0].startswith(f"{path}:2: second: entity 1: unknown label 'PER'")
    assert main(["validate", str(GOLD_PATH), str(GOLD_PATH)]) == 1  # duplicate ids across files
    assert main(["validate", str(tmp_path / "absent.jsonl")]) == 2
    capsys.readouterr()
    # Warnings alone pass; --schema-only leaves the guideline checks out.
    warn = copy.deepcopy(rec)
    warn["relations"] = warn["relations"][1:]  # the first FIG loses its HAS_VALUE head
    path = write_jsonl(tmp_path / "warn.jsonl", [warn])
    assert main(["validate", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"warning: {path}:1: shifeng-2023: FIG entity 10 '28.26亿元'")
    assert out[-1] == "1 documents, 152 spans, 50 relations: OK"
    assert main(["validate", "--schema-only", str(path)]) == 0
    assert capsys.readouterr().out.splitlines() == ["1 documents, 152 spans, 50 relations: OK"]


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old content that is longer", encoding="utf-8")
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_score_by_stratum_groups_documents_by_their_id(tmp_path, capsys):
    import json as _json

    from evaluation.cli import main as eval_main

    text = "生产总值6.66万亿元。"  # province-henan-2026
    def rec(doc_id, spans):
        ents = [{"id": i, "label": lb, "start_offset": a, "end_offset": b, "text": text[a:b]}
                for i, (a, b, lb) in enumerate(spans, start=1)]
        return {"id": doc_id, "text": text, "entities": ents, "relations": []}
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    full = [(0, 4, "IND"), (4, 11, "FIG")]
    gold.write_text("\n".join(_json.dumps(rec(i, full), ensure_ascii=False) for i in
                              ("national-state-council-1985", "province-henan-2026")) + "\n", encoding="utf-8")
    pred.write_text("\n".join([_json.dumps(rec("national-state-council-1985", full), ensure_ascii=False),
                               _json.dumps(rec("province-henan-2026", full[:1]), ensure_ascii=False)]) + "\n",
                    encoding="utf-8")
    assert eval_main(["score", str(gold), str(pred), "--by", "stratum", "--bootstrap", "0",
                      "--json", str(tmp_path / "s.json")]) == 0
    strata = _json.loads((tmp_path / "s.json").read_text(encoding="utf-8"))["strata"]
    assert strata["national <2000"]["entities"]["f1"] == 1.0
    assert abs(strata["province ≥2000"]["entities"]["recall"] - 0.5) < 1e-9
