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

Two additions: soft-lexicon features (`pipeline.backends.lexicon`). With a `lexicon` in the config (lexicon
name → words, saved in config.json so `hanlp.load` needs nothing else), every character's state in each
lexicon is embedded and added to its character embedding. And character bigrams (`pipeline.backends.bigrams`):
with `bigrams` in the config (the vocabulary; their vectors are in model.pt), the embeddings of the bigrams
ending and starting at a character, frozen, are projected and added too.
"""

from __future__ import annotations

import torch
from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer
from hanlp.components.taggers.tagger import Tagger
from hanlp.utils.span_util import bio_tags_to_spans
from torch import nn

from pipeline.backends.bigrams import bigram_ids, bigram_index
from pipeline.backends.lexicon import N_STATES, LexiconMatcher

LEXICON_FIELD = "lexicon_ids"  # HanLP's loader pads a field whose name ends in _ids
BIGRAM_FIELD = "bigram_ids"


def iobes_to_bio(tag: str) -> str:
    """S-X → B-X, E-X → I-X; B, I and O unchanged."""
    if tag[:2] == "S-":
        return "B-" + tag[2:]
    if tag[:2] == "E-":
        return "I-" + tag[2:]
    return tag


def read_text_vectors(path: str) -> dict[str, list[float]]:
    """Vectors of a word2vec text file (what `pipeline.training.char_vectors` writes)."""
    vectors: dict[str, list[float]] = {}
    with open(path, encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            parts = line.rstrip("\n").split(" ")
            if len(parts) > 2:
                vectors[parts[0]] = [float(x) for x in parts[1:]]
    return vectors


class LexiconEmbedding(nn.Module):
    """A character embedding plus, per lexicon, an embedding of the character's state in it (summed, so
    the BiLSTM input keeps its size and pretrained character vectors still fit)."""

    def __init__(self, char: nn.Embedding, n_lexicons: int, token_field: str,
                 bigrams: torch.Tensor | None = None) -> None:
        super().__init__()
        self.char = char
        self.embedding_dim = char.embedding_dim
        self.token_field = token_field
        # A bag summing one row per lexicon: the same weights as an Embedding, without the (batch, length,
        # lexicons, dim) tensor a lookup-then-sum builds (a third of the tagger's time at prediction).
        self.states = nn.EmbeddingBag(n_lexicons * N_STATES, char.embedding_dim, mode="sum")
        nn.init.zeros_(self.states.weight)  # starts as the plain character model
        self.register_buffer("offsets", torch.arange(n_lexicons) * N_STATES, persistent=False)
        self.bigram = self.bigram_proj = None
        if bigrams is not None:
            # Frozen: the vectors carry what the unlabelled text says about bigrams the gold never shows.
            self.bigram = nn.Embedding.from_pretrained(bigrams, freeze=True, padding_idx=0)
            self.bigram_proj = nn.Linear(2 * bigrams.shape[1], char.embedding_dim, bias=False)
            nn.init.zeros_(self.bigram_proj.weight)  # starts as the model without bigrams

    def forward(self, batch: dict, mask: torch.Tensor | None = None) -> torch.Tensor:
        chars = self.char(batch[self.token_field])
        states = batch[LEXICON_FIELD][:, :chars.shape[1]].long() + self.offsets
        summed = self.states(states.reshape(-1, states.shape[-1]))
        out = chars + summed.view(*chars.shape)
        if self.bigram is not None:
            ids = batch[BIGRAM_FIELD][:, :chars.shape[1]].long()
            out = out + self.bigram_proj(self.bigram(ids).flatten(2))
        return out


class LexiconFeatures:
    """Dataset transform: the lexicon states of a sample's characters (a tensor), unless the sample brings
    its own (training samples do: their names are looked up without the document's own gold)."""

    def __init__(self, matcher: LexiconMatcher, token_key: str) -> None:
        self.matcher = matcher
        self.token_key = token_key
        # HanLP's loader transforms every sample twice (once to sort by length): keep the states of one
        # dataset's texts instead of matching them again.
        self._cache: dict[str, torch.Tensor] = {}

    def __call__(self, sample: dict) -> dict:
        if LEXICON_FIELD not in sample:
            text = "".join(sample[self.token_key])
            rows = self._cache.get(text)
            if rows is None:
                rows = self._cache[text] = torch.from_numpy(self.matcher.feature_array(text))
            sample[LEXICON_FIELD] = rows
        return sample


class BigramFeatures:
    """Dataset transform: the ids of the bigrams ending and starting at each character of a sample."""

    def __init__(self, bigrams: list[str], token_key: str) -> None:
        self.index = bigram_index(bigrams)
        self.token_key = token_key

    def __call__(self, sample: dict) -> dict:
        if BIGRAM_FIELD not in sample:
            sample[BIGRAM_FIELD] = torch.from_numpy(bigram_ids(sample[self.token_key], self.index))
        return sample


class RNNNamedEntityRecognizerBatchFirstCRF(RNNNamedEntityRecognizer):
    """HanLP's character BiLSTM(-CRF) NER with the CRF set to batch-first, as the model feeds it, and
    IOBES output decoded without raising on ill-formed sequences.

    Set `init_vectors` (a word2vec text file) before `fit` to start the character embeddings from
    pretrained vectors; they are copied into the embedding table, so `hanlp.load` needs no vector file."""

    init_vectors: str | None = None
    bigram_vectors: dict[str, list[float]] | None = None  # vectors of the config's bigrams, before `fit`
    _matcher: LexiconMatcher | None = None

    @property
    def lexicon_matcher(self) -> LexiconMatcher | None:
        """The matcher of the config's lexicons (None for a model trained without them)."""
        lexicon = self.config.get("lexicon")
        if lexicon and self._matcher is None:
            self._matcher = LexiconMatcher(lexicon)
        return self._matcher if lexicon else None

    def build_dataset(self, data, transform):
        matcher = self.lexicon_matcher
        if matcher is not None:
            transform = [LexiconFeatures(matcher, self.config.token_key), *transform]
        if self.config.get("bigrams"):
            transform = [BigramFeatures(self.config.bigrams, self.config.token_key), *transform]
        return super().build_dataset(data, transform)

    def build_model(self, **kwargs):
        model = super().build_model(**kwargs)
        if model.crf is not None:
            model.crf.batch_first = True
        if self.init_vectors and isinstance(getattr(model, "embed", None), torch.nn.Embedding):
            vectors = read_text_vectors(self.init_vectors)
            weight = model.embed.weight
            tokens = self.vocabs[self.config.token_key].idx_to_token
            found = 0
            with torch.no_grad():
                for i, token in enumerate(tokens):
                    vec = vectors.get(token)
                    if vec is not None and len(vec) == weight.shape[1]:
                        weight[i] = torch.tensor(vec, dtype=weight.dtype)
                        found += 1
            self.init_vectors_found = (found, len(tokens))
        lexicon = self.config.get("lexicon")
        if lexicon and isinstance(model.embed, nn.Embedding):
            model.embed = LexiconEmbedding(model.embed, len(lexicon), f"{self.config.token_key}_id",
                                           self._bigram_table())
        return model

    def _bigram_table(self) -> torch.Tensor | None:
        """The frozen bigram vectors (row 0: unknown), from `bigram_vectors` when training; zeros when
        `hanlp.load` rebuilds the model, whose saved weights then fill them."""
        bigrams = self.config.get("bigrams")
        if not bigrams:
            return None
        table = torch.zeros(len(bigrams) + 1, self.config.bigram_dim)
        for i, bigram in enumerate(bigrams, start=1):
            vec = (self.bigram_vectors or {}).get(bigram)
            if vec is not None:
                table[i] = torch.tensor(vec)
        return table

    def save_weights(self, save_dir, filename="model.pt", trainable_only=False, **kwargs):
        # HanLP keeps trainable weights only by default, which would drop the frozen bigram vectors.
        return super().save_weights(save_dir, filename, trainable_only=False, **kwargs)

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
