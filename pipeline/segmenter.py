"""spacy-pkuseg's segmentation with its feature extraction done once per text instead of once per character.

spacy-pkuseg spends 97 % of its time building the features of each character (`get_node_features_idx`):
for every character it joins the 20 substrings around it that may be dictionary words (lengths 2 to 6 on
either side) and tries 50 word-pair features, most of them pairs that cannot exist. Here each substring is
joined and looked up once for the whole text, and a word-pair feature is only looked up where both sides
are words (the model has no pair feature with a non-word side). The feature lists, and so the Viterbi
decoding and the words, are identical to spacy-pkuseg's (`tests/test_segmenter.py` checks it on real
reports); the decoding is spacy-pkuseg's own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from spacy_pkuseg import inference
from srsly import msgpack

# spacy-pkuseg's FeatureExtractor.normalize_text, per character: the keyword characters are renamed and digits
# and Latin letters collapse to one class each.
_KEYWORDS = str.maketrans("-._,|/*:", "&&&&&&&&")


class FastFeatures:
    """The node features of spacy-pkuseg's `FeatureExtractor` for a whole text at once."""

    def __init__(self, extractor, word_min: int, word_max: int) -> None:
        self.index = extractor.feature_to_idx
        self.words = extractor.unigram
        self.lengths = range(word_max, word_min - 1, -1)  # spacy-pkuseg's order: longest first
        self.num, self.letter = extractor.num, extractor.letter

    def nodes(self, text: str) -> list[str]:
        num, letter = self.num, self.letter
        return ["**Num" if c in num else "**Letter" if c in letter else c for c in text.translate(_KEYWORDS)]

    def __call__(self, nodes: list[str]) -> list[list[int]]:
        n = len(nodes)
        index, words = self.index, self.words
        # word_at[l][s]: the dictionary word nodes[s:s+l], or None
        word_at = {}
        for length in self.lengths:
            row = [None] * (n + 1)
            for s in range(n - length + 1):
                piece = "".join(nodes[s:s + length])
                if piece in words:
                    row[s] = piece
            word_at[length] = row
        get = index.get
        out = []
        for i, c in enumerate(nodes):
            flist = [0]
            names = ["c." + c]
            if i > 0:
                prev = nodes[i - 1]
                names += ("c-1." + prev, "c-1c." + prev + "." + c)
            if i + 1 < n:
                nxt = nodes[i + 1]
                names += ("c1." + nxt, "cc1." + c + "." + nxt)
            if i > 1:
                names += ("c-2." + nodes[i - 2], "c-2c-1." + nodes[i - 2] + "." + nodes[i - 1])
            if i + 2 < n:
                names.append("c2." + nodes[i + 2])
            pre_in, post_in, pre_ex, post_ex = [], [], [], []
            for length in self.lengths:
                row = word_at[length]
                s = i - length + 1
                w = row[s] if s >= 0 else None
                if w is not None:
                    names.append("w-1." + w)
                pre_in.append(w)
            for length in self.lengths:
                w = word_at[length][i]
                if w is not None:
                    names.append("w1." + w)
                post_in.append(w)
            for length in self.lengths:
                s = i - length
                pre_ex.append(word_at[length][s] if s >= 0 else None)
                post_ex.append(word_at[length][i + 1] if i + 1 <= n else None)
            for name in names:
                idx = get(name)
                if idx is not None:
                    flist.append(idx)
            for pre in pre_ex:
                if pre is not None:
                    for post in post_in:
                        if post is not None and (idx := get("ww.l." + pre + "*" + post)) is not None:
                            flist.append(idx)
            for pre in pre_in:
                if pre is not None:
                    for post in post_ex:
                        if post is not None and (idx := get("ww.r." + pre + "*" + post)) is not None:
                            flist.append(idx)
            out.append(flist)
        return out


def accelerate(seg) -> None:
    """Give a loaded `spacy_pkuseg.pkuseg` the once-per-text feature extraction (same words, same tags)."""
    from spacy_pkuseg.config import config

    if not config.wordFeature or not config.numLetterNorm:
        return  # a configuration this reimplementation does not cover: keep spacy-pkuseg's own
    features = FastFeatures(seg.feature_extractor, config.wordMin, config.wordMax)
    begins = {idx for idx, tag in seg.idx_to_tag.items() if "B" in tag}
    model = seg.model

    def _cut(text: str) -> list[str]:
        if not text:
            return []
        _, tags = inference.decodeViterbi_fast(features(features.nodes(text)), model)
        words, current = [], text[0]
        for tag, char in zip(tags[1:], text[1:], strict=True):
            if tag in begins:
                words.append(current)
                current = char
            else:
                current += char
        words.append(current)
        return words

    seg._cut = _cut


_PAIRS = "bigram"  # the feature file's key for the word pairs


def _read_features(path: Path, wanted: Callable[[str], bool]) -> dict:
    """The entries of spacy-pkuseg's feature file (a msgpack map) whose key `wanted` accepts; the others are
    skipped without being decoded."""
    data = {}
    with open(path, "rb") as file:
        unpacker = msgpack.Unpacker(file, raw=False, max_buffer_size=0)
        for _ in range(unpacker.read_map_header()):
            key = unpacker.unpack()
            if wanted(key):
                data[key] = unpacker.unpack()
            else:
                unpacker.skip()
    return data


class _WordPairs:
    """spacy-pkuseg's set of word pairs, read from the feature file on first use.

    The pairs (447 k strings) take a third of the feature file's load time, and `FastFeatures` never
    asks for them: a pair feature is looked up in the feature index directly. spacy-pkuseg's own
    feature extraction and saving (spaCy's `to_disk`) still find every pair here."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._pairs: set[str] | None = None

    def _loaded(self) -> set[str]:
        if self._pairs is None:
            self._pairs = set(_read_features(self._path, lambda key: key == _PAIRS)[_PAIRS])
        return self._pairs

    def __contains__(self, pair: object) -> bool:
        return pair in self._loaded()

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


def load_without_dictionary(model_dir: str | Path):
    """`spacy_pkuseg.pkuseg(model_dir, user_dict=None)`, with the word pairs read only when needed
    (cold start: 0.3 s to 0.2 s for the feature file). Same segmenter otherwise, attribute by attribute."""
    from spacy_pkuseg import Postprocesser, Preprocesser, pkuseg
    from spacy_pkuseg.feature_extractor import FeatureExtractor
    from spacy_pkuseg.model import Model

    path = Path(model_dir) / "features.msgpack"
    data = _read_features(path, lambda key: key != _PAIRS)
    extractor = FeatureExtractor.__new__(FeatureExtractor)
    extractor.unigram = set(data["unigram"])
    extractor.bigram = _WordPairs(path)
    extractor.feature_to_idx = data["feature_to_idx"]
    extractor.tag_to_idx = data["tag_to_idx"]

    seg = pkuseg.__new__(pkuseg)
    seg.postag = False
    seg.preprocesser = Preprocesser(None)
    seg.postprocesser = Postprocesser(None, None)
    seg.feature_extractor = extractor
    seg.model = Model.load(str(model_dir))
    seg.idx_to_tag = {idx: tag for tag, idx in extractor.tag_to_idx.items()}
    seg.n_feature = len(extractor.feature_to_idx)
    seg.n_tag = len(extractor.tag_to_idx)
    return seg
