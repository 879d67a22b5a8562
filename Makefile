# gxgraph: the two commands a new user needs are `make run` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NEO4J := scripts/neo4j-test-server
export GXGRAPH_HOST ?= 127.0.0.1
export GXGRAPH_PORT ?= 8000

.PHONY: run test lint unit openapi seed bench neo4j-start neo4j-stop clean help

help:
	@echo "make run    - set up and serve the API on the embedded store with the sample ecosystem"
	@echo "make test   - set up, start a real Neo4j, lint and run the whole test suite"
	@echo "make lint   - ruff and mypy --strict"
	@echo "make openapi - regenerate openapi.yaml from the app"
	@echo "make bench  - import and query benchmarks on both stores (prints what it measured)"

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,fast]'
	touch $(STAMP)

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

# The suite needs a real Neo4j: start it here, stop it whatever the outcome.
test: $(STAMP)
	$(MAKE) lint
	$(NEO4J) start
	GXGRAPH_TEST_NEO4J_URI=$$($(NEO4J) uri) $(BIN)/pytest; status=$$?; $(NEO4J) stop; exit $$status

# An import is one Neo4j transaction: 100k nodes need more transaction memory than the test default.
bench: $(STAMP)
	NEO4J_TEST_HEAP=6g $(NEO4J) start
	GXGRAPH_BENCH_NEO4J_URI=$$($(NEO4J) uri) $(BIN)/python scripts/bench.py; status=$$?; $(NEO4J) stop; exit $$status

neo4j-start:
	$(NEO4J) start

neo4j-stop:
	$(NEO4J) stop

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
