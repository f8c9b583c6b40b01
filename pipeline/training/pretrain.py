"""Pretrain the tok2vec layer on raw report text (``spacy pretrain``, characters objective).

``python -m pipeline.training.pretrain --out out/pretrain`` writes ``model{N}.bin`` weights that
``pipeline.training.ner --init-tok2vec`` starts from. The text is every report in corpus/raw except
the dev and test documents (their text stays unseen, labelled or not), one paragraph per record.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from pipeline.paths import MODELS_DIR, SEGMENTER_MODEL

CONFIG = MODELS_DIR / "configs" / "pretrain.cfg"


def raw_paragraphs(out: Path) -> int:
    from pipeline.corpus.splits import CORPUS, split_ids

    held_out = {i for s in ("dev", "test") for i in split_ids()[s]}
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for path in sorted((CORPUS / "raw").glob("*.txt")):
            if path.stem in held_out:
                continue
            for line in path.read_text(encoding="utf-8").splitlines():
                if len(line.strip()) >= 5:
                    fh.write(json.dumps({"text": line.strip()}, ensure_ascii=False) + "\n")
                    n += 1
    return n


def pretrain(out: Path, epochs: int | None = None) -> Path:
    """Run spacy pretrain; returns the weights file of the last epoch."""
    from spacy.training.pretrain import pretrain as spacy_pretrain
    from spacy.util import load_config

    import pipeline.tokenizer  # noqa: F401  (registers the tokenizer the config names)

    out.mkdir(parents=True, exist_ok=True)
    raw = out / "raw.jsonl"
    n = raw_paragraphs(raw)
    print(f"{n} paragraphs of raw report text → {raw}", file=sys.stderr)
    overrides = {"paths.raw_text": str(raw), "paths.segmenter": str(SEGMENTER_MODEL)}
    if epochs:
        overrides["pretraining.max_epochs"] = epochs
    config = load_config(CONFIG, overrides=overrides, interpolate=False).interpolate()
    spacy_pretrain(config, out, silent=False, skip_last=True)
    return max(out.glob("model[0-9]*.bin"), key=lambda p: int(p.stem.removeprefix("model")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("out/pretrain"))
    parser.add_argument("--epochs", type=int)
    args = parser.parse_args(argv)
    start = time.time()
    weights = pretrain(args.out, args.epochs)
    print(f"pretrained tok2vec: {weights} in {time.time() - start:.0f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
