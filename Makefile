# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-dev lint format ingest serve eval clean

run: install  ## create .venv, install, migrate, ingest seeds/, serve on http://$(HOST):$(PORT)
	$(BIN)/kb migrate
	$(BIN)/kb ingest seeds/
	$(BIN)/kb serve --host $(HOST) --port $(PORT)

test: install-dev  ## create .venv, install with dev extras, lint, type-check app/, run the test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

eval: install  ## extraction scores against the hand-annotated seeds (needs ../shared)
	$(PYTHON) ../shared/eval/project_pred.py ../shared/seeds /tmp/kb-pred.json --project .
	$(PYTHON) ../shared/eval/score.py --gold ../shared/gold/seeds --pred /tmp/kb-pred.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache kb.sqlite3*
