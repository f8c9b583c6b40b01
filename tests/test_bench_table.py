"""The speed table of `make bench` (issue 14): its rows run and it prints them; no timing is asserted."""

import json
import subprocess
import sys

from pipeline import bench_table
from pipeline.paths import RAW_REPORTS, REPO_ROOT


def test_a_baseline_row_measures_the_reports_in_its_own_process():
    proc = subprocess.run([sys.executable, "-m", "pipeline.bench_table", "--row", "jieba (with POS)", "--limit", "1"],
                          capture_output=True, text=True, cwd=REPO_ROOT, check=True)
    row = json.loads(proc.stdout)
    texts = sorted((REPO_ROOT / "corpus" / "raw").glob("*.txt"))[:1]
    assert row["characters"] == sum(len(p.read_text(encoding="utf-8")) for p in texts)
    assert row["chars_per_s"] > 0 and row["peak_rss_mb"] > 0


def test_cold_baseline_writes_the_example_segmented(tmp_path):
    out = tmp_path / "cold.json"
    bench_table._cold_baseline("blank spaCy zh", out)
    tokens = json.loads(out.read_text(encoding="utf-8"))
    assert "".join(tokens) == bench_table.EXAMPLE.read_text(encoding="utf-8")


def test_markdown_has_one_line_per_row_and_the_speedup_on_the_default():
    rows = [{"row": name, "chars_per_s": 1000, "cold_start_s": 1.0, "peak_rss_mb": 100.0, "load_s": 0.5}
            for name in bench_table.ROWS]
    text = bench_table.markdown(rows, {"short": {"speedup": 1.7}, "long": {"speedup": 1.9}})
    lines = text.splitlines()
    assert len(lines) == 2 + len(bench_table.ROWS)
    assert lines[2].startswith("| default") and lines[2].endswith("| 1.7× / 1.9× |")
    assert all(not line.endswith("×|") for line in lines[3:])


def test_the_long_two_worker_batch_is_every_raw_report_and_the_short_one_provincial():
    runs = bench_table.batches(12)
    assert len(runs["short"]) == 12 and all(p.name.startswith("province-") for p in runs["short"])
    assert set(runs["long"]) == set(RAW_REPORTS.glob("*.txt")) and len(runs["long"]) >= 90


def test_a_cold_start_is_the_median_of_its_runs(tmp_path):
    got = bench_table.cold_start("blank spaCy zh", tmp_path, runs=3)
    fastest, slowest = got["cold_start_range_s"]
    assert 0 < fastest <= got["cold_start_s"] <= slowest


def test_warm_up_is_a_report_outside_the_timed_ones():
    from pipeline.bench import raw_reports, warm_up_text

    timed = [text for _, text in raw_reports(10)]
    warm_up = warm_up_text(10)
    assert warm_up not in timed and len(warm_up) > 2000
    assert "万" in warm_up or "亿" in warm_up  # a report with figures: the first document's costs are paid here
    assert warm_up_text(10_000) == raw_reports(1)[0][1][:2000]  # none left: the first report's opening


def test_per_component_times_cover_every_step_and_the_record(nlp_rules):
    from pipeline.bench import _per_component, raw_reports

    text = raw_reports(1)[0][1][:3000]
    times = _per_component(nlp_rules, [text], passes=2)
    assert list(times) == ["tokenizer", *nlp_rules.pipe_names, "records"]
    assert all(t >= 0 for t in times.values()) and times["tokenizer"] > 0
