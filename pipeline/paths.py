"""Where the shipped models and the raw reports live inside the repository."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = REPO_ROOT / "models"
SEGMENTER_MODEL = MODELS_DIR / "pkuseg-pd1998"
# No user dictionary: spacy-pkuseg's bundled lexicon lowered SIGHAN PKU F1 from 0.948 to 0.936 and slowed
# segmentation (models/pkuseg-pd1998/MODEL_CARD.md). "none" is understood by ReportTokenizer.initialize.
SEGMENTER_USER_DICT = "none"
TRAINED_PIPELINE = MODELS_DIR / "govreport-zh"
RAW_REPORTS = REPO_ROOT / "corpus" / "raw"  # the reports as published, one .txt each
PLACES = MODELS_DIR / "rules" / "places.tsv"
ENTERPRISES = MODELS_DIR / "rules" / "enterprises.tsv"
COUNTRIES = MODELS_DIR / "rules" / "countries.tsv"
INTERNATIONAL_BODIES = MODELS_DIR / "rules" / "international_bodies.tsv"
