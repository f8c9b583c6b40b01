"""Refit the relation classifier of a trained model folder, leaving its recogniser as it is.

``python -m pipeline.training.relations MODEL_DIR [--fit-on-dev]`` does what the recognisers' training does
for relations (`pipeline.training.ner.tune_relations`): fit on the train split's gold spans, choose each
type's threshold on dev, and with `--fit-on-dev` (the release) refit on train and dev with those thresholds.
A change to the candidate features (`pipeline.relations.candidates`) needs only this, not an hour of
tagger training. The file is replaced atomically: `MODEL_DIR/relations.pkl` for a HanLP-backend folder,
`MODEL_DIR/govreport_relation_classifier/relations.pkl` for the spaCy pipeline.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pipeline.corpus.splits import load_split
from pipeline.relations.model import RelationModel, train
from pipeline.training.ner import tune_relations


def relation_file(model_dir: Path) -> Path:
    """Where a model folder keeps its relation classifier."""
    component = model_dir / "govreport_relation_classifier"
    return component / "relations.pkl" if component.is_dir() else model_dir / "relations.pkl"


def fit(train_records: list[dict], dev_records: list[dict], fit_on_dev: bool) -> RelationModel:
    model = tune_relations(train_records, dev_records)
    if fit_on_dev:
        refit = train(train_records + dev_records)
        refit.thresholds = dict(model.thresholds)
        model = refit
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model_dir", type=Path)
    parser.add_argument("--fit-on-dev", action="store_true", help="refit on train and dev (the release model)")
    args = parser.parse_args(argv)
    target = relation_file(args.model_dir)
    if not target.exists():
        print(f"error: {target}: no relation classifier to replace", file=sys.stderr)
        return 2
    model = fit(load_split("train"), load_split("dev"), args.fit_on_dev)
    tmp = target.with_suffix(".tmp")
    model.save(tmp)
    tmp.replace(target)
    meta_file = args.model_dir / "training.json"
    if meta_file.exists():  # the HanLP folder's metadata records the thresholds
        meta = json.loads(meta_file.read_text(encoding="utf-8"))
        if "relation_thresholds" in meta:
            meta["relation_thresholds"] = model.thresholds
            meta_tmp = meta_file.with_suffix(".tmp")
            meta_tmp.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
            meta_tmp.replace(meta_file)
    print(f"{target}: thresholds {model.thresholds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
