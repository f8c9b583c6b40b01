"""Batch extraction: many reports in, one output; bad files reported, finished work never lost.

Each finished document is appended to ``OUT.partial`` (JSON lines) as soon as it is done, and the
final output is written atomically at the end from there (`pipeline.record_store`), so memory does not
grow with the number or the length of the documents; ``--resume`` skips documents already in ``OUT`` or
``OUT.partial``, so a batch stopped half-way picks up where it was. In one process a document's record
is streamed to the partial file window by window (`pipeline.extract.write_record`); ``workers > 1`` runs
one pipeline per process (each loads the model once) and sends whole records back.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from pipeline.readers import Report, ReportError, read_report
from pipeline.record_store import (
    RecordIndex,
    StoredLine,
    StoredRecords,
    complete_records,
    cut_incomplete_tail,
    scan_lines,
)
from pipeline.records import dumps

__all__ = ["BatchResult", "complete_records", "finish", "run", "unique_ids"]

_worker_nlp = None
_worker_backend = "spacy"


@dataclass
class BatchResult:
    records: StoredRecords = field(default_factory=lambda: StoredRecords([]))
    failures: list[str] = field(default_factory=list)
    skipped: int = 0
    chars: int = 0
    seconds: float = 0.0
    load_seconds: float = 0.0


def _meta(report: Report, model: str, backend: str) -> dict:
    return {"source": report.path, "encoding": report.encoding, "model": model, "backend": backend}


def _failure(report: Report, err: Exception) -> str:
    return f"{report.path}: processing failed: {type(err).__name__}: {err}"


def _process(nlp, report: Report, model: str, backend: str = "spacy") -> dict | str:
    """The record of one report, or its one-line error: a failure inside the models stops this document only."""
    from pipeline.extract import extract_record

    try:
        return extract_record(nlp, report.text, report.doc_id, _meta(report, model, backend))
    except Exception as err:  # noqa: BLE001 — any model error is reported as this document's failure
        return _failure(report, err)


def _init_worker(model: str, backend: str) -> None:
    global _worker_nlp, _worker_backend
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: no traceback per worker

    _worker_nlp = _load(model, backend)
    _worker_backend = backend


def _load(model: str, backend: str):
    """`pipeline.load` for this command's own process: the garbage collector paused while the model loads, and
    what is loaded then frozen out of its scans (`gc.freeze`). Loading makes hundreds of thousands of objects that
    stay for the whole run; the collector's passes over them took 0.1-0.15 s of a cold start, and later passes no
    longer walk them. (`pipeline.load` itself leaves a caller's collector alone.)"""
    import gc

    import pipeline

    gc.disable()
    try:
        nlp = pipeline.load(model, backend=backend)
        nlp.make_doc("")  # the segmenter builds its word tables at its first call: here, with the collector paused
        return nlp
    finally:
        gc.freeze()
        gc.enable()


class _Line(NamedTuple):
    """A worker's record, serialised where it was made: the parent only appends the line (with two workers on two
    cores, the parent's own serialising took time from them)."""

    doc_id: str
    chars: int
    line: str


def _work(args: tuple[str, str, str]) -> _Line | str:
    """In a worker process: read and process one file; an unreadable file comes back as its error line."""
    path, doc_id, model = args
    try:
        report = read_report(path)
    except ReportError as err:
        return str(err)
    report.doc_id = doc_id
    record = _process(_worker_nlp, report, model, _worker_backend)
    if isinstance(record, str):
        return record
    return _Line(record["id"], len(record["text"]), dumps(record) + "\n")


def _size(path: Path) -> int:
    try:
        return os.path.getsize(path)
    except OSError:  # unreadable: the worker reports it
        return 0


def unique_ids(paths: list[Path]) -> list[str]:
    """Document ids from file stems; a stem seen twice gets -2, -3 … so records never collide."""
    seen: dict[str, int] = {}
    ids = []
    for p in paths:
        seen[p.stem] = seen.get(p.stem, 0) + 1
        ids.append(p.stem if seen[p.stem] == 1 else f"{p.stem}-{seen[p.stem]}")
    return ids


class _PartialFile:
    """OUT.partial opened for appending: each finished document becomes one complete line, indexed by id."""

    def __init__(self, path: Path, index: RecordIndex) -> None:
        self.path, self.index = path, index
        self.fh = open(path, "a", encoding="utf-8")

    def _end(self) -> int:
        self.fh.flush()
        return os.fstat(self.fh.fileno()).st_size

    def save(self, doc_id: str, write) -> None:
        """Append what `write(fh)` writes as the line of `doc_id`; on failure cut the file back to where it was."""
        start = self._end()
        try:
            write(self.fh)
            end = self._end()
        except BaseException:
            self.fh.flush()
            os.truncate(self.path, start)
            raise
        self.index.add(doc_id, StoredLine(self.path, start, end - start))

    def close(self) -> None:
        self.fh.close()


class Interrupts:
    """Ctrl-C during a run: KeyboardInterrupt where it lands, as Python does, and remembered, so that one that lands
    in a finaliser (Python prints it there and goes on) still stops the run after the document at hand. Only the
    main thread can take the signal; elsewhere, and where a caller set its own handler, Python's stays."""

    def __init__(self) -> None:
        self.seen = False
        self._previous = None

    def __enter__(self) -> Interrupts:
        if threading.current_thread() is threading.main_thread() \
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
            self._previous = signal.signal(signal.SIGINT, self.handle)
        return self

    def handle(self, signum: int, frame: object) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def check(self) -> None:
        """Raise the interrupt again if one came, wherever it went."""
        if self.seen:
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def run(paths: list[Path], model: str, out: Path, workers: int = 1, resume: bool = False,
        stdin_text: str | None = None, progress: bool = True, ray_address: str | None = None,
        backend: str = "default") -> BatchResult:
    from tqdm import tqdm

    from pipeline.backends import resolve_backend

    backend = resolve_backend(backend, model)  # records name the backend that really ran
    result = BatchResult()
    partial = out.with_name(out.name + ".partial")
    index = RecordIndex()
    if resume:
        index.add_file(out)
        cut_incomplete_tail(partial, index.add_file(partial))
    else:
        cut_incomplete_tail(partial, scan_lines(partial)[1])
    ids = unique_ids(paths)
    todo = [(p, i) for p, i in zip(paths, ids, strict=True) if i not in index]
    result.skipped = len(paths) - len(todo)
    start = time.perf_counter()
    part = _PartialFile(partial, index)
    with Interrupts() as interrupts:
        try:
            # a bar only on a terminal: redirected to a log, its redraws would fill the file with carriage returns
            bar = tqdm(total=len(todo) + (stdin_text is not None), unit="doc", file=sys.stderr,
                       disable=not progress or not sys.stderr.isatty())
            for outcome in _outcomes(todo, model, workers, stdin_text, result, ray_address, backend, part):
                if isinstance(outcome, str):
                    result.failures.append(outcome)
                    print(f"error: {outcome}", file=sys.stderr)
                else:
                    if isinstance(outcome, _Line):
                        part.save(outcome.doc_id, lambda fh, line=outcome.line: fh.write(line))
                        outcome = outcome.chars
                    elif isinstance(outcome, dict):
                        part.save(outcome["id"], lambda fh, rec=outcome: fh.write(dumps(rec) + "\n"))
                        outcome = len(outcome["text"])
                    result.chars += outcome
                bar.update(1)
                elapsed = max(time.perf_counter() - start - result.load_seconds, 1e-9)
                bar.set_postfix(chars_per_s=f"{result.chars / elapsed:,.0f}")
                interrupts.check()
            bar.close()
        finally:
            part.close()
    result.seconds = time.perf_counter() - start - result.load_seconds
    result.records = index.records([*ids] if stdin_text is None else ["stdin"])
    return result


def _streamed(nlp, report: Report, model: str, backend: str, part: _PartialFile) -> int | str:
    """Stream the record of one report into the partial file; its length in characters, or its error line."""
    from pipeline.extract import write_record

    try:
        part.save(report.doc_id, lambda fh: write_record(nlp, report.text, report.doc_id, fh,
                                                         _meta(report, model, backend)))
    except Exception as err:  # noqa: BLE001 — any model error is reported as this document's failure
        return _failure(report, err)
    return len(report.text)


def _outcomes(todo: list[tuple[Path, str]], model: str, workers: int, stdin_text: str | None,
              result: BatchResult, ray_address: str | None, backend: str, part: _PartialFile
              ) -> Iterator[_Line | dict | int | str]:
    """Per document: its record (a worker's line, or Ray's record), its length once streamed to `part`, or its
    error line."""
    if ray_address and todo:
        from pipeline.ray_backend import run_on_ray

        yield from run_on_ray([p for p, _ in todo], [i for _, i in todo], model, ray_address, max(workers, 1),
                              backend)
        return
    if workers > 1 and len(todo) > 1:
        pool = ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(model, backend))
        # Longest first: the last documents to start are the short ones, so the workers finish close together
        # (the output keeps the input order: records are read back by id).
        todo = sorted(todo, key=lambda item: -_size(item[0]))
        try:
            yield from pool.map(_work, [(str(p), i, model) for p, i in todo], chunksize=1)
        finally:
            # On Ctrl-C do not wait for the documents still queued; the finished ones are already saved.
            pool.shutdown(wait=False, cancel_futures=True)
        return
    t = time.perf_counter()
    nlp = _load(model, backend)
    result.load_seconds = time.perf_counter() - t
    if stdin_text is not None:
        yield _streamed(nlp, Report(doc_id="stdin", path="-", text=stdin_text, encoding="utf-8"), model, backend,
                        part)
    for path, doc_id in todo:
        try:
            report = read_report(path)
        except ReportError as err:
            yield str(err)
            continue
        report.doc_id = doc_id
        yield _streamed(nlp, report, model, backend, part)


def finish(out: Path) -> None:
    """The output is complete: the partial file has served its purpose."""
    partial = out.with_name(out.name + ".partial")
    if partial.exists():
        os.unlink(partial)
