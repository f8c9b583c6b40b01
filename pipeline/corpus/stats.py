"""Corpus statistics and inter-annotator agreement, written into `corpus/README.md`.

``python -m pipeline.corpus.stats --write corpus/README.md`` regenerates the part of the README
between the ``<!-- stats -->`` markers; everything else in the README is left as written.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
from pathlib import Path

from pipeline.atomic import atomic_open
from pipeline.corpus.splits import CORPUS, SPLITS, split_ids
from pipeline.records import read_jsonl
from pipeline.schema import RELATION_TYPES, SPAN_LABELS

BEGIN, END = "<!-- stats -->", "<!-- /stats -->"


def _table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _level_era(doc_id: str) -> str:
    level, *_, year = doc_id.split("-")
    return f"{level} {'<2000' if int(year) < 2000 else '≥2000'}"


def corpus_stats(corpus: Path = CORPUS) -> str:
    splits = split_ids(corpus)
    rows, totals = [], Counter()
    for split in SPLITS:
        docs = [rec for i in splits[split] for rec in read_jsonl(corpus / "gold" / f"{i}.jsonl")]
        labels = Counter(e["label"] for d in docs for e in d["entities"])
        rels = Counter(r["type"] for d in docs for r in d["relations"])
        chars = sum(len(d["text"]) for d in docs)
        row = [split, len(docs), f"{chars:,}", *(labels[lb] for lb in SPAN_LABELS),
               *(rels[t] for t in RELATION_TYPES)]
        rows.append(row)
        totals.update({"docs": len(docs), "chars": chars, **labels, **rels})
    rows.append(["**all**", totals["docs"], f"{totals['chars']:,}", *(totals[lb] for lb in SPAN_LABELS),
                 *(totals[t] for t in RELATION_TYPES)])
    strata = Counter(_level_era(i) for ids in splits.values() for i in ids)
    per_split = {s: Counter(_level_era(i) for i in splits[s]) for s in SPLITS}
    strata_rows = [[k, *(per_split[s][k] for s in SPLITS), strata[k]] for k in sorted(strata)]
    doc_rows = [[i, s, f"{len((corpus / 'raw' / f'{i}.txt').read_text(encoding='utf-8')):,}"]
                for s in SPLITS for i in splits[s]]
    return "\n\n".join([
        "### Size", _table(["split", "documents", "characters", *SPAN_LABELS, *RELATION_TYPES], rows),
        "### Strata (level × era)", _table(["stratum", *SPLITS, "all"], strata_rows),
        "### Documents", _table(["document", "split", "characters"], doc_rows),
        "### Inter-annotator agreement (before adjudication)", agreement_table(corpus),
        "### Guidelines v1.2 pass: changed spans and relations per decision", changes_table(corpus),
    ])


def _decision(code: str) -> str:
    """The first decision a change cites ('D2/D12/D23' counts as D2); other labels (missed-FIG) as given."""
    m = re.match(r"\s*(D\d+|§\d+)", code)
    return m.group(1) if m else code.strip() or "-"


def changes_table(corpus: Path = CORPUS, version: str = "v1.2") -> str:
    """Counts per decision of the change lists in corpus/changes/<version>/ (one row per changed span)."""
    counts: Counter = Counter()
    docs: dict[str, set[str]] = {}
    for path in sorted((corpus / "changes" / version).glob("*.tsv")):
        with open(path, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        for row in rows:
            decision = _decision(row.get("decision") or "")
            counts[decision] += 1
            docs.setdefault(decision, set()).add(row.get("document") or path.stem)
    def order(key: str) -> tuple:
        m = re.match(r"(D|§)(\d+)", key)
        return (0, m.group(1), int(m.group(2))) if m else (1, key, 0)
    rows = [[d, counts[d], len(docs[d])] for d in sorted(counts, key=order)]
    rows.append(["**all**", sum(counts.values()), len({x for v in docs.values() for x in v})])
    return _table(["decision", "changes", "documents"], rows)


def agreement_table(corpus: Path = CORPUS) -> str:
    """Span F1 per label, relation F1 and character kappa for every doubly annotated document: the first
    annotation as it was before adjudication (corpus/double/first) against the independent second one."""
    from evaluation import agreement

    rows = []
    pooled_a, pooled_b = [], []
    for second in sorted((corpus / "double").glob("*.jsonl")):
        first = corpus / "double" / "first" / second.name
        if not first.exists():
            continue
        a, b = list(read_jsonl(first)), list(read_jsonl(second))
        pooled_a += a
        pooled_b += b
        rows.append(_agreement_row(second.stem, agreement(a, b)))
    if not rows:
        return "No document has a second annotation yet."
    rows.append(_agreement_row("**pooled**", agreement(pooled_a, pooled_b)))
    header = ["document", *SPAN_LABELS, "spans micro", "relations strict", "relations relaxed", "kappa (char BIO)"]
    return _table(header, rows)


def _agreement_row(name: str, result: dict) -> list:
    per = result["spans"]["per_label"]
    cells = [f"{per[lb]['f1']:.3f}" if lb in per else "–" for lb in SPAN_LABELS]
    return [name, *cells, f"{result['spans']['micro']['f1']:.3f}",
            f"{result['relations']['strict']['micro']['f1']:.3f}",
            f"{result['relations']['relaxed']['micro']['f1']:.3f}", f"{result['kappa']:.4f}"]


def write_into(readme: Path, body: str) -> None:
    text = readme.read_text(encoding="utf-8") if readme.exists() else f"# Corpus\n\n{BEGIN}\n{END}\n"
    if BEGIN not in text or END not in text:
        text = text.rstrip("\n") + f"\n\n{BEGIN}\n{END}\n"
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    with atomic_open(readme) as fh:
        fh.write(f"{head}{BEGIN}\n<!-- generated by `make corpus-stats`; do not edit by hand -->\n\n{body}\n\n{END}{tail}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", type=Path, help="README to update (default: print)")
    args = parser.parse_args(argv)
    body = corpus_stats()
    if args.write:
        write_into(args.write, body)
        print(f"statistics written into {args.write}", file=sys.stderr)
    else:
        print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
