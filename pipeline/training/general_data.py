"""Locate the research-only general-domain corpora, which stay outside the repository.

They are read from ``$GOVREPORT_SHARED`` (default ``../shared``) by training commands only; a missing
corpus is a clear error, never a download.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def shared_dir() -> Path:
    return Path(os.environ.get("GOVREPORT_SHARED", REPO_ROOT.parent / "shared"))


def general_corpus(relative: str) -> Path:
    """Path of a corpus under ``shared/corpus/general``; exits with a message naming it when absent."""
    path = shared_dir() / "corpus" / "general" / relative
    if not path.exists():
        raise SystemExit(
            f"{path}: research-only corpus not found. It is not shipped with the repository; "
            "set GOVREPORT_SHARED to the folder holding corpus/general/ (see models/README.md)."
        )
    return path
