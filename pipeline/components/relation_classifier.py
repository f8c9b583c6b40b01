"""Trained relation linker: the `RelationModel` (a logistic regression fitted with scikit-learn, applied as a dot
product over its stored weights) as a spaCy component."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.components.extensions import relations_of
from pipeline.relations.model import RelationModel
from pipeline.textnorm import original_text


@Language.factory("govreport_relation_classifier", default_config={"model_path": None})
def create_relation_classifier(nlp: Language, name: str, model_path: str | None) -> RelationClassifier:
    return RelationClassifier(model_path)


class RelationClassifier:
    """Links the entities already in `doc.ents`; writes `doc._.relations`."""

    def __init__(self, model_path: str | None) -> None:
        self.model: RelationModel | None = RelationModel.load(Path(model_path)) if model_path else None

    def __call__(self, doc: Doc) -> Doc:
        rels = relations_of(doc)
        if self.model is None:
            return doc
        by_offset = {(e.start_char, e.end_char, e.label_): e for e in doc.ents}
        for cand, prob in self.model.predict(original_text(doc), list(by_offset)):
            rels.append({"head": by_offset[cand.head], "tail": by_offset[cand.tail], "type": cand.rel_type,
                         "score": prob})
        return doc

    # The model is a pickled file inside the pipeline folder, so `nlp.to_disk` carries it.
    def to_disk(self, path: Path, exclude=()) -> None:
        if self.model is not None:
            self.model.save(Path(path) / "relations.pkl")

    def from_disk(self, path: Path, exclude=()) -> RelationClassifier:
        file = Path(path) / "relations.pkl"
        if file.exists():
            self.model = RelationModel.load(file)
        return self
