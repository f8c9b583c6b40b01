"""The pipeline every backend starts from: the report tokenizer (segmentation) and the sentence splitter.

Kept apart from `pipeline.loading` so that backends can build on it without importing the loader that
chooses between them.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

import pipeline.components  # noqa: F401  (registers the factories)
import pipeline.tokenizer  # noqa: F401  (registers the tokenizer)
from pipeline.paths import SEGMENTER_MODEL, SEGMENTER_USER_DICT
from pipeline.schema import SENTENCE_ENDS


def blank(segmenter_model: Path | None = SEGMENTER_MODEL) -> Language:
    """A Chinese pipeline with the report tokenizer and sentence splitter, no recognisers yet."""
    segmenter = "pkuseg" if segmenter_model and (Path(segmenter_model) / "features.msgpack").exists() else "char"
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "govreport.report_tokenizer.v1",
                                                           "segmenter": segmenter}}})
    if segmenter == "pkuseg":
        nlp.tokenizer.initialize(pkuseg_model=str(segmenter_model), pkuseg_user_dict=SEGMENTER_USER_DICT)
    nlp.add_pipe("sentencizer", config={"punct_chars": list(SENTENCE_ENDS)})
    return nlp
