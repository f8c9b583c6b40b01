"""The cross-report facts table (DuckDB, Parquet), canonical indicators and the chart, on real reports."""

from pathlib import Path

import duckdb
import pytest

from pipeline.cli import main
from pipeline.facts.indicators import IndicatorTable, indicator_table

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "corpus" / "raw"


def test_indicator_table_is_well_formed_and_covers_the_commonest_gold_indicators():
    table = IndicatorTable.read()
    assert len(table.indicators) >= 100
    assert all(ind.unit_family in {"currency", "percent", "people", "count", "area", "length", "mass", "energy",
                                   "power", "volume", "time", "ratio", "other"} for ind in table.indicators.values())
    names = [n for ind in table.indicators.values() for n in (ind.name_zh, *ind.aliases)]
    assert len(names) == len(set(names)), "a name belongs to one indicator only"


@pytest.mark.parametrize("text, expected", [
    ("地区生产总值", ("gdp", "exact")), ("国内生产总值", ("gdp", "exact")),
    ("全省生产总值", ("gdp", "scope")), ("地区生产总值年均增速", ("gdp", "scope")),
    ("城镇新增就业", ("new_urban_jobs", "exact")), ("市政协提案", ("cppcc_proposals", "scope")),
    ("重工业总产值", ("gross_output_heavy_industry", "exact")),  # its own measure, not industry's
    ("化学工业总产值", (None, "none")),  # a part of industry is not industry: no similarity guess
    ("全年进口总额", ("imports", "scope")), ("各项税收", ("tax_revenue", "exact")),
])
def test_indicator_matching(text, expected):
    assert indicator_table().match(text) == expected


@pytest.fixture(scope="module")
def facts_db(tmp_path_factory):
    out = tmp_path_factory.mktemp("facts") / "facts.duckdb"
    reports = [RAW / "national-state-council-2024.txt", RAW / "province-henan-2026.txt"]
    assert main(["facts", *map(str, reports), "-o", str(out), "--parquet", str(out.with_suffix(".parquet")),
                 "--model", "rules", "-q"]) == 0
    return out


def test_facts_table_has_a_row_per_figure_with_document_metadata(facts_db):
    con = duckdb.connect(str(facts_db), read_only=True)
    docs = con.execute("SELECT document, level, place, division_code, year FROM documents ORDER BY document").fetchall()
    assert docs == [("national-state-council-2024", "national", "国务院", None, 2024),
                    ("province-henan-2026", "province", "河南省", "410000", 2026)]
    n, with_value = con.execute("SELECT count(*), count(value) FROM facts").fetchone()
    assert n > 100 and with_value > n * 0.8
    # the national 2024 target: 国内生产总值增长5%左右
    row = con.execute("SELECT value, unit, qualifier, status, period FROM facts WHERE document = "
                      "'national-state-council-2024' AND indicator_id = 'gdp' AND unit = '%'").fetchone()
    assert row == (5.0, "%", "approx", "target", "2024")
    assert con.execute("SELECT count(*) FROM facts WHERE status NOT IN "
                       "('actual', 'expected', 'target', 'unknown')").fetchone() == (0,)
    parquet = duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{facts_db.with_suffix('.parquet')}')")
    assert parquet.fetchone() == (n,)


def test_facts_from_record_files_give_the_same_table(facts_db, tmp_path):
    records = facts_db.with_name("facts.records.jsonl")
    out = tmp_path / "again.duckdb"
    assert main(["facts", str(records), "-o", str(out), "-q"]) == 0
    count = "SELECT count(*), sum(value) FROM facts"
    assert (duckdb.connect(str(out), read_only=True).execute(count).fetchone()
            == duckdb.connect(str(facts_db), read_only=True).execute(count).fetchone())


@pytest.mark.parametrize("suffix", [".png", ".html"])
def test_plot_renders(facts_db, tmp_path, suffix):
    out = tmp_path / f"chart{suffix}"
    assert main(["plot", "gdp", "--by", "year", "--db", str(facts_db), "-o", str(out), "--unit", "%"]) == 0
    data = out.read_bytes()
    if suffix == ".png":
        assert data.startswith(b"\x89PNG") and len(data) > 5000
    else:
        assert b"<svg" in data and "国内生产总值增长5%左右".encode() in data


def test_plot_of_an_unknown_indicator_is_one_line(facts_db, tmp_path, capsys):
    assert main(["plot", "no_such_indicator", "--db", str(facts_db), "-o", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")
