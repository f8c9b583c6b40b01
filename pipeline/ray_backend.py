"""Ray backend for corpora beyond one machine: the same pipeline over Ray Data (`--ray auto|ADDRESS`).

Each Ray actor loads the pipeline once and turns report files into records; records travel back as
JSON strings (their FIG entities carry extra keys, which a columnar Arrow schema would not keep). The
files must be readable from every node (a shared file system or the same paths everywhere).
"""

from __future__ import annotations

import json
from pathlib import Path


class _Extractor:
    """A Ray Data callable class: one pipeline per actor, one record (or error line) per input file."""

    def __init__(self, model: str, backend: str = "spacy") -> None:
        import pipeline

        self.nlp = pipeline.load(model, backend=backend)
        self.model = model
        self.backend = backend

    def __call__(self, batch: dict) -> dict:
        from pipeline.extract import extract_record
        from pipeline.readers import ReportError, read_report

        out: dict[str, list] = {"doc_id": [], "record": [], "error": []}
        for path, doc_id in zip(batch["path"], batch["doc_id"], strict=True):
            out["doc_id"].append(doc_id)
            try:
                report = read_report(path)
            except ReportError as err:
                out["record"].append("")
                out["error"].append(str(err))
                continue
            meta = {"source": report.path, "encoding": report.encoding, "model": self.model, "backend": self.backend}
            try:
                record = extract_record(self.nlp, report.text, doc_id, meta)
            except Exception as err:  # one document's failure must not stop the batch
                out["record"].append("")
                out["error"].append(f"{report.path}: processing failed: {type(err).__name__}: {err}")
                continue
            out["record"].append(json.dumps(record, ensure_ascii=False))
            out["error"].append("")
        return out


def run_on_ray(paths: list[Path], doc_ids: list[str], model: str, address: str = "auto",
               actors: int = 2, backend: str = "spacy") -> list[dict | str]:
    """Records (or error lines) for `paths`, in input order, computed by `actors` Ray actors.

    ``address="auto"`` joins a running cluster or, when there is none, starts a local one.
    """
    import ray

    if not ray.is_initialized():
        try:
            ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
        except ConnectionError:
            if address != "auto":
                raise
            ray.init(ignore_reinit_error=True, log_to_driver=False)  # no cluster running: a local one
    items = [{"path": str(p), "doc_id": i, "order": n} for n, (p, i) in enumerate(zip(paths, doc_ids, strict=True))]
    ds = ray.data.from_items(items).map_batches(_Extractor, fn_constructor_kwargs={"model": model, "backend": backend},
                                                batch_size=1, concurrency=actors)
    rows = {row["doc_id"]: row for row in ds.take_all()}
    return [rows[i]["error"] or json.loads(rows[i]["record"]) for i in doc_ids]
