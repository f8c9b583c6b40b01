# Two commands on a fresh machine:  make setup && make run   |   make test
PY ?= .venv/bin/python
SHARED ?= ../shared
OUT ?= out
EXAMPLE = corpus/raw/district-zhuzhou-shifeng-2023.txt

.PHONY: setup run test test-integration lint train train-segmenter train-spacy train-taggers tagger-primary tagger-s2 tagger-s3 eval eval-test bench fuzz corpus-stats gold facts learning-curve cross-validation

.venv/bin/python:
	python3 -m venv .venv

setup: .venv/bin/python
	# torch first, CPU build from the machine's wheel: HanLP (optional extra) would otherwise pull CUDA
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[dev,facts,hanlp,ray,train]"
	# pip compiles the installed packages' bytecode, not an editable package's: without it a run where Python may
	# not write .pyc files (PYTHONDONTWRITEBYTECODE) compiles the pipeline's sources at every start (0.1 s)
	$(PY) -m compileall -q pipeline evaluation > /dev/null

run:
	mkdir -p $(OUT)
	$(PY) -m pipeline extract $(EXAMPLE) -o $(OUT)/example.jsonl
	$(PY) -m pipeline extract $(EXAMPLE) -o $(OUT)/example.csv -q
	$(PY) -m pipeline extract $(EXAMPLE) -o $(OUT)/example.html -q
	@echo "wrote $(OUT)/example.jsonl, $(OUT)/example.csv (+ .achievements.csv), $(OUT)/example.html"

test:
	$(PY) -m pytest -q

# Real-server round trips (tests/integration): Label Studio runs from its own environment.
LABEL_STUDIO_VENV ?= .venv-labelstudio
$(LABEL_STUDIO_VENV)/bin/label-studio:
	python3 -m venv $(LABEL_STUDIO_VENV)
	$(LABEL_STUDIO_VENV)/bin/pip install -q --upgrade pip
	$(LABEL_STUDIO_VENV)/bin/pip install -q label-studio==1.23.2

# doccano 1.8.4 needs pydantic 2 and its client pydantic 1: two environments. The pins make 2023's doccano
# run on today's wheels (environs 9 reads marshmallow.__version_info__, pandas 1.5 is built against numpy 1).
DOCCANO_VENV ?= .venv-doccano
DOCCANO_CLIENT_VENV ?= .venv-doccano-client
$(DOCCANO_VENV)/bin/doccano:
	python3 -m venv $(DOCCANO_VENV)
	$(DOCCANO_VENV)/bin/pip install -q --upgrade pip
	$(DOCCANO_VENV)/bin/pip install -q doccano==1.8.4 "marshmallow<3.20" "numpy<2"

$(DOCCANO_CLIENT_VENV)/bin/python:
	python3 -m venv $(DOCCANO_CLIENT_VENV)
	$(DOCCANO_CLIENT_VENV)/bin/pip install -q --upgrade pip
	$(DOCCANO_CLIENT_VENV)/bin/pip install -q doccano-client==1.2.8 "urllib3<2"

test-integration: $(LABEL_STUDIO_VENV)/bin/label-studio $(DOCCANO_VENV)/bin/doccano $(DOCCANO_CLIENT_VENV)/bin/python
	LABEL_STUDIO_BIN=$(LABEL_STUDIO_VENV)/bin/label-studio DOCCANO_VENV=$(DOCCANO_VENV) \
		DOCCANO_CLIENT_VENV=$(DOCCANO_CLIENT_VENV) $(PY) -m pytest -q -s -m integration tests/integration

lint:
	$(PY) -m ruff check pipeline evaluation tests

# Rebuilds every shipped model from the repository's data (+ the research-only corpora in $(SHARED)).
train:
	GOVREPORT_SHARED=$(SHARED) $(PY) -m pipeline.training.gazetteer
	# the figure-attribute reader's level-or-flow classifier (seconds; models/level-or-flow/MODEL_CARD.md)
	$(PY) -m pipeline.training.level_or_flow
	# the segmenter, then the spaCy model (it segments with it); the ensemble's three taggers
	# (models/hanlp-ner/MODEL_CARD.md: characters, no segmenter): single-threaded fits shared out over two cores
	$(MAKE) -j2 train-spacy train-taggers

train-segmenter:
	GOVREPORT_SHARED=$(SHARED) $(PY) -m pipeline.training.segmenter --out models/pkuseg-pd1998

train-spacy: train-segmenter
	$(PY) -m pipeline.training.pretrain --out $(OUT)/pretrain
	$(PY) -m pipeline.training.ner --out models/govreport-zh --work $(OUT)/train \
		--init-tok2vec $$(ls -v $(OUT)/pretrain/model[0-9]*.bin | tail -1)

$(OUT)/char-vectors.txt:
	GOVREPORT_SHARED=$(SHARED) $(PY) -m pipeline.training.char_vectors --out $(OUT)/char-vectors.txt

TAGGER_ARGS = --init-vectors $(OUT)/char-vectors.txt --lexicon --epochs 16 --fit-on-dev

# the first two taggers also learn from five copies of the chunks with an enterprise, each name swapped for
# another (models/hanlp-ner/MODEL_CARD.md: ENT on reports whose firms no rule knows)
AUGMENT_ENT = --augment 1 --augment-labels ENT --augment-copies 5

tagger-primary: $(OUT)/char-vectors.txt
	$(PY) -m pipeline.training.hanlp_ner --out $(OUT)/taggers/primary $(TAGGER_ARGS) $(AUGMENT_ENT)

tagger-s2: $(OUT)/char-vectors.txt
	$(PY) -m pipeline.training.hanlp_ner --out $(OUT)/taggers/s2 $(TAGGER_ARGS) $(AUGMENT_ENT) --seed 2 --no-relations

# the third member: another seed (until the thirty-fourth release a 64-unit tagger, `--hidden 64`; the model card
# says why it was replaced)
tagger-s3: $(OUT)/char-vectors.txt
	$(PY) -m pipeline.training.hanlp_ner --out $(OUT)/taggers/s3 $(TAGGER_ARGS) $(AUGMENT_ENT) --seed 3 --no-relations

# the first tagger becomes models/hanlp-ner (its hand-written model card kept), the others its members/
train-taggers: tagger-primary tagger-s2 tagger-s3
	rm -rf $(OUT)/hanlp-ner.new && cp -r $(OUT)/taggers/primary $(OUT)/hanlp-ner.new
	cp models/hanlp-ner/MODEL_CARD.md $(OUT)/hanlp-ner.new/
	mkdir -p $(OUT)/hanlp-ner.new/members && cp -r $(OUT)/taggers/s2 $(OUT)/taggers/s3 $(OUT)/hanlp-ner.new/members/
	rm -rf models/hanlp-ner && mv $(OUT)/hanlp-ner.new models/hanlp-ner
	# each tagger's BiLSTM with 8-bit weights for ONNX Runtime (pipeline/training/onnx_lstm.py; twice as fast)
	$(PY) -m pipeline.training.onnx_lstm models/hanlp-ner

# Scores the default pipeline (HanLP backend), the spaCy backend and the rule baseline on the dev split.
eval:
	mkdir -p $(OUT)/eval
	$(PY) -m pipeline.corpus.splits export dev -o $(OUT)/eval/dev.gold.jsonl
	$(PY) -m pipeline.corpus.splits predict dev -o $(OUT)/eval/dev.default.jsonl
	$(PY) -m pipeline.corpus.splits predict dev --backend spacy -o $(OUT)/eval/dev.spacy.jsonl
	$(PY) -m pipeline.corpus.splits predict dev --model rules -o $(OUT)/eval/dev.rules.jsonl
	for run in default spacy rules; do \
		$(PY) -m evaluation score $(OUT)/eval/dev.gold.jsonl $(OUT)/eval/dev.$$run.jsonl --by stratum \
			--json $(OUT)/eval/dev.$$run.json --html $(OUT)/eval/dev.$$run.html > $(OUT)/eval/dev.$$run.txt || exit 1; done
	$(PY) -m evaluation compare $(OUT)/eval/dev.gold.jsonl $(OUT)/eval/dev.spacy.jsonl $(OUT)/eval/dev.default.jsonl
	$(PY) -m evaluation compare $(OUT)/eval/dev.gold.jsonl $(OUT)/eval/dev.rules.jsonl $(OUT)/eval/dev.default.jsonl
	@echo "scores in $(OUT)/eval/dev.{default,spacy,rules}.{txt,json,html}"

# Once per model release: the test split.
eval-test:
	mkdir -p $(OUT)/eval
	$(PY) -m pipeline.corpus.splits export test --release -o $(OUT)/eval/test.gold.jsonl
	$(PY) -m pipeline.corpus.splits predict test --release -o $(OUT)/eval/test.default.jsonl
	$(PY) -m pipeline.corpus.splits predict test --release --backend spacy -o $(OUT)/eval/test.spacy.jsonl
	$(PY) -m pipeline.corpus.splits predict test --release --model rules -o $(OUT)/eval/test.rules.jsonl
	for run in default spacy rules; do \
		$(PY) -m evaluation score $(OUT)/eval/test.gold.jsonl $(OUT)/eval/test.$$run.jsonl --by stratum \
			--json $(OUT)/eval/test.$$run.json > $(OUT)/eval/test.$$run.txt || exit 1; done
	$(PY) -m evaluation compare $(OUT)/eval/test.gold.jsonl $(OUT)/eval/test.spacy.jsonl $(OUT)/eval/test.default.jsonl
	@echo "scores in $(OUT)/eval/test.{default,spacy,rules}.{txt,json}"

# One DuckDB table (and Parquet) of every figure of every raw report; see docs/facts.md.
facts:
	$(PY) -m pipeline facts corpus/raw -o $(OUT)/facts.duckdb --parquet $(OUT)/facts.parquet

# Dev span F1 per label of the default recogniser against 5, 10, 20, 40 and all training reports.
learning-curve:
	GOVREPORT_SHARED=$(SHARED) $(PY) -m pipeline.training.char_vectors --out $(OUT)/char-vectors.txt
	$(PY) -m pipeline.training.learning_curve --init-vectors $(OUT)/char-vectors.txt --out $(OUT)/learning-curve.json

# 3-fold cross-validation of the train split: each fold's tagger (the first tagger's settings, 12 epochs) never sees
# the third of the train reports it predicts; the whole pipeline is then scored on all 68 out of fold (about 50 min)
CV_FOLDS = 0 1 2
cross-validation: $(OUT)/char-vectors.txt
	for K in $(CV_FOLDS); do \
		$(PY) -m pipeline.training.hanlp_ner --out $(OUT)/cv/f$$K --init-vectors $(OUT)/char-vectors.txt --lexicon \
			--epochs 12 $(AUGMENT_ENT) --fold $$K/3 && \
		$(PY) -m pipeline.training.onnx_lstm $(OUT)/cv/f$$K && \
		$(PY) -m pipeline.corpus.splits predict train --model $(OUT)/cv/f$$K -o $(OUT)/cv/oof$$K.jsonl \
			--ids $$($(PY) -m pipeline.corpus.splits list train | awk -v k=$$K '(NR-1)%3==k' | paste -sd,) || exit 1; \
	done
	cat $(addprefix $(OUT)/cv/oof,$(addsuffix .jsonl,$(CV_FOLDS))) > $(OUT)/cv/oof.jsonl
	$(PY) -m pipeline.corpus.splits export train -o $(OUT)/cv/train.gold.jsonl
	$(PY) -m evaluation score $(OUT)/cv/train.gold.jsonl $(OUT)/cv/oof.jsonl

bench:
	$(PY) -m pipeline.bench_table --out $(OUT)/bench-table.json
	$(PY) -m pipeline.bench --memory --out $(OUT)/bench.json

# 10,000 generated inputs through the default pipeline: crashes must be 0 (issue 13).
fuzz:
	$(PY) -m pipeline.fuzz --n 10000 --out $(OUT)/fuzz.json

corpus-stats:
	$(PY) -m pipeline.corpus.stats --write corpus/README.md

# Rebuilds corpus/gold from the inline markup annotators write, then validates and lints the corpus.
gold:
	for f in corpus/inline/*.inline.txt; do id=$$(basename $$f .inline.txt); \
		$(PY) -m pipeline.corpus.inline $$f corpus/raw/$$id.txt -o corpus/gold/$$id.jsonl || exit 1; done
	$(PY) -m evaluation validate corpus/gold/*.jsonl
	mkdir -p $(OUT)
	$(PY) -m evaluation lint corpus/gold/*.jsonl > $(OUT)/lint.txt  # findings in the file, counts on the terminal
