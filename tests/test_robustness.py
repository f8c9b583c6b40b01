"""Any input, any size: long documents in windows, linear relation candidates, line ends, encodings,
traditional characters, exact figure values, failures as one line, missing output folders, Ctrl-C.

Texts are real report text (corpus/raw) unless marked as made-up snippets.
"""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.batch import complete_records
from pipeline.cli import main
from pipeline.extract import extract_record
from pipeline.figures.grammar import find_figures
from pipeline.figures.normalise import normalise_figure
from pipeline.lineends import LineEndMap, wrap_breaks
from pipeline.readers import read_report
from pipeline.relations.candidates import MAX_GAP_CHARS, candidates
from pipeline.textnorm import normalise
from pipeline.windows import window_bounds

ROOT = Path(__file__).resolve().parents[1]
HENAN = (ROOT / "corpus" / "raw" / "province-henan-2026.txt").read_text(encoding="utf-8")
SEED = (ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt").read_text(encoding="utf-8")
REVIEW = "\n".join(SEED.splitlines()[6:9])


def _spans(record):
    return [(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]]


def _relations(record):
    by_id = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
    return sorted((by_id[r["from_id"]], by_id[r["to_id"]], r["type"]) for r in record["relations"])


def test_windows_cover_the_text_and_prefer_line_breaks():
    bounds = window_bounds(HENAN, 3000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(HENAN)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    assert all(b - a <= 3000 for a, b in bounds)
    assert all(HENAN[b - 1] == "\n" for _, b in bounds[:-1])


def test_windows_cut_text_without_punctuation_hard():
    text = "地区生产总值增长" * 1000  # made-up: one clause repeated, no punctuation
    bounds = window_bounds(text, 1000)
    assert [b - a for a, b in bounds] == [1000] * 8


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("政府工作报告增长5%。，；\n\r亿元")), max_size=300),
       st.integers(min_value=2, max_value=50))
def test_windows_property(text, size):
    bounds = window_bounds(text, size)
    assert "".join(text[a:b] for a, b in bounds) == text
    assert all(0 < b - a <= size for a, b in bounds) or text == ""


def test_windowed_record_equals_whole_document(nlp_rules):
    import pipeline

    whole = pipeline.doc_to_record(nlp_rules(HENAN), "henan")
    windowed = extract_record(nlp_rules, HENAN, "henan", window_chars=4000)
    assert _spans(windowed) == _spans(whole)
    assert _relations(windowed) == _relations(whole)
    assert [t["text"] for t in windowed["tokens"]] == [t["text"] for t in whole["tokens"]]


def test_a_text_longer_than_spacys_limit_goes_through_in_a_batch(tmp_path):
    # 1.1 M characters: spaCy alone refuses with E088, and that used to abort the whole folder.
    folder = tmp_path / "reports"
    folder.mkdir()
    long_text = (SEED + "\n") * (1_100_000 // (len(SEED) + 1) + 1)
    (folder / "a-compilation.txt").write_text(long_text, encoding="utf-8")
    (folder / "b-report.txt").write_text(REVIEW, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(folder), "-o", str(out), "--model", "rules", "-q"]) == 0
    records = {r["id"]: r for r in complete_records(out)}
    assert set(records) == {"a-compilation", "b-report"}
    record = records["a-compilation"]
    assert len(record["text"]) > 1_000_000
    assert all(record["text"][e["start_offset"]:e["end_offset"]] == e["text"] for e in record["entities"])
    per_copy = len([e for e in record["entities"] if e["end_offset"] <= len(SEED)])
    assert len(record["entities"]) >= per_copy * 40


def test_relation_candidates_are_linear_without_punctuation():
    # made-up: 2,000 figures and indicators in one "sentence" would give 2 million pairs if every pair counted
    text = "产值5亿元" * 2000
    spans = []
    for i in range(2000):
        spans += [(i * 5, i * 5 + 2, "IND"), (i * 5 + 2, i * 5 + 5, "FIG")]
    cands = candidates(text, spans)
    assert len(cands) < 2000 * 25
    assert all(min(abs(c.head[0] - c.tail[1]), abs(c.tail[0] - c.head[1])) <= MAX_GAP_CHARS for c in cands)


def test_no_punctuation_text_finishes(nlp_rules):
    text = "地区生产总值增长百分之五左右全省粮食产量一千三百亿斤以上" * 2000  # made-up, 56k chars, one clause
    start = time.perf_counter()
    record = extract_record(nlp_rules, text, "np")
    assert time.perf_counter() - start < 60
    assert record["entities"]


def test_crlf_and_cr_give_the_same_entities_and_relations(nlp_rules):
    lf = extract_record(nlp_rules, HENAN, "lf")
    for ending in ("\r\n", "\r"):
        text = HENAN.replace("\n", ending)
        other = extract_record(nlp_rules, text, "x")
        assert [e["text"] for e in other["entities"]] == [e["text"] for e in lf["entities"]]
        assert [e["label"] for e in other["entities"]] == [e["label"] for e in lf["entities"]]
        assert all(text[e["start_offset"]:e["end_offset"]] == e["text"] for e in other["entities"])
        pairs = sorted((other["entities"][r["from_id"] - 1]["text"], other["entities"][r["to_id"] - 1]["text"])
                       for r in other["relations"])
        assert pairs == sorted((lf["entities"][r["from_id"] - 1]["text"], lf["entities"][r["to_id"] - 1]["text"])
                               for r in lf["relations"])


def _wrapped(text: str, width: int = 38) -> tuple[str, set[int]]:
    """`text` with every line broken every `width` characters, as a fixed-width copy of a page would be, and the
    offsets of the breaks put in."""
    out, inserted = [], set()
    for n, line in enumerate(text.split("\n")):
        if n:
            out.append("\n")
        for i in range(0, len(line), width):
            if i:
                inserted.add(sum(map(len, out)))
                out.append("\n")
            out.append(line[i:i + width])
    return "".join(out), inserted


def test_a_text_wrapped_at_a_page_width_gives_the_entities_of_the_unwrapped(nlp_rules):
    text = "\n".join(HENAN.splitlines()[7:40])  # province-henan-2026, paragraphs of the review
    wrapped, inserted = _wrapped(text)
    found = set(wrap_breaks(wrapped))
    # inserted breaks only, all but those after a sentence's end (which ends a sentence either way)
    assert found <= inserted and all(wrapped[i - 1] in "。！？；：”" for i in inserted - found)
    plain, other = extract_record(nlp_rules, text, "plain"), extract_record(nlp_rules, wrapped, "wrapped")
    assert [(e["text"], e["label"]) for e in plain["entities"]] == \
        [(e["text"].replace("\n", ""), e["label"]) for e in other["entities"]]
    assert all(wrapped[e["start_offset"]:e["end_offset"]] == e["text"] for e in other["entities"])
    assert any("\n" in e["text"] for e in other["entities"])  # names across a wrap, offsets into the file as read
    assert len(other["relations"]) == len(plain["relations"])


@pytest.mark.parametrize("path", sorted((ROOT / "corpus" / "raw").glob("*.txt")), ids=lambda p: p.stem)
def test_no_report_of_the_corpus_is_read_as_wrapped(path):
    assert wrap_breaks(path.read_text(encoding="utf-8")) == []


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab\r\n中")), max_size=60))
def test_line_end_map_property(text):
    view = LineEndMap.of(text)
    assert "\r" not in view.text
    for i, ch in enumerate(view.text):
        original = text[view.to_original(i):view.end_to_original(i + 1)]
        assert original == ch or (ch == "\n" and original in ("\r", "\r\n"))


def test_traditional_characters_are_read_as_simplified(nlp_rules):
    # national-state-council-2024 in traditional characters (the sentence as a Hong Kong paper prints it)
    text = "地區生產總值增長5.2%，一般公共預算收入達到3826.5億元。"
    assert len(normalise(text)) == len(text)
    record = extract_record(nlp_rules, text, "t")
    figs = {e["text"]: e for e in record["entities"] if e["label"] == "FIG"}
    assert figs["3826.5億元"]["value"] == 382650000000 and figs["3826.5億元"]["unit"] == "元"
    assert all("增長" not in e["text"] for e in record["entities"])


def test_simplified_text_is_left_alone():
    assert normalise(HENAN) == normalise(HENAN.replace("\u3000", " "))
    assert "著" in normalise("显著提升") and normalise("显著提升") == "显著提升"


def test_figure_values_are_exact_decimals():
    text = normalise("粮食总产量６１７．３亿斤，同比增长1.1%，财政收入28.26亿元")
    values = {text[m.start:m.end]: normalise_figure(m, text).value for m in find_figures(text)}
    assert values["617.3亿斤"] == 61730000000
    assert values["28.26亿元"] == 2826000000
    assert json.dumps(values["617.3亿斤"]) == "61730000000.0"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(tmp_path, codec):
    path = tmp_path / "report.txt"
    data = REVIEW.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    path.write_bytes(data)
    report = read_report(path)
    assert report.text == REVIEW and report.encoding.startswith(codec[:6])


def test_missing_output_folder_is_created(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(REVIEW, encoding="utf-8")
    out = tmp_path / "out" / "sub" / "facts.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--model", "rules", "-q"]) == 0
    assert complete_records(out)[0]["id"] == "a"


def test_output_folder_that_cannot_be_created(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(REVIEW, encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["extract", str(src), "-o", str(blocker / "facts.jsonl"), "--model", "rules", "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {blocker}")


def test_a_failure_inside_the_models_is_one_line_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    import pipeline.extract as extract

    original = extract.record_parts

    def flaky(nlp, text, doc_id, *args, **kw):
        if doc_id == "bad":
            yield from original(nlp, text[:200], doc_id, *args, **kw)  # a first window goes through, then:
            raise RuntimeError("model exploded")
        yield from original(nlp, text, doc_id, *args, **kw)

    monkeypatch.setattr(extract, "record_parts", flaky)
    (tmp_path / "bad.txt").write_text(REVIEW, encoding="utf-8")
    (tmp_path / "good.txt").write_text(REVIEW, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "bad.txt"), str(tmp_path / "good.txt"), "-o", str(out),
                 "--model", "rules", "-q"]) == 1
    assert [r["id"] for r in complete_records(out)] == ["good"]
    err = capsys.readouterr().err
    assert f"error: {tmp_path / 'bad.txt'}: processing failed: RuntimeError: model exploded" in err
    assert "Traceback" not in err


def test_ctrl_c_says_what_was_saved(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    # Enough work that the run cannot end before the signal even on a loaded machine (40 reports once did).
    for i in range(400):
        (folder / f"r{i:03d}.txt").write_text(HENAN, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "extract", str(folder), "-o", str(out),
                             "--model", "rules", "-q"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    partial = tmp_path / "out.jsonl.partial"
    deadline = time.time() + 120
    while time.time() < deadline and len(complete_records(partial)) < 1:
        time.sleep(0.2)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.kill(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=300)  # a loaded machine (CI, a training beside it) can be slow to wind down
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert "interrupted:" in err and "rerun with --resume" in err
    saved = len(complete_records(partial))
    assert f"{saved} document" in err and saved >= 1


def test_a_short_fuzz_run_finds_no_crash():
    from pipeline.fuzz import run

    result = run(60, "rules", seed=7)
    assert result["crashes"] == 0, result["crash_examples"]
    assert result["broken_records"] == 0, result["broken_examples"]


def test_bench_long_text_is_real_report_text():
    from pipeline.bench import long_text

    text = long_text(30_000)
    assert len(text) == 30_000
    first = sorted((ROOT / "corpus" / "raw").glob("*.txt"))[0].read_text(encoding="utf-8")
    assert text.startswith(first[:1000])


# Real report sentences (province-henan-2026) to build documents from in the property tests below.
_SENTENCES = [s + "。" for line in HENAN.split("\n") for s in line.split("。") if 4 < len(s) < 80][:60]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=12),
       st.lists(st.sampled_from(["", "\n"]), min_size=12, max_size=12))
def test_windowed_extraction_equals_whole_document_property(nlp_rules, sentences, breaks):
    import pipeline

    text = "".join(s + b for s, b in zip(sentences, breaks, strict=False))
    whole = pipeline.doc_to_record(nlp_rules(text), "w")
    windowed = extract_record(nlp_rules, text, "w", window_chars=120)
    bounds = window_bounds(text, 120)
    edges = {b for _, b in bounds[:-1]}
    # Spans never straddle a window edge; where every edge falls on a line break, nothing changes at all.
    assert all(not any(e["start_offset"] < edge < e["end_offset"] for edge in edges) for e in windowed["entities"])
    if all(text[edge - 1] == "\n" for edge in edges):
        assert _spans(windowed) == _spans(whole)
        assert _relations(windowed) == _relations(whole)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=8),
       st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=8, max_size=8))
def test_line_ends_do_not_change_entities_property(nlp_rules, sentences, ends):
    lf = "".join(s + "\n" for s in sentences)
    mixed = "".join(s + e for s, e in zip(sentences, ends, strict=False))
    a, b = extract_record(nlp_rules, lf, "lf"), extract_record(nlp_rules, mixed, "mixed")
    assert [(e["text"], e["label"]) for e in a["entities"]] == [(e["text"], e["label"]) for e in b["entities"]]
    assert all(mixed[e["start_offset"]:e["end_offset"]] == e["text"] for e in b["entities"])


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCES), min_size=2, max_size=6))
def test_traditional_text_gives_the_simplified_spans_property(nlp_rules, sentences):
    from opencc import OpenCC

    simplified = "\n".join(sentences)
    traditional = OpenCC("s2t").convert(simplified)
    if len(traditional) != len(simplified) or normalise(traditional) != normalise(simplified):
        return  # a phrase-level conversion or a character OpenCC maps back differently: not a one-to-one pair
    a = extract_record(nlp_rules, simplified, "s")
    b = extract_record(nlp_rules, traditional, "t")
    assert _spans(a) == _spans(b)
    assert all(traditional[e["start_offset"]:e["end_offset"]] == e["text"] for e in b["entities"])


def test_an_interrupt_swallowed_where_it_landed_still_stops_the_run():
    # Python prints and ignores a KeyboardInterrupt raised inside a finaliser; the batch remembers that one came
    from pipeline.batch import Interrupts

    with Interrupts() as interrupts:
        assert signal.getsignal(signal.SIGINT) == interrupts.handle
        interrupts.check()  # nothing came yet
        try:
            interrupts.handle(signal.SIGINT, None)
        except KeyboardInterrupt:
            pass  # swallowed, as in a finaliser
        with pytest.raises(KeyboardInterrupt):
            interrupts.check()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
