"""Word segmentation: spaCy's Chinese tokenizer (spacy-pkuseg) run on normalised text.

The segmenter sees the normalised text (full-width digits folded, see `pipeline.textnorm`) while the
Doc keeps the text exactly as read: normalisation preserves length, so each word's offsets in the
normalised text are its offsets in the original.
"""

from __future__ import annotations

import re

from spacy import util
from spacy.attrs import IDX
from spacy.lang.zh import ChineseTokenizer
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline.segmenter import accelerate, load_without_dictionary
from pipeline.textnorm import NORM_KEY, TEXT_KEY, normalise

_SURROGATE = re.compile("[\ud800-\udfff]")
WORD_STARTS = "govreport_word_starts"  # the Doc.user_data key of the segmenter's word starts


class ReportTokenizer(ChineseTokenizer):
    """`ChineseTokenizer` whose segmenter reads normalised text; the Doc keeps the original text."""

    def __init__(self, vocab: Vocab, segmenter: str = "pkuseg") -> None:
        super().__init__(vocab, segmenter=segmenter)
        self._accelerated = None  # the pkuseg segmenter given the once-per-text features (pipeline.segmenter)

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model: str | None = None,
                   pkuseg_user_dict: str | None = "default") -> None:
        """As spaCy's, plus ``pkuseg_user_dict="none"``: no dictionary at all (spaCy cannot pass None
        through, and any file given to spacy-pkuseg still brings its bundled default lexicon)."""
        if self.segmenter == "pkuseg" and pkuseg_user_dict == "none":
            self.pkuseg_seg = load_without_dictionary(pkuseg_model)
            # spacy-pkuseg leaves these unset without dictionaries, but spaCy serialises them.
            self.pkuseg_seg.postprocesser.common_words = set()
            self.pkuseg_seg.postprocesser.other_words = set()
            return
        super().initialize(get_examples, nlp=nlp, pkuseg_model=pkuseg_model, pkuseg_user_dict=pkuseg_user_dict)

    @property
    def lexicon(self) -> frozenset[str] | set[str]:
        """The words of the segmenter's dictionary (empty without a trained segmenter)."""
        if self.segmenter == "pkuseg" and self.pkuseg_seg is not None:
            return self.pkuseg_seg.feature_extractor.unigram
        return frozenset()

    def __call__(self, text: str) -> Doc:
        surrogate = _SURROGATE.search(text)
        if surrogate:  # not encodable: spaCy's string store would fail with an obscure error
            raise ValueError(f"text has an unpaired surrogate (U+{ord(surrogate.group()):04X}) at offset "
                             f"{surrogate.start()}: not valid Unicode text")
        norm = normalise(text)
        if self.segmenter == "pkuseg" and self.pkuseg_seg is not None:
            if self._accelerated is not self.pkuseg_seg:  # however it was loaded (initialize, from_disk, bytes)
                accelerate(self.pkuseg_seg)
                self._accelerated = self.pkuseg_seg
            norm_words = self.pkuseg_seg.cut(norm)
        elif self.segmenter == "jieba" and self.jieba_seg is not None:
            norm_words = [w for w in self.jieba_seg.cut(norm, cut_all=False) if w]
        else:  # no trained segmenter loaded (e.g. a blank pipeline in tests): characters
            norm_words = list(norm)
        pieces, pos, altered = [], 0, False  # (start, word) in text order: every character not a space
        for word in norm_words:
            start = norm.find(word, pos)
            if start < 0:  # the segmenter altered the text: keep what we have, re-align on the rest
                altered = True
                continue
            if start > pos:  # most words follow the last directly
                pieces.extend(_gap_tokens(text, pos, start))
            pieces.append((start, text[start:start + len(word)]))
            pos = start + len(word)
        pieces.extend(_gap_tokens(text, pos, len(text)))
        if altered:  # spaCy's own alignment, which names the text it cannot align
            words, spaces = util.get_words_and_spaces([word for _, word in pieces], text)
        else:
            words, spaces = _words_and_spaces(text, pieces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[NORM_KEY] = norm
        doc.user_data[TEXT_KEY] = text
        # the segmentation as cut: recognisers later split tokens at their span edges, the constraints read it
        starts = doc.to_array(IDX).tolist() if len(doc) else []  # no Token object per token
        doc.user_data[WORD_STARTS] = starts
        if norm != text:
            # The recognisers embed NORM: give them the normalised form (ASCII digits, simplified characters).
            for i, (start, word) in enumerate(zip(starts, words, strict=True)):
                folded = norm[start:start + len(word)]
                if folded != word:
                    doc[i].norm_ = folded
        return doc


def _gap_tokens(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(offset, character) of the characters the segmenter skipped: control characters normalised to spaces
    are still text to spaCy (str.isspace is False for them), so each becomes a token of its own."""
    return [(i, c) for i, c in enumerate(text[start:end], start) if not c.isspace()]


def _words_and_spaces(text: str, pieces: list[tuple[int, str]]) -> tuple[list[str], list[bool]]:
    """The Doc's words and spaces as `spacy.util.get_words_and_spaces` makes them, from words whose offsets are
    known (`pieces`: (start, word) in order, only whitespace between and beside them): the whitespace between
    two words is a token of its own, except one plain space after a word, which is that word's trailing space.
    (spaCy's searches the rest of the text for each word, copying it each time.)"""
    words: list[str] = []
    spaces: list[bool] = []
    pos, end = 0, len(text)
    for start, word in pieces:
        if word.isspace():  # a segmenter's whitespace word (jieba's, the characters') is whitespace between words
            continue
        if start > pos:
            words.append(text[pos:start])
            spaces.append(False)
        words.append(word)
        pos = start + len(word)
        space = pos < end and text[pos] == " "
        spaces.append(space)
        pos += space
    if pos < end:
        words.append(text[pos:])
        spaces.append(False)
    return words, spaces


@registry.tokenizers("govreport.report_tokenizer.v1")
def create_report_tokenizer(segmenter: str = "pkuseg"):
    def make(nlp):
        return ReportTokenizer(nlp.vocab, segmenter=segmenter)

    return make
