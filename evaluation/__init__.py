"""Evaluation of extracted facts against gold annotations of government work reports.

Python API (the command line is ``python -m evaluation {score,compare,agreement,validate}``):

- `load_jsonl(path)`: records of a corpus JSONL file (`InputError` says ``file:line: message``);
- `score(gold, pred, bootstrap=0, seed=0)`: the dict ``score --json`` writes;
- `compare(gold, run_a, run_b, bootstrap=1000, seed=0)`, `agreement(records_a, records_b)`;
- `validate_records(records, source)`: a list of `Problem`;
- `to_bio(record)`: (characters, IOB2 tags).

Modules, one job each: jsonl (reading, atomic writing), spans (spans, relations, sentences), metrics
(counts -> P/R/F1), matching (the four entity modes), relations, figures (FIG value agreement), errors
(error analysis, confusion), bootstrap, scoring, compare, agreement, bio, validate, report_text,
report_html, cli.
"""

from evaluation.agreement import agreement
from evaluation.bio import to_bio
from evaluation.compare import compare
from evaluation.jsonl import InputError, load_jsonl
from evaluation.scoring import score
from evaluation.validate import Problem, validate_records

__all__ = ["InputError", "Problem", "agreement", "compare", "load_jsonl", "score", "to_bio", "validate_records"]
