"""Learning curve of the default recogniser: dev span F1 per label against the number of training reports.

``python -m pipeline.training.learning_curve --init-vectors out/char-vectors.txt [--lexicon] [--sizes 5 10 20 40 0]``

Each size trains the HanLP tagger (`pipeline.training.hanlp_ner`, shipped settings, a fixed epoch budget so
the points are comparable) on a stratified prefix of one seeded ordering of the train split (national
before 2000, national from 2000, province, district interleaved in proportion), so every smaller set is
inside the larger ones. Size 0 means the whole train split. Scores are the tagger's exact-match dev spans,
the quick score `hanlp_ner.span_scores` gives; results go to a JSON file and a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from pipeline.atomic import atomic_write_text
from pipeline.schema import SPAN_LABELS
from pipeline.training.hanlp_ner import Settings, train


def stratum(doc_id: str) -> str:
    """The corpus stratum of a document id (`corpus/splits.json`): level, and era for national reports."""
    if doc_id.startswith("national-"):
        return "national-pre2000" if int(doc_id.rsplit("-", 1)[-1]) < 2000 else "national-2000on"
    return doc_id.split("-", 1)[0]


def stratified_order(doc_ids: list[str], seed: int = 1) -> list[str]:
    """All ids, each stratum shuffled and the strata interleaved by their share, so that every prefix
    holds the strata in about the proportions of the whole."""
    rng = random.Random(seed)
    groups: dict[str, list[str]] = {}
    for doc_id in sorted(doc_ids):
        groups.setdefault(stratum(doc_id), []).append(doc_id)
    keyed = []
    for name, ids in sorted(groups.items()):
        rng.shuffle(ids)
        keyed.extend(((i + rng.random()) / len(ids), name, doc_id) for i, doc_id in enumerate(ids))
    return [doc_id for _, _, doc_id in sorted(keyed)]


def markdown(rows: list[dict]) -> str:
    head = "| train reports | characters | " + " | ".join(SPAN_LABELS) + " | micro | seconds |"
    lines = [head, "|" + "---|" * (len(SPAN_LABELS) + 4)]
    for row in rows:
        scores = row["dev_span_scores"]
        cells = [f"{scores[label]['f']:.3f}" if label in scores else "–" for label in SPAN_LABELS]
        lines.append(f"| {row['docs']} | {row['chars']:,} | " + " | ".join(cells)
                     + f" | **{scores['micro']['f']:.3f}** | {row['seconds']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    from pipeline.corpus.splits import load_split

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 20, 40, 0])
    parser.add_argument("--epochs", type=int, default=8, help="epoch budget of every point")
    parser.add_argument("--seed", type=int, default=1, help="seed of the document order")
    parser.add_argument("--init-vectors", help="character vectors, as for the shipped model")
    parser.add_argument("--lexicon", action="store_true",
                        help="soft-lexicon features, as the shipped model (gold lexicons from each point's reports)")
    parser.add_argument("--out", type=Path, default=Path("out/learning-curve.json"))
    args = parser.parse_args(argv)
    train_records = {r["id"]: r for r in load_split("train")}
    dev_records = load_split("dev")
    order = stratified_order(list(train_records), args.seed)
    settings = Settings(epochs=args.epochs, patience=args.epochs, init_vectors=args.init_vectors, lexicon=args.lexicon)
    rows = []
    for size in args.sizes:
        chosen = [train_records[i] for i in order[:size or len(order)]]
        with tempfile.TemporaryDirectory() as tmp:
            meta = train(chosen, dev_records, Path(tmp) / "model", settings, threads=1, relations=False)
        rows.append({"docs": len(chosen), "doc_ids": [r["id"] for r in chosen], "chars": meta["train"]["chars"],
                     "epochs": args.epochs, "seconds": meta["seconds"], "dev_span_scores": meta["dev_span_scores"]})
        atomic_write_text(args.out, json.dumps(rows, ensure_ascii=False, indent=2))  # each point kept as it lands
        print(markdown(rows[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    atomic_write_text(args.out.with_suffix(".md"), markdown(rows))
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
