"""Run the HanLP pipeline on a split's raw reports and time it (until the CLI has ``--backend hanlp``).

``python -m pipeline.backends.predict dev -o dev.hanlp.jsonl [--model models/hanlp-ner] [--relations auto]``
writes one record per document (`pipeline.doc_to_record`), to score with
``python -m evaluation score GOLD PRED``, and prints load time, characters per second and peak RSS.
The test split is not offered: it is scored once per release, through the main CLI.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from pipeline.backends import HANLP_MODEL


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="HanLP pipeline predictions and speed on a corpus split.")
    parser.add_argument("split", choices=("train", "dev"))
    parser.add_argument("-o", "--out", type=Path, required=True)
    parser.add_argument("--model", default=str(HANLP_MODEL), help="HanLP model folder (or HanLP id)")
    parser.add_argument("--relations", default="auto", help="'auto', 'rules' or a relations.pkl")
    parser.add_argument("--labels", help="comma-separated labels kept from HanLP (default: see load_hanlp_pipeline)")
    parser.add_argument("--threads", type=int, help="torch CPU threads")
    args = parser.parse_args(argv)

    import torch

    import pipeline
    from pipeline.atomic import atomic_open
    from pipeline.backends.hanlp_backend import load_hanlp_pipeline
    from pipeline.corpus.splits import CORPUS, split_ids
    from pipeline.records import write_jsonl

    if args.threads:
        torch.set_num_threads(args.threads)
    start = time.perf_counter()
    nlp = load_hanlp_pipeline(args.model, relations=args.relations,
                              labels=args.labels.split(",") if args.labels else None)
    load_s = time.perf_counter() - start
    records, chars, start = [], 0, time.perf_counter()
    for doc_id in split_ids()[args.split]:
        text = (CORPUS / "raw" / f"{doc_id}.txt").read_text(encoding="utf-8")
        records.append(pipeline.doc_to_record(nlp(text), doc_id, {"model": f"hanlp:{args.model}"}))
        chars += len(text)
    run_s = time.perf_counter() - start
    with atomic_open(args.out) as fh:
        write_jsonl(records, fh)
    stats = {"documents": len(records), "chars": chars, "load_s": round(load_s, 2), "run_s": round(run_s, 2),
             "chars_per_s": round(chars / run_s), "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF)
                                                                        .ru_maxrss / 1024),
             "threads": torch.get_num_threads()}
    print(json.dumps(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
