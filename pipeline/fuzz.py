"""Fuzz run: many generated inputs through the whole extraction, counting crashes and broken records.

``python -m pipeline.fuzz --n 10000`` (``make fuzz``). Each input is a random mixture, from a seeded
generator, of real report sentences (corpus/raw), control characters, CR and CRLF line ends, very long
lines, text without punctuation, other scripts (Latin, Cyrillic, Arabic, emoji and other characters
outside the Basic Multilingual Plane), traditional characters and huge numbers. A crash is any exception;
a broken record is one whose spans or tokens do not index the input exactly or that does not serialise to
JSON. Prints crashes (must be 0), broken records, the slowest input and the peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
import traceback
from pathlib import Path

from pipeline.bench import raw_paths

ODD = ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\u200b", "\ufeff", "\u3000", "\u00a0", "\r", "\r\n", "\t"]
SCRIPTS = ["Report of the Government", "Доклад о работе", "تقرير عمل الحكومة", "😀🎉", "𠀀𠀁𪚥",
           "ＧＤＰ增长５．２％", "地區生產總值增長5.2%，預算收入達到3826.5億元", "α≥β±γ"]
NUMBERS = ["99999999999999999999999亿元", "0.000000001%", "１２３４５６７８９０万吨",
           "一千二百三十四万五千六百七十八亿", "-5%", "3.2.1万家", "1e308元", "百分之百", "%%%",
           "５５５５５５５５５５５５５５５５个百分点"]


def _sentences() -> list[str]:
    out = []
    for path in raw_paths()[::3]:
        for line in path.read_text(encoding="utf-8").split("\n"):
            out.extend(s + "。" for s in line.split("。") if s.strip())
    return out


def make_input(rng: random.Random, sentences: list[str]) -> str:
    kind = rng.random()
    if kind < 0.01:  # a long text without punctuation
        clause = rng.choice(sentences).replace("，", "").replace("。", "")
        return (clause * (20_000 // max(len(clause), 1) + 1))[:20_000]
    if kind < 0.02:  # one very long line
        return "".join(rng.choice(sentences) for _ in range(200)).replace("\n", "")
    parts = []
    for _ in range(rng.randint(1, 8)):
        r = rng.random()
        if r < 0.55:
            parts.append(rng.choice(sentences))
        elif r < 0.7:
            parts.append(rng.choice(ODD) * rng.randint(1, 3))
        elif r < 0.8:
            parts.append(rng.choice(SCRIPTS))
        elif r < 0.9:
            parts.append(rng.choice(NUMBERS))
        else:
            s = rng.choice(sentences)
            cut = rng.randint(0, len(s))
            parts.append(s[:cut] + rng.choice(ODD + SCRIPTS + NUMBERS) + s[cut:])
    return "".join(parts)


def check(record: dict, text: str) -> list[str]:
    problems = []
    if record["text"] != text:
        problems.append("record text differs from the input")
    for ent in record["entities"]:
        if text[ent["start_offset"]:ent["end_offset"]] != ent["text"] or ent["start_offset"] >= ent["end_offset"]:
            problems.append(f"entity {ent['text']!r} does not index the input")
    for tok in record["tokens"]:
        if text[tok["start"]:tok["end"]] != tok["text"]:
            problems.append(f"token {tok['text']!r} does not index the input")
    ids = {e["id"] for e in record["entities"]}
    if any(r["from_id"] not in ids or r["to_id"] not in ids for r in record["relations"]):
        problems.append("relation to a missing entity")
    json.dumps(record, ensure_ascii=False, allow_nan=False)
    return problems


def run(n: int, model: str, seed: int, backend: str = "default") -> dict:
    import pipeline
    from pipeline.extract import extract_record

    nlp = pipeline.load(model, backend=backend)
    rng = random.Random(seed)
    sentences = _sentences()
    crashes, broken, slowest, chars = [], [], (0.0, 0), 0
    start = time.perf_counter()
    for i in range(n):
        text = make_input(rng, sentences)
        chars += len(text)
        t = time.perf_counter()
        try:
            record = extract_record(nlp, text, f"fuzz-{i}")
            problems = check(record, text)
        except Exception as err:  # noqa: BLE001 — every exception is a finding
            crashes.append({"input": i, "error": f"{type(err).__name__}: {err}", "text": text[:200],
                            "trace": traceback.format_exc(limit=3)})
            continue
        elapsed = time.perf_counter() - t
        if elapsed > slowest[0]:
            slowest = (elapsed, len(text))
        if problems:
            broken.append({"input": i, "problems": problems[:3], "text": text[:200]})
    return {"inputs": n, "seed": seed, "model": model, "characters": chars, "crashes": len(crashes),
            "broken_records": len(broken), "max_seconds_per_input": round(slowest[0], 3),
            "slowest_input_chars": slowest[1], "total_seconds": round(time.perf_counter() - start, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "crash_examples": crashes[:5], "broken_examples": broken[:5]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--model", default="default")
    parser.add_argument("--backend", default="default")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=Path("out/fuzz.json"))
    args = parser.parse_args(argv)
    result = run(args.n, args.model, args.seed, args.backend)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    summary = {k: v for k, v in result.items() if not k.endswith("_examples")}
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if result["crashes"] or result["broken_records"] else 0


if __name__ == "__main__":
    sys.exit(main())
