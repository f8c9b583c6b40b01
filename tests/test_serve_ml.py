"""The Label Studio ML backend (`govreport serve-ml`) over real HTTP, with the rule pipeline."""

import json
import threading
import urllib.error
import urllib.request
from http.server import HTTPServer
from pathlib import Path

import pytest

from pipeline.formats.labelstudio import from_result
from pipeline.formats.labelstudio_ml import PredictionService, make_handler

REPORT = Path(__file__).resolve().parents[1] / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt"


@pytest.fixture(scope="module")
def backend(nlp_rules):
    service = PredictionService(nlp_rules, "govreport-test:rules")
    server = HTTPServer(("127.0.0.1", 0), make_handler(service))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def call(url, path, body=None):
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url + path, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.load(response)
    except urllib.error.HTTPError as err:
        return err.code, json.load(err)


def test_health_and_setup_name_the_model_version(backend):
    assert call(backend, "/health") == (200, {"status": "UP", "model_class": "govreport",
                                              "model_version": "govreport-test:rules"})
    assert call(backend, "/setup", {"project": "1.1700000000", "schema": "<View/>"}) == (
        200, {"model_version": "govreport-test:rules"})


def test_predict_returns_one_prediction_per_task_with_exact_offsets(backend, nlp_rules):
    from pipeline.extract import extract_record

    text = REPORT.read_text(encoding="utf-8")[:800]
    # Made up for this test: a character outside the BMP before a figure shifts UTF-16 offsets by one.
    odd = "𠮷野家公司增长5%。"
    status, answer = call(backend, "/predict", {"tasks": [{"id": 7, "data": {"text": text}},
                                                          {"id": 8, "data": {"text": odd}}]})
    assert status == 200 and len(answer["results"]) == 2
    first, second = answer["results"]
    assert first["model_version"] == "govreport-test:rules"
    got = from_result(first["result"], text, "7", "<test>", {})
    expected = extract_record(nlp_rules, text, "7")
    assert [(e["start_offset"], e["end_offset"], e["label"]) for e in got["entities"]] == [
        (e["start_offset"], e["end_offset"], e["label"]) for e in expected["entities"]]
    figure = next(item for item in second["result"] if item.get("value", {}).get("labels") == ["FIG"])
    assert figure["value"]["text"] == "5%" and figure["value"]["start"] == odd.index("5%") + 1


def test_bad_requests_get_a_clear_error(backend):
    assert call(backend, "/predict", {"nothing": 1})[0] == 400
    status, answer = call(backend, "/predict", {"tasks": [{"id": 3, "data": {"a": 1}}]})
    assert status == 400 and "task 3" in answer["error"]
    assert call(backend, "/nowhere")[0] == 404
