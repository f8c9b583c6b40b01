"""Building and loading the pipeline: `pipeline.load()` returns a spaCy `Language`.

Model names: ``"default"`` (the trained pipeline under models/govreport-zh when present, else the rules),
``"rules"`` (the rule baseline), ``"fast"`` (the HanLP backend with the first of the default's three taggers
only), or a path to a pipeline folder saved with ``nlp.to_disk``.
Nothing is downloaded: every model is read from the repository or the given folder.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.base import blank
from pipeline.paths import PLACES, SEGMENTER_MODEL, SEGMENTER_USER_DICT, TRAINED_PIPELINE

__all__ = ["blank", "build_rules", "load", "load_trained"]


def build_rules(segmenter_model: Path | None = SEGMENTER_MODEL) -> Language:
    """The rule baseline: gazetteer and pattern entities, figure grammar, rule relations."""
    nlp = blank(segmenter_model)
    nlp.add_pipe("govreport_entity_rules", config={"places_path": str(PLACES)})
    nlp.add_pipe("govreport_figures")
    nlp.add_pipe("govreport_relation_rules")
    nlp.add_pipe("govreport_figure_normaliser")
    return nlp


def load(model: str | Path = "default", backend: str = "default") -> Language:
    """Load a pipeline by name or path (see the module docstring); `backend` "default" is
    `pipeline.backends.DEFAULT_BACKEND` where it is installed."""
    from pipeline.backends import resolve_backend

    backend = resolve_backend(backend, model)
    if backend == "hanlp":
        from pipeline.backends import HANLP_MODEL
        from pipeline.backends.hanlp_backend import load_hanlp_pipeline

        if str(model) == "fast":  # the default's first tagger alone: 1.5× the speed, a point less on dev
            return load_hanlp_pipeline(HANLP_MODEL, ensemble=False)
        return load_hanlp_pipeline(HANLP_MODEL if str(model) == "default" else model)
    if backend != "spacy":
        raise ValueError(f"unknown backend {backend!r}; available: spacy, hanlp")
    if str(model) == "rules":
        return build_rules()
    if str(model) == "default":
        if (TRAINED_PIPELINE / "config.cfg").exists():
            return load_trained(TRAINED_PIPELINE)
        warnings.warn("no trained pipeline under models/govreport-zh; using the rule baseline", stacklevel=2)
        return build_rules()
    path = Path(model)
    if not (path / "config.cfg").exists():
        raise FileNotFoundError(f"{path}: not a pipeline folder (no config.cfg); use 'default', 'rules' or a path")
    return load_trained(path)


def load_trained(path: Path, segmenter_model: Path | None = SEGMENTER_MODEL) -> Language:
    """A saved pipeline; if it was saved without its segmenter, the shipped one is plugged in."""
    path = Path(path)
    if "govreport_hanlp_ner" in (path / "config.cfg").read_text(encoding="utf-8"):
        import pipeline.backends.hanlp_backend  # noqa: F401  (registers govreport_hanlp_ner)
    nlp = spacy.load(path, exclude=[] if (path / "tokenizer").exists() else ["tokenizer"])
    tokenizer = nlp.tokenizer
    if getattr(tokenizer, "segmenter", None) == "pkuseg" and tokenizer.pkuseg_seg is None:
        if segmenter_model and (Path(segmenter_model) / "features.msgpack").exists():
            tokenizer.initialize(pkuseg_model=str(segmenter_model), pkuseg_user_dict=SEGMENTER_USER_DICT)
    return nlp
