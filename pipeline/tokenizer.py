"""Word segmentation: spaCy's Chinese tokenizer (spacy-pkuseg) run on normalised text.

The segmenter sees the normalised text (full-width digits folded, see `pipeline.textnorm`) while the
Doc keeps the text exactly as read: normalisation preserves length, so each token's offsets in the
normalised text are its offsets in the original.
"""

from __future__ import annotations

from spacy import util
from spacy.lang.zh import ChineseTokenizer
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from pipeline.textnorm import normalise


class ReportTokenizer(ChineseTokenizer):
    """`ChineseTokenizer` whose segmenter reads normalised text; the Doc keeps the original text."""

    def __init__(self, vocab: Vocab, segmenter: str = "pkuseg") -> None:
        super().__init__(vocab, segmenter=segmenter)

    def __call__(self, text: str) -> Doc:
        if self.segmenter == "pkuseg" and self.pkuseg_seg is None:
            # No trained segmenter loaded (e.g. a blank pipeline in tests): fall back to characters.
            words, spaces = util.get_words_and_spaces(list(text), text)
            return Doc(self.vocab, words=words, spaces=spaces)
        norm_doc = super().__call__(normalise(text))
        words = [text[t.idx:t.idx + len(t.text)] for t in norm_doc]
        words, spaces = util.get_words_and_spaces(words, text)
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers("govreport.report_tokenizer.v1")
def create_report_tokenizer(segmenter: str = "pkuseg"):
    def make(nlp):
        return ReportTokenizer(nlp.vocab, segmenter=segmenter)

    return make
