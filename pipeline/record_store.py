"""JSONL outputs as stores of records: complete lines indexed by document id, read back one at a time.

A batch appends each finished document to ``OUT.partial`` and builds its outputs from there, so no
step holds more than one record in memory however many (or however long) the documents are. A line
counts as complete when it ends with ``}`` and a newline and starts with the record's id; the tail of a
file whose writer was stopped mid-line is ignored (and cut off before anything is appended).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, overload

_CHUNK = 1 << 20
_PREFIX = b'{"id": '


@dataclass(frozen=True)
class StoredLine:
    path: Path
    offset: int
    length: int


def _line_id(head: bytes) -> str | None:
    """The id of a record line from its first bytes (our writers put it first), else None."""
    if not head.startswith(_PREFIX):
        return None
    try:
        value, _ = json.JSONDecoder().raw_decode(head[len(_PREFIX):].decode("utf-8", errors="ignore"))
    except json.JSONDecodeError:
        return None
    return value if isinstance(value, str) else None


def _parsed_id(fh: IO[bytes], offset: int, length: int) -> str | None:
    """The id of a line written by another tool (keys in another order): parse the whole line."""
    fh.seek(offset)
    try:
        record = json.loads(fh.read(length))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return None
    return record.get("id") if isinstance(record, dict) and isinstance(record.get("id"), str) else None


def _line_end(fh: IO[bytes], offset: int, head: bytes) -> tuple[int, bytes]:
    """Position of the newline ending the line that starts at `offset` with `head` (-1 if the file ends
    first), and the last byte before it."""
    i = head.find(b"\n")
    if i >= 0:
        return offset + i, head[i - 1:i]
    last, pos = head[-1:], offset + len(head)
    fh.seek(pos)
    while chunk := fh.read(_CHUNK):
        i = chunk.find(b"\n")
        if i >= 0:
            return pos + i, (chunk[i - 1:i] if i else last)
        last, pos = chunk[-1:], pos + len(chunk)
    return -1, last


def scan_lines(path: Path) -> tuple[list[tuple[str, StoredLine]], int]:
    """(id, line) of each complete record line of `path` up to the first incomplete one, and the byte
    length of that complete part."""
    entries: list[tuple[str, StoredLine]] = []
    offset = 0
    if not path.exists():
        return entries, offset
    with open(path, "rb") as fh:
        while True:
            fh.seek(offset)
            head = fh.read(4096)
            end, last = _line_end(fh, offset, head) if head else (-1, b"")
            if end < 0:
                break
            if not head[:end - offset].strip():  # a blank line
                offset = end + 1
                continue
            length = end + 1 - offset
            doc_id = _line_id(head) if last == b"}" else None
            if doc_id is None:
                doc_id = _parsed_id(fh, offset, length)
            if doc_id is None:
                break
            entries.append((doc_id, StoredLine(path, offset, length)))
            offset = end + 1
    return entries, offset


class StoredRecords(Sequence[dict]):
    """Records kept as lines of JSONL files, in a given order; each is parsed only when asked for."""

    def __init__(self, lines: list[StoredLine]) -> None:
        self.lines = lines

    def __len__(self) -> int:
        return len(self.lines)

    @overload
    def __getitem__(self, i: int) -> dict: ...
    @overload
    def __getitem__(self, i: slice) -> list[dict]: ...
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        line = self.lines[i]
        with open(line.path, "rb") as fh:
            fh.seek(line.offset)
            return json.loads(fh.read(line.length))

    def __iter__(self) -> Iterator[dict]:
        for i in range(len(self)):
            yield self[i]

    def copy_to(self, out: IO[bytes]) -> None:
        """Write the lines, byte for byte, one after another (a JSONL file of these records)."""
        for line in self.lines:
            with open(line.path, "rb") as fh:
                fh.seek(line.offset)
                _copy_range(fh, out, line.length)


def _copy_range(src: IO[bytes], dst: IO[bytes], length: int) -> None:
    while length > 0:
        chunk = src.read(min(_CHUNK, length))
        if not chunk:
            raise OSError(f"{src.name}: file ended before the record did")
        dst.write(chunk)
        length -= len(chunk)


class RecordIndex:
    """Where the latest complete line of each document id is."""

    def __init__(self) -> None:
        self.lines: dict[str, StoredLine] = {}

    def add_file(self, path: Path) -> int:
        """Index the complete lines of `path` (later ones win); the byte length of its complete part."""
        entries, valid = scan_lines(path)
        self.lines.update(entries)
        return valid

    def add(self, doc_id: str, line: StoredLine) -> None:
        self.lines[doc_id] = line

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.lines

    def records(self, order: list[str]) -> StoredRecords:
        return StoredRecords([self.lines[i] for i in order if i in self.lines])


def cut_incomplete_tail(path: Path, valid: int) -> None:
    """Drop what follows the complete lines of `path`, so appended records start on a line of their own."""
    if path.exists() and os.path.getsize(path) > valid:
        os.truncate(path, valid)


def complete_records(path: Path) -> list[dict]:
    """Records of a JSONL output that were written completely (a cut-off last line is ignored)."""
    entries, _ = scan_lines(Path(path))
    return list(StoredRecords([line for _, line in entries]))


