"""Command line: ``python -m evaluation {score,compare,agreement,validate,lint} ...``.

Exit status: 0 success; 1 `validate` or `lint` found errors; 2 bad input (unreadable file, JSON error, records
failing the format-level checks of `evaluation.validate`, or inputs that cannot be scored together),
with one ``file:line: message`` line per problem on stderr.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evaluation.agreement import agreement
from evaluation.compare import compare
from evaluation.jsonl import InputError, read_lines, write_atomic
from evaluation.lint import KINDS, lint_files
from evaluation.report_html import render_html
from evaluation.report_text import render_agreement, render_compare, render_score
from evaluation.scoring import score
from evaluation.validate import validate_files, validate_records

EXIT_OK, EXIT_PROBLEMS, EXIT_BAD_INPUT = 0, 1, 2


class BadInput(Exception):
    """Input the command cannot work with; each line of the message is one ``file:line: message``."""


def load_checked(path: str) -> tuple[list[dict], list[int]]:
    """Records of a file passing the format-level checks (what scoring needs) and their line numbers."""
    try:
        lines = read_lines(path)
    except InputError as exc:
        raise BadInput(str(exc)) from exc
    bad = [f"{path}:{ln.number}: {ln.error}" for ln in lines if ln.error is not None]
    if bad:
        raise BadInput("\n".join(bad))
    problems = validate_records([ln.value for ln in lines], path, lines=[ln.number for ln in lines], level="format")
    errors = [str(p) for p in problems if p.is_error]
    if errors:
        raise BadInput("\n".join(errors))
    return [ln.value for ln in lines], [ln.number for ln in lines]


def check_against(reference: list[dict], path: str, records: list[dict], lines: list[int], shared_only: bool) -> None:
    """`BadInput` listing documents of `path` unknown to the reference (unless `shared_only`) or with other text."""
    texts = {r["id"]: r["text"] for r in reference}
    bad = []
    for rec, line in zip(records, lines, strict=True):
        if rec["id"] not in texts:
            if not shared_only:
                bad.append(f"{path}:{line}: {rec['id']}: prediction for a document id the gold file does not have")
        elif rec["text"] != texts[rec["id"]]:
            bad.append(f"{path}:{line}: {rec['id']}: text differs from the reference document's text")
    if bad:
        raise BadInput("\n".join(bad))


def _json_safe(obj: Any) -> Any:
    """NaN and infinity are not JSON; they could only come from odd input values, so write them as strings."""
    if isinstance(obj, float) and not math.isfinite(obj):
        return str(obj)
    if isinstance(obj, dict):
        return {k: _json_safe(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_json_safe(v) for v in obj]
    return obj


def write_json(path: str, result: dict) -> None:
    """Write the result as JSON to `path` (atomically) or to stdout for ``-``."""
    text = json.dumps(_json_safe(result), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if path == "-":
        sys.stdout.write(text)
    else:
        write_atomic(path, text)


def _warn(warnings: Sequence[str]) -> None:
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)


def cmd_score(args: argparse.Namespace) -> int:
    gold, _ = load_checked(args.gold)
    pred, pred_lines = load_checked(args.pred)
    check_against(gold, args.pred, pred, pred_lines, shared_only=False)
    try:
        result = score(gold, pred, bootstrap=args.bootstrap, seed=args.seed)
    except ValueError as exc:
        raise BadInput(f"{args.pred}:0: {exc}") from exc
    _warn(result["warnings"])
    if args.by:
        result["strata"] = score_by_stratum(gold, pred, args.by)
    if args.json != "-":
        print(render_score(result))
        if args.by:
            print(render_strata(result["strata"], args.by))
    if args.json:
        write_json(args.json, result)
    if args.html:
        write_atomic(args.html, render_html(result, title=f"{Path(args.pred).name} vs {Path(args.gold).name}"))
    return EXIT_OK


def stratum_of(doc_id: str, by: str) -> str:
    """The stratum of a corpus document id (LEVEL-PLACE-YEAR): its level, or its level and era."""
    parts = doc_id.split("-")
    level = parts[0]
    year = parts[-1] if parts[-1].isdigit() else ""
    if by == "level":
        return level
    era = ("<2000" if int(year) < 2000 else "≥2000") if year else "?"
    return f"{level} {era}"


def score_by_stratum(gold: list[dict], pred: list[dict], by: str) -> dict:
    """Strict micro P/R/F1 of entities and relations per stratum (documents grouped by their id)."""
    groups: dict[str, list[str]] = {}
    for rec in gold:
        groups.setdefault(stratum_of(rec["id"], by), []).append(rec["id"])
    pred_by_id = {r["id"]: r for r in pred}
    out = {}
    for name, ids in sorted(groups.items()):
        g = [r for r in gold if r["id"] in ids]
        p = [pred_by_id[i] for i in ids if i in pred_by_id]
        res = score(g, p, bootstrap=0)
        out[name] = {"documents": len(ids), "entities": res["entities"]["strict"]["micro"],
                     "relations": res["relations"]["strict"]["micro"]}
    return out


def render_strata(strata: dict, by: str) -> str:
    header = "stratum                docs   ent P  ent R  ent F1   rel P  rel R  rel F1"
    lines = ["", f"Strict micro scores by {by}", header]
    for name, s in strata.items():
        e, r = s["entities"], s["relations"]
        lines.append(f"{name:<22} {s['documents']:>4}  {e['precision']:.3f}  {e['recall']:.3f}  {e['f1']:.3f}   "
                     f"{r['precision']:.3f}  {r['recall']:.3f}  {r['f1']:.3f}")
    return "\n".join(lines)


def cmd_compare(args: argparse.Namespace) -> int:
    gold, _ = load_checked(args.gold)
    runs = []
    for path in (args.run_a, args.run_b):
        records, lines = load_checked(path)
        check_against(gold, path, records, lines, shared_only=False)
        runs.append(records)
    run_a, run_b = runs
    try:
        result = compare(gold, run_a, run_b, bootstrap=args.bootstrap, seed=args.seed)
    except ValueError as exc:
        raise BadInput(f"{args.run_a}:0: {exc}") from exc
    result["runs"] = {"gold": args.gold, "a": args.run_a, "b": args.run_b}
    _warn(result["warnings"])
    if args.json != "-":
        print(render_compare(result))
    if args.json:
        write_json(args.json, result)
    return EXIT_OK


def cmd_agreement(args: argparse.Namespace) -> int:
    a, _ = load_checked(args.file_a)
    b, b_lines = load_checked(args.file_b)
    check_against(a, args.file_b, b, b_lines, shared_only=True)
    try:
        result = agreement(a, b)
    except ValueError as exc:
        raise BadInput(f"{args.file_b}:0: {exc}") from exc
    result["files"] = {"a": args.file_a, "b": args.file_b}
    _warn(result["warnings"])
    if args.json != "-":
        print(render_agreement(result))
    if args.json:
        write_json(args.json, result)
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    try:
        problems, totals = validate_files(args.files, level="schema" if args.schema_only else "full")
    except InputError as exc:
        raise BadInput(str(exc)) from exc
    for p in problems:
        print(p)
    if any(p.is_error for p in problems):
        n = sum(p.is_error for p in problems)
        print(f"{n} error{'s' if n != 1 else ''}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{totals.documents} documents, {totals.spans} spans, {totals.relations} relations: OK")
    return EXIT_OK


def cmd_lint(args: argparse.Namespace) -> int:
    try:
        findings = lint_files(args.files)
    except InputError as exc:
        raise BadInput(str(exc)) from exc
    shown = [f for f in findings if args.kind is None or f.kind in args.kind]
    for f in shown:
        print(f)
    counts = Counter(f.kind for f in findings)
    print("; ".join(f"{kind}: {counts.get(kind, 0)}" for kind in KINDS), file=sys.stderr)
    errors = sum(f.problem.is_error for f in findings)
    return EXIT_PROBLEMS if errors else EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m evaluation",
        description="Score predictions against gold, compare runs, measure annotator agreement, validate files.",
        epilog="Exit status: 0 ok; 1 validate found errors; 2 bad input.",
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def bootstrap_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="document resamples (0: none)")
        p.add_argument("--seed", type=int, default=0, metavar="S", help="seed of numpy's Generator")

    p = sub.add_parser("score", help="score predictions against gold")
    p.add_argument("gold")
    p.add_argument("pred")
    p.add_argument("--json", metavar="OUT.json", help="write the full result as JSON (- for stdout)")
    p.add_argument("--html", metavar="OUT.html", help="write a self-contained HTML report")
    p.add_argument("--by", choices=("level", "stratum"), help="also score each level (national, province, "
                   "district) or stratum (level × era: national before 2000 / from 2000), grouped by document id")
    bootstrap_options(p)
    p.set_defaults(run=cmd_score)

    p = sub.add_parser("compare", help="compare two runs with a paired bootstrap test")
    p.add_argument("gold")
    p.add_argument("run_a", metavar="RUN_A")
    p.add_argument("run_b", metavar="RUN_B")
    p.add_argument("--json", metavar="OUT.json", help="write the result as JSON (- for stdout)")
    bootstrap_options(p)
    p.set_defaults(run=cmd_compare)

    p = sub.add_parser("agreement", help="inter-annotator agreement of two annotation files")
    p.add_argument("file_a", metavar="FILE_A")
    p.add_argument("file_b", metavar="FILE_B")
    p.add_argument("--json", metavar="OUT.json", help="write the result as JSON (- for stdout)")
    p.set_defaults(run=cmd_agreement)

    p = sub.add_parser("validate", help="check gold or prediction files")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument(
        "--schema-only",
        action="store_true",
        help="format and label-schema checks only; skip the guideline ones (overlapping spans, "
        "cross-sentence relations, FIG heads)",
    )
    p.set_defaults(run=cmd_validate)

    p = sub.add_parser("lint", help="consistency lint of gold files (labels across documents, unmarked names, "
                       "guideline breaks)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--kind", action="append", choices=KINDS, help="print only this kind (repeatable); "
                   "the counts always cover all kinds")
    p.set_defaults(run=cmd_lint)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "bootstrap", 0) < 0:
        print("--bootstrap must be 0 or more", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return args.run(args)
    except BadInput as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except OSError as exc:  # e.g. the --json / --html directory does not exist
        print(f"cannot write {exc.filename}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
