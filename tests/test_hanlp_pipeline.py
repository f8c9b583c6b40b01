"""The HanLP backend end to end, offline: train a tiny HanLP NER from scratch, load it back with
`hanlp.load`, run the HanLP pipeline on the seed report and check every offset."""

import json
from pathlib import Path

import pytest

hanlp = pytest.importorskip("hanlp")

import spacy  # noqa: E402

import pipeline  # noqa: E402
from pipeline.backends.chunking import chunk_bounds  # noqa: E402
from pipeline.backends.hanlp_backend import HanLPEntityRecognizer, load_hanlp_pipeline  # noqa: E402
from pipeline.backends.hanlp_models import LexiconEmbedding, RNNNamedEntityRecognizerBatchFirstCRF  # noqa: E402
from pipeline.figures import find_figures  # noqa: E402
from pipeline.loading import blank, load_trained  # noqa: E402
from pipeline.textnorm import normalise  # noqa: E402
from pipeline.training import hanlp_ner  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "district-zhuzhou-shifeng-2023"
SEED_TEXT = (ROOT / "corpus" / "raw" / f"{SEED_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    """A HanLP NER trained by the real command, with the shipped soft-lexicon features, on two train documents
    for two epochs (~30 s)."""
    out = tmp_path_factory.mktemp("hanlp") / "ner"
    assert hanlp_ner.main(["--out", str(out), "--epochs", "2", "--limit-docs", "2", "--dev-docs", "1",
                           "--hidden", "64", "--threads", "1", "--lexicon"]) == 0
    return out


@pytest.fixture(scope="module")
def nlp(tiny_model):
    return load_hanlp_pipeline(tiny_model)


def test_training_writes_a_small_hanlp_folder(tiny_model):
    names = {p.name for p in tiny_model.iterdir()}
    assert {"config.json", "vocabs.json", "model.pt", "model.npz", "training.json", "relations.pkl"} <= names
    assert sum(p.stat().st_size for p in tiny_model.iterdir()) < 20_000_000
    config = json.loads((tiny_model / "config.json").read_text(encoding="utf-8"))
    assert config["classpath"] == "pipeline.backends.hanlp_models.RNNNamedEntityRecognizerBatchFirstCRF"
    meta = json.loads((tiny_model / "training.json").read_text(encoding="utf-8"))
    assert meta["train"]["docs"] == 2 and meta["settings"]["epochs"] == 2
    assert set(meta["relation_thresholds"]) == {"HAS_VALUE", "ACHIEVED", "HAS_INDICATOR"}
    assert not (tiny_model.parent / f".{tiny_model.name}").exists()
    assert '"lexicon": "place ' in (tiny_model / "train.log").read_text(encoding="utf-8")  # sizes, not word lists


def test_hanlp_load_reads_the_folder_back(tiny_model):
    tagger = hanlp.load(str(tiny_model), verbose=False, devices=-1)
    assert isinstance(tagger, RNNNamedEntityRecognizerBatchFirstCRF)
    assert tagger.model.crf.batch_first is True  # the HanLP 2.1.5 CRF bug is fixed in the saved class
    assert isinstance(tagger.model.embed, LexiconEmbedding)  # the lexicons travel in config.json
    assert tagger.lexicon_matcher.names[:3] == ("place", "township", "province_short")
    tokens = list("全年地区生产总值增长5%左右。")
    (found,) = tagger.predict([tokens])
    for text, label, b, e in found:
        assert 0 <= b < e <= len(tokens) and "".join(tokens[b:e]) == text
        assert label in {"ORG", "ENT", "PROJ", "LOC", "IND", "FIG", "ACH"}


def test_numpy_tagger_tags_as_hanlp_does(tiny_model, tmp_path):
    """The NumPy reimplementation gives HanLP's tags on every chunk of the seed report (and of made-up edge
    cases: an unknown character, a one-character chunk)."""
    from pipeline.backends.chunking import chunk_tokens
    from pipeline.backends.hanlp_backend import load_tagger
    from pipeline.backends.numpy_tagger import NumpyTagger

    text = normalise(SEED_TEXT)
    chunks = [chunk_tokens(text, s, e)[0] for s, e in chunk_bounds(text)]
    chunks = [c for c in chunks if c] + [list("𠮷"), list("区"), list("全年㐀㐁生产总值增长5%左右")]
    with_hanlp = hanlp.load(str(tiny_model), verbose=False, devices=-1)
    by_numpy = load_tagger(tiny_model)
    assert isinstance(by_numpy, NumpyTagger)  # model.npz there: no HanLP, no torch
    assert by_numpy.predict(chunks, batch_size=16) == [[tuple(s) for s in spans]
                                                       for spans in with_hanlp.predict(chunks, batch_size=16)]
    # Without model.npz the folder is read by HanLP, as a HanLP model id would be.
    copy = tmp_path / "no-npz"
    copy.mkdir()
    for f in tiny_model.iterdir():
        if f.name != "model.npz":
            (copy / f.name).write_bytes(f.read_bytes())
    assert isinstance(load_tagger(copy), RNNNamedEntityRecognizerBatchFirstCRF)


def test_the_default_start_imports_no_torch():
    import subprocess
    import sys

    code = ("import sys, pipeline; nlp = pipeline.load(); nlp('全年地区生产总值增长5%左右。'); "
            "import thinc.compat; print('torch' in sys.modules, thinc.compat.has_torch)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False"]


def test_spacys_command_line_is_imported_when_first_used():
    import subprocess
    import sys

    code = ("import sys, pipeline; nlp = pipeline.load(); nlp('全年地区生产总值增长5%左右。'); "
            "print('spacy.cli.train' in sys.modules); import spacy.cli; "
            "print(callable(spacy.cli.download), callable(spacy.cli.setup_cli), 'spacy.cli.train' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "True", "True", "True"]  # the commands, once asked for, are spaCy's


def test_spacys_info_module_runs_when_first_used():
    import subprocess
    import sys

    # spacy.cli.info imports weasel (and with it httpx and requests), spacy_pkuseg.download requests: not at
    # start-up; each runs once something of it is used
    code = ("import sys, pipeline, spacy; nlp = pipeline.load(); nlp('全年地区生产总值增长5%左右。'); "
            "print(*(m in sys.modules for m in ('weasel', 'httpx', 'requests'))); "
            "info = spacy.info(); print(info['spacy_version'] == spacy.__version__, 'weasel' in sys.modules); "
            "import spacy.cli; print('info' in [c.name for c in spacy.cli.app.registered_commands]); "
            "import spacy_pkuseg.download as d; print(callable(d.download_model), d.HASH_REGEX.pattern)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["False", "False", "False", "True", "True", "True", "True", r"-([a-f0-9]*)\."]


def test_pipeline_chain(nlp, tiny_model):
    assert nlp.pipe_names == ["sentencizer", "govreport_figures", "govreport_hanlp_ner", "govreport_enterprise_lists",
                              "govreport_government_bodies", "govreport_institutions", "govreport_honours",
                              "govreport_transport_hubs",
                              "govreport_events", "govreport_project_lists", "govreport_scenic_spots",
                              "govreport_destinations",
                              "govreport_regions",
                              "govreport_span_constraints",
                              "govreport_relation_classifier", "govreport_attached_indicators",
                              "govreport_figure_normaliser"]
    assert nlp.get_pipe("govreport_hanlp_ner").labels == {"ORG", "ENT", "PROJ", "LOC", "IND", "FIG", "ACH"}
    rules = load_hanlp_pipeline(tiny_model, relations="rules")
    assert rules.pipe_names[-2] == "govreport_relation_rules"
    assert rules.get_pipe("govreport_hanlp_ner").labels == {"ORG", "ENT", "PROJ", "LOC", "FIG"}


@pytest.mark.parametrize("relations", ["auto", "rules"])
def test_seed_report_offsets_are_exact_and_figures_are_there(nlp, tiny_model, relations):
    nlp = nlp if relations == "auto" else load_hanlp_pipeline(tiny_model, relations=relations)
    doc = nlp(SEED_TEXT)
    record = pipeline.doc_to_record(doc, SEED_ID)
    assert record["text"] == SEED_TEXT
    ents = record["entities"]
    for ent in ents:
        assert SEED_TEXT[ent["start_offset"]:ent["end_offset"]] == ent["text"], ent
    spans = sorted((e["start_offset"], e["end_offset"]) for e in ents)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))  # flat, as the schema says
    # the figure grammar runs first and wins: every figure it finds is a FIG of the output
    grammar = {(m.start, m.end) for m in find_figures(normalise(SEED_TEXT))}
    figs = {(e["start_offset"], e["end_offset"]): e for e in ents if e["label"] == "FIG"}
    assert grammar <= set(figs)
    assert len(figs) >= 30
    big = next(e for e in figs.values() if e["text"] == "28.26亿元")
    assert big["value"] == pytest.approx(2_826_000_000) and big["unit"] == "元"
    ids = {e["id"] for e in ents}
    assert all(r["from_id"] in ids and r["to_id"] in ids for r in record["relations"])
    if relations == "rules":  # the rule linker finds an indicator for most figures, whatever the tagger did
        pairs = {(SEED_TEXT[ents[r["from_id"] - 1]["start_offset"]:ents[r["from_id"] - 1]["end_offset"]],
                  ents[r["to_id"] - 1]["text"]) for r in record["relations"] if r["type"] == "HAS_VALUE"}
        assert ("规模工业增加值", "7.5%左右") in pairs


def test_hanlp_spans_are_added_at_exact_offsets(tiny_model):
    """The component alone (no figures before it): what the tagger finds is what lands in doc.ents."""
    ner = HanLPEntityRecognizer(str(tiny_model))
    nlp = blank()
    doc = ner(nlp(SEED_TEXT))
    text = normalise(SEED_TEXT)
    expected = sorted(ner.find(text, chunk_bounds(text)))
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == expected
    for start, end, _ in expected:
        assert not SEED_TEXT[start].isspace() and not SEED_TEXT[end - 1].isspace()


def test_existing_spans_win_over_hanlp(tiny_model):
    nlp = blank()
    doc = nlp("全年地区生产总值增长5%左右。")
    doc.ents = [doc.char_span(0, 8, label="ACH", alignment_mode="expand")]
    ner = HanLPEntityRecognizer(str(tiny_model))
    doc = ner(doc)
    assert (doc.ents[0].start_char, doc.ents[0].label_) == (0, "ACH")
    assert all(e.start_char >= doc.ents[0].end_char for e in doc.ents[1:])


def test_labels_config_filters_hanlp_output(tiny_model):
    nlp = load_hanlp_pipeline(tiny_model, relations="rules", labels=["LOC"])
    doc = nlp(SEED_TEXT)
    hanlp_labels = {e.label_ for e in doc.ents} - {"FIG", "IND", "ACH"}  # the others come from the rules
    assert hanlp_labels <= {"LOC"}


def test_to_disk_carries_the_hanlp_model(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipe", exclude=["tokenizer"])
    assert (tmp_path / "pipe" / "govreport_hanlp_ner" / "model.npz").exists()
    loaded = load_trained(tmp_path / "pipe")
    ner = loaded.get_pipe("govreport_hanlp_ner")
    assert Path(ner.model_path) == tmp_path / "pipe" / "govreport_hanlp_ner"
    assert [(e.start_char, e.end_char, e.label_) for e in loaded(SEED_TEXT).ents] == \
        [(e.start_char, e.end_char, e.label_) for e in nlp(SEED_TEXT).ents]


def test_missing_model_fails_at_load_without_network(tmp_path):
    with pytest.raises(FileNotFoundError, match="nothing-here"):
        load_hanlp_pipeline(tmp_path / "nothing-here")


def test_spacy_sees_the_factory():
    assert spacy.language.Language.has_factory("govreport_hanlp_ner")


def test_suggest_ranks_reports_by_uncertainty(tiny_model, tmp_path, capsys):
    from pipeline.backends.numpy_tagger import NumpyTagger
    from pipeline.cli import main
    from pipeline.suggest import chunk_scores, diverse, label_weights, report_score

    tagger = NumpyTagger(tiny_model)
    weights = label_weights(tiny_model)
    assert set(weights) <= {"ORG", "ENT", "PROJ", "LOC", "IND", "FIG", "ACH"}
    chunks = chunk_scores(tagger, SEED_TEXT, weights)
    assert [(c.start, c.end) for c in chunks] == [
        (s, e) for s, e in chunk_bounds(normalise(SEED_TEXT)) if SEED_TEXT[s:e].strip()]
    assert all(0 < c.score <= 2 for c in chunks)
    assert min(c.score for c in chunks) <= report_score(chunks) <= max(c.score for c in chunks)
    assert diverse(["province-a-2020", "province-a-2021", "province-b-2020"], key=str) == [
        "province-a-2020", "province-b-2020", "province-a-2021"]
    for name in ("province-henan-2026", "national-state-council-1954"):
        (tmp_path / f"{name}.txt").write_text((ROOT / "corpus" / "raw" / f"{name}.txt").read_text(encoding="utf-8"),
                                              encoding="utf-8")
    assert main(["suggest", str(tmp_path), "-n", "2", "--model", str(tiny_model), "--gold", ""]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "rank\tdoc\tscore\tchars" and [line.split("\t")[0] for line in lines[1:]] == ["1", "2"]
    assert {line.split("\t")[1] for line in lines[1:]} == {"province-henan-2026", "national-state-council-1954"}


def test_retraining_keeps_the_model_card_and_members_train_into_the_folder(tmp_path):
    """`make train`'s order: the folder is rebuilt (its hand-written card kept, old members gone), then each
    member is trained into members/<name>, and the folder's tagger is their ensemble."""
    from pipeline.backends.numpy_tagger import NumpyTagger

    out = tmp_path / "ner"
    (out / "members" / "old").mkdir(parents=True)
    (out / "MODEL_CARD.md").write_text("# card\n", encoding="utf-8")
    args = ["--epochs", "1", "--limit-docs", "1", "--dev-docs", "1", "--hidden", "32", "--threads", "1", "--lexicon"]
    assert hanlp_ner.main(["--out", str(out), *args]) == 0
    assert (out / "MODEL_CARD.md").read_text(encoding="utf-8") == "# card\n"
    assert not (out / "members").exists()
    assert hanlp_ner.main(["--out", str(out / "members" / "s2"), *args, "--seed", "2", "--no-relations"]) == 0
    assert not (out / "members" / "s2" / "relations.pkl").exists()
    tagger = NumpyTagger(out)
    assert len(tagger.members) == 1 and tagger.members[0][0].matcher is tagger.matcher
    assert len(tagger.predict([list("全年地区生产总值增长5%左右")])) == 1


def test_bigram_features_train_save_and_run_without_torch(tmp_path):
    """A tagger with bigram features: the frozen bigram vectors are saved with the weights (HanLP keeps only
    trainable ones by default), `hanlp.load` reads them back, and the NumPy tagger embeds every character as
    HanLP does. The vectors here are made up (a test fixture), over bigrams of the seed report."""
    import numpy as np
    import torch

    from pipeline.backends.bigrams import bigram_ids, bigram_index
    from pipeline.backends.hanlp_models import BIGRAM_FIELD, LEXICON_FIELD
    from pipeline.backends.numpy_tagger import NumpyTagger

    chars = [c for c in normalise(SEED_TEXT) if not c.isspace()]
    bigrams = list(dict.fromkeys(a + b for a, b in zip(chars[:-1], chars[1:], strict=True)))[:300]
    rng = np.random.default_rng(1)
    vectors = tmp_path / "bigrams.txt"
    vectors.write_text(f"{len(bigrams)} 4\n" + "".join(
        f"{b} {' '.join(f'{x:.3f}' for x in rng.uniform(-1, 1, 4))}\n" for b in bigrams), encoding="utf-8")
    out = tmp_path / "ner"
    assert hanlp_ner.main(["--out", str(out), "--epochs", "1", "--limit-docs", "1", "--dev-docs", "1", "--hidden",
                           "32", "--threads", "1", "--lexicon", "--bigram-vectors", str(vectors),
                           "--no-relations"]) == 0
    assert json.loads((out / "config.json").read_text(encoding="utf-8"))["bigrams"] == bigrams
    with_hanlp = hanlp.load(str(out), verbose=False, devices=-1)
    table = with_hanlp.model.embed.bigram.weight
    assert torch.allclose(table[1], torch.tensor([float(x) for x in vectors.read_text().split("\n")[1].split()[1:]]))
    chunk = list(SEED_TEXT.split("\n")[5][:120])
    ids = bigram_ids(chunk, bigram_index(bigrams))
    assert (ids[1:, 0] == ids[:-1, 1]).all() and ids[0, 0] == 0 and ids[-1, 1] == 0 and (ids > 0).any()
    token = with_hanlp.vocabs["token"]
    batch = {"token_id": torch.tensor([[token.get_idx(c) for c in chunk]]),
             LEXICON_FIELD: torch.from_numpy(with_hanlp.lexicon_matcher.feature_array("".join(chunk)))[None],
             BIGRAM_FIELD: torch.from_numpy(ids)[None]}
    with_hanlp.model.eval()
    with torch.no_grad():
        by_hanlp = with_hanlp.model.embed(batch).numpy()[0]
    by_numpy = NumpyTagger(out)
    assert np.abs(by_hanlp - by_numpy._embed("".join(chunk))).max() < 1e-5
    assert by_numpy.predict([chunk]) == [[tuple(s) for s in spans] for spans in with_hanlp.predict([chunk])]
    # an ensemble whose members have the same bigrams looks them up once; a tagger averaged with itself tags alike
    import shutil

    twin = tmp_path / "twin"
    shutil.copytree(out, twin)
    shutil.copytree(out, twin / "members" / "same")
    ensemble = NumpyTagger(twin)
    assert ensemble.members[0][0]._bigrams is ensemble._bigrams
    assert ensemble.predict([chunk]) == by_numpy.predict([chunk])
