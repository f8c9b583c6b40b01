"""Copy the real reports from a staging folder into `corpus/raw/` with their provenance.

Run once per staging update: ``python -m pipeline.corpus.ingest ../shared``. The text is
copied byte for byte (it is already UTF-8); only the file name changes, to ``LEVEL-PLACE-YEAR``.
"""

from __future__ import annotations

import argparse
import csv
import shutil
from pathlib import Path

from pipeline.corpus.places import doc_id

_WIKISOURCE = (
    "zh.wikisource via aldohemsn/chinese-political-corpora@99bc4b01",
    "public domain (PRC Copyright Law art. 5(1); Wikisource notice)",
)
_SOURCES = {
    "national-1989": ("gov.cn page via ljtyduyu/Government_Report_Mining@25d3da1a (GBK→UTF-8)", "official document, no copyright (art. 5(1))"),
    "national-2020": ("live transcript via Noviceprogrammer1101/python_code_test@8396a389 (GBK→UTF-8)", "official document, no copyright (art. 5(1))"),
    "province-2026": ("johncodes404/china-provincial-gov-reports-2026@ad4c815c (人民数据 / official sites)", "official document, no copyright (art. 5(1))"),
    "shanghai": ("SepineTam/TexIV@7d31bea4 (shanghai_reports.dta)", "official document, no copyright (art. 5(1)); source repo AGPL-3.0"),
    "example": ("../shared/examples/shifeng-2023.txt (project seed)", "official document, no copyright (art. 5(1))"),
}

INDEX_COLUMNS = ["id", "file", "level", "place", "year", "chars", "source", "licence"]


def _provenance(level: str, place: str, year: int) -> tuple[str, str]:
    if level == "national" and year in (1989, 1990, 1991, 1996):
        return _SOURCES["national-1989"]
    if level == "national" and year == 2020:
        return _SOURCES["national-2020"]
    if level == "national":
        return _WIKISOURCE
    if place == "上海市" and year < 2026:
        return _SOURCES["shanghai"]
    return _SOURCES["province-2026"]


def ingest(shared: Path, out: Path) -> list[dict[str, str]]:
    """Copy every report listed in the staging index, plus the seed example; return the index rows."""
    out.mkdir(parents=True, exist_ok=True)
    rows: list[dict[str, str]] = []
    reports = shared / "corpus" / "reports"
    with open(reports / "index.tsv", encoding="utf-8") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            year = int(rec["year"])
            ident = doc_id(rec["level"], rec["place"], year)
            shutil.copyfile(reports / rec["file"].removeprefix("reports/"), out / f"{ident}.txt")
            source, licence = _provenance(rec["level"], rec["place"], year)
            rows.append({"id": ident, "file": f"{ident}.txt", "level": rec["level"], "place": rec["place"],
                         "year": str(year), "chars": rec["chars"], "source": source, "licence": licence})
    ident = doc_id("district", "株洲市石峰区", 2023)
    example = shared / "examples" / "shifeng-2023.txt"
    shutil.copyfile(example, out / f"{ident}.txt")
    text = example.read_text(encoding="utf-8")
    source, licence = _SOURCES["example"]
    rows.append({"id": ident, "file": f"{ident}.txt", "level": "district", "place": "株洲市石峰区",
                 "year": "2023", "chars": str(sum(not c.isspace() for c in text)), "source": source,
                 "licence": licence})
    rows.sort(key=lambda r: (r["level"], r["place"], r["year"]))
    with open(out / "index.tsv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=INDEX_COLUMNS, delimiter="\t")
        writer.writeheader()
        writer.writerows(rows)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="staging folder holding corpus/reports and examples")
    parser.add_argument("--out", type=Path, default=Path("corpus/raw"))
    args = parser.parse_args(argv)
    rows = ingest(args.shared, args.out)
    print(f"{len(rows)} reports written to {args.out}")


if __name__ == "__main__":
    main()
