"""Putting a freshly trained model folder in place of the old one."""

from __future__ import annotations

import shutil
from pathlib import Path

MODEL_CARD = "MODEL_CARD.md"  # written by hand, not by training: a retrained folder keeps it


def replace_model_folder(new: Path, out: Path) -> Path:
    """Move `new` (written beside `out`) to `out`, replacing the old folder but carrying over its model card;
    readable by everyone, as the rest of models/ is (mkdtemp makes folders owner-only)."""
    if (out / MODEL_CARD).exists():
        shutil.copy2(out / MODEL_CARD, new / MODEL_CARD)
    new.chmod(0o755)
    if out.exists():
        shutil.rmtree(out)
    new.rename(out)
    return out
