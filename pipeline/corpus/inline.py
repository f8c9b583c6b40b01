"""Inline annotation markup: a readable, line-aligned way to write gold spans and relations by hand.

An inline file mirrors its raw report line for line. A span is written in place as
``[[TEXT|LABEL]]``; a span that other spans point to carries a key, ``[[TEXT|LABEL|k1]]``; a span
that is the tail of relations names its heads after ``<``: ``[[5%左右|FIG<k1]]`` or
``[[国家级示范区|ACH|k3<k1,k2]]``. Keys are local to one line; where a raw file breaks one sentence over two
lines, ``<^k1`` names the key ``k1`` of the nearest line above that defines it. The relation type follows from the
tail's label (FIG → HAS_VALUE, ACH → ACHIEVED, IND → HAS_INDICATOR).

Removing the markup must give back the raw line exactly; `parse_inline` checks this, so copying
mistakes are caught with their line and column instead of silently shifting offsets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from pipeline.schema import RELATION_BY_TAIL, SPAN_LABELS, relation_allowed

_TAG = re.compile(
    r"\[\[(?P<text>[^\[\]|]+?)\|(?P<label>[A-Z]+)(?:\|(?P<key>[A-Za-z0-9_]+))?(?:<(?P<heads>[A-Za-z0-9_,^]+))?\]\]"
)


class InlineError(ValueError):
    """A problem in an inline file, reported as ``file:line:col: message``."""


def _first_difference(a: str, b: str) -> int:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def parse_inline(marked: str, raw: str, doc_id: str, source: str = "<inline>") -> dict:
    """Turn an inline-marked copy of `raw` into a corpus record (entities + relations with offsets)."""
    raw_lines = raw.split("\n")
    marked_lines = marked.split("\n")
    # A trailing newline difference is not an annotation; anything else is.
    while len(marked_lines) > len(raw_lines) and marked_lines[-1] == "":
        marked_lines.pop()
    if len(marked_lines) != len(raw_lines):
        raise InlineError(f"{source}:1:1: {len(marked_lines)} lines, raw text has {len(raw_lines)}")
    entities: list[dict] = []
    relations: list[dict] = []
    offset = 0
    earlier_keys: dict[str, dict] = {}  # keys of the lines above, the nearest definition winning
    for lineno, (mline, rline) in enumerate(zip(marked_lines, raw_lines), start=1):
        plain_parts: list[str] = []
        pos = 0
        keyed: dict[str, dict] = {}
        pending: list[tuple[dict, list[str], int]] = []
        for m in _TAG.finditer(mline):
            plain_parts.append(mline[pos:m.start()])
            start = offset + sum(map(len, plain_parts))
            text = m.group("text")
            label = m.group("label")
            col = m.start() + 1
            if label not in SPAN_LABELS:
                raise InlineError(f"{source}:{lineno}:{col}: unknown label {label!r}")
            ent = {"id": len(entities) + 1, "label": label, "start_offset": start,
                   "end_offset": start + len(text), "text": text}
            entities.append(ent)
            if m.group("key"):
                if m.group("key") in keyed:
                    raise InlineError(f"{source}:{lineno}:{col}: key {m.group('key')!r} used twice in the line")
                keyed[m.group("key")] = ent
            if m.group("heads"):
                pending.append((ent, m.group("heads").split(","), col))
            plain_parts.append(text)
            pos = m.end()
        plain_parts.append(mline[pos:])
        plain = "".join(plain_parts)
        if "[[" in plain or "]]" in plain:
            col = plain.find("[[") + 1 if "[[" in plain else plain.find("]]") + 1
            raise InlineError(f"{source}:{lineno}:{col}: malformed tag near {plain[max(0, col - 6):col + 20]!r}")
        if plain != rline:
            i = _first_difference(plain, rline)
            raise InlineError(
                f"{source}:{lineno}:{i + 1}: text differs from the raw report: "
                f"marked {plain[max(0, i - 8):i + 12]!r} vs raw {rline[max(0, i - 8):i + 12]!r}"
            )
        for tail, heads, col in pending:
            rel_type = RELATION_BY_TAIL.get(tail["label"])
            for key in heads:
                if key.startswith("^"):
                    if key[1:] not in earlier_keys:
                        raise InlineError(f"{source}:{lineno}:{col}: head key {key!r} not defined on a line above")
                    head = earlier_keys[key[1:]]
                elif key not in keyed:
                    raise InlineError(f"{source}:{lineno}:{col}: head key {key!r} not defined in this line")
                else:
                    head = keyed[key]
                if rel_type is None or not relation_allowed(rel_type, head["label"], tail["label"]):
                    raise InlineError(
                        f"{source}:{lineno}:{col}: no relation allowed from {head['label']} "
                        f"{head['text']!r} to {tail['label']} {tail['text']!r}"
                    )
                relations.append({"id": len(relations) + 1, "from_id": head["id"], "to_id": tail["id"],
                                  "type": rel_type})
        earlier_keys.update(keyed)
        offset += len(rline) + 1
    return {"id": doc_id, "text": raw, "entities": entities, "relations": relations}


def render_inline(record: dict) -> str:
    """Write a corpus record as inline markup (the inverse of `parse_inline`)."""
    text = record["text"]
    ents = sorted(record["entities"], key=lambda e: e["start_offset"])
    by_id = {e["id"]: e for e in ents}
    heads_of: dict[int, list[int]] = {}
    for rel in record.get("relations", []):
        heads_of.setdefault(rel["to_id"], []).append(rel["from_id"])
    head_ids = {h for hs in heads_of.values() for h in hs}
    keys = {eid: f"k{eid}" for eid in head_ids}
    out: list[str] = []
    pos = 0
    for ent in ents:
        out.append(text[pos:ent["start_offset"]])
        tag = f"[[{ent['text']}|{ent['label']}"
        if ent["id"] in keys:
            tag += f"|{keys[ent['id']]}"
        if ent["id"] in heads_of:
            line = text.count("\n", 0, ent["start_offset"])
            refs = []
            for h in heads_of[ent["id"]]:
                if h not in by_id:
                    continue
                head_line = text.count("\n", 0, by_id[h]["start_offset"])
                if head_line > line:
                    raise ValueError(f"{record.get('id')}: relation from a later line to {ent['text']!r} "
                                     "cannot be written in inline markup")
                refs.append(keys[h] if head_line == line else "^" + keys[h])
            tag += "<" + ",".join(refs)
        out.append(tag + "]]")
        pos = ent["end_offset"]
    out.append(text[pos:])
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Convert an inline-marked report to a corpus JSONL record.")
    parser.add_argument("inline", type=Path, help="the marked-up copy of the report")
    parser.add_argument("raw", type=Path, help="the raw report it marks up")
    parser.add_argument("-o", "--out", type=Path, help="JSONL file to write (default: print a summary only)")
    parser.add_argument("--id", help="document id (default: the raw file's stem)")
    args = parser.parse_args(argv)
    raw = args.raw.read_text(encoding="utf-8")
    try:
        record = parse_inline(args.inline.read_text(encoding="utf-8"), raw, args.id or args.raw.stem, str(args.inline))
    except InlineError as err:
        print(err, file=sys.stderr)
        return 1
    from collections import Counter

    labels = Counter(e["label"] for e in record["entities"])
    rels = Counter(r["type"] for r in record["relations"])
    print(f"{record['id']}: {len(record['entities'])} spans {dict(labels)}; "
          f"{len(record['relations'])} relations {dict(rels)}")
    if args.out:
        tmp = args.out.with_suffix(args.out.suffix + ".tmp")
        tmp.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        tmp.replace(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
