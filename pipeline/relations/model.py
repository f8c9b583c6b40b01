"""The relation classifier: logistic regression over candidate-pair features, with a decision rule.

Decoding follows the schema: a FIG takes its single most likely head (if above the threshold); an ACH
takes every head above the threshold (coordinated holders); an IND takes its best owner above the
threshold.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from pipeline.relations.candidates import Candidate, SortedSpans, SpanT, candidates, features


@dataclass
class RelationModel:
    vectorizer: DictVectorizer
    classifier: LogisticRegression
    thresholds: dict[str, float] = field(default_factory=lambda: {"HAS_VALUE": 0.5, "ACHIEVED": 0.5,
                                                                    "HAS_INDICATOR": 0.5})

    def score(self, text: str, spans: list[SpanT]) -> list[tuple[Candidate, float]]:
        index = SortedSpans(spans)
        cands = candidates(text, index)
        if not cands:
            return []
        X = self.vectorizer.transform([features(text, index, c) for c in cands])
        probs = self.classifier.predict_proba(X)[:, 1]
        return list(zip(cands, probs.tolist(), strict=True))

    def predict(self, text: str, spans: list[SpanT]) -> list[tuple[Candidate, float]]:
        """Relations kept by the decision rule, with their probabilities."""
        by_tail: dict[SpanT, list[tuple[Candidate, float]]] = {}
        for cand, p in self.score(text, spans):
            by_tail.setdefault(cand.tail, []).append((cand, p))
        kept = []
        for tail, scored in by_tail.items():
            scored.sort(key=lambda cp: -cp[1])
            threshold = self.thresholds[scored[0][0].rel_type]
            if tail[2] == "ACH":
                kept.extend(cp for cp in scored if cp[1] >= threshold)
            elif scored[0][1] >= threshold:
                kept.append(scored[0])
        return kept

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            pickle.dump(self, fh)

    @classmethod
    def load(cls, path: Path) -> RelationModel:
        with open(path, "rb") as fh:
            model = pickle.load(fh)
        if not isinstance(model, cls):
            raise TypeError(f"{path}: not a RelationModel")
        return model


def record_spans(record: dict) -> list[SpanT]:
    return [(e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]]


def gold_pairs(record: dict) -> set[tuple[SpanT, SpanT, str]]:
    by_id = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
    return {(by_id[r["from_id"]], by_id[r["to_id"]], r["type"]) for r in record["relations"]}


def training_matrix(records: list[dict]) -> tuple[list[dict], list[int]]:
    X, y = [], []
    for record in records:
        index = SortedSpans(record_spans(record))
        gold = gold_pairs(record)
        for cand in candidates(record["text"], index):
            X.append(features(record["text"], index, cand))
            y.append(int((cand.head, cand.tail, cand.rel_type) in gold))
    return X, y


def train(records: list[dict], c: float = 1.0) -> RelationModel:
    X, y = training_matrix(records)
    vectorizer = DictVectorizer()
    classifier = LogisticRegression(C=c, max_iter=2000)
    classifier.fit(vectorizer.fit_transform(X), y)
    return RelationModel(vectorizer, classifier)
