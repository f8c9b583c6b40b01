"""The extract command: outputs in each format, and bad inputs in a batch."""

import csv
import json
import subprocess
import sys
from pathlib import Path

from pipeline.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt"


def test_jsonl_output(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(SEED), "-o", str(out), "--model", "rules", "-q"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == SEED.stem
    assert record["meta"]["encoding"] == "utf-8"
    figs = [e for e in record["entities"] if e["label"] == "FIG"]
    assert {"value", "unit", "qualifier", "change"} <= set(figs[0])
    reduction = next(e for e in figs if e["text"] == "28.26亿元")
    assert reduction["value"] == 2826000000.0 and reduction["unit"] == "元"


def test_csv_output(tmp_path):
    out = tmp_path / "facts.csv"
    assert main(["extract", str(SEED), "-o", str(out), "--model", "rules", "-q"]) == 0
    with open(out, encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    row = next(r for r in rows if r["figure_text"] == "5%左右")
    assert row["indicator"] == "地区生产总值" and row["value"] == "5.0" and row["qualifier"] == "approx"
    with open(tmp_path / "facts.achievements.csv", encoding="utf-8-sig") as fh:
        achievements = list(csv.DictReader(fh))
    assert any(r["achievement"] == "国家技术创新示范企业" for r in achievements)


def test_html_output(tmp_path):
    out = tmp_path / "view.html"
    assert main(["extract", str(SEED), "-o", str(out), "--model", "rules", "-q"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark" in page and "HAS_VALUE" in page
    assert "<script src" not in page and "<link" not in page  # self-contained


def test_bad_inputs_are_reported_and_the_rest_goes_through(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(empty), str(SEED), str(binary), "-o", str(out),
         "--model", "rules"], capture_output=True, text=True, cwd=ROOT,
    )
    assert proc.returncode == 1
    assert f"{empty}: empty file" in proc.stderr
    assert f"{binary}: binary file" in proc.stderr
    assert "2 of 3 inputs failed" in proc.stderr
    assert "doc/s" not in proc.stderr  # stderr is no terminal here: no progress bar redrawn into it
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [SEED.stem]


def test_gbk_input_is_decoded_and_reported(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("全年地区生产总值增长5%左右。".encode("gbk"))  # made-up snippet
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(gbk), "-o", str(out), "--model", "rules", "-q"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["meta"]["encoding"] == "gb18030"
    assert any(e["text"] == "5%左右" for e in record["entities"])


def test_unknown_output_extension_needs_format(tmp_path, capsys):
    try:
        main(["extract", str(SEED), "-o", str(tmp_path / "out.xyz")])
    except SystemExit as exc:
        assert exc.code == 2
    assert "pass --format" in capsys.readouterr().err


def test_extract_with_the_hanlp_backend(tmp_path):
    """--backend hanlp runs offline on the shipped HanLP model (models/hanlp-ner, trained here)."""
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(SEED), "-o", str(out), "--backend", "hanlp", "-q"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["meta"]["backend"] == "hanlp"
    assert {"ORG", "IND", "FIG"} <= {e["label"] for e in record["entities"]}
    for ent in record["entities"]:
        assert record["text"][ent["start_offset"]:ent["end_offset"]] == ent["text"]
