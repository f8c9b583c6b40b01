"""Fit the level-or-flow classifier of the figure-attribute reader (`pipeline.figures.level_or_flow`).

``python -m pipeline.training.level_or_flow [--out models/level-or-flow/weights.json] [--c 0.1]``

Its examples are the gold FIGs of the train split whose period turns on the question: read once as a flow and
once as a level, the reader gives two periods, and the gold is one of them. The dev split's such figures are
held out and scored (the word lists alone against the classifier), as is a five-fold split of the train
documents.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline import linear
from pipeline.corpus.attribute_accuracy import read_as_pipeline
from pipeline.corpus.splits import load_split
from pipeline.figures.attributes import figure_attributes
from pipeline.figures.level_or_flow import MODEL, LevelOrFlowModel, SpanFigure, features

DEFAULT_C = 0.1  # chosen by five-fold accuracy on the train documents (0.03–0.3 within 0.003)
MIN_WEIGHT = 0.01  # smaller weights are dropped: half the file, not one train or dev decision changed


def decision_points(records: list[dict]) -> list[tuple[str, SpanFigure, int]]:
    """(document id, figure, 1 for a flow / 0 for a level) for every gold FIG whose period turns on it."""
    points = []
    for record in records:
        text, timeline = read_as_pipeline(record)
        for entity in record["entities"]:
            if entity["label"] != "FIG" or "period" not in entity:
                continue
            start, end = entity["start_offset"], entity["end_offset"]
            asked: list[SpanFigure] = []

            def ask(figure: SpanFigure, asked: list[SpanFigure] = asked) -> bool:
                asked.append(figure)
                return True

            as_flow = figure_attributes(text, start, end, timeline, flow=ask)
            if not asked:
                continue
            as_level = figure_attributes(text, start, end, timeline, flow=lambda f: False)
            gold = entity["period"] or None
            if as_flow["period"] == as_level["period"] or gold not in (as_flow["period"], as_level["period"]):
                continue
            points.append((record["id"], asked[0], int(gold == as_flow["period"])))
    return points


def fit(points: list[tuple[str, SpanFigure, int]], c: float = DEFAULT_C) -> LevelOrFlowModel:
    """A logistic regression over the points' features (training only: imports scikit-learn)."""
    return LevelOrFlowModel(*linear.fit([features(figure) for _, figure, _ in points], [y for _, _, y in points],
                                        c, MIN_WEIGHT))


def right(model: LevelOrFlowModel | None, points: list[tuple[str, SpanFigure, int]]) -> int:
    """How many of the points `model` decides right (the word lists alone where None)."""
    return sum((model.is_flow(f) if model else f.listed_flow) == bool(y) for _, f, y in points)


def accuracy(model: LevelOrFlowModel | None, points: list[tuple[str, SpanFigure, int]]) -> float:
    return right(model, points) / len(points) if points else 0.0


def cross_validated(points: list[tuple[str, SpanFigure, int]], c: float, folds: int = 5) -> float:
    """Accuracy with the documents split into `folds` groups, each scored by a model fitted without it."""
    docs = sorted({doc for doc, _, _ in points})
    total = 0
    for k in range(folds):
        held = set(docs[k::folds])
        total += right(fit([p for p in points if p[0] not in held], c), [p for p in points if p[0] in held])
    return total / len(points)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="inverse L2 strength of the regression")
    args = parser.parse_args(argv)
    train, dev = decision_points(load_split("train")), decision_points(load_split("dev"))
    model = fit(train, args.c)
    scores = {"train_points": len(train), "dev_points": len(dev), "train_lists": round(accuracy(None, train), 3),
              "train_cv_model": round(cross_validated(train, args.c), 3),
              "dev_lists": round(accuracy(None, dev), 3), "dev_model": round(accuracy(model, dev), 3)}
    model.save(args.out, {"fitted_on": "train split gold", "C": args.c, **scores})
    print(" ".join(f"{k}={v}" for k, v in scores.items()))
    print(f"wrote {args.out} ({len(model.weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
