# Two commands for a newcomer (python3 >= 3.11 and make, nothing else):
#   make publish   set up .venv, build from seeds/ and publish a new version into datasets/ if the data changed
#   make test      set up .venv and run the test suite (ruff + pytest)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SIZES ?= 1,3,10  # corpus sizes of `make bench`, in MB (SIZES=100: about 5,000 documents)
CORPORA ?= repeating,varied  # corpus kinds of `make bench` (tests/benchmarks/corpus.py)

.PHONY: setup publish build validate test test-fast lint bench dev clean lock chromium serve

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

publish: setup
	$(BIN)/python -m pipeline publish

build: setup
	$(BIN)/python -m pipeline build

validate: setup
	$(BIN)/python -m pipeline validate

# Two processes (pytest-xdist); one that runs out of tests takes some of the other's (worksteal). Expensive
# fixtures are made once per session whichever process asks first (tests/conftest.py: made_once).
# WRITE_BYTECODE: the tests run with Python's bytecode caches written (git-ignored __pycache__/) even where the
# shell sets PYTHONDONTWRITEBYTECODE: otherwise each of the run's ~25 interpreters (the two pytest processes,
# the CLI and Dagster processes the integration tests start, the Dask and multiprocess workers) compiles
# pipeline/ again, and pytest rewrites and compiles every test module again in each process (collection took
# 6 s of CPU per process instead of 3).
WRITE_BYTECODE := env -u PYTHONDONTWRITEBYTECODE
test: setup chromium
	$(BIN)/ruff check pipeline tests
	$(WRITE_BYTECODE) $(BIN)/python -m pytest -q -n 2 --dist worksteal

# Debian's chromium for the browser test of `serve` (tests/integration/test_browse.py), installed when missing
# and apt-get can (CI runs as root on a fresh machine); Playwright never downloads a browser of its own.
CHROMIUM := /usr/bin/chromium
chromium:
	@test -x $(CHROMIUM) || { command -v apt-get >/dev/null && apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || \
	  echo "warning: $(CHROMIUM) is missing and could not be installed: the browser test will be skipped"

# Browse the newest release (or RELEASE=path) in Datasette on http://127.0.0.1:8001/.
serve: setup
	$(BIN)/python -m pipeline serve $(RELEASE)

# The fast tier while editing a rule: every test that does not build, publish or run Dagster (those are in
# tests/integration/ or marked slow; see pyproject's markers), in one process. A few seconds.
test-fast: setup
	$(WRITE_BYTECODE) $(BIN)/python -m pytest -q -m "not slow" --ignore=tests/integration -p no:cacheprovider

bench: setup
	$(BIN)/python tests/benchmarks/run.py --sizes $(SIZES) --corpora $(CORPORA)

# The UI and the daemon (schedule, sensor, run queue) on one project instance in .dagster_home/ (DAGSTER_HOME
# overrides). Ctrl-C stops every process of it within seconds (scripts/dagster_dev.py; `exec`: the recipe's
# shell becomes the wrapper, so the signal reaches it directly).
DAGSTER_HOME ?= $(CURDIR)/.dagster_home
dev: setup
	export DAGSTER_HOME=$(DAGSTER_HOME); $(BIN)/python -m pipeline instance
	export DAGSTER_HOME=$(DAGSTER_HOME); exec $(BIN)/python scripts/dagster_dev.py --port $(or $(PORT),3000)

# Re-pin every dependency after changing pyproject.toml (run in a fresh venv).
lock:
	rm -rf /tmp/chwp-lock && $(PYTHON) -m venv /tmp/chwp-lock
	/tmp/chwp-lock/bin/pip install --quiet -e '.[dev,distributed,browse]'
	/tmp/chwp-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > requirements.lock

clean:
	rm -rf build .cache
