"""Benchmark: end-to-end speed, per-component time, load time and peak memory, on real reports.

``python -m pipeline.bench --out out/bench.json`` (``make bench``). Side by side on the same text:
jieba's default-mode segmentation and a blank spaCy ``zh`` pipeline (character segmentation), so
the cost of the full pipeline is visible as a ratio. Targets (issue #5): ≥ 50,000 chars/s per
core end to end, a 20,000-character report in under 0.5 s, peak RSS under 1.5 GB.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import sys
import time
from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.paths import RAW_REPORTS, REPO_ROOT


def raw_paths() -> list[Path]:
    """Every raw report, in name order."""
    return sorted(RAW_REPORTS.glob("*.txt"))


def raw_reports(limit: int) -> list[tuple[str, str]]:
    """(id, text) of the first `limit` raw reports, in name order: the text every bench measures on."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in raw_paths()[:limit]]


def warm_up_text(limit: int) -> str:
    """What a bench runs once before timing: the raw report after the first `limit` in name order, whole (not one
    of the timed reports), so that one-time costs a first document pays (the Chinese-numeral parser cn2an is
    imported at the first such figure: 0.2-0.4 s) fall outside the timing; the first report's opening when no
    report is left."""
    paths = raw_paths()
    path = paths[limit] if limit < len(paths) else paths[0]
    text = path.read_text(encoding="utf-8")
    return text if limit < len(paths) else text[:2000]


def _per_component(nlp, texts: list[str], passes: int = 1) -> dict[str, float]:
    """Seconds spent in the tokenizer, in each pipe and in building the records over `texts` (one process, one
    core): for each step the least of `passes` passes, which sets the machine's passing slow spells aside."""
    from pipeline.records import doc_to_record

    best: dict[str, float] = {}
    for _ in range(passes):
        times = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "records": 0.0}
        for text in texts:
            t = time.perf_counter()
            doc = nlp.make_doc(text)
            times["tokenizer"] += time.perf_counter() - t
            for name, proc in nlp.pipeline:
                t = time.perf_counter()
                doc = proc(doc)
                times[name] += time.perf_counter() - t
            t = time.perf_counter()
            doc_to_record(doc, "bench")
            times["records"] += time.perf_counter() - t
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return {k: round(v, 3) for k, v in best.items()}


def run(model: str, limit: int, passes: int = 1) -> dict:
    import jieba
    import spacy

    import pipeline

    docs = raw_reports(limit)
    texts = [t for _, t in docs]
    chars = sum(map(len, texts))
    t = time.perf_counter()
    nlp = pipeline.load(model)
    load_s = time.perf_counter() - t
    warm_up = warm_up_text(limit)
    t = time.perf_counter()
    nlp(warm_up)
    warm_up_s = time.perf_counter() - t
    t = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=1):  # as the extract command runs: one document at a time
        pipeline.doc_to_record(doc, "bench")
    e2e_s = time.perf_counter() - t
    twenty_k = min((tx for tx in texts if len(tx) >= 20_000), key=len, default=texts[0])
    t = time.perf_counter()
    nlp(twenty_k)
    one_report_s = time.perf_counter() - t
    components = _per_component(nlp, texts, passes)
    jieba.initialize()
    t = time.perf_counter()
    for tx in texts:
        list(jieba.cut(tx))
    jieba_s = time.perf_counter() - t
    blank = spacy.blank("zh")
    t = time.perf_counter()
    for _ in blank.pipe(texts):
        pass
    blank_s = time.perf_counter() - t
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "model": model, "documents": len(texts), "characters": chars, "python": platform.python_version(),
        "machine": platform.machine(), "cores_used": 1,
        "load_s": round(load_s, 3), "warm_up_chars": len(warm_up), "warm_up_s": round(warm_up_s, 3),
        "end_to_end_chars_per_s": round(chars / e2e_s),
        "report_chars": len(twenty_k), "report_s": round(one_report_s, 3),
        "component_s": components, "component_total_s": round(sum(components.values()), 3),
        "jieba_default_chars_per_s": round(chars / jieba_s),
        "spacy_blank_zh_chars_per_s": round(chars / blank_s),
        "ratio_pipeline_to_jieba": round(jieba_s / e2e_s, 3),
        "peak_rss_mb": round(peak_mb, 1),
    }


LENGTHS = (10_000, 100_000, 1_000_000, 5_000_000)
# A real clause (national-state-council-2024) without its punctuation, repeated: the worst case for sentence
# splitting and relation candidates.
NO_PUNCTUATION_CLAUSE = "国内生产总值超过126万亿元增长5.2%增速居世界主要经济体前列"


def long_text(length: int) -> str:
    """`length` characters of real report text: the corpus reports one after another, repeated as needed."""
    texts = [t for _, t in raw_reports(1000)]
    out, n = [], 0
    while n < length:
        for t in texts:
            out.append(t)
            n += len(t)
            if n >= length:
                break
    return "".join(out)[:length]


def one_length(kind: str, length: int, model: str) -> dict:
    """In a fresh process: extract one document of `length` characters the way `govreport extract` does
    (its record streamed to a file); time and peak RSS."""
    import tempfile

    import pipeline
    from pipeline.extract import write_record

    nlp = pipeline.load(model)
    text = long_text(length) if kind == "report" else (NO_PUNCTUATION_CLAUSE * (length // 30 + 1))[:length]
    base_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        counts = write_record(nlp, text, "bench", out)
    seconds = time.perf_counter() - t
    return {"kind": kind, "characters": len(text), "seconds": round(seconds, 2),
            "chars_per_s": round(len(text) / seconds), "entities": counts["entities"],
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "rss_after_load_mb": round(base_mb, 1)}


def memory_table(model: str, lengths: tuple[int, ...] = LENGTHS) -> list[dict]:
    """Peak RSS and speed against document length, each length in its own process (RSS is per process)."""
    import subprocess

    rows = []
    cases = [("report", n) for n in lengths] + [("no-punctuation", 240_000)]
    for kind, n in cases:
        proc = subprocess.run([sys.executable, "-m", "pipeline.bench", "--one", kind, str(n), "--model", model],
                              capture_output=True, text=True, cwd=REPO_ROOT)
        if proc.returncode != 0:
            rows.append({"kind": kind, "characters": n, "error": proc.stderr.strip().splitlines()[-1:]})
        else:
            rows.append(json.loads(proc.stdout))
        print(json.dumps(rows[-1], ensure_ascii=False), file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="default")
    parser.add_argument("--limit", type=int, default=30, help="number of corpus reports to run on")
    parser.add_argument("--out", type=Path, default=Path("out/bench.json"))
    parser.add_argument("--memory", action="store_true", help="also the memory-against-length table")
    parser.add_argument("--passes", type=int, default=1,
                        help="per-component times: the least of this many passes over the reports")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "CHARS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one_length(args.one[0], int(args.one[1]), args.model)))
        return 0
    result = run(args.model, args.limit, args.passes)
    if args.memory:
        result["memory_against_length"] = memory_table(args.model)
    with atomic_open(args.out) as fh:
        json.dump(result, fh, ensure_ascii=False, indent=2)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
