"""The lexicons behind the tagger's soft-lexicon features (`pipeline.backends.lexicon`).

* ``place`` / ``township``: the gazetteer (`models/rules/places.tsv`: provinces, cities and counties with
  their short forms / townships);
* ``province_short``: the 34 one-character province-level abbreviations (川, 湘, 浙 …);
* ``jieba_ns`` / ``jieba_nt``: the place and organisation words of jieba's dictionary (MIT);
* ``gold_<LABEL>``: names of each span label in the training gold. A training document sees only the names
  that some *other* training document marks (leave one document out), so the tagger learns how far to
  trust a lexicon hit on names it has not seen, as it must on a new report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from pipeline.divisions import PROVINCE_SHORT_NAMES
from pipeline.paths import MODELS_DIR

PLACES = MODELS_DIR / "rules" / "places.tsv"
GOLD_LABELS = ("ORG", "ENT", "PROJ", "LOC", "IND", "ACH")


def gazetteer(path: Path = PLACES) -> dict[str, list[str]]:
    """``place`` (province, city, county names and short forms) and ``township`` from the gazetteer."""
    place, township = set(), set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or "\t" not in line:
                continue
            name, level = line.rstrip("\n").split("\t")[:2]
            (township if level == "township" else place).add(name)
    return {"place": sorted(place), "township": sorted(township - place)}


def jieba_words(tags: Iterable[str] = ("ns", "nt")) -> dict[str, list[str]]:
    """Words of jieba's dictionary with the given part-of-speech tags (at least two characters)."""
    import jieba

    words: dict[str, set[str]] = {tag: set() for tag in tags}
    with jieba.get_dict_file() as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) == 3 and parts[2] in words and len(parts[0]) >= 2:
                words[parts[2]].add(parts[0])
    return {f"jieba_{tag}": sorted(ws) for tag, ws in words.items()}


def _gold_names(record: dict) -> set[tuple[str, str]]:
    text = record["text"]
    return {(text[e["start_offset"]:e["end_offset"]], e["label"]) for e in record["entities"]
            if e["label"] in GOLD_LABELS and e["end_offset"] - e["start_offset"] >= 2}


def gold_lexicons(records: Iterable[dict], leave_out: dict | None = None) -> dict[str, list[str]]:
    """``gold_<LABEL>`` name lists of the records, without the names only `leave_out` has."""
    counts = Counter(name for record in records for name in _gold_names(record))
    if leave_out is not None:
        counts.subtract(_gold_names(leave_out))
    lexicons: dict[str, set[str]] = {f"gold_{label}": set() for label in GOLD_LABELS}
    for (name, label), n in counts.items():
        if n > 0:
            lexicons[f"gold_{label}"].add(name)
    return {key: sorted(names) for key, names in lexicons.items()}


def static_lexicons() -> dict[str, list[str]]:
    """Every lexicon that does not depend on the gold."""
    return {**gazetteer(), "province_short": list(PROVINCE_SHORT_NAMES), **jieba_words()}
