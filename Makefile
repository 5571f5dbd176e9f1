# Two commands take a fresh machine to a running bot and a passing suite:
#   make run    creates .venv, installs articlebot, starts the REPL on the seed article
#   make test   creates .venv with the dev extras if needed, then lint, types and tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
BENCH_STAMP := $(VENV)/.installed-bench
# setuptools reports every editable install with a multi-line notice ("be careful with
# folders named like the package"): information, not a problem. Filtered here only.
PIP_INSTALL := PYTHONWARNINGS="ignore:Editable installation" $(BIN)/python -m pip install --quiet

.PHONY: run test lint typecheck pytest discord eval bench bench-articles clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --upgrade pip
	$(PIP_INSTALL) -e .
	touch $(STAMP)

$(DEV_STAMP): $(STAMP)
	$(PIP_INSTALL) -e '.[dev]'
	touch $(DEV_STAMP)

$(BENCH_STAMP): $(DEV_STAMP)
	$(PIP_INSTALL) -e '.[dev,bench]'
	touch $(BENCH_STAMP)

run: $(STAMP)
	$(BIN)/articlebot repl

discord: $(STAMP)
	$(BIN)/articlebot discord

eval: $(STAMP)
	$(BIN)/articlebot eval

# The full run (about 10 minutes: 1M synthetic and 1M realistic passages) rewrites the
# "Speed and scale" section of docs/BENCHMARKS.md and docs/latency_vs_size.png;
# BENCH_ARGS=--quick skips 1M and writes nothing. hyperfine (apt) times the cold start
# when it is installed.
bench: $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

# Issue 7: 5,000 generated articles indexed, reloaded, and updated after a few edits
# (about a minute); prints the "Many articles" section of docs/BENCHMARKS.md.
bench-articles: $(STAMP)
	$(BIN)/python scripts/bench_articles.py $(BENCH_ARGS)

test: lint typecheck pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check retrieval bot tests scripts
	$(BIN)/ruff format --check retrieval bot tests scripts

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

pytest: $(DEV_STAMP)
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build *.egg-info
