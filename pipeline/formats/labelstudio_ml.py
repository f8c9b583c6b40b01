"""A Label Studio ML backend: live pre-annotation, so annotators see our spans and relations when they open a
task instead of running `govreport pre-annotate` first.

Speaks the HTTP protocol Label Studio uses for ML backends (`label_studio/ml/api_connector.py`, the same one
the `label-studio-ml` package serves): ``GET /health``, ``POST /setup`` (answers the model version),
``POST /predict`` (``{"tasks": [...]}`` → ``{"results": [{"result": [...], "model_version": ...}, ...]}``, one per
task, offsets in UTF-16 units), ``POST /webhook`` and ``POST /train`` (accepted, nothing to do: retraining is
``make train`` on the corrected gold). Served by the standard library, one pipeline loaded once; requests are
handled one at a time, which is what one CPU-bound pipeline can do anyway.

    govreport serve-ml --port 9090      # then in Label Studio: Settings → Model → http://HOST:9090
"""

from __future__ import annotations

import json
import logging
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from pipeline.extract import extract_record
from pipeline.formats.labelstudio import TO_NAME, to_result

_log = logging.getLogger(__name__)
MAX_BODY = 64 * 1024 * 1024


class PredictionService:
    """Turns Label Studio tasks into predictions with one loaded pipeline."""

    def __init__(self, nlp: Any, model_version: str) -> None:
        self.nlp = nlp
        self.model_version = model_version

    def task_text(self, task: dict) -> str:
        data = task.get("data") or {}
        text = data.get(TO_NAME)
        if not isinstance(text, str):  # a project whose <Text> reads another key: its only string field
            strings = [v for v in data.values() if isinstance(v, str)]
            text = strings[0] if len(strings) == 1 else None
        if text is None:
            raise ValueError(f"task {task.get('id')}: no text in data[{TO_NAME!r}]")
        return text

    def predict(self, tasks: list[dict]) -> list[dict]:
        results = []
        for task in tasks:
            record = extract_record(self.nlp, self.task_text(task), str(task.get("id", "task")))
            scores = [r["score"] for r in record["relations"] if isinstance(r.get("score"), (int, float))]
            results.append({"result": to_result(record), "model_version": self.model_version,
                            "score": round(sum(scores) / len(scores), 4) if scores else None})
        return results

    def handle(self, method: str, path: str, body: dict) -> tuple[int, dict]:
        """(status, JSON answer) of one request."""
        route = path.split("?", 1)[0].rstrip("/") or "/"
        if method == "GET" and route in ("/", "/health"):
            return 200, {"status": "UP", "model_class": "govreport", "model_version": self.model_version}
        if method == "GET" and route == "/versions":
            return 200, {"versions": [self.model_version]}
        if method == "POST" and route == "/setup":
            return 200, {"model_version": self.model_version}
        if method == "POST" and route == "/predict":
            tasks = body.get("tasks")
            if not isinstance(tasks, list):
                return 400, {"error": "predict: the body needs a list 'tasks'"}
            try:
                return 200, {"results": self.predict(tasks), "model_version": self.model_version}
            except ValueError as err:
                return 400, {"error": str(err)}
        if method == "POST" and route in ("/webhook", "/train"):
            return 200, {"status": "ok", "detail": "nothing to do: retrain with `make train` on the corrected gold"}
        return 404, {"error": f"{method} {route}: not an ML backend endpoint"}


def make_handler(service: PredictionService) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                status, answer = 413, {"error": f"request body over {MAX_BODY} bytes"}
            else:
                raw = self.rfile.read(length) if length else b""
                try:
                    body = json.loads(raw) if raw else {}
                    status, answer = service.handle(method, self.path, body if isinstance(body, dict) else {})
                except json.JSONDecodeError as err:
                    status, answer = 400, {"error": f"request body is not JSON: {err}"}
            data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:  # noqa: N802 (the http.server API)
            self._answer("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._answer("POST")

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            _log.info("%s %s", self.address_string(), format % args)

    return Handler


def serve(service: PredictionService, host: str = "127.0.0.1", port: int = 9090) -> None:
    """Serve until interrupted."""
    server = HTTPServer((host, port), make_handler(service))
    print(f"govreport ML backend ({service.model_version}) on http://{host}:{server.server_port}", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
