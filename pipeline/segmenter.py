"""spacy-pkuseg's segmentation with its feature extraction done once per text instead of once per character.

spacy-pkuseg spends 97 % of its time building the features of each character (`get_node_features_idx`):
for every character it joins the 20 substrings around it that may be dictionary words (lengths 2 to 6 on
either side) and tries 50 word-pair features, most of them pairs that cannot exist. Here the character
features of a whole text are looked up at once in arrays, each dictionary word is found once by a scan that
stops where no word continues, and a word-pair feature is only looked up where both sides are words (the
model has no pair feature with a non-word side); the node scores are summed from the model's weights as
spacy-pkuseg's `getLogYY` sums them, and decoded by its own Viterbi. The words are identical to
spacy-pkuseg's (`tests/test_segmenter.py` checks scores and words on real reports).

A character feature (c.X, c-1c.X.Y, …: 277 k of the model's 356 k) is keyed by an integer made of its kind and its
characters' code points instead of a joined name; the model folder keeps that index in `features.index.npz`
(`write_compact_index`), which loads in 0.1 s where spacy-pkuseg's feature file takes 0.25 s (cold start).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy_pkuseg import inference
from spacy_pkuseg.feature_extractor import FeatureExtractor
from srsly import msgpack

from pipeline.sorted_lookup import code_points, positions

# spacy-pkuseg's FeatureExtractor.normalize_text, per character: the keyword characters are renamed and digits
# and Latin letters collapse to one class each.
_KEYWORDS = str.maketrans("-._,|/*:", "&&&&&&&&")


# The integer key of a character feature: its kind, then the code of each node, 21 bits each. spacy-pkuseg's two node
# classes get the first two numbers past the last code point.
_NUM_NODE, _LETTER_NODE = 0x110000, 0x110001
_NODE_CODES = {"**Num": _NUM_NODE, "**Letter": _LETTER_NODE}
_CHAR_KINDS = {"c": 0, "c-1": 1, "c1": 2, "c-2": 3, "c2": 4, "c-1c": 5, "cc1": 6, "c-2c-1": 7}  # 5-7: two nodes


def _node_code(node: str) -> int | None:
    return ord(node) if len(node) == 1 else _NODE_CODES.get(node)


@dataclass(eq=False)
class CompactIndex:
    """spacy-pkuseg's feature index with every character feature keyed by an integer (its kind, then its nodes'
    codes: `keys`, sorted, and their feature indices `idx`) and the word features by name (`names`)."""

    keys: np.ndarray
    idx: np.ndarray
    names: dict[str, int]

    @classmethod
    def from_arrays(cls, keys: np.ndarray, idx: np.ndarray, names: dict[str, int]) -> CompactIndex:
        order = np.argsort(keys, kind="stable")
        return cls(np.asarray(keys, dtype=np.int64)[order], np.asarray(idx, dtype=np.int64)[order], names)

    def __len__(self) -> int:
        return len(self.keys) + len(self.names)

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, CompactIndex) and np.array_equal(self.keys, other.keys)
                and np.array_equal(self.idx, other.idx) and self.names == other.names)


def compact_index(feature_to_idx: Mapping[str, int]) -> CompactIndex:
    """spacy-pkuseg's feature index made compact: character features by integer key, word features by name."""
    keys, idx, names = [], [], {}
    for name, i in feature_to_idx.items():
        kind, _, rest = name.partition(".")
        code = _CHAR_KINDS.get(kind)
        nodes = [_node_code(node) for node in rest.split(".")] if code is not None else []
        if code is not None and len(nodes) == (2 if code >= 5 else 1) and None not in nodes:
            keys.append(code << 42 | nodes[0] << 21 | (nodes[1] if code >= 5 else 0))
            idx.append(i)
        else:
            names[name] = i
    return CompactIndex.from_arrays(np.array(keys, dtype=np.int64), np.array(idx, dtype=np.int64), names)


class FastFeatures:
    """The node features of spacy-pkuseg's `FeatureExtractor` for a whole text at once."""

    def __init__(self, extractor, word_min: int, word_max: int, index: CompactIndex | None = None) -> None:
        """`index`: the extractor's feature index made compact (`compact_index`), if already at hand."""
        self.index = index if index is not None else compact_index(extractor.feature_to_idx)
        words, classed = extractor.unigram, [*extractor.letter, *extractor.num]

        # The character features as arrays, for looking up a whole text's keys at once (`scores`): each node
        # code gets a dense id; a one-node kind is a table by that id, a two-node kind a sorted array of id pairs.
        keys, idx = self.index.keys, self.index.idx
        kind, first, second = keys >> 42, keys >> 21 & 0x1FFFFF, keys & 0x1FFFFF
        pairs = kind >= 5
        nodes = np.unique(np.concatenate([first, second[pairs]]))
        self._dense = np.full(_LETTER_NODE + 1, -1, dtype=np.int32)  # node code → dense id (-1: in no feature)
        self._dense[nodes] = np.arange(len(nodes), dtype=np.int32)
        self._n_nodes = len(nodes) + 1  # the last id stands for a node in no feature
        self._single: dict[int, np.ndarray] = {}
        self._pairs: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        for k in range(8):
            mine = kind == k
            ids = self._dense[first[mine]].astype(np.int64)
            if k < 5:
                table = np.full(self._n_nodes, -1, dtype=np.int64)
                table[ids] = idx[mine]
                self._single[k] = table
            else:
                pair = ids * self._n_nodes + self._dense[second[mine]]
                order = np.argsort(pair)
                self._pairs[k] = (pair[order], idx[mine][order])
        self._node_class = np.zeros(_LETTER_NODE + 1, dtype=np.int32)  # 0: itself; else the class's code
        self._node_class[[ord(c) for c in extractor.letter]] = _LETTER_NODE
        self._node_class[[ord(c) for c in extractor.num]] = _NUM_NODE  # in both: a number, as spacy-pkuseg reads it
        # Every proper prefix of a dictionary word within the lengths used, so a scan stops where none continues.
        self._shortest, self._longest = word_min, word_max
        self._prefixes = {w[:k] for w in words if word_min <= len(w) <= word_max for k in range(word_min, len(w))}
        # A node of the number or letter class joins no dictionary word (none holds spacy-pkuseg's class
        # names): a character that no word has stands in for it in the text the word scan reads.
        # The keyword characters are renamed first, as spacy-pkuseg's `normalize_text` does.
        word_text = {ord(c): "\x00" for c in classed}
        self._word_text = {**word_text, **dict.fromkeys(map(ord, "-._,|/*:"), word_text.get(ord("&"), "&"))}
        # each word's w-1 and w1 feature indices (-1: none)
        get = self.index.names.get
        self._word_idx = {w: (get("w-1." + w, -1), get("w1." + w, -1)) for w in words
                          if word_min <= len(w) <= word_max}

    def _codes(self, text: str) -> np.ndarray:
        """The node code of each character: its code point, or spacy-pkuseg's number or letter class."""
        codes = code_points(text.translate(_KEYWORDS))
        classes = self._node_class[codes]
        return np.where(classes > 0, classes, codes)

    def _word_features(self, text: str) -> list[tuple[int, int]]:
        """(node, feature index) of the word features: a dictionary word ending at the node (w-1) or starting
        at it (w1), and the pairs of a word ending just before or at the node with one starting at or just
        after it (ww.l, ww.r), as spacy-pkuseg's `get_node_features_idx` lists them."""
        chars = text.translate(self._word_text)
        words, prefixes, get = self._word_idx, self._prefixes, self.index.names.get
        n, shortest, longest = len(chars), self._shortest, self._longest
        starting: dict[int, list[str]] = {}
        ending: dict[int, list[str]] = {}
        found = []
        # Every position: the start tables of `sorted_lookup.WordStarts` would skip 64 % of them, but building
        # them for the 51,028 words costs 0.04 s at the first call (a cold start) for 3 ms per report after.
        for i in range(n - shortest + 1):
            for j in range(i + shortest, i + longest + 1):
                piece = chars[i:j]
                if len(piece) < j - i:
                    break
                pair = words.get(piece)
                if pair is not None:
                    starting.setdefault(i, []).append(piece)
                    ending.setdefault(j - 1, []).append(piece)
                    if pair[0] >= 0:
                        found.append((j - 1, pair[0]))
                    if pair[1] >= 0:
                        found.append((i, pair[1]))
                if piece not in prefixes:
                    break
        for i, ws in ending.items():
            for post in starting.get(i + 1, ()):
                for pre in ws:
                    pair = pre + "*" + post
                    if (idx := get("ww.l." + pair)) is not None:
                        found.append((i + 1, idx))
                    if (idx := get("ww.r." + pair)) is not None:
                        found.append((i, idx))
        return found

    def scores(self, text: str, weights: np.ndarray) -> np.ndarray:
        """The (characters × tags) node scores spacy-pkuseg's `getLogYY` sums from its feature lists
        (`weights`: the model's (features × tags) weights), the character features looked up for the whole
        text at once."""
        codes = self._codes(text)
        n = len(codes)
        scores = np.tile(weights[0], (n, 1))  # feature 0, which every node has
        ids = self._dense[codes].astype(np.int64)
        ids[ids < 0] = self._n_nodes - 1
        single, pairs, m, kind = self._single, self._pairs, self._n_nodes, _CHAR_KINDS
        found = [  # (first node having it, feature index or -1 per node from there)
            (0, single[kind["c"]][ids]), (1, single[kind["c-1"]][ids[:-1]]), (0, single[kind["c1"]][ids[1:]]),
            (2, single[kind["c-2"]][ids[:-2]]), (0, single[kind["c2"]][ids[2:]]),
        ]
        for first, name, keys in ((1, "c-1c", ids[:-1] * m + ids[1:]), (0, "cc1", ids[:-1] * m + ids[1:]),
                                  (2, "c-2c-1", ids[:-2] * m + ids[1:-1])):
            known, feature = pairs[kind[name]]
            if len(known):
                at = positions(known, keys)
                found.append((first, np.where(at >= 0, feature[at], -1)))
        for first, feature in found:
            hit = np.flatnonzero(feature >= 0)
            scores[hit + first] += weights[feature[hit]]
        found = self._word_features(text)
        if found:
            nodes, idx = np.array(found, dtype=np.int64).T
            np.add.at(scores, nodes, weights[idx])
        return scores


def model_weights(model) -> tuple[np.ndarray, np.ndarray]:
    """A spacy-pkuseg model's (features × tags) node weights and the (previous tag × tag) edge scores its
    `getLogYY` makes (one plus the transition weight)."""
    n_tag, size = model.n_tag, model.n_feature * model.n_tag
    weights = np.asarray(model.w[:size], dtype=np.float64).reshape(model.n_feature, n_tag)
    edges = 1.0 + np.asarray(model.w[size:size + n_tag * n_tag], dtype=np.float64).reshape(n_tag, n_tag).T.copy()
    return weights, edges


def accelerate(seg) -> None:
    """Give a loaded `spacy_pkuseg.pkuseg` the once-per-text feature extraction (same words, same tags)."""
    from spacy_pkuseg.config import config

    if not config.wordFeature or not config.numLetterNorm:
        return  # a configuration this reimplementation does not cover: keep spacy-pkuseg's own
    extractor = seg.feature_extractor
    features = FastFeatures(extractor, config.wordMin, config.wordMax, getattr(extractor, "compact_index", None))
    begins = {idx for idx, tag in seg.idx_to_tag.items() if "B" in tag}
    weights, edges = model_weights(seg.model)

    def _cut(text: str) -> list[str]:
        if not text:
            return []
        _, tags = inference.run_viterbi(features.scores(text, weights), edges)
        tags = tags.tolist()
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


COMPACT_FILE = "features.index.npz"  # beside spacy-pkuseg's features.msgpack


@dataclass
class CompactFeatures:
    """What prediction needs of a feature file: the compact index, the dictionary words and the tags."""

    index: CompactIndex
    unigram: set[str]
    tag_to_idx: dict[str, int]


def _fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()  # 10 ms for the 12 MB feature file


def _text_array(items: list[str]) -> np.ndarray:
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def _text_items(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split("\n") if array.size else []


def write_compact_index(model_dir: str | Path) -> Path:
    """Write `features.index.npz` beside the model folder's `features.msgpack` (atomically): the compact index,
    the dictionary words, the tags and the feature file's fingerprint, which `load_compact_index` checks."""
    source = Path(model_dir) / "features.msgpack"
    data = _read_features(source, lambda key: key != _PAIRS)
    index = compact_index(data["feature_to_idx"])
    names = list(index.names)
    if any("\n" in name for name in [*names, *data["unigram"]]):
        raise ValueError(f"{source}: a feature or word with a line break cannot be stored compactly")
    target = Path(model_dir) / COMPACT_FILE
    tmp = target.with_name(target.name + ".tmp")
    with open(tmp, "wb") as fh:
        np.savez(fh, int_keys=index.keys, int_idx=index.idx.astype(np.int32),
                 str_names=_text_array(names), str_idx=np.array([index.names[k] for k in names], dtype=np.int32),
                 unigram=_text_array(sorted(data["unigram"])),
                 tag_to_idx=_text_array([json.dumps(data["tag_to_idx"])]), source=_text_array([_fingerprint(source)]))
    os.replace(tmp, target)
    return target


def load_compact_index(model_dir: str | Path) -> CompactFeatures | None:
    """The model folder's compact index, or None where it has none or one made from another feature file."""
    path, source = Path(model_dir) / COMPACT_FILE, Path(model_dir) / "features.msgpack"
    if not path.exists() or not source.exists():
        return None
    with np.load(path) as data:
        if _text_items(data["source"]) != [_fingerprint(source)]:
            return None
        names = dict(zip(_text_items(data["str_names"]), data["str_idx"].tolist(), strict=True))
        index = CompactIndex.from_arrays(data["int_keys"], data["int_idx"], names)
        return CompactFeatures(index, set(_text_items(data["unigram"])),
                               json.loads(_text_items(data["tag_to_idx"])[0]))


class _FeatureFileExtractor(FeatureExtractor):
    """spacy-pkuseg's `FeatureExtractor` whose feature index is read from the feature file on first use: prediction
    uses the compact index; spacy-pkuseg's own extraction and saving (spaCy's `to_disk`) find it here."""

    def __init__(self, path: Path, compact: CompactFeatures) -> None:
        # not FeatureExtractor.__init__, which builds a dictionary from training data
        self._path = path
        self._feature_to_idx: dict[str, int] | None = None
        self.compact_index = compact.index
        self.unigram, self.tag_to_idx = compact.unigram, compact.tag_to_idx

    @property
    def feature_to_idx(self) -> dict[str, int]:
        if self._feature_to_idx is None:
            self._feature_to_idx = _read_features(self._path, lambda key: key == "feature_to_idx")["feature_to_idx"]
        return self._feature_to_idx

    @feature_to_idx.setter
    def feature_to_idx(self, value: dict[str, int]) -> None:
        self._feature_to_idx = value


def load_without_dictionary(model_dir: str | Path):
    """`spacy_pkuseg.pkuseg(model_dir, user_dict=None)`, with the word pairs read only when needed and, where the
    folder has one, the compact index instead of the feature file (cold start: 0.25 s to 0.1 s for the features).
    Same segmenter otherwise, attribute by attribute."""
    from spacy_pkuseg import Postprocesser, Preprocesser, pkuseg
    from spacy_pkuseg.model import Model

    path = Path(model_dir) / "features.msgpack"
    compact = load_compact_index(model_dir)
    if compact is not None:
        extractor = _FeatureFileExtractor(path, compact)
        n_feature = len(compact.index)
    else:
        data = _read_features(path, lambda key: key != _PAIRS)
        extractor = FeatureExtractor.__new__(FeatureExtractor)
        extractor.unigram = set(data["unigram"])
        extractor.feature_to_idx = data["feature_to_idx"]
        extractor.tag_to_idx = data["tag_to_idx"]
        n_feature = len(extractor.feature_to_idx)
    extractor.bigram = _WordPairs(path)

    seg = pkuseg.__new__(pkuseg)
    seg.postag = False
    seg.preprocesser = Preprocesser(None)
    seg.postprocesser = Postprocesser(None, None)
    seg.feature_extractor = extractor
    seg.model = Model.load(str(model_dir))
    seg.idx_to_tag = {idx: tag for tag, idx in extractor.tag_to_idx.items()}
    seg.n_feature = n_feature
    seg.n_tag = len(extractor.tag_to_idx)
    return seg
