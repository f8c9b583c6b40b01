"""Real-world inputs: encodings, .docx, .pdf, .html, directories, stdin; bad inputs; resume; workers.

Files are made by the tests from a real report (the seed report, corpus/raw) unless a made-up
snippet is marked as such.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import complete_records
from pipeline.cli import main
from pipeline.readers import MAX_BYTES, ReportError, read_report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
FIRST_LINES = "\n".join(SEED_TEXT.splitlines()[6:9])  # the economic review paragraph, with figures


def extract(paths, out, *extra):
    return main(["extract", *map(str, paths), "-o", str(out), "--model", "rules", "-q", *extra])


@pytest.mark.parametrize("encoding, reported", [("utf-8-sig", "utf-8-sig"), ("gbk", "gb18030"),
                                                ("gb18030", "gb18030")])
def test_text_encodings(tmp_path, encoding, reported):
    path = tmp_path / "report.txt"
    path.write_bytes(FIRST_LINES.encode(encoding))
    report = read_report(path)
    assert report.text == FIRST_LINES and report.encoding == reported


def test_docx(tmp_path):
    import docx

    document = docx.Document()
    for line in FIRST_LINES.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(path)
    assert read_report(path).text == FIRST_LINES


def test_pdf_with_text_layer_and_without(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "report.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 800, "预计全年地区生产总值同比增长5%左右")  # quoted from the seed report
    c.save()
    assert "增长5%左右" in read_report(path).text
    scanned = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scanned))
    c.rect(10, 10, 100, 100)  # drawing only, no text: what a scan without OCR looks like
    c.save()
    with pytest.raises(ReportError, match=r"scan.pdf: PDF has no text layer"):
        read_report(scanned)


def test_pdf_lines_wrapped_by_the_page_are_rejoined(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from pipeline.readers import rejoin_wrapped_lines

    paragraphs = (ROOT / "corpus" / "raw" / "province-hebei-2026.txt").read_text(encoding="utf-8").split("\n")[7:13]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "wrapped.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 10)
    y = 800
    for paragraph in paragraphs:  # set 38 characters to a line, as a page would
        for i in range(0, len(paragraph), 38):
            c.drawString(40, y, paragraph[i:i + 38])
            y -= 14
        y -= 10
    c.save()
    text = read_report(path).text
    long_ones = [p for p in paragraphs if len(p) > 38]
    assert long_ones and all(p in text for p in long_ones)  # 全省生产总值 is no longer cut after 全省生产总
    # a paragraph-per-line report is left as it is, headings and all
    raw = (ROOT / "corpus" / "raw" / "province-henan-2026.txt").read_text(encoding="utf-8")
    assert rejoin_wrapped_lines(raw) == raw


def test_html_page_of_a_government_site(tmp_path):
    body = "".join(f"<p>{line}</p>" for line in FIRST_LINES.splitlines())
    page = (f"<html><head><meta charset='gbk'><title>政府工作报告</title><script>var x='增长9%';</script></head>"
            f"<body><nav>首页 | 政务公开</nav><div class='article'>{body}</div></body></html>")
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gbk"))
    report = read_report(path)
    assert FIRST_LINES in report.text and "var x" not in report.text and report.encoding == "html/gb18030"


def test_fullwidth_and_odd_spacing_keep_figures_and_offsets(tmp_path, nlp_rules):
    import pipeline

    text = "政 府 工 作 报 告\r\n全年地区生产总值增长６．５％左右，新增企业１２００家。"  # made up
    record = pipeline.doc_to_record(nlp_rules(text), "odd")
    figs = {e["text"]: e for e in record["entities"] if e["label"] == "FIG"}
    assert figs["６．５％左右"]["value"] == 6.5 and figs["１２００家"]["value"] == 1200
    for ent in record["entities"]:
        assert text[ent["start_offset"]:ent["end_offset"]] == ent["text"]


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    ("增长5%左右".encode()[:-1], "truncated file"),
    (bytes(range(128, 256)) * 20, "cannot decode"),
])
def test_bad_inputs_give_one_line_errors(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReportError) as err:
        read_report(path)
    assert str(err.value).startswith(f"{path}: {message}") and "\n" not in str(err.value)


def test_oversized_file(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(ReportError, match="larger than the 20 MB limit"):
        read_report(path)


def test_corrupt_docx(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ReportError, match="not a readable .docx"):
        read_report(path)


def test_directory_batch_with_bad_file_keeps_the_rest(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST_LINES, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    (folder / "c.txt").write_bytes(FIRST_LINES.encode("gbk"))
    out = tmp_path / "out.jsonl"
    assert extract([folder], out) == 1
    ids = [r["id"] for r in complete_records(out)]
    assert ids == ["a", "c"]
    assert not (tmp_path / "out.jsonl.partial").exists()


def test_resume_skips_finished_documents(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(FIRST_LINES, encoding="utf-8")
    b.write_text(SEED_TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    # a batch that was stopped after document a: its record sits in the partial file, cut mid-line after it
    assert extract([a], tmp_path / "first.jsonl") == 0
    line = (tmp_path / "first.jsonl").read_text(encoding="utf-8")
    (tmp_path / "out.jsonl.partial").write_text(line + line[:50], encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(a), str(b), "-o", str(out),
                           "--model", "rules", "--resume"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "(1 already done)" in proc.stderr
    assert [r["id"] for r in complete_records(out)] == ["a", "b"]


def test_workers_give_the_same_records(tmp_path):
    paths = []
    for i in range(3):  # the shortest first: workers take the longest first, the output keeps the input order
        p = tmp_path / f"r{i}.txt"
        p.write_text(SEED_TEXT[:len(SEED_TEXT) * (i + 1) // 3], encoding="utf-8")
        paths.append(p)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert extract(paths, one) == 0
    assert extract(paths, two, "--workers", "2") == 0
    strip = [{k: v for k, v in r.items() if k != "meta"} for r in complete_records(one)]
    assert [r["id"] for r in strip] == ["r0", "r1", "r2"]
    assert strip == [{k: v for k, v in r.items() if k != "meta"} for r in complete_records(two)]


def test_stdin(tmp_path):
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "pipeline", "extract", "-", "-o", str(out), "--model", "rules",
                           "-q"], input=FIRST_LINES, capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["id"] == "stdin" and record["text"] == FIRST_LINES
