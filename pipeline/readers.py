"""Reading reports from files: text in any common Chinese encoding (more formats plug in here).

Every failure is a `ReportError` whose message is one line naming the file and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

MAX_BYTES = 20 * 1024 * 1024  # a report is ~100 KB; anything this big is not one report


class ReportError(ValueError):
    """A report that cannot be read; str() is a one-line message naming the file."""


@dataclass
class Report:
    doc_id: str
    path: str
    text: str
    encoding: str


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and encoding name of raw bytes: UTF-8 (with or without BOM) first, then GB18030, then detection."""
    if not data.strip():
        raise ReportError(f"{path}: empty file")
    if b"\x00" in data[:4096]:
        raise ReportError(f"{path}: binary file (NUL bytes), not a text report")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReportError(f"{path}: cannot decode (not UTF-8 at byte {utf8_error.start}, not GB18030)")
    return str(best), best.encoding


def read_report(path: str | Path) -> Report:
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReportError(f"{path}: no such file") from None
    if size > MAX_BYTES:
        limit = MAX_BYTES // 2**20
        raise ReportError(f"{path}: {size / 1e6:.0f} MB is larger than the {limit} MB limit for one report")
    text, encoding = decode(path.read_bytes(), str(path))
    return Report(doc_id=path.stem, path=str(path), text=text, encoding=encoding)
