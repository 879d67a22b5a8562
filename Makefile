# gxgraph: the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NEO4J := scripts/neo4j-test-server
# The Pythons the built wheel is installed on and used with in `make test`: the versions pyproject.toml's
# classifiers list. Each must be on PATH or under pyenv; a narrower run: make wheel-test WHEEL_PYTHONS=3.11
WHEEL_PYTHONS ?= 3.11 3.12 3.13
export GXGRAPH_HOST ?= 127.0.0.1
export GXGRAPH_PORT ?= 8000

.PHONY: run test lint unit openapi seed bench load wheel-test lock neo4j-start neo4j-stop clean help chromium

help:
	@echo "make run    - set up and serve the API on the embedded store with the sample ecosystem"
	@echo "make test   - set up, start a real Neo4j, lint and run the whole test suite"
	@echo "make lint   - ruff and mypy --strict"
	@echo "make openapi - regenerate openapi.yaml and the client's typed methods"
	@echo "make bench  - one table of figures beside floors, 10k and 100k on both stores (SIZE=1000000)"
	@echo "make load   - bounded mixed load on 2 workers, both stores: throughput, p50/p95/p99, errors"
	@echo "make wheel-test - build the wheel, install it in fresh venvs, serve and query it (part of test)"
	@echo "make lock   - re-resolve the dependencies into constraints.txt (then make test)"

# Every install is pinned by constraints.txt, so a new machine gets the versions the tests passed with.
$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,fast]'
	touch $(STAMP)

# Pins what a fresh install of the dev and fast extras resolves to today on $(PYTHON), in a scratch venv.
lock:
	set -euo pipefail; scratch=$$(mktemp -d); trap 'rm -rf "$$scratch"' EXIT; \
	$(PYTHON) -m venv "$$scratch/venv"; \
	"$$scratch/venv/bin/python" -m pip install --quiet --disable-pip-version-check -e '.[dev,fast]'; \
	{ echo "# Pins for every install: make run, make test, scripts/wheel-smoke. Regenerate with make lock."; \
	  "$$scratch/venv/bin/python" -m pip freeze --exclude-editable; } > "$$scratch/constraints.txt"; \
	mv "$$scratch/constraints.txt" constraints.txt

run: $(STAMP)
	@echo "local admin API key (also: $(BIN)/gxgraph keys dev): $$($(BIN)/gxgraph keys dev)"
	$(BIN)/gxgraph serve --seed-if-empty

seed: $(STAMP)
	$(BIN)/gxgraph seed --replace

lint: $(STAMP)
	$(BIN)/ruff check src tests seeds scripts
	$(BIN)/ruff format --check src tests seeds scripts
	$(BIN)/mypy src tests seeds

openapi: $(STAMP)
	$(BIN)/gxgraph openapi > openapi.yaml
	$(BIN)/python -m gxgraph.client.codegen | $(BIN)/ruff format --stdin-filename src/gxgraph/client/generated.py - > src/gxgraph/client/generated.py.new
	mv src/gxgraph/client/generated.py.new src/gxgraph/client/generated.py

# The suite needs a real Neo4j: start it here, stop it whatever the outcome. After the suite, the
# benchmark runs at 10k nodes as a smoke test (its figures are printed, not judged).
test: $(STAMP)
	$(MAKE) lint
	$(MAKE) chromium
	$(MAKE) wheel-test
	$(NEO4J) start
	GXGRAPH_TEST_NEO4J_URI=$$($(NEO4J) uri) $(BIN)/pytest; status=$$?; \
	if [ $$status = 0 ]; then GXGRAPH_BENCH_NEO4J_URI=$$($(NEO4J) uri) $(BIN)/python scripts/bench_table.py \
	  --sizes 10000 --repeat 3 --quick; status=$$?; fi; \
	$(NEO4J) stop; exit $$status

# One table (figure, gxgraph, floor/baseline, ratio) for each SIZE on both stores, also written to
# bench-results/ to compare runs: make bench, or make bench SIZE=1000000 (BENCH_ARGS="--http" adds
# the HTTP lookups). An import is one Neo4j transaction: 100k nodes need more memory than the test default.
SIZE ?= 10000 100000
bench: $(STAMP)
	NEO4J_TEST_HEAP=8g NEO4J_TEST_PAGECACHE=2g $(NEO4J) start
	GXGRAPH_BENCH_NEO4J_URI=$$($(NEO4J) uri) $(BIN)/python scripts/bench_table.py --sizes $(SIZE) $(BENCH_ARGS); \
	status=$$?; $(NEO4J) stop; exit $$status

# Bounded load (20 s or 20,000 requests per store, loopback only) on 2 workers, embedded store then Neo4j;
# exits 1 on any error. LOAD_ARGS passes options, e.g. make load LOAD_ARGS="--seconds 60 --clients 16".
load: $(STAMP)
	$(NEO4J) start
	GXGRAPH_LOAD_NEO4J_URI=$$($(NEO4J) uri) $(BIN)/python scripts/load.py $(LOAD_ARGS); status=$$?; $(NEO4J) stop; exit $$status

# tests/browser drive the Debian chromium package (Playwright cannot download its own browser here):
# installed when missing if we are root, as CI is; otherwise the tests fail and say what to install.
# The CJK fonts make the Japanese pages readable in the screenshots the tests save.
chromium:
	@test -x /usr/bin/chromium || test "$$(id -u)" != 0 || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }
	@test -x /usr/bin/chromium || { echo "tests/browser need chromium: sudo apt-get install chromium" >&2; exit 1; }

wheel-test: $(STAMP)
	GXGRAPH_BUILD_PYTHON=$(BIN)/python scripts/wheel-smoke $(WHEEL_PYTHONS)

neo4j-start:
	$(NEO4J) start

neo4j-stop:
	$(NEO4J) stop

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
