"""Drives a running Label Studio through `label-studio-sdk`, as an annotator's session would.

Runs with Label Studio's own Python (its virtual environment has the SDK), called by
tests/integration/test_label_studio.py:

    python label_studio_client.py roundtrip URL TOKEN CONFIG_XML TASKS_JSON EDITS_JSON EXPORT_JSON

creates a project with the labelling config, imports the pre-annotated tasks, takes each task's prediction
as the annotator's starting point, applies the edits (relabel one span, delete one relation), submits it as
an annotation and writes the project's JSON export;

    python label_studio_client.py live URL TOKEN CONFIG_XML ML_URL TEXT_FILE

creates a project, connects the ML backend at ML_URL as its model, imports one task without predictions and
opens it as an annotator would (``GET /api/projects/ID/next``), then lists the predictions Label Studio stored.
Each prints one JSON line of what it did.
"""

from __future__ import annotations

import json
import sys
import urllib.request

from label_studio_sdk import LabelStudio


def edited(result: list[dict], edits: dict) -> list[dict]:
    out = []
    for item in result:
        item = dict(item)
        if item.get("type") == "labels" and item.get("id") == edits.get("relabel_id"):
            item["value"] = {**item["value"], "labels": [edits["relabel_to"]]}
        if item.get("type") == "relation" and [item["from_id"], item["to_id"]] == edits.get("drop_relation"):
            continue
        out.append(item)
    return out


def roundtrip(url: str, token: str, config: str, tasks: str, edits: str, export: str) -> int:
    client = LabelStudio(base_url=url, api_key=token)
    with open(config, encoding="utf-8") as fh:
        project = client.projects.create(title="govreport round trip", label_config=fh.read())
    with open(tasks, encoding="utf-8") as fh:
        task_list = json.load(fh)
    client.projects.import_tasks(id=project.id, request=task_list)
    with open(edits, encoding="utf-8") as fh:
        changes = json.load(fh)
    done = []
    for task in client.tasks.list(project=project.id):
        predictions = list(client.predictions.list(task=task.id))
        result = edited(predictions[0].result, changes)
        client.annotations.create(id=task.id, result=result, was_cancelled=False, ground_truth=False)
        done.append({"task": task.id, "predictions": len(predictions), "model_version": predictions[0].model_version,
                     "result_items": len(result)})
    with open(export, "wb") as fh:
        for chunk in client.projects.exports.download_sync(id=project.id, export_type="JSON", download_all_tasks=True):
            fh.write(chunk)
    print(json.dumps({"project": project.id, "tasks": done}))
    return 0


def live(url: str, token: str, config: str, ml_url: str, text_file: str) -> int:
    client = LabelStudio(base_url=url, api_key=token)
    with open(config, encoding="utf-8") as fh:
        project = client.projects.create(title="govreport live pre-annotation", label_config=fh.read())
    backend = client.ml.create(project=project.id, url=ml_url, title="govreport", is_interactive=False)
    # The project shows the backend's predictions to annotators (Settings → Annotation → "Use predictions").
    client.projects.update(id=project.id, show_collab_predictions=True, model_version=backend.title)
    with open(text_file, encoding="utf-8") as fh:
        client.projects.import_tasks(id=project.id, request=[{"data": {"text": fh.read(), "doc_id": "live"}}])
    (task,) = list(client.tasks.list(project=project.id))
    before = len(list(client.predictions.list(task=task.id)))
    request = urllib.request.Request(f"{url}/api/projects/{project.id}/next",
                                     headers={"Authorization": f"Token {token}"})
    with urllib.request.urlopen(request, timeout=600) as response:
        opened = json.load(response)
    predictions = list(client.predictions.list(task=task.id))
    print(json.dumps({"project": project.id, "task": task.id, "opened": opened.get("id"), "before": before,
                      "predictions": [{"model_version": p.model_version, "score": p.score, "result": p.result}
                                      for p in predictions]}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    sys.exit({"roundtrip": roundtrip, "live": live}[command](*args))
