"""The HanLP backend: a HanLP 2.x tagger as the entity recogniser of the report pipeline.

`govreport_hanlp_ner` runs the tagger over the doc's sentence chunks and adds its spans to `doc.ents`,
keeping the spans already there (the figure grammar runs first and wins where they overlap).
`load_hanlp_pipeline(model_path)` builds the chain: report tokenizer → sentencizer → figure grammar →
HanLP NER → relation classifier (the `relations.pkl` trained with the tagger) or rule relation linker →
figure normaliser.

The model is a folder written by ``python -m pipeline.training.hanlp_ner`` (trained here, nothing
downloaded) or, for a user with network access, any HanLP NER id (MSRA_NER_ELECTRA_SMALL_ZH …) whose
tags `pipeline.backends.tagmap` maps to ours.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components  # noqa: F401  (registers the project's factories)
from pipeline.backends import HANLP_MODEL
from pipeline.backends.chunking import MAX_LEN, chunk_bounds, chunk_tokens
from pipeline.backends.numpy_tagger import MEMBERS, WEIGHTS, NumpyTagger, member_folders
from pipeline.backends.tagmap import map_label
from pipeline.components.alignment import entity_offsets, set_entities, unmarked
from pipeline.paths import SEGMENTER_MODEL, TRAINED_PIPELINE
from pipeline.schema import SPAN_LABELS
from pipeline.textnorm import normalised_text

MODEL_FILES = ("config.json", "vocabs.json", "model.pt", "model.npz", "training.json")
# The rule linker finds its own indicators and achievements and links only those: HanLP's IND/ACH would
# take their places and leave the figures unlinked (dev relation F1 0.43 → 0.03). So with the rules,
# HanLP keeps names and figures only; with the classifier, which links whatever spans are there, all
# seven labels (dev scores in docs/hanlp.md).
RULE_LINKER_LABELS = ("ORG", "ENT", "PROJ", "LOC", "FIG")


def load_tagger(model_path: str | Path, ensemble: bool = True):
    """The tagger of a folder: with NumPy alone where the folder has `model.npz` (what this project's training
    writes; with the taggers under its `members/` unless `ensemble` is false), else HanLP's component; or a
    HanLP pretrained id or URL (those need the network). On CPU, without progress output."""
    name = str(model_path)
    if (Path(name) / WEIGHTS).is_file():
        return NumpyTagger(name, members=ensemble)
    import hanlp

    if not Path(name).is_dir() and name not in hanlp.pretrained.ALL and "://" not in name:
        # hanlp.load would take an unknown name for a remote resource and try to download it
        raise FileNotFoundError(f"{name}: not a HanLP model folder, pretrained id or URL")
    return hanlp.load(name, verbose=False, devices=-1)


def _copy_model_files(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in MODEL_FILES:
        if (source / name).exists():
            shutil.copy2(source / name, target / name)


class HanLPEntityRecognizer:
    """Adds the spans of a HanLP tagger to `doc.ents`; existing spans win where they overlap."""

    def __init__(self, model_path: str | None, labels: Iterable[str] | None = None, batch_size: int | None = None,
                 max_len: int = MAX_LEN, ensemble: bool = True) -> None:
        self.model_path = model_path
        self.ensemble = ensemble
        self.labels = frozenset(labels) if labels else frozenset(SPAN_LABELS)
        self.batch_size = batch_size
        self.max_len = max_len
        self._tagger = None

    @property
    def tagger(self):
        """The HanLP model, loaded on first use (so `from_disk` can point it at a copy first)."""
        if self._tagger is None:
            if not self.model_path:
                raise ValueError("govreport_hanlp_ner needs a model_path (a folder or a HanLP model id)")
            self._tagger = load_tagger(self.model_path, self.ensemble)
        return self._tagger

    def find(self, text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
        """(start, end, label) spans the tagger finds in the chunks `bounds` of `text`, in our labels."""
        chunks = [chunk_tokens(text, s, e) for s, e in bounds]
        chunks = [c for c in chunks if c[0]]
        if not chunks:
            return []
        # no batch size given: the tagger's own (NumpyTagger's depends on how its BiLSTM runs)
        sizes = {} if self.batch_size is None else {"batch_size": self.batch_size}
        predicted = self.tagger.predict([tokens for tokens, _ in chunks], **sizes)
        spans = []
        for (_, offsets), found in zip(chunks, predicted, strict=True):
            for _, tag, b, e in found:
                start, end = offsets[b], offsets[e - 1] + 1
                label = map_label(tag, text[start:end])
                if label in self.labels:
                    spans.append((start, end, label))
        return spans

    def __call__(self, doc: Doc) -> Doc:
        text = normalised_text(doc)
        # The same sentence ends as the spaCy sentencizer, but split by character as in training: the
        # sentencizer leaves a sentence-initial opening quote with the previous sentence and so would cut
        # “三北”工程 in two (1 dev span, 9 train spans).
        bounds = chunk_bounds(text, max_len=self.max_len)
        existing = entity_offsets(doc)
        set_entities(doc, [*existing, *unmarked(self.find(text, bounds), existing)])
        return doc

    # The HanLP folder is copied into the spaCy pipeline folder, so `nlp.to_disk` carries the model.
    def to_disk(self, path: Path, exclude: Iterable[str] = ()) -> None:
        source = Path(self.model_path or "")
        if not source.is_dir():
            return  # a HanLP id: the saved config names it and HanLP fetches it again
        _copy_model_files(source, Path(path))
        for member in member_folders(source) if self.ensemble else []:  # an ensemble's other taggers travel with it
            _copy_model_files(member, Path(path) / MEMBERS / member.name)

    def from_disk(self, path: Path, exclude: Iterable[str] = ()) -> HanLPEntityRecognizer:
        if (Path(path) / "config.json").exists():
            self.model_path, self._tagger = str(path), None
        return self


@Language.factory("govreport_hanlp_ner", default_config={"model_path": None, "labels": None, "batch_size": None,
                                                         "max_len": MAX_LEN, "ensemble": True})
def create_hanlp_ner(nlp: Language, name: str, model_path: str | None, labels: list[str] | None, batch_size: int | None,
                     max_len: int, ensemble: bool) -> HanLPEntityRecognizer:
    return HanLPEntityRecognizer(model_path, labels, batch_size, max_len, ensemble)


def relation_model_for(model_path: str | Path) -> Path | None:
    """The relation classifier to pair with a HanLP model: the one trained with it, else the one of the
    spaCy pipeline (models/govreport-zh), else none."""
    for candidate in (Path(model_path) / "relations.pkl", TRAINED_PIPELINE / "relations.pkl"):
        if candidate.is_file():
            return candidate
    return None


def load_hanlp_pipeline(model_path: str | Path = HANLP_MODEL, relations: str | Path = "auto",
                        labels: Iterable[str] | None = None,
                        segmenter_model: Path | None = SEGMENTER_MODEL, ensemble: bool = True) -> Language:
    """The report pipeline with HanLP as its entity recogniser.

    `relations`: ``"auto"`` (the relation classifier of `relation_model_for`, else the rules),
    ``"rules"`` (the rule linker, which also finds IND/ACH) or a path to a ``relations.pkl``.
    `labels`: the labels kept from HanLP; by default all seven with the classifier (which links spans
    but finds none), the names and figures with the rule linker. `ensemble`: false runs the folder's own tagger
    without the members under `members/` (faster, less accurate: `models/hanlp-ner/MODEL_CARD.md`)."""
    from pipeline.base import blank

    classifier = None
    if str(relations) == "auto":
        classifier = relation_model_for(model_path)
    elif str(relations) != "rules":
        classifier = Path(relations)
        if not classifier.exists():
            raise FileNotFoundError(f"{classifier}: no relation model")
    if labels is None:
        labels = SPAN_LABELS if classifier else RULE_LINKER_LABELS
    nlp = blank(segmenter_model)
    nlp.add_pipe("govreport_figures")
    ner = nlp.add_pipe("govreport_hanlp_ner", config={"model_path": str(model_path), "labels": list(labels),
                                                      "ensemble": ensemble})
    ner.tagger  # noqa: B018  (load now: a bad path fails here, and load time is paid once, up front)
    if "ENT" in labels:
        nlp.add_pipe("govreport_enterprise_lists")
    if "ORG" in labels:
        nlp.add_pipe("govreport_government_bodies")
        nlp.add_pipe("govreport_institutions")
    if "ACH" in labels:
        nlp.add_pipe("govreport_honours")
    if "PROJ" in labels:
        nlp.add_pipe("govreport_transport_hubs")
        nlp.add_pipe("govreport_events")
        nlp.add_pipe("govreport_project_lists")
    if "LOC" in labels:
        nlp.add_pipe("govreport_scenic_spots")
        nlp.add_pipe("govreport_destinations")
        nlp.add_pipe("govreport_regions")
    nlp.add_pipe("govreport_span_constraints")
    if classifier:
        nlp.add_pipe("govreport_relation_classifier", config={"model_path": str(classifier)})
        nlp.add_pipe("govreport_attached_indicators")
    else:
        nlp.add_pipe("govreport_relation_rules")
    nlp.add_pipe("govreport_figure_normaliser")
    return nlp
