"""Charts from the facts table: one indicator across years (actual against target) or across places.

`govreport plot INDICATOR --by year|place --db facts.duckdb -o chart.html|png|svg`. The chart is drawn with
matplotlib (English labels: the indicator's English name, places by their document id, so no CJK font is
needed); an HTML output embeds the SVG and a table of the plotted rows with their sentences.
"""

from __future__ import annotations

import html
import io
from collections import Counter
from pathlib import Path

from pipeline.atomic import atomic_write_bytes, atomic_write_text
from pipeline.facts.indicators import indicator_table

STATUS_STYLE = {"actual": ("tab:blue", "o", "-"), "expected": ("tab:green", "s", ":"),
                "target": ("tab:orange", "^", "--")}
UNIT_NAMES = {"%": "percent", "元": "yuan", "美元": "US dollars", "人": "people", "吨": "tonnes", "斤": "jin",
              "公斤": "kg", "亩": "mu", "公里": "km", "岁": "years", "个": "count", "家": "count", "户": "households"}


def plot_rows(db: Path, indicator: str, by: str, level: str | None = None, unit: str | None = None,
              change: str | None = None) -> tuple[list[dict], str]:
    """The rows to plot (one figure per status and year, or per status and place) and the unit chosen."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    # one year's figures only: no range of years, no comparison with a year other than the last (比2002年)
    where = ["indicator_id = ?", "value IS NOT NULL", "period_start = period_end",
             "(basis IS NULL OR basis NOT LIKE '比%年' OR basis = '比上年')"]
    params: list = [indicator]
    if level:
        where.append("level = ?")
        params.append(level)
    if change:
        where.append("change = ?")
        params.append(change)
    rows = con.execute(f"SELECT document, level, place, year, value, unit, change, status, period_start AS period, "
                       f"sentence FROM facts WHERE {' AND '.join(where)} ORDER BY period_start, document",
                       params).fetchall()
    con.close()
    names = ("document", "level", "place", "year", "value", "unit", "change", "status", "period", "sentence")
    rows = [dict(zip(names, r, strict=True)) for r in rows]
    unit = unit or (Counter(r["unit"] for r in rows).most_common(1)[0][0] if rows else "")
    rows = [r for r in rows if r["unit"] == unit]
    keep: dict[tuple, dict] = {}
    for r in rows:  # one point per (status, year) or (status, place): the report nearest to the period wins
        key = (r["status"], r["period"] if by == "year" else r["document"])
        if key not in keep or abs(r["year"] - r["period"]) < abs(keep[key]["year"] - keep[key]["period"]):
            keep[key] = r
    return sorted(keep.values(), key=lambda r: (r["period"], r["document"])), unit


def draw(rows: list[dict], indicator: str, by: str, unit: str, fmt: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ind = indicator_table().indicators.get(indicator)
    title = ind.name_en if ind else indicator
    fig, ax = plt.subplots(figsize=(10, 4.5))
    for status, (colour, marker, line) in STATUS_STYLE.items():
        points = [r for r in rows if r["status"] == status]
        if not points:
            continue
        if by == "year":
            ax.plot([r["period"] for r in points], [r["value"] for r in points], color=colour, marker=marker,
                    linestyle=line, label=status)
        else:
            labels = [r["document"].rsplit("-", 1)[0].replace("province-", "") for r in points]
            ax.bar(labels, [r["value"] for r in points], color=colour, alpha=0.7, label=status)
            ax.tick_params(axis="x", rotation=60)
    ax.set_title(f"{title} ({'by year' if by == 'year' else 'by place'})")
    ax.set_ylabel(UNIT_NAMES.get(unit, "value (unit in the table)"))
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=110)
    plt.close(fig)
    return buf.getvalue()


def write_plot(db: Path, indicator: str, by: str, out: Path, level: str | None = None, unit: str | None = None,
               change: str | None = None) -> int:
    """Draw `indicator` from the facts database `db` into `out` (.png, .svg or .html); the number of points."""
    rows, unit = plot_rows(db, indicator, by, level, unit, change)
    if not rows:
        raise ValueError(f"{db}: no figures with a value for indicator {indicator!r}"
                         + (f" at level {level}" if level else ""))
    suffix = Path(out).suffix.lower()
    if suffix in (".png", ".svg"):
        atomic_write_bytes(out, draw(rows, indicator, by, unit, suffix[1:]))
        return len(rows)
    svg = draw(rows, indicator, by, unit, "svg").decode("utf-8")
    table = "".join(f"<tr><td>{r['period']}</td><td>{html.escape(r['document'])}</td><td>{r['status']}</td>"
                    f"<td>{r['value']:g} {html.escape(r['unit'] or '')}</td>"
                    f"<td>{html.escape(r['sentence'] or '')}</td></tr>" for r in rows)
    page = (f"<!DOCTYPE html><html lang='zh'><head><meta charset='utf-8'><title>{html.escape(indicator)}</title>"
            "<style>body{font-family:sans-serif;max-width:70em;margin:2em auto}td{vertical-align:top;padding:2px 6px;"
            "border-bottom:1px solid #ddd;font-size:.9em}</style></head><body>"
            f"{svg[svg.index('<svg'):]}<table><tr><th>period</th><th>report</th><th>status</th><th>value</th>"
            f"<th>sentence</th></tr>{table}</table></body></html>\n")
    atomic_write_text(out, page)
    return len(rows)
