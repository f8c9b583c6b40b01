"""Train a HanLP RNN entity recogniser from scratch on the gold corpus (the `hanlp` backend's model).

``python -m pipeline.training.hanlp_ner --out models/hanlp-ner [--epochs N] [--limit-docs K]``

1. convert the gold train/dev splits to HanLP's tagging samples: the normalised report text
   (`pipeline.textnorm`) in sentence chunks of at most 200 characters (`pipeline.backends.chunking`),
   one token per non-space character, one BIO (or IOBES) tag per token, all seven labels;
2. fit `hanlp.components.ner.rnn_ner.RNNNamedEntityRecognizer` (randomly initialised character
   embeddings → BiLSTM → CRF) on CPU, keeping the epoch with the best dev span F1;
3. save it where `hanlp.load(folder)` reads it back (config.json, vocabs.json, model.pt), its weights
   as `model.npz` for prediction with NumPy alone (`pipeline.backends.numpy_tagger`), plus `training.json`
   (data, settings, dev score, time);
4. train the project's relation classifier on the same train split (thresholds tuned on dev, as
   `pipeline.training.ner` does) and save it as `relations.pkl` beside the tagger: the rule linker only
   links the indicators it finds itself, so a tagger that finds IND/ACH needs the classifier to link them.

Nothing is downloaded: an integer `embed` makes HanLP build a random embedding table over the
training characters instead of fetching pretrained vectors.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

from pipeline.backends import HANLP_MODEL
from pipeline.backends.chunking import MAX_LEN, chunk_bounds, chunk_tokens
from pipeline.backends.numpy_tagger import export_weights
from pipeline.textnorm import normalise
from pipeline.training.augment import AUGMENTED_LABELS, name_pools, replace_mentions
from pipeline.training.model_folder import replace_model_folder


@dataclass
class Settings:
    """Hyper-parameters of the tagger; the defaults keep the full training under ~15 min on 2 cores."""

    epochs: int = 25
    embed: int = 100
    rnn_hidden: int = 128  # 200 learned no better on dev and costs 1.6x the time
    batch_size: int = 32
    lr: float = 0.003
    drop: float = 0.5
    patience: int = 6
    crf: bool = True
    scheme: str = "IOBES"  # 0.77 dev F1 by epoch 10-15 where BIO needs ~30 epochs
    init_vectors: str | None = None  # word2vec text file (pipeline.training.char_vectors) to start the embeddings
    lexicon: bool = False  # soft-lexicon features (pipeline.training.lexicons)
    max_len: int = MAX_LEN
    seed: int = 1
    augment: float = 0.0  # share of ENT/LOC/ORG mentions replaced in added copies of their chunks (training.augment)
    augment_labels: tuple[str, ...] = AUGMENTED_LABELS
    augment_copies: int = 1  # augmented copies of each training record
    bigram_vectors: str | None = None  # word2vec text file of bigram vectors (char_vectors --bigrams): bigram features


@dataclass
class ConversionStats:
    docs: int = 0
    chunks: int = 0
    chars: int = 0
    spans: int = 0
    spans_cut: list[str] = field(default_factory=list)  # spans a chunk boundary cuts: left untagged


def _span_tags(label: str, n: int, scheme: str) -> list[str]:
    if scheme == "IOBES":
        return [f"S-{label}"] if n == 1 else [f"B-{label}", *[f"I-{label}"] * (n - 2), f"E-{label}"]
    return [f"B-{label}", *[f"I-{label}"] * (n - 1)]


def record_samples(record: dict, stats: ConversionStats, scheme: str = "BIO",
                   max_len: int = MAX_LEN, only_at: list[int] | None = None) -> list[dict]:
    """HanLP samples ({'token': chars, 'tag': tags}) of one gold record, chunk by chunk (with `only_at`, only
    the chunks holding one of those offsets)."""
    text = normalise(record["text"])
    chunks = chunk_bounds(text, max_len=max_len)
    if only_at is not None:
        chunks = [(s, e) for s, e in chunks if any(s <= o < e for o in only_at)]
    chunk_of = [-1] * len(text)
    for k, (s, e) in enumerate(chunks):
        chunk_of[s:e] = [k] * (e - s)
    samples = [chunk_tokens(text, s, e) for s, e in chunks]
    tags = [["O"] * len(tokens) for tokens, _ in samples]
    position = {off: (k, i) for k, (_, offsets) in enumerate(samples) for i, off in enumerate(offsets)}
    stats.docs += 1
    for ent in record["entities"]:
        start, end, label = ent["start_offset"], ent["end_offset"], ent["label"]
        stats.spans += 1
        inside = [position[o] for o in range(start, end) if o in position]
        if not inside or len({k for k, _ in inside}) > 1 or chunk_of[start] != chunk_of[end - 1]:
            stats.spans_cut.append(f"{record['id']}:{start}-{end} {label}")
            continue
        k = inside[0][0]
        for (_, i), tag in zip(inside, _span_tags(label, len(inside), scheme), strict=True):
            tags[k][i] = tag
    stats.chunks += len(samples)
    stats.chars += sum(len(tokens) for tokens, _ in samples)
    return [{"token": tokens, "tag": t} for (tokens, _), t in zip(samples, tags, strict=True) if tokens]


def to_samples(records: Iterable[dict], scheme: str = "BIO", max_len: int = MAX_LEN) -> tuple[list[dict],
                                                                                                ConversionStats]:
    """Samples of many records, with counts (and the spans a chunk boundary would cut)."""
    stats = ConversionStats()
    samples = [s for rec in records for s in record_samples(rec, stats, scheme, max_len)]
    return samples, stats


def only_tags(samples: list[dict], known: set[str]) -> list[dict]:
    """Samples with tags outside `known` set to O. HanLP builds its tag vocabulary from the training set
    only, and a dev tag it has not seen makes evaluation crash (TypeError: 'NoneType' object cannot be
    interpreted as an integer), which happens when a small training set lacks a rare label (ENT, ACH)."""
    return [{**s, "tag": [t if t in known else "O" for t in s["tag"]]} for s in samples]


def gold_spans(sample: dict) -> set[tuple[int, int, str]]:
    """(start, end, label) token spans of a sample's BIO or IOBES tags."""
    spans, start, label = set(), None, None
    for i, tag in enumerate([*sample["tag"], "O"]):
        prefix, _, name = tag.partition("-")
        if start is not None and (prefix in ("O", "B", "S") or name != label):
            spans.add((start, i, label))
            start = None
        if prefix in ("B", "S") or (prefix in ("I", "E") and start is None):
            start, label = i, name
        if prefix in ("E", "S"):
            spans.add((start, i + 1, label))
            start = None
    return spans


def augmented_records(train_records: list[dict], rate: float, seed: int,
                      labels: tuple[str, ...] = AUGMENTED_LABELS,
                      copies: int = 1) -> list[tuple[dict, dict, list[int]]]:
    """(source record, copy with replaced names, offsets of the replaced names) per train record (none at rate 0)."""
    if rate <= 0:
        return []
    rng, pools = random.Random(seed), name_pools(train_records)
    made = [(record, replace_mentions(record, pools, rate, rng, labels)) for _ in range(copies)
            for record in train_records]
    return [(record, *copy) for record, copy in made if copy is not None]


def fold_training_records(records: list[dict], fold: str) -> list[dict]:
    """The records a cross-validation fit trains on: all but every N-th one from the K-th (`fold` "K/N"), so each
    fold holds out documents of every level and era (the split lists national reports by year, then provinces).
    The gold lexicons are mined from these records only, so no held-out name reaches the features."""
    try:
        k, n = (int(part) for part in fold.split("/"))
    except ValueError:
        raise ValueError(f"--fold {fold!r}: expected K/N, such as 0/3") from None
    if not 0 <= k < n or n < 2:
        raise ValueError(f"--fold {fold!r}: K must lie in 0..N-1 and N be at least 2")
    return [record for i, record in enumerate(records) if i % n != k]


def lexicon_samples(train_records: list[dict], dev_records: list[dict], scheme: str, max_len: int,
                    augment: float = 0.0, seed: int = 1, augment_labels: tuple[str, ...] = AUGMENTED_LABELS,
                    augment_copies: int = 1
                    ) -> tuple[list[dict], list[dict], dict[str, list[str]], ConversionStats, ConversionStats]:
    """Train and dev samples with their soft-lexicon states, and the lexicons the model keeps. A training
    document's states come from the lexicons without the gold names only it has (leave one out); its augmented
    chunks (`augment`) read the same lexicons."""
    import torch

    from pipeline.backends.hanlp_models import LEXICON_FIELD
    from pipeline.backends.lexicon import LexiconMatcher
    from pipeline.training.lexicons import gold_lexicons, static_lexicons

    static = static_lexicons()
    lexicons = {**static, **gold_lexicons(train_records)}

    def with_states(record: dict, matcher: LexiconMatcher, stats: ConversionStats,
                    only_at: list[int] | None = None) -> list[dict]:
        samples = record_samples(record, stats, scheme, max_len, only_at)
        for sample in samples:
            sample[LEXICON_FIELD] = torch.from_numpy(matcher.feature_array("".join(sample["token"])))
        return samples

    trn_stats, dev_stats = ConversionStats(), ConversionStats()
    trn = [s for r in train_records
           for s in with_states(r, LexiconMatcher({**static, **gold_lexicons(train_records, r)}), trn_stats)]
    for source, copy, replaced in augmented_records(train_records, augment, seed, augment_labels, augment_copies):
        matcher = LexiconMatcher({**static, **gold_lexicons(train_records, source)})
        trn += with_states(copy, matcher, ConversionStats(), replaced)
    full = LexiconMatcher(lexicons)
    dev = [s for r in dev_records for s in with_states(r, full, dev_stats)]
    return trn, dev, lexicons, trn_stats, dev_stats


def shorten_log(path: Path) -> None:
    """Replace the word lists HanLP logs with the config (tens of thousands of lexicon lines) by their sizes."""
    if not path.exists():
        return
    lines = path.read_text(encoding="utf-8").split("\n")
    try:
        start = lines.index('  "lexicon": {')
        end = lines.index("  },", start)
    except ValueError:
        return
    sizes, name = {}, None
    for line in lines[start + 1:end]:
        if line.startswith('    "') and line.endswith("["):
            name = line.strip().split('"')[1]
            sizes[name] = 0
        elif line.startswith("      ") and name:
            sizes[name] += 1
    summary = '  "lexicon": "' + ", ".join(f"{k} {v:,} words" for k, v in sizes.items()) + ' (lists in config.json)",'
    path.write_text("\n".join([*lines[:start], summary, *lines[end + 1:]]), encoding="utf-8")


def span_scores(tagger, samples: list[dict], batch_size: int = 64) -> dict[str, dict[str, float]]:
    """Exact-match span P/R/F1 per label (and micro) of a HanLP tagger on samples; a quick check that
    needs no spaCy pipeline (the model card's scores come from `python -m evaluation score`)."""
    predicted = tagger.predict([s["token"] for s in samples], batch_size=batch_size) if samples else []
    counts: dict[str, list[int]] = {}
    for sample, pred in zip(samples, predicted, strict=True):
        gold = gold_spans(sample)
        found = {(b, e, label) for _, label, b, e in pred}
        for key in {"micro", *(s[2] for s in gold | found)}:
            g = {s for s in gold if key in ("micro", s[2])}
            f = {s for s in found if key in ("micro", s[2])}
            c = counts.setdefault(key, [0, 0, 0])
            c[0], c[1], c[2] = c[0] + len(g & f), c[1] + len(f), c[2] + len(g)
    scores = {}
    for key, (tp, n_pred, n_gold) in sorted(counts.items()):
        p, r = tp / n_pred if n_pred else 0.0, tp / n_gold if n_gold else 0.0
        scores[key] = {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r) if p + r else 0.0, 4),
                       "gold": n_gold}
    return scores


def train(train_records: list[dict], dev_records: list[dict], out: Path, settings: Settings | None = None,
          threads: int | None = None, relations: bool = True, fit_on_dev: bool = False) -> dict:
    """Fit the HanLP tagger (and the relation classifier) and save them to `out`, replaced atomically;
    returns the training metadata.

    `fit_on_dev` (the release model, once the settings are chosen on dev): the tagger and the relation
    classifier are fitted on train and dev together; the relation thresholds are still chosen on dev by a
    classifier fitted on train alone, and dev only picks the tagger's epoch, so its scores are not held out."""
    import torch

    from pipeline.backends.hanlp_models import RNNNamedEntityRecognizerBatchFirstCRF

    settings = settings or Settings()
    if settings.bigram_vectors and not settings.lexicon:
        raise ValueError("bigram features are added to the soft-lexicon embedding: train with the lexicon too")
    if threads:
        torch.set_num_threads(threads)
    start = time.time()
    tune_records = train_records
    if fit_on_dev:
        train_records = train_records + dev_records
    lexicons = None
    if settings.lexicon:
        trn, dev, lexicons, trn_stats, dev_stats = lexicon_samples(train_records, dev_records, settings.scheme,
                                                                   settings.max_len, settings.augment, settings.seed,
                                                                   settings.augment_labels, settings.augment_copies)
    else:
        trn, trn_stats = to_samples(train_records, settings.scheme, settings.max_len)
        trn += [s for _, copy, replaced in augmented_records(train_records, settings.augment, settings.seed,
                                                             settings.augment_labels, settings.augment_copies)
                for s in record_samples(copy, ConversionStats(), settings.scheme, settings.max_len, replaced)]
        dev, dev_stats = to_samples(dev_records, settings.scheme, settings.max_len)
    dev = only_tags(dev, {t for s in trn for t in s["tag"]})
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        tagger = RNNNamedEntityRecognizerBatchFirstCRF()
        tagger.init_vectors = settings.init_vectors
        bigram_config = {}
        if settings.bigram_vectors:
            from pipeline.backends.hanlp_models import read_text_vectors

            tagger.bigram_vectors = read_text_vectors(settings.bigram_vectors)
            bigram_config = {"bigrams": list(tagger.bigram_vectors),
                             "bigram_dim": len(next(iter(tagger.bigram_vectors.values())))}
        tagger.fit(trn, dev or trn[:1], str(tmp), epochs=settings.epochs, embed=settings.embed,
                   rnn_hidden=settings.rnn_hidden, batch_size=settings.batch_size, lr=settings.lr, drop=settings.drop,
                   patience=settings.patience, crf=settings.crf, tagging_scheme=settings.scheme, devices=-1,
                   seed=settings.seed, **({"lexicon": lexicons} if lexicons else {}), **bigram_config)
        fit_seconds = round(time.time() - start)
        shorten_log(tmp / "train.log")
        export_weights(tmp)  # model.npz: prediction without torch (pipeline.backends.numpy_tagger)
        dev_scores = span_scores(tagger, dev)
        thresholds = None
        if relations:
            from pipeline.training.relations import fit as fit_relations

            relation_model = fit_relations(tune_records, dev_records, fit_on_dev)
            relation_model.save(tmp / "relations.pkl")
            thresholds = relation_model.thresholds
        meta = {
            "trained": date.today().isoformat(),
            "hanlp_class": f"{type(tagger).__module__}.{type(tagger).__name__}",
            "settings": asdict(settings),
            "train_docs": [r["id"] for r in train_records],
            "dev_docs": [r["id"] for r in dev_records],
            "train": {k: v for k, v in asdict(trn_stats).items() if k != "spans_cut"} | {
                "spans_cut": len(trn_stats.spans_cut)},
            "dev": {k: v for k, v in asdict(dev_stats).items() if k != "spans_cut"} | {
                "spans_cut": len(dev_stats.spans_cut)},
            "dev_span_scores": dev_scores,
            "seconds": fit_seconds,
            "relation_thresholds": thresholds,
            "fit_on_dev": fit_on_dev,
            "threads": torch.get_num_threads(),
            "init_vectors_found": getattr(tagger, "init_vectors_found", None),
        }
        (tmp / "training.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        # an ensemble's members/ go with the old folder: `make train` retrains them and moves them in
        replace_model_folder(tmp, out)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp)
    return meta


def main(argv: list[str] | None = None) -> int:
    from pipeline.corpus.splits import load_split

    defaults = Settings()
    parser = argparse.ArgumentParser(description="Train a HanLP RNN NER from scratch on the gold train split.")
    parser.add_argument("--out", type=Path, default=HANLP_MODEL)
    parser.add_argument("--epochs", type=int, default=defaults.epochs)
    parser.add_argument("--limit-docs", type=int, help="train on the first K train documents only (smoke runs)")
    parser.add_argument("--dev-docs", type=int, help="use the first K dev documents only")
    parser.add_argument("--embed", type=int, default=defaults.embed, help="size of the random char embedding")
    parser.add_argument("--hidden", type=int, default=defaults.rnn_hidden, help="BiLSTM hidden size per direction")
    parser.add_argument("--batch-size", type=int, default=defaults.batch_size)
    parser.add_argument("--lr", type=float, default=defaults.lr)
    parser.add_argument("--patience", type=int, default=defaults.patience)
    parser.add_argument("--no-crf", dest="crf", action="store_false", help="softmax output layer instead of a CRF")
    parser.add_argument("--scheme", choices=("BIO", "IOBES"), default=defaults.scheme, help="tags (IOBES = BMES)")
    parser.add_argument("--max-len", type=int, default=defaults.max_len, help="longest chunk, in characters")
    parser.add_argument("--seed", type=int, default=defaults.seed)
    parser.add_argument("--init-vectors", help="character vectors (word2vec text) to start the embeddings from")
    parser.add_argument("--lexicon", action="store_true", help="soft-lexicon features (gazetteer, jieba, train names)")
    # One thread: on 2 cores a second one gained nothing (20 s vs 19 s an epoch) and, with another process
    # busy on the machine, made every batch ~30x slower.
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    parser.add_argument("--augment", type=float, default=defaults.augment,
                        help="add copies of the chunks with this share of ENT/LOC/ORG names replaced (0: none)")
    parser.add_argument("--augment-labels", default="ENT,LOC,ORG", help="the labels --augment replaces")
    parser.add_argument("--augment-copies", type=int, default=1, help="augmented copies of each training record")
    parser.add_argument("--bigram-vectors", help="bigram vectors (char_vectors --bigrams): add bigram features")
    parser.add_argument("--no-relations", dest="relations", action="store_false",
                        help="do not train the relation classifier (relations.pkl)")
    parser.add_argument("--fold", help="K/N: leave out every N-th train document from the K-th (0-based), for "
                                           "predictions on documents a tagger has not seen (cross-validation)")
    parser.add_argument("--fit-on-dev", action="store_true",
                        help="fit on train + dev (the release model; dev then only picks the epoch)")
    args = parser.parse_args(argv)
    train_records, dev_records = load_split("train"), load_split("dev")
    if args.limit_docs:
        train_records = train_records[:args.limit_docs]
    if args.fold:
        try:
            train_records = fold_training_records(train_records, args.fold)
        except ValueError as err:
            parser.error(str(err))
    if args.dev_docs:
        dev_records = dev_records[:args.dev_docs]
    settings = Settings(epochs=args.epochs, embed=args.embed, rnn_hidden=args.hidden, batch_size=args.batch_size,
                        lr=args.lr, patience=args.patience, crf=args.crf, scheme=args.scheme, max_len=args.max_len,
                        seed=args.seed, init_vectors=args.init_vectors, lexicon=args.lexicon, augment=args.augment,
                        augment_labels=tuple(args.augment_labels.split(",")), augment_copies=args.augment_copies,
                        bigram_vectors=args.bigram_vectors)
    meta = train(train_records, dev_records, args.out, settings, args.threads, args.relations, args.fit_on_dev)
    micro = meta["dev_span_scores"].get("micro", {})
    print(f"HanLP NER written to {args.out} in {meta['seconds']}s ({meta['train']['docs']} train docs, "
          f"dev span F1 {micro.get('f')})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
