# Two commands on a fresh machine:  make setup && make run   |   make test
PY ?= .venv/bin/python
SHARED ?= ../shared
OUT ?= out
EXAMPLE = corpus/raw/district-zhuzhou-shifeng-2023.txt

.PHONY: setup run test lint train eval bench corpus-stats clean

.venv/bin/python:
	python3 -m venv .venv

setup: .venv/bin/python
	# torch first, CPU build from the machine's wheel: HanLP (optional extra) would otherwise pull CUDA
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e ".[dev,hanlp]"

run:
	mkdir -p $(OUT)
	$(PY) -m pipeline extract $(EXAMPLE) -o $(OUT)/example.jsonl
	$(PY) -m pipeline extract $(EXAMPLE) -o $(OUT)/example.csv -q
	$(PY) -m pipeline extract $(EXAMPLE) -o $(OUT)/example.html -q
	@echo "wrote $(OUT)/example.jsonl, $(OUT)/example.csv (+ .achievements.csv), $(OUT)/example.html"

test:
	$(PY) -m pytest -q

lint:
	$(PY) -m ruff check pipeline evaluation tests

train:
	GOVREPORT_SHARED=$(SHARED) $(PY) -m pipeline.training.gazetteer
	GOVREPORT_SHARED=$(SHARED) $(PY) -m pipeline.training.segmenter --out models/pkuseg-pd1998

eval:
	mkdir -p $(OUT)/eval
	$(PY) -m pipeline.corpus.splits predict dev --model default -o $(OUT)/eval/dev.pred.jsonl
	$(PY) -m evaluation score corpus/splits/dev.jsonl $(OUT)/eval/dev.pred.jsonl \
		--json $(OUT)/eval/dev.json --html $(OUT)/eval/dev.html

bench:
	$(PY) -m pipeline.bench --out $(OUT)/bench.json

corpus-stats:
	$(PY) -m pipeline.corpus.stats --write corpus/README.md
