"""A binary logistic regression kept as feature weights: what the relation classifier and the figure attributes'
level-or-flow classifier predict with (a dot product over a sparse feature dict, so prediction imports neither
scikit-learn nor SciPy), how both are fitted, and how a fitted scikit-learn model becomes such weights."""

from __future__ import annotations

import math


def probability(weights: dict[str, float], bias: float, feats: dict[str, float]) -> float:
    """The logistic function of the bias plus the weighted features (features without a weight count 0)."""
    z = bias + sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-z)) if z >= 0 else math.exp(z) / (1.0 + math.exp(z))


def sklearn_weights(vectorizer, classifier, min_weight: float = 0.0) -> tuple[dict[str, float], float]:  # noqa: ANN001
    """(weights, bias) of a fitted `DictVectorizer` + binary `LogisticRegression`: the non-zero coefficients of at
    least `min_weight` in size, by feature name."""
    coef = classifier.coef_[0]
    weights = {name: float(coef[i]) for name, i in vectorizer.vocabulary_.items()
               if coef[i] != 0.0 and abs(coef[i]) >= min_weight}
    return weights, float(classifier.intercept_[0])


def fit(feats: list[dict[str, float]], labels: list[int], c: float,
        min_weight: float = 0.0) -> tuple[dict[str, float], float]:
    """(weights, bias) of an L2 logistic regression fitted on sparse feature dicts (training only: imports
    scikit-learn)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    classifier = LogisticRegression(C=c, max_iter=2000).fit(vectorizer.fit_transform(feats), labels)
    return sklearn_weights(vectorizer, classifier, min_weight)
