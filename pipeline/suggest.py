"""What to annotate next: reports (or sentences) ranked by how unsure the recogniser is about them.

For every character the HanLP tagger's emission scores give a distribution over tags; its uncertainty is
1 − (p_best − p_second) (the margin). A character counts more where one of its two likeliest tags belongs
to a label the model is weak at: the weight of a label is 1 − its dev F1 in the model's `training.json`, so
ENT and PROJ pull harder than FIG. A chunk (sentence, at most 200 characters) scores the weighted mean of
its characters; a report scores the mean of its most uncertain tenth of chunks, so a long report is not
favoured for its length alone, nor a short one for one odd line.

`govreport suggest corpus/raw -n 5 [--sentences] [--gold corpus/gold]` prints the ranking as TSV, leaves out
reports that already have gold and lists one report per place before a second year of any place. Needs the
HanLP backend's tagger (the default) as this project trains it (with `model.npz`, read by NumPy).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np

from pipeline.backends.chunking import chunk_bounds, chunk_tokens
from pipeline.backends.numpy_tagger import NumpyTagger
from pipeline.textnorm import normalise

TOP_SHARE = 0.1
T = TypeVar("T")


@dataclass(frozen=True)
class ChunkScore:
    start: int
    end: int
    score: float


def label_weights(model_dir: Path) -> dict[str, float]:
    """1 − dev F1 per label, from the model's training metadata (a label without a score gets no extra weight)."""
    meta = json.loads((Path(model_dir) / "training.json").read_text(encoding="utf-8"))
    return {label: round(1.0 - s["f"], 4) for label, s in meta.get("dev_span_scores", {}).items() if label != "micro"}


def chunk_scores(tagger: NumpyTagger, text: str, weights: dict[str, float],
                 batch_size: int = 64) -> list[ChunkScore]:
    """Weighted margin uncertainty of every chunk of `text` (character offsets into `text`)."""
    norm = normalise(text)
    chunks = [(s, e, tokens) for s, e in chunk_bounds(norm) if (tokens := chunk_tokens(norm, s, e)[0])]
    if not chunks:
        return []
    tag_weight = np.array([1.0 + weights.get(t.partition("-")[2], 0.0) if "-" in t else 1.0 for t in tagger.tags])
    scores = []
    emissions = tagger.emissions([tokens for _, _, tokens in chunks], batch_size)
    for (s, e, _), emission in zip(chunks, emissions, strict=True):
        probs = np.exp(emission - emission.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        idx = np.argsort(-probs, axis=1)[:, :2]
        top2 = np.take_along_axis(probs, idx, axis=1)
        uncertainty = 1.0 - (top2[:, 0] - top2[:, 1])
        weight = np.maximum(tag_weight[idx[:, 0]], tag_weight[idx[:, 1]])
        scores.append(ChunkScore(s, e, round(float((uncertainty * weight).mean()), 5)))
    return scores


def report_score(chunks: list[ChunkScore]) -> float:
    """Mean of the most uncertain tenth of the chunks (at least one)."""
    if not chunks:
        return 0.0
    ranked = sorted((c.score for c in chunks), reverse=True)
    top = ranked[:max(1, math.ceil(len(ranked) * TOP_SHARE))]
    return round(sum(top) / len(top), 5)


def place_of(doc_id: str) -> str:
    """The report's place: its id without the year (province-shanghai-2022 → province-shanghai)."""
    return re.sub(r"[-_]?\d{4}$", "", doc_id)


def diverse(ranked: Sequence[T], key: Callable[[T], str]) -> list[T]:
    """The ranking with each place's best report first and its other years after every place had one:
    five Shanghai reports teach the model less than five provinces."""
    seen: set[str] = set()
    first, later = [], []
    for item in ranked:
        place = place_of(key(item))
        (later if place in seen else first).append(item)
        seen.add(place)
    return first + later


def rank_reports(tagger, weights: dict[str, float], reports: Iterable[tuple[str, str]],
                 same_place: bool = False) -> list[tuple[float, str]]:
    """(score, doc id) of `reports` ((doc id, text) pairs), most useful to annotate first; unless
    `same_place`, one report per place before a second year of any place. `govreport suggest` and the
    simulation that measures it both rank with this."""
    scored = sorted(((report_score(chunk_scores(tagger, text, weights)), doc_id) for doc_id, text in reports),
                    key=lambda row: -row[0])
    return scored if same_place else diverse(scored, key=lambda row: row[1])
