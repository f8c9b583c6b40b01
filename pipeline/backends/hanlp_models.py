"""HanLP model classes the backend trains, named by `classpath` in a saved model's config.json so that
a plain `hanlp.load(folder)` rebuilds them.

Two fixes over hanlp 2.1.5's `RNNNamedEntityRecognizer`:

* its `RNNTaggingModel` builds the CRF as ``CRF(n_out, crf_constraints)``, and the second parameter of
  `hanlp.layers.crf.crf.CRF` is `batch_first`, so it gets None. The CRF then reads the (batch, time,
  tags) emissions as (time, batch, tags): it learns transitions between the sentences of a batch and
  Viterbi returns one tag per sentence. Training runs and the loss goes down, but the tagger finds no
  correct span (dev F1 0.00 after an epoch on our corpus);
* with IOBES tags its `predict` raises `InvalidTagSequence` as soon as the (unconstrained) CRF emits
  an ill-formed sequence such as ``B-FIG I-FIG O``, which a briefly trained model does; here such a
  sequence is read the way HanLP reads ill-formed BIO, as a span.
"""

from __future__ import annotations

from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.components.taggers.tagger import Tagger
from hanlp.utils.span_util import bio_tags_to_spans


def iobes_to_bio(tag: str) -> str:
    """S-X → B-X, E-X → I-X; B, I and O unchanged."""
    if tag[:2] == "S-":
        return "B-" + tag[2:]
    if tag[:2] == "E-":
        return "I-" + tag[2:]
    return tag


class RNNNamedEntityRecognizerBatchFirstCRF(RNNNamedEntityRecognizer):
    """HanLP's character BiLSTM(-CRF) NER with the CRF set to batch-first, as the model feeds it, and
    IOBES output decoded without raising on ill-formed sequences."""

    def build_model(self, **kwargs):
        model = super().build_model(**kwargs)
        if model.crf is not None:
            model.crf.batch_first = True
        return model

    def predict_data(self, data, batch_size, **kwargs):
        if self.tagging_scheme != "IOBES":
            return super().predict_data(data, batch_size, **kwargs)
        outputs = Tagger.predict_data(self, data, batch_size)  # tags, before HanLP's strict IOBES decoder
        delimiter = self.config.token_delimiter or ""
        results = []
        for tokens, tags in zip(data, outputs, strict=True):
            spans = sorted(bio_tags_to_spans([iobes_to_bio(t) for t in tags]), key=lambda s: s[1])
            results.append([(delimiter.join(tokens[b:e + 1]), label, b, e + 1) for label, (b, e) in spans])
        return results
