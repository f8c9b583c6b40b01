"""Where the shipped models live inside the repository."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = REPO_ROOT / "models"
SEGMENTER_MODEL = MODELS_DIR / "pkuseg-pd1998"
TRAINED_PIPELINE = MODELS_DIR / "govreport-zh"
PLACES = MODELS_DIR / "rules" / "places.tsv"
