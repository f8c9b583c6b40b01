"""Candidate relation pairs and their features, shared by training and the pipeline component.

Spans are plain tuples (start, end, label) over the document text so the same code serves gold
records (training) and spaCy Docs (prediction).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from pipeline.schema import RELATION_BY_TAIL, RELATION_TYPES, SENTENCE_ENDS

SpanT = tuple[int, int, str]
TRIGGERS = re.compile("获评|入选|上榜|获批|入围|荣获|被评为|被命名为|被确定为|列入|跻身|稳居|位居|获得|获|居|增长|下降|"
                      "突破|达到|新增|提高|减少|实现|完成|分别|占|比|的")
_SENTENCE_END = re.compile("[" + re.escape("".join(SENTENCE_ENDS)) + "]")
_BREAK = re.compile(r"[，,；;、：:（）()“”]")


@dataclass(frozen=True)
class Candidate:
    head: SpanT
    tail: SpanT
    rel_type: str


def sentence_bounds(text: str) -> list[int]:
    """Start offsets of sentences (after each of `SENTENCE_ENDS`)."""
    starts = [0]
    for m in _SENTENCE_END.finditer(text):
        starts.append(m.end())
    return starts


def candidates(text: str, spans: list[SpanT]) -> list[Candidate]:
    """Every schema-allowed (head, tail) pair inside one sentence."""
    starts = sentence_bounds(text)
    by_sentence: dict[int, list[SpanT]] = {}
    for span in spans:
        by_sentence.setdefault(bisect_right(starts, span[0]), []).append(span)
    out = []
    for group in by_sentence.values():
        for tail in group:
            rel_type = RELATION_BY_TAIL.get(tail[2])
            if rel_type is None:
                continue
            heads_allowed = RELATION_TYPES[rel_type][0]
            for head in group:
                if head is not tail and head[2] in heads_allowed:
                    out.append(Candidate(head, tail, rel_type))
    return out


def _bucket(n: int) -> str:
    for limit in (0, 1, 2, 5, 10, 20, 40):
        if n <= limit:
            return f"<={limit}"
    return ">40"


def features(text: str, spans: list[SpanT], cand: Candidate) -> dict[str, float]:
    """Sparse features of one candidate pair."""
    head, tail = cand.head, cand.tail
    left, right = (head, tail) if head[0] < tail[0] else (tail, head)
    between = text[left[1]:right[0]]
    inside = [s for s in spans if left[1] <= s[0] and s[1] <= right[0]]
    f: dict[str, float] = {
        f"pair={head[2]}>{tail[2]}": 1.0,
        f"dir={'head_first' if head[0] < tail[0] else 'tail_first'}": 1.0,
        f"dist={_bucket(len(between))}": 1.0,
        f"n_between={_bucket(len(inside))}": 1.0,
        f"same_tail_between={_bucket(sum(s[2] == tail[2] for s in inside))}": 1.0,
        f"same_head_between={_bucket(sum(s[2] == head[2] for s in inside))}": 1.0,
        f"breaks={_bucket(len(_BREAK.findall(between)))}": 1.0,
        f"has_semicolon={'；' in between or ';' in between}": 1.0,
        f"has_comma={'，' in between or ',' in between}": 1.0,
        f"head_suffix={text[head[1] - 1:head[1]]}": 1.0,
        f"head_suffix2={text[max(head[0], head[1] - 2):head[1]]}": 1.0,
        f"tail_prefix={text[tail[0]:tail[0] + 1]}": 1.0,
        f"type={cand.rel_type}": 1.0,
        f"between_short={between if len(between) <= 4 else '_long'}": 1.0,
    }
    for m in TRIGGERS.finditer(between):
        f[f"trigger={m.group()}"] = 1.0
    # Nearest candidate heads of the same label on the tail's side are the usual answer.
    same = [s for s in spans if s[2] == head[2] and s is not head]
    if head[0] < tail[0]:
        f["nearest_left"] = float(not any(head[1] <= s[0] and s[1] <= tail[0] for s in same))
    else:
        f["nearest_right"] = float(not any(tail[1] <= s[0] and s[1] <= head[0] for s in same))
    f[f"nearest_{head[0] < tail[0]}_{cand.rel_type}"] = f.get("nearest_left", f.get("nearest_right", 0.0))
    return f
