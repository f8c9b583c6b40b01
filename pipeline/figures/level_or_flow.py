"""Level or flow: the period of a figure in a review of several years (过去五年, 十四五, 本届政府).

A level reached takes the span's last year (地区生产总值达到6.66万亿元 → 2025), a flow over the years takes the
whole span (新增就业1000万人, 5家企业上市 → 2021-2025; guidelines §5b). The figure-attribute reader's word lists
(`attributes._FLOW` …) decide most figures; a logistic regression over the figure's sentence (the characters and
character pairs of its clause, the sentence's character pairs, the words right before and after it, its unit, the
lists' own answer) decides the rest where it is sure enough, fitted on the train split's gold
(`python -m pipeline.training.level_or_flow`; model card in `models/level-or-flow/`). Prediction is a dot product
over the stored weights.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline import linear
from pipeline.paths import MODELS_DIR

MODEL = MODELS_DIR / "level-or-flow" / "weights.json"

# the model overrules the word lists only when at least 60% sure (five-fold on train, with every weight kept: 1,327
# of 1,453 right, against 1,312 overruling always and 1,254 for the lists alone)
OVERRULE_MARGIN = 0.1
_CLAUSE_WINDOW = 14  # characters of the clause before the figure read as characters and pairs
_UNIT = re.compile(r"[^0-9０-９.．,，%％一二三四五六七八九十百千万亿两零〇点多余超近约以上下左右]+$")
_PERCENT = re.compile(r"[%％]|百分之")
_CLAUSE_END = re.compile(r"[，。；,;]")


@dataclass(frozen=True)
class SpanFigure:
    """A figure [start, end) of `text` under a review of several years, the text of its sentence before it, the
    clause before it, and what the word lists say (True: a flow over the years)."""

    text: str
    start: int
    end: int
    before: str
    clause: str
    listed_flow: bool


def features(figure: SpanFigure) -> dict[str, float]:
    """The classifier's features of `figure` (names → 1.0)."""
    feats = {"listed_flow": float(figure.listed_flow)}
    clause = figure.clause[-_CLAUSE_WINDOW:]
    for n in (1, 2):
        for i in range(len(clause) - n + 1):
            feats[f"c{n}:{clause[i:i + n]}"] = 1.0
    for i in range(len(figure.before) - 1):  # the sentence: 这五年, 累计, 连续 … before the clause
        feats[f"s2:{figure.before[i:i + 2]}"] = 1.0
    for k in (1, 2, 3):
        feats[f"p{k}:{figure.clause[-k:]}"] = 1.0
    fig = figure.text[figure.start:figure.end]
    unit = _UNIT.search(fig)
    feats[f"u:{unit.group() if unit else ''}"] = 1.0
    if _PERCENT.search(fig):
        feats["percent"] = 1.0
    after = _CLAUSE_END.split(figure.text[figure.end:figure.end + 8], maxsplit=1)[0][:4]
    for k in (1, 2):
        feats[f"a{k}:{after[:k]}"] = 1.0
    if not figure.clause.strip():
        feats["empty_clause"] = 1.0
    return feats


@dataclass(frozen=True)
class LevelOrFlowModel:
    weights: dict[str, float]
    bias: float

    def probability(self, figure: SpanFigure) -> float:
        """The probability that `figure` is a flow over the years."""
        return linear.probability(self.weights, self.bias, features(figure))

    def is_flow(self, figure: SpanFigure) -> bool:
        """The model's answer where it is sure enough to overrule the word lists, theirs otherwise."""
        p = self.probability(figure)
        return p >= 0.5 if abs(p - 0.5) > OVERRULE_MARGIN else figure.listed_flow

    def save(self, path: Path, about: dict | None = None) -> None:
        from pipeline.atomic import atomic_write_text

        body = {"about": about or {}, "bias": round(self.bias, 6),
                "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6) != 0.0}}
        atomic_write_text(path, json.dumps(body, ensure_ascii=False, indent=0) + "\n")

    @classmethod
    def load(cls, path: Path) -> LevelOrFlowModel:
        try:
            body = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls({str(k): float(v) for k, v in body["weights"].items()}, float(body["bias"]))
        except (OSError, ValueError, KeyError, TypeError) as err:
            raise ValueError(f"{path}: not a level-or-flow model ({err})") from err


@lru_cache(maxsize=4)
def shipped_model(path: Path = MODEL) -> LevelOrFlowModel | None:
    """The shipped model, or None where the file is absent (the word lists then decide alone)."""
    return LevelOrFlowModel.load(path) if Path(path).exists() else None


def decide(figure: SpanFigure) -> bool:
    """Flow over the years (True) or level at their end: the shipped model where there is one."""
    model = shipped_model()
    return model.is_flow(figure) if model is not None else figure.listed_flow
