"""Build the place gazetteer (`models/rules/places.tsv`) and the division-code table (`models/divisions.tsv`)
from the administrative-division tables.

Source: modood/Administrative-divisions-of-China (2023 codes, WTFPL), read from shared/ at build time;
the built list is small and WTFPL, so it ships with the repository.
Short forms are added for provinces and cities (河北省 → 河北, 株洲市 → 株洲) but not for counties and
townships, whose short forms collide with ordinary words too often.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from pipeline.divisions import short_name
from pipeline.training.general_data import shared_dir

_SKIP = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def build(out: Path) -> int:
    base = shared_dir() / "corpus" / "gazetteers" / "gazetteer_admin_divisions_modood"
    names: dict[str, str] = {}
    for table, level in (("provinces", "province"), ("cities", "city"), ("areas", "county"), ("streets", "township")):
        with open(base / f"{table}.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                name = row["name"]
                if name in _SKIP or len(name) < 2:
                    continue
                names.setdefault(name, level)
                if level in ("province", "city"):
                    short = short_name(name)
                    if len(short) >= 2:
                        names.setdefault(short, level)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# name\tlevel — from modood/Administrative-divisions-of-China (2023, WTFPL)\n")
        for name in sorted(names):
            fh.write(f"{name}\t{names[name]}\n")
    return len(names)


def build_divisions(out: Path) -> int:
    """Province-, city- and county-level divisions with their six-digit codes (GB/T 2260 form: a province's
    two-digit code padded with zeros), for the document metadata."""
    base = shared_dir() / "corpus" / "gazetteers" / "gazetteer_admin_divisions_modood"
    rows = []
    for table, level in (("provinces", "province"), ("cities", "city"), ("areas", "county")):
        with open(base / f"{table}.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                parent = row.get("cityCode") or row.get("provinceCode") or ""
                rows.append((row["code"].ljust(6, "0"), row["name"], level, parent.ljust(6, "0") if parent else ""))
    assert all(len(code) == 6 for code, *_ in rows)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# code\tname\tlevel\tparent — from modood/Administrative-divisions-of-China (2023, WTFPL)\n")
        for row in sorted(rows):
            fh.write("\t".join(row) + "\n")
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models/rules/places.tsv"))
    parser.add_argument("--divisions", type=Path, default=Path("models/divisions.tsv"))
    args = parser.parse_args(argv)
    print(f"{build(args.out)} place names written to {args.out}")
    print(f"{build_divisions(args.divisions)} divisions written to {args.divisions}")


if __name__ == "__main__":
    main()
