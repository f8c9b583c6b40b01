"""Build the place gazetteer (`models/rules/places.tsv`) from the administrative-division tables.

Source: modood/Administrative-divisions-of-China (2023 codes, WTFPL), read from shared/ at build time;
the built list is small and WTFPL, so it ships with the repository.
Short forms are added for provinces and cities (河北省 → 河北, 株洲市 → 株洲) but not for counties and
townships, whose short forms collide with ordinary words too often.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from pipeline.training.general_data import shared_dir

_SUFFIXES = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市)$")
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
                    short = _SUFFIXES.sub("", name)
                    if len(short) >= 2:
                        names.setdefault(short, level)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write("# name\tlevel — from modood/Administrative-divisions-of-China (2023, WTFPL)\n")
        for name in sorted(names):
            fh.write(f"{name}\t{names[name]}\n")
    return len(names)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("models/rules/places.tsv"))
    args = parser.parse_args(argv)
    print(f"{build(args.out)} place names written to {args.out}")


if __name__ == "__main__":
    main()
