"""Mention replacement for the tagger's training data: copies of training chunks in which some names are
swapped for other names of the same label, so the tagger learns a name from its context and not only from the
names the gold happens to hold (a report it has not seen names firms and places the train split never does).

Each chosen ENT, LOC or ORG mention of a training record is replaced by a name drawn from a pool of that label:
the well-known enterprises (`models/rules/enterprises.tsv`) and the train gold's ENT names; the gazetteer's
divisions (`models/rules/places.tsv`) and the train gold's LOC names; the train gold's ORG names. Only the
chunks holding a replaced name are added to the training data, beside the originals; dev is never augmented.
Training only (Dai and Adel 2020, "An Analysis of Simple Data Augmentation for Named Entity Recognition").
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

from pipeline.gazetteer import Gazetteer
from pipeline.paths import ENTERPRISES, PLACES

AUGMENTED_LABELS = ("ENT", "LOC", "ORG")
# names with clause punctuation, quotes or brackets would carry structure, not a name, into the copy
_PLAIN_NAME = re.compile(r"^[^，。；：、,;:“”‘’\"'()（）《》\s]{2,16}$")


def name_pools(records: Iterable[dict]) -> dict[str, list[str]]:
    """Replacement names per label: the rule lists and the gold names of `records` (the train split)."""
    pools: dict[str, set[str]] = {label: set() for label in AUGMENTED_LABELS}
    for record in records:
        for ent in record["entities"]:
            if ent["label"] in pools:
                pools[ent["label"]].add(record["text"][ent["start_offset"]:ent["end_offset"]])
    pools["ENT"] |= Gazetteer.from_file(ENTERPRISES).names
    pools["LOC"] |= Gazetteer.from_file(PLACES).names
    return {label: sorted(n for n in names if _PLAIN_NAME.match(n)) for label, names in pools.items()}


def replace_mentions(record: dict, pools: dict[str, list[str]], rate: float, rng: random.Random,
                     labels: tuple[str, ...] = AUGMENTED_LABELS) -> tuple[dict, list[int]] | None:
    """A copy of `record` with each ENT mention of `labels` replaced with probability `rate` (LOC and ORG: half
    that) by another name of its label, and the new offsets of the replaced names; None when nothing was replaced.
    Spans, relations and their ids are kept; offsets after a replacement shift by the difference in length."""
    entities = sorted(record["entities"], key=lambda e: e["start_offset"])
    text, pieces, shift, replaced, out = record["text"], [], 0, [], []
    cursor = 0
    for ent in entities:
        start, end, label = ent["start_offset"], ent["end_offset"], ent["label"]
        name = text[start:end]
        new = name
        # enterprises are what the tagger misses most on unseen reports; places and bodies are swapped less often
        if label in labels and pools.get(label) and rng.random() < (rate if label == "ENT" else rate / 2):
            new = rng.choice(pools[label])
        pieces.append(text[cursor:start])
        pieces.append(new)
        cursor = end
        new_start = start + shift
        if new != name:
            replaced.append(new_start)
        out.append({**ent, "start_offset": new_start, "end_offset": new_start + len(new)})
        shift += len(new) - len(name)
    if not replaced:
        return None
    pieces.append(text[cursor:])
    return {**record, "id": f"{record['id']}#augmented", "text": "".join(pieces), "entities": out}, replaced
