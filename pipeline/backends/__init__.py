"""Alternative entity-recognition backends that plug into the same spaCy chain as the default one.

`hanlp_backend` runs a HanLP 2.x tagger (trained from this repository's corpus by
`pipeline.training.hanlp_ner`, or a pretrained HanLP id where a network is available) in place of the
rule or spaCy entity recogniser. A tagger trained here is run by `numpy_tagger` from its `model.npz`, without
HanLP or torch; HanLP (the optional extra `pip install -e ".[hanlp]"`) trains it and runs HanLP's own models.
"""

from pipeline.paths import MODELS_DIR

HANLP_MODEL = MODELS_DIR / "hanlp-ner"  # where `python -m pipeline.training.hanlp_ner` saves by default

# The backend `pipeline.load()` and `govreport extract` use when none is named: the more accurate one on the
# dev split (models/govreport-zh/MODEL_CARD.md, models/hanlp-ner/MODEL_CARD.md), where it is installed.
DEFAULT_BACKEND = "hanlp"
BACKENDS = ("spacy", "hanlp")
BACKEND_CHOICES = ("default", *BACKENDS)  # what the command lines accept


def resolve_backend(backend: str, model: object = "default") -> str:
    """The backend a call means: "default" becomes `DEFAULT_BACKEND` (spaCy for the rules, or where HanLP or its
    model is missing), or for a model folder the backend that folder was saved by; a named backend is returned
    as it is."""
    if backend != "default":
        return backend
    if str(model) == "fast":  # the default model's first tagger alone (pipeline.load)
        return "hanlp"
    if str(model) not in ("default", "rules"):
        # A model folder says what it is: a HanLP component has config.json, a spaCy pipeline config.cfg.
        from pathlib import Path

        folder = Path(str(model))
        return "hanlp" if (folder / "config.json").exists() and not (folder / "config.cfg").exists() else "spacy"
    if str(model) == "rules" or DEFAULT_BACKEND == "spacy":
        return "spacy"
    if (HANLP_MODEL / "model.npz").exists():  # the trained tagger runs with NumPy alone
        return DEFAULT_BACKEND
    from importlib.util import find_spec

    if find_spec("hanlp") is None or not (HANLP_MODEL / "config.json").exists():
        return "spacy"
    return DEFAULT_BACKEND
