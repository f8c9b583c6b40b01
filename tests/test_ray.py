"""The Ray backend on a local Ray instance gives the same records as the plain run."""

import pytest

ray = pytest.importorskip("ray")

from pathlib import Path  # noqa: E402

from pipeline.batch import complete_records  # noqa: E402
from pipeline.cli import main  # noqa: E402

SEED_TEXT = (Path(__file__).resolve().parents[1] / "corpus" / "raw" / "district-zhuzhou-shifeng-2023.txt").read_text(
    encoding="utf-8")
FIRST_LINES = "\n".join(SEED_TEXT.splitlines()[6:9])


def test_ray_local_instance_matches_plain_run(tmp_path):
    paths = []
    for i, text in enumerate([SEED_TEXT, FIRST_LINES]):
        p = tmp_path / f"r{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    plain, on_ray = tmp_path / "plain.jsonl", tmp_path / "ray.jsonl"
    args = [*map(str, [*paths, bad]), "--model", "rules", "-q"]
    assert main(["extract", *args, "-o", str(plain)]) == 1
    try:
        assert main(["extract", *args, "-o", str(on_ray), "--ray", "auto", "--workers", "2"]) == 1
    finally:
        ray.shutdown()
    strip = [{k: v for k, v in r.items() if k != "meta"} for r in complete_records(plain)]
    assert strip == [{k: v for k, v in r.items() if k != "meta"} for r in complete_records(on_ray)]
    assert [r["id"] for r in complete_records(on_ray)] == ["r0", "r1"]
