"""Exchange with annotation tools: write records as tasks (pre-annotations), read the tools' exports back.

Every format has the same two entry points, so a CLI can pick one by name from `FORMATS`:
``write_tasks(records, out_path_or_dir, **opts) -> list[Path]`` and ``read_export(path, **opts) -> list[dict]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.formats import brat, doccano, labelstudio
from pipeline.formats.common import FormatError


@dataclass(frozen=True)
class Format:
    """One tool's exchange format."""

    name: str
    write_tasks: Callable[..., list[Path]]
    read_export: Callable[..., list[dict]]
    description: str


FORMATS: dict[str, Format] = {
    "doccano": Format("doccano", doccano.write_tasks, doccano.read_export,
                      "doccano sequence labeling with relations, JSONL (file, folder or export zip)"),
    "label-studio": Format("label-studio", labelstudio.write_tasks, labelstudio.read_export,
                           "Label Studio JSON tasks with predictions; JSON export with annotations"),
    "brat": Format("brat", brat.write_tasks, brat.read_export,
                   "brat standoff folder: DOC.txt + DOC.ann, annotation.conf"),
}

__all__ = ["FORMATS", "Format", "FormatError"]
