"""Command line: ``govreport extract REPORT... -o OUT --format jsonl|csv|html`` (also ``python -m pipeline``).

Bad inputs are reported one line each (file and reason); the other files still go through and the
command exits 1 at the end with a summary. Outputs are written atomically.
"""

from __future__ import annotations

import argparse
import glob
import sys
from pathlib import Path

from pipeline.backends import BACKEND_CHOICES
from pipeline.readers import Report, ReportError, read_report

FORMATS = ("jsonl", "csv", "html")
BACKEND_HELP = ("entity recogniser: 'default' (the more accurate of the two where installed, see README), "
                "'spacy' (trained spaCy NER, or the rules with --model rules) or 'hanlp' (models/hanlp-ner; needs "
                "the [hanlp] extra)")


# In a folder, files with these suffixes are listings and outputs, not reports (corpus/raw/index.tsv).
NOT_REPORTS = frozenset({".tsv", ".csv", ".json", ".md", ".partial", ".duckdb", ".parquet", ".wal"})


def expand_inputs(items: list[str]) -> list[Path]:
    """Files named directly, every report-like file of a named directory (hidden files, listings and outputs
    aside: `NOT_REPORTS`), and glob patterns."""
    paths: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")
                                and p.suffix.lower() not in NOT_REPORTS))
        elif any(ch in item for ch in "*?["):
            paths.extend(Path(p) for p in sorted(glob.glob(item, recursive=True)))
        else:
            paths.append(path)
    return paths


def _extract(args: argparse.Namespace) -> int:
    from pipeline.batch import complete_records, finish, run
    from pipeline.writers import WRITERS

    out = Path(args.out)
    if args.resume and args.format != "jsonl":
        print("error: --resume works with JSONL output (the record of each finished document)", file=sys.stderr)
        return 2
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        print(f"error: {out.parent}: cannot create the output folder: {err.strerror or err}", file=sys.stderr)
        return 2
    stdin_text = sys.stdin.read() if args.reports == ["-"] else None
    paths = [] if stdin_text is not None else expand_inputs(args.reports)
    try:
        result = run(paths, args.model, out, workers=args.workers, resume=args.resume, stdin_text=stdin_text,
                     progress=not args.quiet and len(paths) > 1, ray_address=args.ray, backend=args.backend)
    except KeyboardInterrupt:
        partial = out.with_name(out.name + ".partial")
        saved = len(complete_records(partial))
        print(f"\ninterrupted: {saved} document{'s' if saved != 1 else ''} saved in {partial}; "
              "rerun with --resume", file=sys.stderr)
        return 130
    written = WRITERS[args.format](result.records, out) if result.records else []
    finish(out)
    if not args.quiet:
        print(f"{len(result.records)} documents ({result.skipped} already done), {result.chars:,} characters in "
              f"{result.seconds:.2f}s (model load {result.load_seconds:.2f}s) → " + ", ".join(map(str, written)),
              file=sys.stderr)
    if result.failures:
        print(f"{len(result.failures)} of {len(paths)} inputs failed", file=sys.stderr)
        return 1
    return 0


def _facts(args: argparse.Namespace) -> int:
    """Reports (extracted first, their records kept beside the database) or record JSONL files → one table."""
    from pipeline.batch import finish, run
    from pipeline.facts.table import write_duckdb
    from pipeline.records import read_jsonl

    out = Path(args.out)
    paths = expand_inputs(args.inputs)
    record_files = [p for p in paths if p.suffix == ".jsonl"]
    reports = [p for p in paths if p.suffix != ".jsonl"]
    failed = 0
    if reports:
        records_out = out.with_name(out.stem + ".records.jsonl")
        try:
            result = run(reports, args.model, records_out, resume=args.resume, progress=not args.quiet,
                         backend=args.backend)
        except KeyboardInterrupt:
            print(f"\ninterrupted: rerun with --resume to go on from {records_out}.partial", file=sys.stderr)
            return 130
        from pipeline.writers import write_records

        write_records(result.records, records_out)
        finish(records_out)
        failed = len(result.failures)
        record_files.insert(0, records_out)

    def records():
        for path in record_files:
            try:
                yield from read_jsonl(path)
            except (OSError, ValueError) as err:
                raise SystemExit(f"error: {err}") from None

    n = write_duckdb(records(), out, parquet=Path(args.parquet) if args.parquet else None)
    if not args.quiet:
        print(f"{n:,} figures from {len(record_files)} record file(s) → {out}"
              + (f", {args.parquet}" if args.parquet else ""), file=sys.stderr)
    return 1 if failed else 0


def _plot(args: argparse.Namespace) -> int:
    from pipeline.facts.plot import write_plot

    try:
        n = write_plot(Path(args.db), args.indicator, args.by, Path(args.out), level=args.level, unit=args.unit,
                       change=args.change)
    except (ValueError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{n} points → {args.out}", file=sys.stderr)
    return 0


def _read_inputs(items: list[str], failures: list[str]) -> list[Report]:
    reports = []
    for path in expand_inputs(items):
        try:
            reports.append(read_report(path))
        except ReportError as err:
            failures.append(str(err))
            print(f"error: {err}", file=sys.stderr)
    return reports


def _pre_annotate(args: argparse.Namespace) -> int:
    """Pipeline predictions as tasks for an annotation tool, plus the same predictions as a corpus
    JSONL (``<out>.pre.jsonl``) that `merge --base` uses to tell annotator edits from corpus edits."""
    import pipeline
    from pipeline.extract import extract_record
    from pipeline.formats import FORMATS
    from pipeline.writers import write_records

    failures: list[str] = []
    reports = _read_inputs(args.reports, failures)
    nlp = pipeline.load(args.model, backend=args.backend)
    model_version = f"govreport-{pipeline.__version__}:{args.backend}:{args.model}"
    records = []
    for report in reports:
        rec = extract_record(nlp, report.text, report.doc_id)
        records.append({"id": rec["id"], "text": rec["text"],
                        "entities": [{k: e[k] for k in ("id", "label", "start_offset", "end_offset", "text")}
                                     for e in rec["entities"]],
                        "relations": [{k: r[k] for k in ("id", "from_id", "to_id", "type")} for r in rec["relations"]],
                        "meta": {"pre_annotation_model": model_version, "source": report.path}})
    out = Path(args.out)
    opts = {"model_version": model_version} if args.tool != "brat" else {}
    if args.tool == "label-studio":
        opts["config_path"] = out.with_name(out.stem + ".config.xml")
    written = FORMATS[args.tool].write_tasks(records, out, **opts)
    base = out.with_name(out.name + ".pre.jsonl") if args.tool != "brat" else out / "pre-annotation.jsonl"
    write_records(records, base)
    print(f"{len(records)} documents pre-annotated → " + ", ".join(map(str, [*written, base])), file=sys.stderr)
    return 1 if failures else 0


def _import(args: argparse.Namespace) -> int:
    from pipeline.formats import FORMATS, FormatError
    from pipeline.writers import write_records

    try:
        records = FORMATS[args.tool].read_export(args.export)
    except (FormatError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    write_records(records, args.out)
    print(f"{len(records)} documents imported from {args.export} → {args.out}", file=sys.stderr)
    return 0


def _suggest(args: argparse.Namespace) -> int:
    from pipeline.backends import HANLP_MODEL
    from pipeline.backends.numpy_tagger import WEIGHTS, NumpyTagger
    from pipeline.suggest import chunk_scores, label_weights, rank_reports

    model = Path(args.model) if args.model != "default" else HANLP_MODEL
    if not (model / "training.json").exists() or not (model / WEIGHTS).exists():
        print(f"error: {model}: suggest needs a HanLP model folder trained here (with training.json and {WEIGHTS})",
              file=sys.stderr)
        return 2
    failures: list[str] = []
    reports = [r for r in _read_inputs(args.reports, failures)
               if not (args.gold and (Path(args.gold) / f"{r.doc_id}.jsonl").exists())]
    tagger, weights = NumpyTagger(model), label_weights(model)
    if args.sentences:
        rows = sorted(((c.score, r.doc_id, c.start, c.end, r.text[c.start:c.end].strip())
                       for r in reports for c in chunk_scores(tagger, r.text, weights)), key=lambda row: -row[0])
    else:
        chars = {r.doc_id: len(r.text) for r in reports}
        rows = [(score, doc_id, chars[doc_id]) for score, doc_id in
                rank_reports(tagger, weights, ((r.doc_id, r.text) for r in reports), args.same_place)]
    print("rank\tdoc\tscore\t" + ("start\tend\ttext" if args.sentences else "chars"))
    for rank, (score, *rest) in enumerate(rows[:args.n], start=1):
        doc, *more = rest
        print("\t".join(map(str, [rank, doc, score, *more])))
    return 1 if failures else 0


def _serve_ml(args: argparse.Namespace) -> int:
    import pipeline
    from pipeline.formats.labelstudio_ml import PredictionService, serve

    nlp = pipeline.load(args.model, backend=args.backend)
    service = PredictionService(nlp, f"govreport-{pipeline.__version__}:{args.backend}:{args.model}")
    try:
        serve(service, args.host, args.port)
    except OSError as err:
        print(f"error: cannot serve on {args.host}:{args.port}: {err}", file=sys.stderr)
        return 2
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="govreport", description="Extract facts from government work reports.")
    sub = parser.add_subparsers(dest="command", required=True)
    ext = sub.add_parser("extract", help="run the pipeline on reports and write JSONL, CSV or HTML")
    ext.add_argument("reports", nargs="+", help="report files, directories, glob patterns, or - for stdin")
    ext.add_argument("-o", "--out", required=True, help="output file (CSV also writes <stem>.achievements.csv)")
    ext.add_argument("--format", choices=FORMATS, help="output format (default: from the extension of -o)")
    ext.add_argument("--model", default="default",
                     help="'default', 'fast' (one tagger instead of three: faster, less accurate), 'rules' or a "
                          "pipeline folder")
    ext.add_argument("--backend", choices=BACKEND_CHOICES, default="default", help=BACKEND_HELP)
    ext.add_argument("--workers", type=int, default=1, help="processes (one pipeline each)")
    ext.add_argument("--resume", action="store_true", help="skip documents already in OUT (JSONL) or OUT.partial")
    ext.add_argument("--ray", metavar="auto|ADDRESS", help="run on a Ray cluster (Ray Data; --workers actors); "
                     "'auto' joins a running cluster or starts a local one")
    ext.add_argument("-q", "--quiet", action="store_true")
    ext.set_defaults(func=_extract)
    facts = sub.add_parser("facts", help="one table of every figure across reports, in DuckDB (and Parquet)")
    facts.add_argument("inputs", nargs="+", help="reports, folders or globs (extracted first), or record JSONL files")
    facts.add_argument("-o", "--out", required=True, help="DuckDB database file (replaced atomically)")
    facts.add_argument("--parquet", help="also export the facts table to this Parquet file")
    facts.add_argument("--model", default="default")
    facts.add_argument("--backend", choices=BACKEND_CHOICES, default="default", help=BACKEND_HELP)
    facts.add_argument("--resume", action="store_true", help="skip reports whose records are already extracted")
    facts.add_argument("-q", "--quiet", action="store_true")
    facts.set_defaults(func=_facts)
    plot = sub.add_parser("plot", help="chart one indicator of a facts database across years or places")
    plot.add_argument("indicator", help="indicator id of models/indicators.tsv (e.g. gdp)")
    plot.add_argument("--by", choices=("year", "place"), default="year")
    plot.add_argument("--db", default="out/facts.duckdb", help="facts database (govreport facts)")
    plot.add_argument("-o", "--out", required=True, help="chart file: .html (SVG and the rows), .png or .svg")
    plot.add_argument("--level", choices=("national", "province", "city", "district", "county"))
    plot.add_argument("--unit", help="only figures in this unit (default: the commonest)")
    plot.add_argument("--change", help="only figures with this change word, e.g. 增长 for growth rates")
    plot.set_defaults(func=_plot)
    from pipeline.formats import FORMATS as TOOLS

    pre = sub.add_parser("pre-annotate", help="write pipeline predictions as tasks for an annotation tool")
    pre.add_argument("reports", nargs="+")
    pre.add_argument("-o", "--out", required=True, help="task file (doccano, label-studio) or folder (brat)")
    pre.add_argument("--tool", choices=sorted(TOOLS), required=True)
    pre.add_argument("--model", default="default")
    pre.add_argument("--backend", choices=BACKEND_CHOICES, default="default", help=BACKEND_HELP)
    pre.set_defaults(func=_pre_annotate)
    imp = sub.add_parser("import", help="read an annotation tool's export back into corpus JSONL")
    imp.add_argument("export", help="export file or folder")
    imp.add_argument("--tool", choices=sorted(TOOLS), required=True)
    imp.add_argument("-o", "--out", required=True, type=Path)
    imp.set_defaults(func=_import)
    sug = sub.add_parser("suggest", help="rank reports (or sentences) without gold by the recogniser's uncertainty")
    sug.add_argument("reports", nargs="+", help="report files, folders or globs")
    sug.add_argument("-n", type=int, default=5, help="how many to list (default 5)")
    sug.add_argument("--sentences", action="store_true", help="rank sentences instead of reports")
    sug.add_argument("--gold", default="corpus/gold", help="leave out reports with gold here ('' to keep all)")
    sug.add_argument("--model", default="default", help="HanLP model folder (default: models/hanlp-ner)")
    sug.add_argument("--same-place", action="store_true",
                     help="allow several reports of one place (default: the most uncertain year of each place first)")
    sug.set_defaults(func=_suggest)
    ml = sub.add_parser("serve-ml", help="serve live pre-annotations to Label Studio (an ML backend)")
    ml.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    ml.add_argument("--port", type=int, default=9090)
    ml.add_argument("--model", default="default")
    ml.add_argument("--backend", choices=BACKEND_CHOICES, default="default", help=BACKEND_HELP)
    ml.set_defaults(func=_serve_ml)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "extract" and args.format is None:
        suffix = Path(args.out).suffix.lstrip(".").lower()
        if suffix not in FORMATS:
            parser.error(f"cannot tell the format from {args.out!r}; pass --format {'|'.join(FORMATS)}")
        args.format = suffix
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
