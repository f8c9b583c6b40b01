"""Drives a running doccano through `doccano-client`, as an annotator's session would.

Runs with the client's own Python (doccano-client needs pydantic 1, the doccano server pydantic 2), called by
tests/integration/test_doccano.py:

    python doccano_client_run.py URL USER PASSWORD TASKS_JSONL EDITS_JSON OUT_DIR

creates a sequence-labelling project with relations, the seven span labels and three relation types, uploads
the pre-annotated tasks (format "JSONL(Relation)"), relabels one span and deletes one relation as the
annotator, marks the example done and downloads the JSONL export into OUT_DIR. Prints one JSON line.
"""

from __future__ import annotations

import json
import sys

from doccano_client import DoccanoClient

SPAN_LABELS = ("ORG", "ENT", "PROJ", "LOC", "IND", "FIG", "ACH")
RELATION_TYPES = ("HAS_VALUE", "ACHIEVED", "HAS_INDICATOR")


def main(url: str, user: str, password: str, tasks: str, edits: str, out_dir: str) -> int:
    client = DoccanoClient(url)
    client.login(username=user, password=password)
    project = client.create_project("govreport round trip", project_type="SequenceLabeling",
                                    description="pre-annotated report", use_relation=True)
    for label in SPAN_LABELS:
        client.create_label_type(project.id, "span", label)
    for rel in RELATION_TYPES:
        client.create_label_type(project.id, "relation", rel)
    # The upload is a job of doccano's task queue; the client waits for it.
    status = client.upload(project.id, [tasks], task="RelationExtraction", format="JSONL", column_data="text")
    if status.error or client.count_examples(project.id) != 1:
        raise SystemExit(f"upload failed: {status}")
    with open(edits, encoding="utf-8") as fh:
        change = json.load(fh)
    (example,) = list(client.list_examples(project.id))
    span_types = {t.text: t.id for t in client.list_label_types(project.id, "span")}
    spans = client.list_spans(project.id, example.id)
    relations = client.list_relations(project.id, example.id)
    target = next(s for s in spans if (s.start_offset, s.end_offset) == tuple(change["relabel"]))
    client.update_span(project.id, example.id, target.id, label=span_types[change["relabel_to"]])
    by_id = {s.id: (s.start_offset, s.end_offset) for s in spans}
    gone = next(r for r in relations
                if [list(by_id[r.from_id]), list(by_id[r.to_id])] == [change["drop_from"], change["drop_to"]])
    client.delete_relation(project.id, example.id, gone.id)
    client.update_example_state(project.id, example.id)  # the annotator marks it done
    path = client.download(project.id, "JSONL", only_approved=False, dir_name=out_dir)
    print(json.dumps({"project": project.id, "example": example.id, "spans": len(spans),
                      "relations": len(relations), "export": str(path)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
