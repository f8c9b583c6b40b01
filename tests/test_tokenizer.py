"""The tokenizer's words and spaces: what spaCy's own alignment (`get_words_and_spaces`) makes, from offsets."""

import random
from pathlib import Path

import pytest
from spacy import util

from pipeline.tokenizer import _words_and_spaces

RAW = Path(__file__).resolve().parents[1] / "corpus" / "raw"


def _pieces(text: str, words: list[str]) -> list[tuple[int, str]]:
    pieces, pos = [], 0
    for word in words:
        start = text.find(word, pos)
        pieces.append((start, word))
        pos = start + len(word)
    return pieces


def _with_whitespace(text: str, seed: int) -> str:
    """A real report's opening with whitespace of every kind inserted at random places (made up)."""
    rng, chars = random.Random(seed), list(text)
    for _ in range(150):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice([" ", "  ", "\n", "\t", "\u3000", " \n ", "\r\n"]))
    return "".join(chars)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_words_and_spaces_are_spacys(seed):
    text = _with_whitespace((RAW / "province-beijing-2026.txt").read_text(encoding="utf-8")[:2000], seed)
    for split in (list(text), [w for w in text.split() for w in (w[:2], w[2:]) if w]):  # characters, pieces
        pieces = _pieces(text, split)
        assert _words_and_spaces(text, pieces) == util.get_words_and_spaces([w for _, w in pieces], text)


@pytest.mark.parametrize("text", ["", " ", "  ", "\n\n", " 开头", "结尾 ", "一 二  三\n 四"])  # made up
def test_words_and_spaces_at_the_edges(text):
    pieces = _pieces(text, list(text))
    assert _words_and_spaces(text, pieces) == util.get_words_and_spaces([w for _, w in pieces], text)


def test_tokens_keep_every_character(nlp_rules):
    text = _with_whitespace((RAW / "province-beijing-2026.txt").read_text(encoding="utf-8")[:3000], 3)
    doc = nlp_rules(text)
    assert doc.text == text
    assert "".join(t.text for t in doc if not t.is_space) == "".join(text.split())


def test_original_text_is_the_text_as_read(nlp_rules):
    from spacy.tokens import Doc

    from pipeline.textnorm import original_text

    text = _with_whitespace((RAW / "province-beijing-2026.txt").read_text(encoding="utf-8")[:1000], 4)
    doc = nlp_rules(text)
    assert original_text(doc) is text and doc.text == text
    plain = Doc(nlp_rules.vocab, words=["全年", "增长", "5%"], spaces=[False, True, False])  # made up
    assert original_text(plain) == "全年增长 5%"
    plain.user_data["govreport_text"] = "another text"  # a stale copy is not trusted
    assert original_text(plain) == "全年增长 5%"
