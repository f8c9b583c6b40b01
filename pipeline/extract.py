"""One document in, one record out, whatever its size and line ends.

`extract_record` runs a loaded pipeline over the document window by window (`pipeline.windows`) on
the LF-only text (`pipeline.lineends`), then shifts every offset back into the text as read. Peak
memory is that of one window plus the record, and spaCy's length limit never applies. The windows are
cut at line breaks and sentence ends first, so on an ordinary report the result equals processing the
whole text at once.
"""

from __future__ import annotations

from spacy.language import Language

from pipeline.lineends import LineEndMap
from pipeline.records import doc_to_record
from pipeline.windows import WINDOW_CHARS, window_bounds


def extract_record(nlp: Language, text: str, doc_id: str, meta: dict | None = None,
                   window_chars: int = WINDOW_CHARS) -> dict:
    """The JSONL record of `text` (see `pipeline.records`), offsets into `text` exactly as given."""
    view = LineEndMap.of(text)
    entities: list[dict] = []
    relations: list[dict] = []
    tokens: list[dict] = []
    sentences: list[dict] = []
    bounds = window_bounds(view.text, window_chars)
    docs = nlp.pipe(view.text[a:b] for a, b in bounds)  # one window at a time: pipe is lazy
    for (offset, _), doc in zip(bounds, docs, strict=True):
        part = doc_to_record(doc, doc_id)
        first_id = len(entities)
        for ent in part["entities"]:
            start = view.to_original(ent["start_offset"] + offset)
            end = view.end_to_original(ent["end_offset"] + offset)
            entities.append({**ent, "id": ent["id"] + first_id, "start_offset": start, "end_offset": end,
                             "text": text[start:end]})
        for rel in part["relations"]:
            relations.append({**rel, "id": len(relations) + 1, "from_id": rel["from_id"] + first_id,
                              "to_id": rel["to_id"] + first_id})
        for tok in part["tokens"]:
            start = view.to_original(tok["start"] + offset)
            end = view.end_to_original(tok["end"] + offset)
            tokens.append({"start": start, "end": end, "text": text[start:end]})
        for sent in part["sentences"]:
            sentences.append({"start": view.to_original(sent["start"] + offset),
                              "end": view.end_to_original(sent["end"] + offset)})
    return {"id": doc_id, "text": text, "entities": entities, "relations": relations, "tokens": tokens,
            "sentences": sentences, "meta": meta or {}}
