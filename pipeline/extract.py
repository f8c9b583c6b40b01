"""One document in, one record out, whatever its size and line ends.

`extract_record` runs a loaded pipeline over the document window by window (`pipeline.windows`) on
the LF-only text (`pipeline.lineends`), then shifts every offset back into the text as read. The windows
are cut at line breaks and sentence ends first, so on an ordinary report the result equals processing
the whole text at once.

`write_record` gives the same record as one JSON line written straight to a file: each window's
entities, relations, tokens and sentences go to spooled temporary files (in memory while small, on disk
when large), so peak memory is that of one window whatever the document's length; nothing reaches the
output until every window has been processed, so a failure inside the models leaves it untouched.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from typing import IO

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.facts.metadata import read_metadata
from pipeline.figures.attributes import REPORT_CONTEXT, ReportContext
from pipeline.figures.timeline import ReportTimeline
from pipeline.lineends import LineEndMap
from pipeline.memory import long_document_memory, release_free_memory
from pipeline.records import doc_to_record
from pipeline.textnorm import normalise
from pipeline.windows import WINDOW_CHARS, window_bounds

PARTS = ("entities", "relations", "tokens", "sentences")  # the record's lists, in the order they are written
_SPOOL_BYTES = 4 << 20  # a list longer than this (as JSON) moves from memory to a temporary file


def record_parts(nlp: Language, text: str, doc_id: str, window_chars: int = WINDOW_CHARS
                 ) -> Iterator[dict[str, list[dict]]]:
    """Per window, its entities, relations, tokens and sentences, ids and offsets already those of `text`."""
    view = LineEndMap.of(text)
    bounds = window_bounds(view.text, window_chars)
    if len(bounds) == 1:
        yield from _shifted_parts(nlp, text, view, bounds, doc_id)  # one window: no memory to hand back
        return
    with long_document_memory():
        for part in _shifted_parts(nlp, text, view, bounds, doc_id):
            release_free_memory()  # what the last window's Doc freed goes back to the system
            yield part


def _window_docs(nlp: Language, text: str, bounds: list[tuple[int, int]], doc_id: str) -> Iterator[Doc]:
    """The windows as Docs that carry the whole report (`ReportContext`) for the figure attributes and the span
    constraints."""
    whole = normalise(text)
    meta = read_metadata(whole, doc_id)
    timeline = ReportTimeline.of(whole, meta.year)
    for start, end in bounds:
        doc = nlp.make_doc(text[start:end])
        doc.user_data[REPORT_CONTEXT] = ReportContext(whole, start, timeline, meta.level, meta.place)
        yield doc


def _shifted_parts(nlp: Language, text: str, view: LineEndMap, bounds: list[tuple[int, int]], doc_id: str
                   ) -> Iterator[dict[str, list[dict]]]:
    # One window at a time: pipe is lazy. Every window, a report's only one too, carries the whole report's
    # context, so a year that only the file name gives (1960.txt, whose text names none) dates its figures.
    docs = nlp.pipe(_window_docs(nlp, view.text, bounds, doc_id))
    n_entities = n_relations = 0
    for (offset, _), doc in zip(bounds, docs, strict=True):
        part = doc_to_record(doc, doc_id)
        del doc  # the window's Doc is garbage from here on
        entities, relations, tokens, sentences = [], [], [], []
        for ent in part["entities"]:
            start = view.to_original(ent["start_offset"] + offset)
            end = view.end_to_original(ent["end_offset"] + offset)
            entities.append({**ent, "id": ent["id"] + n_entities, "start_offset": start, "end_offset": end,
                             "text": text[start:end]})
        for rel in part["relations"]:
            n_relations += 1
            relations.append({**rel, "id": n_relations, "from_id": rel["from_id"] + n_entities,
                              "to_id": rel["to_id"] + n_entities})
        for tok in part["tokens"]:
            start = view.to_original(tok["start"] + offset)
            end = view.end_to_original(tok["end"] + offset)
            tokens.append({"start": start, "end": end, "text": text[start:end]})
        for sent in part["sentences"]:
            sentences.append({"start": view.to_original(sent["start"] + offset),
                              "end": view.end_to_original(sent["end"] + offset)})
        n_entities += len(entities)
        yield {"entities": entities, "relations": relations, "tokens": tokens, "sentences": sentences}


def extract_record(nlp: Language, text: str, doc_id: str, meta: dict | None = None,
                   window_chars: int = WINDOW_CHARS) -> dict:
    """The JSONL record of `text` (see `pipeline.records`), offsets into `text` exactly as given."""
    lists: dict[str, list[dict]] = {name: [] for name in PARTS}
    for part in record_parts(nlp, text, doc_id, window_chars):
        for name in PARTS:
            lists[name].extend(part[name])
    return {"id": doc_id, "text": text, **lists, "meta": document_meta(text, doc_id, meta)}


def write_record(nlp: Language, text: str, doc_id: str, out: IO[str], meta: dict | None = None,
                 window_chars: int = WINDOW_CHARS) -> dict[str, int]:
    """Write the record of `text` to `out` as one JSON line, the same bytes as `json.dumps(extract_record(…))`;
    return how many items each list has."""
    counts = dict.fromkeys(PARTS, 0)
    spools = {name: tempfile.SpooledTemporaryFile(_SPOOL_BYTES, mode="w+", encoding="utf-8") for name in PARTS}
    try:
        for part in record_parts(nlp, text, doc_id, window_chars):
            for name in PARTS:
                for item in part[name]:
                    spools[name].write((", " if counts[name] else "") + _dumps(item))
                    counts[name] += 1
        out.write(_dumps({"id": doc_id, "text": text})[:-1])  # the object stays open for the lists
        for name in PARTS:
            out.write(f", {_dumps(name)}: [")
            spools[name].seek(0)
            shutil.copyfileobj(spools[name], out)
            out.write("]")
        out.write(f", \"meta\": {_dumps(document_meta(text, doc_id, meta))}}}\n")
    finally:
        for spool in spools.values():
            spool.close()
    return counts


def document_meta(text: str, doc_id: str, meta: dict | None = None) -> dict:
    """The record's `meta`: what the caller gives, then the report's level, place, division code and year
    (`pipeline.facts.metadata`, the document id standing in for its file name)."""
    found = read_metadata(text, doc_id).as_dict()
    return {**(meta or {}), **{k: v for k, v in found.items() if k != "source"}, "metadata_source": found["source"]}


def _dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)
