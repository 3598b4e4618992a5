# Two commands do everything on a fresh machine (Python 3.11, nothing installed):
#   make demo   - create .venv, install, run newsdistill on the bundled examples
#   make test   - create .venv, install everything (extras, chromium), run the whole suite
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-base
STAMP_ALL := $(VENV)/.installed-all

.PHONY: demo test lint bench train-attribution train-span-model clean chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(STAMP_ALL): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e ".[all]"
	touch $@ $(STAMP)

chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "WARNING: could not install Debian chromium; browser tests will be skipped"

demo: $(STAMP)
	$(BIN)/newsdistill run examples/ -o demo-out.jsonl
	$(BIN)/newsdistill show examples/harbor-strike.txt

test: $(STAMP_ALL) chromium
	$(BIN)/ruff check src tests $(wildcard bench)
	$(BIN)/python -m pytest -q

bench: $(STAMP_ALL)
	$(BIN)/pip install -q -e ".[bench]"
	$(BIN)/python bench/clean_quality.py
	$(BIN)/python bench/clean_speed.py
	$(BIN)/python bench/html_quality.py
	$(BIN)/python bench/entities_eval.py
	$(BIN)/python bench/attribution_eval.py --split dev
	$(BIN)/python bench/engine_speed.py -n 60
	$(BIN)/python bench/engine_rss.py -n 1500
	$(BIN)/python bench/dedup_speed.py -n 100000
	$(BIN)/python bench/store_speed.py

# learned cue model for attribution: PolNeAR train only, CPU, deterministic (a few minutes),
# then the MiniLM span model (see train-span-model)
train-attribution: $(STAMP_ALL)
	NEWSDISTILL_SHARED=$${NEWSDISTILL_SHARED:-../shared} $(BIN)/python bench/train_attribution.py
	NEWSDISTILL_SHARED=$${NEWSDISTILL_SHARED:-../shared} $(BIN)/python bench/attribution_eval.py --split dev
	$(MAKE) train-span-model

# MiniLM span model (opt-in --attribution-model minilm): PolNeAR train minus its held-out tenth,
# CPU, seeded; four stages (one schedule restarted three times, as the shipped weights were made:
# 517 steps of 16 windows, about 2.3 epochs; 46 + 13.5 minutes on 2 shared cores), then the combination
# is checked on the held-out tenth and measured on dev
SPAN_TMP := $${TMPDIR:-/tmp}/newsdistill-span
SPAN_RUN := NEWSDISTILL_SHARED=$${NEWSDISTILL_SHARED:-../shared} $(BIN)/python
train-span-model: $(STAMP_ALL)
	$(SPAN_RUN) bench/train_span_model.py --epochs 1.25 --frozen 2 --max-steps 100 --out $(SPAN_TMP)-1.safetensors
	$(SPAN_RUN) bench/train_span_model.py --epochs 1.0 --frozen 2 --init $(SPAN_TMP)-1.safetensors --start-step 100 \
	  --lr 7e-5 --head-lr 7e-4 --out $(SPAN_TMP)-2.safetensors
	$(SPAN_RUN) bench/train_span_model.py --epochs 1.5 --frozen 2 --init $(SPAN_TMP)-2.safetensors --start-step 225 \
	  --lr 5e-5 --head-lr 5e-4 --out $(SPAN_TMP)-3.safetensors
	$(SPAN_RUN) bench/train_span_model.py --epochs 2.3 --frozen 2 --init $(SPAN_TMP)-3.safetensors --start-step 337 \
	  --lr 3e-5 --head-lr 3e-4 --threads 1
	$(SPAN_RUN) bench/tune_span_combine.py
	$(SPAN_RUN) bench/attribution_eval.py --split dev --attribution-model minilm

clean:
	rm -rf $(VENV) demo-out.jsonl .pytest_cache
