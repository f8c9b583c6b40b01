"""The JSONL record of a processed document (the corpus format of `corpus/GUIDELINES.md`, extended).

A record holds `id`, `text` (exactly as read), `entities` (FIG entities also carry `value`, `unit`,
`qualifier`, `change`, `status`, `period`, `basis`), `relations`, `tokens`, `sentences` and `meta`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc

from pipeline.components.extensions import relations_of
from pipeline.textnorm import original_text

FIGURE_KEYS = ("value", "unit", "qualifier", "change", "status", "period", "basis")


def doc_to_record(doc: Doc, doc_id: str, meta: dict | None = None) -> dict:
    """Turn a processed Doc into a record; every offset indexes `doc.text`."""
    entities = []
    ids: dict[tuple[int, int], int] = {}
    for i, ent in enumerate(doc.ents, start=1):
        item = {"id": i, "label": ent.label_, "start_offset": ent.start_char, "end_offset": ent.end_char,
                "text": ent.text}
        if ent.label_ == "FIG":
            item.update(ent._.figure or dict.fromkeys(FIGURE_KEYS))
        entities.append(item)
        ids[(ent.start_char, ent.end_char)] = i
    relations = []
    for rel in relations_of(doc):
        head = ids.get((rel["head"].start_char, rel["head"].end_char))
        tail = ids.get((rel["tail"].start_char, rel["tail"].end_char))
        if head and tail:
            relations.append({"id": len(relations) + 1, "from_id": head, "to_id": tail, "type": rel["type"],
                              "score": round(float(rel.get("score", 1.0)), 4)})
    text = original_text(doc)
    edges = doc.to_array([IDX, LENGTH, IS_SPACE])
    edges = edges[edges[:, 2] == 0]  # whitespace tokens are not in the record
    tokens = [{"start": start, "end": end, "text": text[start:end]}
              for start, end in zip(edges[:, 0].tolist(), (edges[:, 0] + edges[:, 1]).tolist(), strict=True)]
    sentences = ([{"start": s.start_char, "end": s.end_char} for s in doc.sents]
                 if doc.has_annotation("SENT_START") else [{"start": 0, "end": len(text)}])
    return {"id": doc_id, "text": text, "entities": entities, "relations": relations, "tokens": tokens,
            "sentences": sentences, "meta": meta or {}}


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Records of a JSONL file; a syntax error names the file and line."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}:{err.colno}: invalid JSON: {err.msg}") from None


def dumps(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)


def write_jsonl(records: Iterable[dict], fh) -> None:
    for record in records:
        fh.write(dumps(record) + "\n")
