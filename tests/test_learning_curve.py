"""The learning curve's document order and its settings (the training itself is `hanlp_ner`'s, tested there)."""

import json

from pipeline.corpus.splits import split_ids
from pipeline.training import learning_curve


def test_every_prefix_of_the_order_holds_the_strata_in_proportion():
    train = split_ids()["train"]
    order = learning_curve.stratified_order(train, seed=1)
    assert sorted(order) == sorted(train)
    assert order == learning_curve.stratified_order(train, seed=1)  # seeded
    share = sum(learning_curve.stratum(i) == "province" for i in train) / len(train)
    first = order[:20]
    assert abs(sum(learning_curve.stratum(i) == "province" for i in first) / 20 - share) <= 0.1


def test_the_curve_trains_each_size_with_the_settings_asked_for(tmp_path, monkeypatch):
    seen = []

    def fake_train(records, dev, folder, settings, threads, relations):
        seen.append((len(records), settings.lexicon, settings.epochs))
        return {"train": {"chars": sum(len(r["text"]) for r in records)}, "seconds": 0,
                "dev_span_scores": {"micro": {"f": 0.5}}}

    monkeypatch.setattr(learning_curve, "train", fake_train)
    out = tmp_path / "curve.json"
    assert learning_curve.main(["--sizes", "5", "10", "--epochs", "2", "--lexicon", "--out", str(out)]) == 0
    assert seen == [(5, True, 2), (10, True, 2)]
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [row["docs"] for row in rows] == [5, 10]
    assert "| 10 |" in out.with_suffix(".md").read_text(encoding="utf-8")
