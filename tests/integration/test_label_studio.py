"""A real Label Studio round trip: pre-annotated tasks in, an annotator's edits, the export back through
`govreport import`.

Needs the Label Studio server in its own environment (`make test-integration` builds .venv-labelstudio); the
server is started on 127.0.0.1 with a fresh data folder and stopped afterwards. A server that does not come up
fails the test with its log. Run with ``make test-integration``; `make test` leaves these tests out.
"""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from servers import free_port, running  # tests/integration/servers.py (pytest puts this folder on the path)

import pipeline
from pipeline.extract import extract_record
from pipeline.formats.labelstudio import labeling_config, read_export, to_task

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]
LABEL_STUDIO = Path(os.environ.get("LABEL_STUDIO_BIN", ROOT / ".venv-labelstudio" / "bin" / "label-studio")).absolute()
CLIENT = Path(__file__).with_name("label_studio_client.py")
REPORT = ROOT / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt"
# Made up for this test: a line with a character outside the Basic Multilingual Plane (two UTF-16 units).
NON_BMP_LINE = "𠮷野家公司营业收入增长5%。"
START_TIMEOUT_S = 600


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    if not LABEL_STUDIO.exists():
        pytest.fail(f"{LABEL_STUDIO}: Label Studio is not installed; run `make test-integration`")
    data = tmp_path_factory.mktemp("label-studio")
    port, token = free_port(), secrets.token_hex(20)
    # The ML backend of the live test listens on 127.0.0.1, which Label Studio refuses by default (SSRF guard).
    env = {**os.environ, "LABEL_STUDIO_BASE_DATA_DIR": str(data), "USE_DEFAULT_BANNED_SUBNETS": "false"}
    command = [str(LABEL_STUDIO), "start", "--no-browser", "--host", "127.0.0.1", "--port", str(port),
               "--data-dir", str(data), "--username", "annotator@example.org", "--password", secrets.token_hex(8),
               "--user-token", token, "--enable-legacy-api-token"]
    url = f"http://127.0.0.1:{port}"
    with running("Label Studio", [command], f"{url}/health", data, START_TIMEOUT_S, env=env, cwd=data):
        yield {"url": url, "token": token, "dir": data}


def test_round_trip_keeps_every_span_and_the_annotator_edits(label_studio, tmp_path):
    text = REPORT.read_text(encoding="utf-8") + NON_BMP_LINE + "\n"
    record = extract_record(pipeline.load(), text, "district-zhuzhou-shifeng-2023")
    (tmp_path / "config.xml").write_text(labeling_config(), encoding="utf-8")
    task = to_task(record, "govreport-test")
    (tmp_path / "tasks.json").write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    result = task["predictions"][0]["result"]
    # The annotator relabels the first ORG as LOC and deletes the first relation.
    first_org = next(e for e in record["entities"] if e["label"] == "ORG")
    dropped = record["relations"][0]
    edits = {"relabel_id": f"e{first_org['id']}", "relabel_to": "LOC",
             "drop_relation": [f"e{dropped['from_id']}", f"e{dropped['to_id']}"]}
    assert any(item.get("id") == edits["relabel_id"] for item in result)
    (tmp_path / "edits.json").write_text(json.dumps(edits), encoding="utf-8")

    client_python = LABEL_STUDIO.parent / "python"
    run = subprocess.run(
        [str(client_python), str(CLIENT), "roundtrip", label_studio["url"], label_studio["token"],
         str(tmp_path / "config.xml"), str(tmp_path / "tasks.json"), str(tmp_path / "edits.json"),
         str(tmp_path / "export.json")],
        capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    summary = json.loads(run.stdout.strip().splitlines()[-1])
    assert summary["tasks"][0]["model_version"] == "govreport-test"

    (back,) = read_export(tmp_path / "export.json")
    assert back["id"] == record["id"] and back["text"] == text
    assert back["meta"]["source_tool"] == "label-studio"

    def spans(r):
        return {(e["start_offset"], e["end_offset"], e["label"]) for e in r["entities"]}

    def pairs(r):
        by_id = {e["id"]: (e["start_offset"], e["end_offset"]) for e in r["entities"]}
        return {(by_id[x["from_id"]], by_id[x["to_id"]], x["type"]) for x in r["relations"]}

    org = (first_org["start_offset"], first_org["end_offset"])
    expected = {s if s[:2] != org else (*org, "LOC") for s in spans(record)}
    assert spans(back) == expected
    by_id = {e["id"]: (e["start_offset"], e["end_offset"]) for e in record["entities"]}
    gone = (by_id[dropped["from_id"]], by_id[dropped["to_id"]], dropped["type"])
    assert pairs(back) == pairs(record) - {gone}
    # Offsets after the non-BMP character are right in code points (Label Studio counts UTF-16 units).
    tail = text.index(NON_BMP_LINE)
    late = [e for e in back["entities"] if e["start_offset"] >= tail]
    assert late and all(text[e["start_offset"]:e["end_offset"]] for e in late)
    assert any(text[e["start_offset"]:e["end_offset"]] == "5%" for e in late)


@pytest.fixture(scope="module")
def ml_backend(tmp_path_factory):
    """`govreport serve-ml` with the default pipeline, on a free port."""
    port = free_port()
    logs = tmp_path_factory.mktemp("serve-ml")
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "pipeline", "serve-ml", "--port", str(port)]
    with running("govreport serve-ml", [command], f"{url}/health", logs, 300, cwd=ROOT) as health:
        yield {"url": url, "health": health}


def test_a_new_task_gets_live_predictions_from_serve_ml(label_studio, ml_backend, tmp_path):
    from pipeline.formats.labelstudio import from_result

    text = REPORT.read_text(encoding="utf-8")
    (tmp_path / "config.xml").write_text(labeling_config(), encoding="utf-8")
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    run = subprocess.run(
        [str(LABEL_STUDIO.parent / "python"), str(CLIENT), "live", label_studio["url"], label_studio["token"],
         str(tmp_path / "config.xml"), ml_backend["url"], str(tmp_path / "report.txt")],
        capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    live = json.loads(run.stdout.strip().splitlines()[-1])
    assert live["before"] == 0 and live["opened"] == live["task"]
    (prediction,) = live["predictions"]
    assert prediction["model_version"] == ml_backend["health"]["model_version"]
    assert prediction["model_version"].startswith("govreport-")
    got = from_result(prediction["result"], text, "live", "<live>", {})
    expected = extract_record(pipeline.load(), text, "live")

    def spans(r):
        return sorted((e["start_offset"], e["end_offset"], e["label"]) for e in r["entities"])

    assert spans(got) == spans(expected) and len(got["relations"]) == len(expected["relations"]) > 0
