"""Reading corpus JSONL files with line numbers, and writing report files atomically.

Every message about bad input names the place as ``file:line: message`` so an editor can jump to it.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any


class InputError(ValueError):
    """Unreadable input (missing file, bad encoding, bad JSON); ``str()`` is ``file:line: message``."""


@dataclass(frozen=True)
class Line:
    """One non-blank JSONL line: its 1-based number and either the parsed value or the JSON error."""

    number: int
    value: Any = None
    error: str | None = None


def read_lines(path: str | Path) -> list[Line]:
    """Parse a JSONL file line by line; JSON errors are kept (with their column) instead of raised.

    Lines are split on ``\\n`` only: ``str.splitlines`` would also split on U+2028 and friends, which
    ``json.dumps(..., ensure_ascii=False)`` leaves raw inside strings.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}:0: cannot read file: {exc.strerror or exc}") from exc
    lines: list[Line] = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            lines.append(Line(number, error=f"not UTF-8 (byte {exc.start + 1})"))
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")  # a BOM is not part of the first record
        if not text.strip():
            continue  # blank lines (a trailing newline above all) hold no record
        try:
            lines.append(Line(number, value=json.loads(text)))
        except json.JSONDecodeError as exc:
            lines.append(Line(number, error=f"invalid JSON: {exc.msg} (column {exc.colno})"))
    return lines


def load_jsonl(path: str | Path) -> list[Any]:
    """Load every record of a JSONL file; the first unreadable line raises `InputError`."""
    records = []
    for line in read_lines(path):
        if line.error is not None:
            raise InputError(f"{path}:{line.number}: {line.error}")
        records.append(line.value)
    return records


def write_atomic(path: str | Path, text: str) -> None:
    """Write `text` so readers never see a half-written report: temp file in the same directory, then replace."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        # Name the file the user asked for, not the temp file nobody knows about.
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)  # mkstemp makes the file private; a report is meant to be read
        os.replace(tmp, target)
    except BaseException:
        # Leave no temp file behind, whatever went wrong.
        Path(tmp).unlink(missing_ok=True)
        raise
