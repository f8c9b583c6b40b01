"""Round trips through every tool format on real gold, and simulated annotator edits in each tool."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from pipeline.formats import FORMATS, brat, doccano, labelstudio
from pipeline.schema import RELATION_TYPES, SPAN_LABELS, relation_allowed

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "data" / "shifeng-2023.gold.jsonl"


def gold_files() -> list[Path]:
    # Other people add gold files while this runs: collect whatever is there now (not merge conflicts).
    found = sorted(p for p in (ROOT / "corpus" / "gold").glob("*.jsonl") if not p.name.endswith(".conflict.jsonl"))
    return [SEED, *found]


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def sets(record: dict) -> tuple[set, set]:
    """Spans as (start, end, label), relations as (head span, tail span, type): independent of ids."""
    span = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
    return set(span.values()), {(span[r["from_id"]], span[r["to_id"]], r["type"]) for r in record["relations"]}


def assert_same(got: dict, want: dict) -> None:
    assert got["id"] == want["id"]
    assert got["text"] == want["text"]
    got_spans, got_rels = sets(got)
    want_spans, want_rels = sets(want)
    assert got_spans == want_spans
    assert got_rels == want_rels
    for e in got["entities"]:
        assert e["text"] == got["text"][e["start_offset"]:e["end_offset"]]


# --- simulated tools -------------------------------------------------------------------------------------------

def doccano_export(tasks_file: Path, out: Path, edit=None) -> Path:
    """What doccano gives back: its own example and annotation ids, entities in another order, a Comments field."""
    lines = []
    for n, raw in enumerate(tasks_file.read_text(encoding="utf-8").splitlines(), start=1):
        task = json.loads(raw)
        new = {e["id"]: 5000 + 7 * e["id"] for e in task["entities"]}
        entities = [{**e, "id": new[e["id"]]} for e in reversed(task["entities"])]
        relations = [{"id": 900 + i, "from_id": new[r["from_id"]], "to_id": new[r["to_id"]], "type": r["type"]}
                     for i, r in enumerate(task["relations"])]
        line = {"id": 40 + n, "text": task["text"], "Comments": [], "entities": entities, "relations": relations,
                "doc_id": task["doc_id"]}
        if edit:
            edit(line)
        lines.append(json.dumps(line, ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


def labelstudio_export(tasks_file: Path, out: Path, edit=None) -> Path:
    """What Label Studio gives back: tasks with ids, the prediction submitted as an annotation (then `edit`ed),
    an older annotation by someone else and a newer cancelled one, both of which must be ignored."""
    tasks = json.loads(tasks_file.read_text(encoding="utf-8"))
    exported = []
    for n, task in enumerate(tasks, start=1):
        result = json.loads(json.dumps(task["predictions"][0]["result"]))
        if edit:
            result = edit(result)
        annotations = [
            {"id": 10 * n, "completed_by": 3, "result": [], "was_cancelled": False,
             "created_at": "2024-05-01T08:00:00.000000Z", "updated_at": "2024-05-01T08:00:00.000000Z"},
            {"id": 10 * n + 1, "completed_by": {"id": 7, "email": "wang@example.org"}, "result": result,
             "was_cancelled": False, "created_at": "2024-05-02T09:00:00.000000Z",
             "updated_at": "2024-05-03T10:30:00.000000Z", "parent_prediction": 100 + n},
            {"id": 10 * n + 2, "completed_by": 3, "result": [], "was_cancelled": True,
             "created_at": "2024-05-04T08:00:00.000000Z", "updated_at": "2024-05-04T08:00:00.000000Z"},
        ]
        predictions = [{"id": 100 + n, **task["predictions"][0]}]
        exported.append({"id": 200 + n, "data": task["data"], "annotations": annotations, "predictions": predictions})
    out.write_text(json.dumps(exported, ensure_ascii=False), encoding="utf-8")
    return out


# --- round trips ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_doccano_round_trip(path: Path, tmp_path: Path) -> None:
    records = load(path)
    tasks = tmp_path / "tasks.jsonl"
    doccano.write_tasks(records, tasks)
    task_ids = [json.loads(line)["doc_id"] for line in tasks.read_text(encoding="utf-8").splitlines()]
    assert task_ids == [r["id"] for r in records]
    back = doccano.read_export(doccano_export(tasks, tmp_path / "admin.jsonl"))
    assert len(back) == len(records)
    for got, want in zip(back, records, strict=True):
        assert_same(got, want)
        assert got["meta"]["source_tool"] == "doccano"


@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_labelstudio_round_trip(path: Path, tmp_path: Path) -> None:
    records = load(path)
    tasks = tmp_path / "tasks.json"
    labelstudio.write_tasks(records, tasks, model_version="rules-v0")
    back = labelstudio.read_export(labelstudio_export(tasks, tmp_path / "export.json"))
    assert len(back) == len(records)
    for got, want in zip(back, records, strict=True):
        assert_same(got, want)
        assert got["meta"]["pre_annotation_model"] == "rules-v0"
    # The import file itself (predictions only) reads back too when asked to take the prediction.
    for got, want in zip(labelstudio.read_export(tasks, unannotated="prediction"), records, strict=True):
        assert_same(got, want)


@pytest.mark.parametrize("offsets", ["codepoint", "utf16"])
@pytest.mark.parametrize("path", gold_files(), ids=lambda p: p.name)
def test_brat_round_trip(path: Path, offsets: str, tmp_path: Path) -> None:
    records = load(path)
    brat.write_tasks(records, tmp_path / "brat", offsets=offsets)
    for record in records:  # the text goes out byte for byte, newlines included
        assert (tmp_path / "brat" / f"{record['id']}.txt").read_bytes() == record["text"].encode("utf-8")
    back = brat.read_export(tmp_path / "brat", offsets=offsets)
    assert len(back) == len(records)
    by_id = sorted(records, key=lambda r: r["id"])
    for got, want in zip(sorted(back, key=lambda r: r["id"]), by_id, strict=True):
        assert_same(got, want)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_registry_is_uniform(name: str, tmp_path: Path) -> None:
    records = load(SEED)
    fmt = FORMATS[name]
    out = tmp_path / ("brat" if name == "brat" else "tasks.json")
    written = fmt.write_tasks(records, out)
    assert written and all(p.exists() for p in written)
    opts = {"unannotated": "prediction"} if name == "label-studio" else {}
    assert_same(fmt.read_export(out, **opts)[0], records[0])


def test_unannotated_label_studio_task_is_skipped_by_default(tmp_path: Path) -> None:
    tasks = tmp_path / "tasks.json"
    labelstudio.write_tasks(load(SEED), tasks)
    assert labelstudio.read_export(tasks) == []  # a prediction nobody looked at is not a correction


def test_labelstudio_takes_latest_annotation_not_cancelled(tmp_path: Path) -> None:
    """Latest by updated_at (else created_at), whatever the ids say; "Z" and naive stamps compare as UTC."""
    text = "石峰区人民政府"
    region = {"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
              "value": {"start": 0, "end": 3, "text": "石峰区"}}

    def annotation(aid: int, label: str, **fields: object) -> dict:
        result = [{**region, "value": {**region["value"], "labels": [label]}}]
        return {"id": aid, "completed_by": aid, "result": result, "was_cancelled": False, **fields}

    annotations = [
        annotation(9, "ORG", created_at="2024-05-01T09:00:00Z", updated_at="2024-05-01T09:00:00Z"),
        annotation(1, "LOC", created_at="2024-04-01T09:00:00Z", updated_at="2024-05-02T09:00:00.5Z"),
        annotation(5, "ENT", created_at="2024-05-02T08:00:00"),  # naive, earlier than annotation 1's update
        annotation(7, "PROJ", created_at="2024-06-01T00:00:00Z", was_cancelled=True),
    ]
    path = tmp_path / "export.json"
    path.write_text(json.dumps([{"id": 1, "data": {"text": text, "doc_id": "d"}, "annotations": annotations}],
                               ensure_ascii=False), encoding="utf-8")
    (got,) = labelstudio.read_export(path)
    assert [e["label"] for e in got["entities"]] == ["LOC"]
    assert got["meta"]["annotator"] == "user-1"
    assert got["meta"]["date"] == "2024-05-02T09:00:00.5Z"


@pytest.mark.parametrize(("stamp", "iso"), [
    ("2024-05-03T10:30:00.123456Z", "2024-05-03T10:30:00.123456+00:00"),
    ("2024-05-03T10:30:00.5Z", "2024-05-03T10:30:00.500000+00:00"),
    ("2024-05-03T18:30:00+08:00", "2024-05-03T18:30:00+08:00"),
    ("2024-05-03 10:30", "2024-05-03T10:30:00+00:00"),
    ("2024-05-03T10:30:00.1234567+0800", "2024-05-03T10:30:00.123456+08:00"),
])
def test_labelstudio_timestamps(stamp: str, iso: str) -> None:
    assert labelstudio.parse_timestamp(stamp).isoformat() == iso
    assert labelstudio.parse_timestamp("yesterday") is None
    assert labelstudio.parse_timestamp("2024-13-01T00:00:00Z") is None


# --- simulated annotator edits ---------------------------------------------------------------------------------

class Edits:
    """One label change, one deleted span (with its relations, as every tool deletes them) and one new relation,
    chosen on the seed, with the record expected back."""

    def __init__(self, record: dict) -> None:
        ents = {e["id"]: e for e in record["entities"]}
        related = {i for r in record["relations"] for i in (r["from_id"], r["to_id"])}
        self.relabel = next(e for e in record["entities"] if e["label"] == "ORG" and e["id"] not in related)
        self.new_label = "ENT"
        self.delete = next(ents[r["to_id"]] for r in record["relations"] if r["type"] == "HAS_VALUE")
        existing = {(r["from_id"], r["to_id"]) for r in record["relations"]}
        # The nearest allowed pair that is not yet related: what an annotator would draw.
        candidates = [
            (abs(h["start_offset"] - t["start_offset"]), h["id"], t["id"])
            for h in record["entities"] for t in record["entities"]
            if relation_allowed("HAS_INDICATOR", h["label"], t["label"]) and (h["id"], t["id"]) not in existing
            and self.delete["id"] not in (h["id"], t["id"]) and self.relabel["id"] not in (h["id"], t["id"])
        ]
        _, head, tail = min(candidates)
        self.add = (ents[head], ents[tail], "HAS_INDICATOR")
        span = {e["id"]: (e["start_offset"], e["end_offset"], e["label"]) for e in record["entities"]}
        relabelled = (self.relabel["start_offset"], self.relabel["end_offset"], self.new_label)
        deleted = span.pop(self.delete["id"])
        span[self.relabel["id"]] = relabelled
        self.spans = set(span.values())
        self.relations = {(span[r["from_id"]], span[r["to_id"]], r["type"]) for r in record["relations"]
                          if self.delete["id"] not in (r["from_id"], r["to_id"])}
        self.relations.add((span[head], span[tail], "HAS_INDICATOR"))
        assert deleted not in self.spans

    def check(self, got: dict) -> None:
        assert sets(got) == (self.spans, self.relations)


def test_doccano_annotator_edits(tmp_path: Path) -> None:
    record = load(SEED)[0]
    edits = Edits(record)
    tasks = tmp_path / "tasks.jsonl"
    doccano.write_tasks([record], tasks)

    def edit(line: dict) -> None:
        # doccano ids are its own: find the spans by offsets, as the annotator finds them on screen.
        by_offsets = {(e["start_offset"], e["end_offset"]): e for e in line["entities"]}
        by_offsets[(edits.relabel["start_offset"], edits.relabel["end_offset"])]["label"] = edits.new_label
        gone = by_offsets[(edits.delete["start_offset"], edits.delete["end_offset"])]["id"]
        line["entities"] = [e for e in line["entities"] if e["id"] != gone]
        line["relations"] = [r for r in line["relations"] if gone not in (r["from_id"], r["to_id"])]
        head, tail, rel_type = edits.add
        line["relations"].append({"id": 99999, "type": rel_type,
                                  "from_id": by_offsets[(head["start_offset"], head["end_offset"])]["id"],
                                  "to_id": by_offsets[(tail["start_offset"], tail["end_offset"])]["id"]})

    export = tmp_path / "export.zip"
    plain = doccano_export(tasks, tmp_path / "lin.jsonl", edit)
    with zipfile.ZipFile(export, "w") as archive:  # doccano's download: one USERNAME.jsonl per annotator
        archive.write(plain, "lin.jsonl")
    (got,) = doccano.read_export(export)
    edits.check(got)
    assert got["meta"]["annotator"] == "lin"
    assert got["meta"]["doccano_id"] == 41


def test_labelstudio_annotator_edits(tmp_path: Path) -> None:
    record = load(SEED)[0]
    edits = Edits(record)
    tasks = tmp_path / "tasks.json"
    labelstudio.write_tasks([record], tasks, model_version="crf-2024-04")

    def edit(result: list[dict]) -> list[dict]:
        regions = {(r["value"]["start"], r["value"]["end"]): r for r in result if r["type"] == "labels"}
        regions[(edits.relabel["start_offset"], edits.relabel["end_offset"])]["value"]["labels"] = [edits.new_label]
        gone = regions[(edits.delete["start_offset"], edits.delete["end_offset"])]["id"]
        result = [r for r in result if gone not in (r.get("id"), r.get("from_id"), r.get("to_id"))]
        head, tail, rel_type = edits.add
        # Label Studio's own ids for a hand-drawn relation are the regions' ids; this one is drawn right to left.
        result.append({"from_id": regions[(tail["start_offset"], tail["end_offset"])]["id"],
                       "to_id": regions[(head["start_offset"], head["end_offset"])]["id"],
                       "type": "relation", "direction": "left", "labels": [rel_type]})
        return result

    (got,) = labelstudio.read_export(labelstudio_export(tasks, tmp_path / "export.json", edit))
    edits.check(got)
    assert got["meta"]["annotator"] == "wang@example.org"  # the latest annotation that was not cancelled
    assert got["meta"]["date"] == "2024-05-03T10:30:00.000000Z"
    assert got["meta"]["pre_annotation_model"] == "crf-2024-04"
    assert got["meta"]["source_tool"] == "label-studio"


def test_brat_annotator_edits(tmp_path: Path) -> None:
    record = load(SEED)[0]
    edits = Edits(record)
    brat.write_tasks([record], tmp_path)
    ann = tmp_path / f"{record['id']}.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    t_of = {}
    for line in lines:
        if line.startswith("T"):
            tid, middle, _ = line.split("\t")
            _, start, end = middle.split(" ")
            t_of[(int(start), int(end))] = tid
    relabel = t_of[(edits.relabel["start_offset"], edits.relabel["end_offset"])]
    gone = t_of[(edits.delete["start_offset"], edits.delete["end_offset"])]
    edited = []
    for line in lines:
        fields = line.split("\t")
        if fields[0] == gone or (line.startswith("R") and f":{gone} " in fields[1] + " "):
            continue
        if fields[0] == relabel:
            line = line.replace(f"\t{edits.relabel['label']} ", f"\t{edits.new_label} ", 1)
        edited.append(line)
    head, tail, rel_type = edits.add
    edited.append(f"R900\t{rel_type} Arg1:{t_of[(head['start_offset'], head['end_offset'])]} "
                  f"Arg2:{t_of[(tail['start_offset'], tail['end_offset'])]}")
    edited.append(f"#1\tAnnotatorNotes {relabel}\tchecked against the company register")
    ann.write_text("\n".join(edited) + "\n", encoding="utf-8")
    (got,) = brat.read_export(tmp_path, annotator="zhao")
    edits.check(got)
    assert got["meta"]["annotator"] == "zhao"


# --- configs ---------------------------------------------------------------------------------------------------

def test_labelstudio_config_lists_the_schema(tmp_path: Path) -> None:
    path = labelstudio.write_labeling_config(tmp_path / "config.xml")
    view = ET.fromstring(path.read_text(encoding="utf-8"))
    assert view.tag == "View"
    assert [c.tag for c in view] == ["Relations", "Labels", "Text"]
    assert [r.get("value") for r in view.find("Relations")] == list(RELATION_TYPES)
    labels = view.find("Labels")
    assert (labels.get("name"), labels.get("toName")) == ("label", "text")
    assert [lab.get("value") for lab in labels] == list(SPAN_LABELS)
    assert view.find("Text").attrib == {"name": "text", "value": "$text"}
    # write_tasks can put it beside the tasks
    written = labelstudio.write_tasks(load(SEED), tmp_path / "t.json", config_path=tmp_path / "c.xml")
    assert written[1].read_text(encoding="utf-8") == labelstudio.labeling_config()


def test_brat_annotation_conf_lists_the_schema(tmp_path: Path) -> None:
    brat.write_tasks(load(SEED), tmp_path)
    conf = (tmp_path / "annotation.conf").read_text(encoding="utf-8").splitlines()
    sections = [line for line in conf if line.startswith("[")]
    assert sections == ["[entities]", "[relations]", "[events]", "[attributes]"]
    entities = conf[conf.index("[entities]") + 1:conf.index("[relations]")]
    assert entities == list(SPAN_LABELS)
    relations = conf[conf.index("[relations]") + 1:conf.index("[events]")]
    for line in relations:
        name, args = line.split("\t")
        heads, tail = RELATION_TYPES[name]
        arg1, arg2 = (a.strip() for a in args.split(","))
        assert set(arg1.removeprefix("Arg1:").split("|")) == heads
        assert arg2 == f"Arg2:{tail}"
    assert len(relations) == len(RELATION_TYPES)
