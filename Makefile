# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint rules eval clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/extract run samples --out out
	@echo "tables written to out/: mentions.csv, documents.csv, deals.csv, deals_consolidated.csv"

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m extract.bench

lint: $(STAMP)
	$(BIN)/ruff check extract tests
	$(BIN)/ruff format --check extract tests
	$(BIN)/mypy extract

rules: $(STAMP)
	$(BIN)/python -m extract.gazetteers.build_countries

clean:
	rm -rf out .pytest_cache .mypy_cache .ruff_cache
