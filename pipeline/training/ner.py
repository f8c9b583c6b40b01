"""Train the entity recogniser and assemble the shipped pipeline (`models/govreport-zh`).

``python -m pipeline.training.ner`` does, from the repository's data alone:
0. (optional, `--init-tok2vec`) start from tok2vec weights pretrained on raw reports;
1. export the gold train/dev splits as DocBin (tokens from the report tokenizer, split at span edges);
2. ``spacy train`` with ``models/configs/ner.cfg`` (CNN tok2vec + transition NER, all seven labels);
3. train the relation classifier on the train split's gold spans, threshold tuned on dev;
4. assemble: sentencizer → figure grammar → trained ner → span constraints → relation classifier →
   attached indicators → figure normaliser,
   saved without the segmenter (it is loaded from models/pkuseg-pd1998 at load time, so the 60 MB
   model is stored once).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from pipeline.paths import SEGMENTER_MODEL, TRAINED_PIPELINE
from pipeline.training.model_folder import replace_model_folder

CONFIG = Path(__file__).resolve().parents[2] / "models" / "configs" / "ner.cfg"


def transfer_docs(nlp, source: str, limit: int) -> list:
    """General-domain sentences as partial annotations (only the labels the source can vouch for)."""
    import itertools

    from pipeline.corpus.docbin import partial_doc
    from pipeline.corpus.general import SOURCES

    labels = {"cluener": {"ENT"}}[source]  # CLUENER's company is our ENT; its ORG/LOC differ from ours
    records = (r for r in SOURCES[source]() if any(e["label"] in labels for e in r["entities"]))
    return [partial_doc(nlp, r, labels) for r in itertools.islice(records, limit)]


def train_ner(train_records: list[dict], dev_records: list[dict], work: Path, max_steps: int | None = None,
              segmenter: Path | None = SEGMENTER_MODEL, init_tok2vec: Path | None = None,
              transfer: tuple[str, int] | None = None) -> Path:
    """Run ``spacy train``; returns the best model's folder."""
    from spacy.cli.train import train as spacy_train

    from pipeline.base import blank
    from pipeline.corpus.docbin import export

    nlp = blank(segmenter)
    extra = transfer_docs(nlp, *transfer) if transfer else None
    export(nlp, train_records, work / "train.spacy", extra=extra)
    export(nlp, dev_records, work / "dev.spacy")
    use_pkuseg = segmenter is not None and (Path(segmenter) / "features.msgpack").exists()
    overrides = {
        "paths.train": str(work / "train.spacy"),
        "paths.dev": str(work / "dev.spacy"),
        "paths.segmenter": str(segmenter) if use_pkuseg else None,
        "nlp.tokenizer.segmenter": "pkuseg" if use_pkuseg else "char",
    }
    if init_tok2vec:
        overrides["paths.init_tok2vec"] = str(init_tok2vec)
    if max_steps:
        overrides["training.max_steps"] = max_steps
        overrides["training.eval_frequency"] = max(10, max_steps // 4)
    spacy_train(CONFIG, work / "ner", overrides=overrides)
    return work / "ner" / "model-best"


def tune_relations(train_records: list[dict], dev_records: list[dict]):
    """Relation classifier trained on train, per-type threshold chosen by F1 on dev (gold spans)."""
    from pipeline.relations.model import gold_pairs, record_spans, train

    model = train(train_records)
    best = {}
    for rel_type in model.thresholds:
        scores = []
        for thr in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
            model.thresholds[rel_type] = thr
            tp = fp = fn = 0
            for rec in dev_records:
                gold = {g for g in gold_pairs(rec) if g[2] == rel_type}
                pred = {(c.head, c.tail, c.rel_type) for c, _ in model.predict(rec["text"], record_spans(rec))
                        if c.rel_type == rel_type}
                tp, fp, fn = tp + len(gold & pred), fp + len(pred - gold), fn + len(gold - pred)
            f1 = 2 * tp / max(2 * tp + fp + fn, 1)
            scores.append((f1, -abs(thr - 0.5), thr))
        best[rel_type] = max(scores)[2]
        model.thresholds[rel_type] = best[rel_type]
    return model


def assemble(ner_dir: Path, relation_model, out: Path, segmenter: Path | None = SEGMENTER_MODEL) -> Path:
    """The shipped pipeline: trained ner between the rule components, saved without the segmenter."""
    import spacy

    import pipeline.components  # noqa: F401
    import pipeline.tokenizer  # noqa: F401
    from pipeline.schema import SENTENCE_ENDS

    nlp = spacy.load(ner_dir)
    nlp.add_pipe("sentencizer", first=True, config={"punct_chars": list(SENTENCE_ENDS)})
    nlp.add_pipe("govreport_figures", before="tok2vec")
    nlp.add_pipe("govreport_span_constraints")
    nlp.add_pipe("govreport_relation_classifier")
    nlp.add_pipe("govreport_attached_indicators")
    nlp.add_pipe("govreport_figure_normaliser")
    nlp.get_pipe("govreport_relation_classifier").model = relation_model
    tmp = Path(tempfile.mkdtemp(prefix=".govreport-zh.", dir=out.parent))
    nlp.to_disk(tmp, exclude=["tokenizer"])
    return replace_model_folder(tmp, out)


def main(argv: list[str] | None = None) -> int:
    from pipeline.corpus.splits import load_split

    parser = argparse.ArgumentParser(description="Train the NER and relation models and assemble the pipeline.")
    parser.add_argument("--out", type=Path, default=TRAINED_PIPELINE)
    parser.add_argument("--work", type=Path, default=Path("out/train"))
    parser.add_argument("--max-steps", type=int)
    parser.add_argument("--init-tok2vec", type=Path, help="pretrained tok2vec weights (pipeline.training.pretrain)")
    parser.add_argument("--transfer", metavar="cluener:N", help="add N general-domain sentences as partial ENT data")
    args = parser.parse_args(argv)
    start = time.time()
    train_records, dev_records = load_split("train"), load_split("dev")
    args.work.mkdir(parents=True, exist_ok=True)
    transfer = (args.transfer.split(":")[0], int(args.transfer.split(":")[1])) if args.transfer else None
    best = train_ner(train_records, dev_records, args.work, args.max_steps, init_tok2vec=args.init_tok2vec,
                     transfer=transfer)
    relations = tune_relations(train_records, dev_records)
    assemble(best, relations, args.out)
    meta = {"train_docs": [r["id"] for r in train_records], "dev_docs": [r["id"] for r in dev_records],
            "init_tok2vec": str(args.init_tok2vec) if args.init_tok2vec else None, "transfer": args.transfer,
            "relation_thresholds": relations.thresholds, "seconds": round(time.time() - start)}
    (args.out / "training.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"pipeline written to {args.out} in {meta['seconds']}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
