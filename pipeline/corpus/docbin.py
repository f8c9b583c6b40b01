"""Export corpus splits as spaCy `DocBin` files, ready for ``spacy train``.

Documents are tokenised with the report tokenizer of the given pipeline; a token that straddles a
gold span boundary is split there, so no gold span is lost to segmentation. Each sentence of a
report becomes its own Doc (shorter docs train faster and the model never crosses sentences).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin

from pipeline.components.alignment import split_at


def record_to_docs(nlp: Language, record: dict, by_sentence: bool = True) -> list[Doc]:
    """The gold Doc(s) of a corpus record: entities set, tokens split at span edges."""
    doc = nlp.make_doc(record["text"])
    ents = record["entities"]
    split_at(doc, [o for e in ents for o in (e["start_offset"], e["end_offset"])])
    spans = [doc.char_span(e["start_offset"], e["end_offset"], label=e["label"]) for e in ents]
    doc.ents = [s for s in spans if s is not None]
    if not by_sentence:
        return [doc]
    out, start = [], 0
    for tok in doc:
        if tok.text in ("。", "！", "？", "\n") or tok.i == len(doc) - 1:
            if any(not t.is_space for t in doc[start:tok.i + 1]):
                out.append(doc[start:tok.i + 1].as_doc())
            start = tok.i + 1
    return out


def partial_doc(nlp: Language, record: dict, labels: set[str]) -> Doc:
    """A Doc that knows only the spans of `labels`: every other token is *missing*, not O, so a
    general-domain corpus that never marks our IND/FIG/PROJ cannot teach the model that they are O."""
    doc = nlp.make_doc(record["text"])
    ents = [e for e in record["entities"] if e["label"] in labels]
    split_at(doc, [o for e in ents for o in (e["start_offset"], e["end_offset"])])
    spans = [doc.char_span(e["start_offset"], e["end_offset"], label=e["label"]) for e in ents]
    doc.set_ents([s for s in spans if s is not None], default="missing")
    return doc


def export(nlp: Language, records: list[dict], out: Path, extra: list[Doc] | None = None) -> int:
    db = DocBin(store_user_data=False)
    n = 0
    for record in records:
        for doc in record_to_docs(nlp, record):
            db.add(doc)
            n += 1
    for doc in extra or []:
        db.add(doc)
        n += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def main(argv: list[str] | None = None) -> int:
    from pipeline.corpus.splits import SPLITS, load_split
    from pipeline.base import blank

    parser = argparse.ArgumentParser(description="Write corpus splits as spaCy DocBin files.")
    parser.add_argument("--out", type=Path, default=Path("out/docbin"))
    parser.add_argument("--splits", nargs="+", default=["train", "dev"], choices=SPLITS)
    args = parser.parse_args(argv)
    nlp = blank()
    for split in args.splits:
        n = export(nlp, load_split(split), args.out / f"{split}.spacy")
        print(f"{split}: {n} sentence docs → {args.out / f'{split}.spacy'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
