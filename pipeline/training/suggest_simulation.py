"""Does `govreport suggest` pick better reports to annotate than chance? A simulation on the train split.

``python -m pipeline.training.suggest_simulation --init-vectors out/char-vectors.txt [--sizes 5 10 15]``

The gold of the train split plays the annotator. Every run starts from the same few seed reports (a stratified
prefix, as in the learning curve) and a tagger trained on them. **suggest order**: that tagger ranks the rest
of the train split by `pipeline.suggest` (report uncertainty, one report per place first) and reports are
added in that order. **random order**: the rest shuffled with seeds 1, 2, 3. For every order and size a tagger
is trained from scratch with the shipped settings and a fixed epoch budget, and scored on dev (exact spans,
`hanlp_ner.span_scores`). The ranking is computed once, from the seed model, as an annotation team would
rank once per batch. Results go to a JSON file and a chart (`docs/img/suggest-simulation.png`).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from pipeline.atomic import atomic_write_text
from pipeline.training.hanlp_ner import Settings, train
from pipeline.training.learning_curve import stratified_order


def suggest_order(model_dir: Path, records: list[dict]) -> list[str]:
    """Document ids of `records`, most useful first, as `govreport suggest` ranks reports."""
    from pipeline.backends.numpy_tagger import NumpyTagger
    from pipeline.suggest import label_weights, rank_reports

    ranked = rank_reports(NumpyTagger(model_dir), label_weights(model_dir), ((r["id"], r["text"]) for r in records))
    return [doc_id for _, doc_id in ranked]


def plot(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 4))
    for order in sorted({r["order"] for r in rows}):
        points = sorted((r["size"], r["micro_f1"]) for r in rows if r["order"] == order)
        style = {"marker": "o", "linewidth": 2.5} if order == "suggest" else {"marker": ".", "alpha": 0.6}
        ax.plot([p[0] for p in points], [p[1] for p in points], label=order, **style)
    ax.set_xlabel("training reports")
    ax.set_ylabel("dev span F1 (tagger alone)")
    ax.set_title("Adding reports in `suggest` order vs random order")
    ax.legend()
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)


def main(argv: list[str] | None = None) -> int:
    from pipeline.corpus.splits import load_split

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 10, 15])
    parser.add_argument("--seed-docs", type=int, default=3, help="reports every order starts from")
    parser.add_argument("--random-seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument("--epochs", type=int, default=5, help="epoch budget of every point")
    parser.add_argument("--init-vectors", help="character vectors, as for the shipped model")
    parser.add_argument("--out", type=Path, default=Path("out/suggest-simulation.json"))
    parser.add_argument("--plot", type=Path, default=Path("docs/img/suggest-simulation.png"))
    args = parser.parse_args(argv)
    train_records = {r["id"]: r for r in load_split("train")}
    dev_records = load_split("dev")
    settings = Settings(epochs=args.epochs, patience=args.epochs, init_vectors=args.init_vectors)
    seed_ids = stratified_order(list(train_records))[:args.seed_docs]
    rest = [i for i in sorted(train_records) if i not in seed_ids]
    rows: list[dict] = []

    def point(order: str, ids: list[str]) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            meta = train([train_records[i] for i in ids], dev_records, Path(tmp) / "model", settings, threads=1,
                         relations=False)
        rows.append({"order": order, "size": len(ids), "doc_ids": ids, "seconds": meta["seconds"],
                     "micro_f1": meta["dev_span_scores"]["micro"]["f"],
                     "per_label": {k: v["f"] for k, v in meta["dev_span_scores"].items()}})
        atomic_write_text(args.out, json.dumps(rows, ensure_ascii=False, indent=2))
        print(f"{order:>9} {len(ids):>3} reports  dev F1 {rows[-1]['micro_f1']:.4f}  ({meta['seconds']} s)",
              file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        seed_model = Path(tmp) / "seed"
        train([train_records[i] for i in seed_ids], dev_records, seed_model, settings, threads=1, relations=False)
        ranked = suggest_order(seed_model, [train_records[i] for i in rest])
    orders = {"suggest": ranked}
    for seed in args.random_seeds:
        shuffled = list(rest)
        random.Random(seed).shuffle(shuffled)
        orders[f"random {seed}"] = shuffled
    for size in args.sizes:
        for name, order in orders.items():
            point(name, seed_ids + order[:size - len(seed_ids)])
    plot(rows, args.plot)
    print(json.dumps({"seed_docs": seed_ids, "suggest_order": ranked[:20]}, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
