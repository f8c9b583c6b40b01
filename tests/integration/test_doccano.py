"""A real doccano round trip: pre-annotated tasks uploaded, an annotator's edits, the export back through
`govreport import --tool doccano`.

doccano 1.8.4 runs from its own environment (`make test-integration` builds .venv-doccano, and
.venv-doccano-client for `doccano-client`, which needs pydantic 1 where the server needs pydantic 2): database
initialised in a fresh DOCCANO_HOME, an admin user, the web app under gunicorn on 127.0.0.1 (doccano's own
`webserver` command binds 0.0.0.0) and the task queue worker that runs uploads and exports.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
from pathlib import Path

import pytest
from servers import free_port, running  # tests/integration/servers.py (pytest puts this folder on the path)

import pipeline
from pipeline.extract import extract_record
from pipeline.formats.doccano import read_export, to_task

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(os.environ.get("DOCCANO_VENV", ROOT / ".venv-doccano")).absolute()
CLIENT_VENV = Path(os.environ.get("DOCCANO_CLIENT_VENV", ROOT / ".venv-doccano-client")).absolute()
CLIENT = Path(__file__).with_name("doccano_client_run.py")
REPORT = ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt"
# Made up for this test: a line with a character outside the Basic Multilingual Plane.
NON_BMP_LINE = "𠮷野家公司营业收入增长5%。"


@pytest.fixture(scope="module")
def doccano(tmp_path_factory):
    doccano_bin = VENV / "bin" / "doccano"
    if not doccano_bin.exists() or not (CLIENT_VENV / "bin" / "python").exists():
        pytest.fail(f"{VENV} or {CLIENT_VENV} missing: run `make test-integration`")
    home = tmp_path_factory.mktemp("doccano")
    env = {**os.environ, "DOCCANO_HOME": str(home), "STANDALONE": "True",
           "DJANGO_SETTINGS_MODULE": "config.settings.production",
           "DATABASE_URL": f"sqlite:///{home}/db.sqlite3", "MEDIA_ROOT": str(home / "media")}
    user, password = "annotator", secrets.token_hex(8)
    for args in (["init"], ["createuser", "--username", user, "--password", password]):
        done = subprocess.run([str(doccano_bin), *args], env=env, cwd=home, capture_output=True, text=True,
                              timeout=600)
        assert done.returncode == 0, f"doccano {args[0]} failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    port = free_port()
    backend = next((VENV / "lib").glob("python3*/site-packages/backend"))
    commands = [[str(VENV / "bin" / "gunicorn"), "--bind", f"127.0.0.1:{port}", "--chdir", str(backend),
                 "--workers", "1", "config.wsgi"],
                [str(doccano_bin), "task", "--concurrency", "1"]]
    url = f"http://127.0.0.1:{port}"
    with running("doccano", commands, f"{url}/v1/health/", home, 300, env=env, cwd=home):
        yield {"url": url, "user": user, "password": password}


def test_round_trip_keeps_every_span_and_the_annotator_edits(doccano, tmp_path):
    text = REPORT.read_text(encoding="utf-8") + NON_BMP_LINE + "\n"
    record = extract_record(pipeline.load(), text, "district-zhuzhou-shifeng-2023")
    tasks = tmp_path / "tasks.jsonl"
    tasks.write_text(json.dumps(to_task(record, "govreport-test"), ensure_ascii=False) + "\n", encoding="utf-8")
    by_id = {e["id"]: (e["start_offset"], e["end_offset"]) for e in record["entities"]}
    org = next(e for e in record["entities"] if e["label"] == "ORG")
    dropped = record["relations"][0]
    edits = {"relabel": list(by_id[org["id"]]), "relabel_to": "LOC",
             "drop_from": list(by_id[dropped["from_id"]]), "drop_to": list(by_id[dropped["to_id"]])}
    (tmp_path / "edits.json").write_text(json.dumps(edits), encoding="utf-8")
    out = tmp_path / "export"
    out.mkdir()
    run = subprocess.run(
        [str(CLIENT_VENV / "bin" / "python"), str(CLIENT), doccano["url"], doccano["user"], doccano["password"],
         str(tasks), str(tmp_path / "edits.json"), str(out)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["spans"] == len(record["entities"]) and summary["relations"] == len(record["relations"])

    (back,) = read_export(Path(summary["export"]))
    assert back["id"] == record["id"] and back["text"] == text
    assert back["meta"]["annotator"] == doccano["user"] and back["meta"]["source_tool"] == "doccano"

    def spans(r):
        return {(e["start_offset"], e["end_offset"], e["label"]) for e in r["entities"]}

    def pairs(r):
        ids = {e["id"]: (e["start_offset"], e["end_offset"]) for e in r["entities"]}
        return {(ids[x["from_id"]], ids[x["to_id"]], x["type"]) for x in r["relations"]}

    span = by_id[org["id"]]
    assert spans(back) == {s if s[:2] != span else (*span, "LOC") for s in spans(record)}
    gone = (by_id[dropped["from_id"]], by_id[dropped["to_id"]], dropped["type"])
    assert pairs(back) == pairs(record) - {gone}
    tail = text.index(NON_BMP_LINE)
    assert any(text[e["start_offset"]:e["end_offset"]] == "5%" for e in back["entities"] if e["start_offset"] > tail)
