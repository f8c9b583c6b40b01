"""The side-by-side speed table of issue 14: every pipeline and the baselines on the same reports, in one run.

``python -m pipeline.bench_table --out out/bench-table.json`` (part of ``make bench``). Each row runs in a
fresh process, so its peak RSS and its cold start are its own:

* chars/s: the reports one at a time after the model is loaded and has run once on another report (`bench.warm_up_text`,
  so a first document's one-time costs are not counted; pipelines build the full record: tokens,
  sentences, entities, relations, figures);
* cold start: wall time of the whole command on the example report, from a fresh interpreter
  (``govreport extract`` for the pipelines, the same text segmented and written out for the baselines), the
  median of five runs (the fastest and slowest in the JSON);
* peak RSS of the row's process; load: seconds to build the pipeline;
* 2 workers: ``govreport extract --workers 2`` against ``--workers 1`` on the same reports (whole command),
  for the default only, on a short batch (12 provincial reports, 0.24 M characters) and on a long one (every raw
  report, 1.8 M): the start-up both commands pay once (1.5-2.5 s) is a fifth of the short batch's two-worker
  time, so the long batch is the throughput a user extracting many reports gets.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.bench import raw_paths, raw_reports, warm_up_text
from pipeline.paths import RAW_REPORTS, REPO_ROOT

EXAMPLE = RAW_REPORTS / "district-zhuzhou-shifeng-2023.txt"
# name → extract flags (pipelines) or None (baselines, run by `_baseline`)
ROWS: dict[str, list[str] | None] = {
    "default (HanLP backend)": [],
    "spaCy backend": ["--backend", "spacy"],
    "rules": ["--model", "rules"],
    "jieba (segmentation)": None,
    "jieba (with POS)": None,
    "blank spaCy zh": None,
}


def _baseline(name: str):
    """The segment function of a baseline row (its import and load are part of its cold start)."""
    if name == "jieba (segmentation)":
        import jieba

        jieba.initialize()
        return lambda text: jieba.lcut(text)
    if name == "jieba (with POS)":
        import jieba
        import jieba.posseg

        jieba.initialize()
        return lambda text: [(p.word, p.flag) for p in jieba.posseg.lcut(text)]
    if name == "blank spaCy zh":
        import spacy

        nlp = spacy.blank("zh")
        return lambda text: [t.text_with_ws for t in nlp(text)]
    raise ValueError(f"unknown baseline {name!r}")


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def measure_row(name: str, limit: int) -> dict:
    """In this process: load the row's model, then run it over the first `limit` raw reports."""
    texts = [text for _, text in raw_reports(limit)]
    flags = ROWS[name]
    t = time.perf_counter()
    if flags is None:
        run = _baseline(name)
    else:
        import pipeline

        opts = dict(zip(flags[::2], flags[1::2], strict=True))
        nlp = pipeline.load(opts.get("--model", "default"), backend=opts.get("--backend", "default"))

        def run(text: str) -> dict:
            return pipeline.doc_to_record(nlp(text), "bench")
    load_s = time.perf_counter() - t
    warm_up = warm_up_text(limit)
    t = time.perf_counter()
    run(warm_up)
    warm_up_s = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        run(text)
    seconds = time.perf_counter() - t
    chars = sum(map(len, texts))
    return {"row": name, "documents": len(texts), "characters": chars, "chars_per_s": round(chars / seconds),
            "load_s": round(load_s, 2), "warm_up_chars": len(warm_up), "warm_up_s": round(warm_up_s, 2),
            "peak_rss_mb": _peak_rss_mb()}


def _cold_baseline(name: str, out: Path) -> None:
    """What a cold baseline run does: load, segment the example, write the tokens."""
    out.write_text(json.dumps(_baseline(name)(EXAMPLE.read_text(encoding="utf-8")), ensure_ascii=False),
                   encoding="utf-8")


def _wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - t


COLD_RUNS = 5  # one cold run swings by ±0.1 s on this machine; the table gives the median of five


def cold_start(name: str, tmp: Path, runs: int = COLD_RUNS) -> dict:
    """The median, fastest and slowest of `runs` cold starts of the row's command on the example report."""
    flags = ROWS[name]
    if flags is None:
        cmd = [sys.executable, "-m", "pipeline.bench_table", "--cold", name, "--cold-out", str(tmp / "cold.json")]
    else:
        cmd = [sys.executable, "-m", "pipeline", "extract", str(EXAMPLE), "-o", str(tmp / "cold.jsonl"), "-q", *flags]
    times = sorted(_wall(cmd) for _ in range(runs))
    return {"cold_start_s": round(times[len(times) // 2], 2), "cold_start_range_s": [round(times[0], 2),
                                                                                    round(times[-1], 2)]}


def workers_speedup(paths: list[Path], tmp: Path) -> dict:
    """``govreport extract`` of `paths` with 1 and with 2 workers (whole command), and whether the outputs agree."""
    seconds = {}
    for workers in (1, 2):
        out = tmp / f"workers{workers}.jsonl"
        seconds[workers] = _wall([sys.executable, "-m", "pipeline", "extract", *map(str, paths), "-o", str(out),
                                  "-q", "--workers", str(workers)])
    same = (tmp / "workers1.jsonl").read_bytes() == (tmp / "workers2.jsonl").read_bytes()
    return {"documents": len(paths), "characters": sum(len(p.read_text(encoding="utf-8")) for p in paths),
            "one_worker_s": round(seconds[1], 2), "two_workers_s": round(seconds[2], 2),
            "speedup": round(seconds[1] / seconds[2], 2), "identical_output": same}


def batches(short_docs: int) -> dict[str, list[Path]]:
    """The 2-worker runs: the first `short_docs` provincial 2026 reports, and every raw report."""
    return {"short": sorted(RAW_REPORTS.glob("province-*-2026.txt"))[:short_docs], "long": raw_paths()}


def markdown(rows: list[dict], speedup: dict[str, dict]) -> str:
    lines = ["| | chars/s | cold start (example) | peak RSS | load | 2 workers (short / long batch) |",
             "|---|---|---|---|---|---|"]
    for row in rows:
        two = " / ".join(f"{run['speedup']}×" for run in speedup.values()) if row["row"].startswith("default") else ""
        lines.append(f"| {row['row']} | {row['chars_per_s']:,} | {row['cold_start_s']} s | {row['peak_rss_mb']:,} MB "
                     f"| {row['load_s']} s | {two} |")
    return "\n".join(lines)


def table(limit: int, speedup_docs: int) -> dict:
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for name in ROWS:
            proc = subprocess.run([sys.executable, "-m", "pipeline.bench_table", "--row", name, "--limit", str(limit)],
                                  capture_output=True, text=True, cwd=REPO_ROOT, check=True)
            row = json.loads(proc.stdout)
            row.update(cold_start(name, tmp))
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
        speedup = {name: workers_speedup(paths, tmp) for name, paths in batches(speedup_docs).items()} \
            if speedup_docs else {}
    return {"rows": rows, "workers": speedup, "markdown": markdown(rows, speedup)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=30, help="number of raw reports for chars/s")
    parser.add_argument("--speedup-docs", type=int, default=12,
                        help="reports of the short 2-worker batch (0: skip both)")
    parser.add_argument("--out", type=Path, default=Path("out/bench-table.json"))
    parser.add_argument("--row", choices=list(ROWS), help=argparse.SUPPRESS)
    parser.add_argument("--cold", choices=[n for n, f in ROWS.items() if f is None], help=argparse.SUPPRESS)
    parser.add_argument("--cold-out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.row:
        print(json.dumps(measure_row(args.row, args.limit), ensure_ascii=False))
        return 0
    if args.cold:
        _cold_baseline(args.cold, args.cold_out)
        return 0
    result = table(args.limit, args.speedup_docs)
    with atomic_open(args.out) as fh:
        json.dump(result, fh, ensure_ascii=False, indent=2)
    print(result["markdown"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
