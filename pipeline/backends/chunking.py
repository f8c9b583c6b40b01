"""Sentence chunks for a character tagger, with exact offsets into the text as read.

A char-level BiLSTM costs time linear in the chunk length but batches better on short chunks, and
HanLP's own `split_sentence` returns stripped strings without offsets, so the chunks are made here:
split after the same sentence ends as the spaCy sentencizer of `pipeline.loading`, then pack the
clauses of an over-long sentence into pieces of at most `max_len` characters. Training and inference
both chunk with these functions, so the model sees at run time the kind of input it was trained on.
"""

from __future__ import annotations

from pipeline import schema

SENTENCE_ENDS = frozenset(schema.SENTENCE_ENDS)
CLOSERS = schema.CLOSERS
CLAUSE_ENDS = schema.CLAUSE_ENDS
MAX_LEN = 200


def sentence_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of the sentences of text[start:end]; whitespace-only pieces are left out."""
    end = len(text) if end is None else end
    bounds, i, s = [], start, start
    while i < end:
        if text[i] in SENTENCE_ENDS:
            i += 1
            while i < end and (text[i] in SENTENCE_ENDS or text[i] in CLOSERS):
                i += 1
            bounds.append((s, i))
            s = i
        else:
            i += 1
    if s < end:
        bounds.append((s, end))
    return [(a, b) for a, b in bounds if text[a:b].strip()]


def _pack(text: str, start: int, end: int, max_len: int) -> list[tuple[int, int]]:
    """Split one long sentence after clause punctuation, greedily, into pieces of at most max_len chars;
    a clause longer than max_len is cut hard."""
    pieces, s = [], start
    while end - s > max_len:
        cut = next((j for j in range(s + max_len, s, -1) if text[j - 1] in CLAUSE_ENDS), s + max_len)
        pieces.append((s, cut))
        s = cut
    pieces.append((s, end))
    return pieces


def chunk_bounds(text: str, start: int = 0, end: int | None = None, max_len: int = MAX_LEN) -> list[tuple[int, int]]:
    """(start, end) chunks of text[start:end]: sentences, long ones packed by clauses to <= max_len chars."""
    chunks = []
    for s, e in sentence_bounds(text, start, end):
        chunks.extend(p for p in _pack(text, s, e, max_len) if text[p[0]:p[1]].strip())
    return chunks


def chunk_tokens(text: str, start: int, end: int) -> tuple[list[str], list[int]]:
    """The tagger's tokens for text[start:end]: its non-space characters, with their offsets in `text`.

    Spaces are left out because reports space characters arbitrarily (政 府 工 作 报 告) and a space
    would be one more unknown token to the tagger; a span can still cover a space between its ends."""
    offsets = [i for i in range(start, end) if not text[i].isspace()]
    return [text[i] for i in offsets], offsets
