"""Alternative entity-recognition backends that plug into the same spaCy chain as the default one.

`hanlp_backend` runs a HanLP 2.x tagger (trained from this repository's corpus by
`pipeline.training.hanlp_ner`, or a pretrained HanLP id where a network is available) in place of the
rule or spaCy entity recogniser. HanLP is an optional extra (`pip install -e ".[hanlp]"`), so nothing
here imports it until a model is loaded.
"""

from pipeline.paths import MODELS_DIR

HANLP_MODEL = MODELS_DIR / "hanlp-ner"  # where `python -m pipeline.training.hanlp_ner` saves by default
