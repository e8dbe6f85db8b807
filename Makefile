# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test test-real test-long soak mutate bench bench-long lint rules docs snapshot eval eval-real clean

# Real articles scored with document-level gold (../shared/realdev); the texts are third-party
# and never committed: keep a local copy as <id>.txt in $(REALDEV_TEXTS) (git-ignored).
REALDEV ?= ../shared/realdev
REALDEV_TEXTS ?= .realdev

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/extract run samples --out out
	@echo "tables written to out/: mentions.csv, documents.csv, deals.csv, deals_consolidated.csv"
	@printf "report: " && $(BIN)/extract report out

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Mutation testing (outside CI; long): mutmut with one worker process, then the kill rate per module.
# The verdicts kept in tests/mutation_verdicts.tsv are restored first (mutmut re-judges only the mutants
# of new or changed functions) and saved after; MUTATE_FRESH=1 ignores them.
# MUTANTS='extract.deals.consolidate*' limits the run to some modules (mutant names are module.function).
MUTANTS ?=
MUTATE_FRESH ?=
mutate: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,mutate]"
	@if [ -z "$(MUTATE_FRESH)" ]; then $(BIN)/python -m tests.mutation_store restore; fi
	$(BIN)/mutmut run --max-children 1 $(MUTANTS) || true
	$(BIN)/python -m tests.mutation_store save
	$(BIN)/python -m tests.mutation_report

# The opt-in extras on third-party articles (../shared/realdev, .realdev/): they fail when it is missing
test-real: $(STAMP)
	$(BIN)/python -m pytest -q --realdev -m realdev

# Minutes long, so outside `make test` (CI): 1 MB and 5 MB documents in the default mode
# (peak memory, speed against short articles), and the soak run on 2,000 hostile documents.
test-long: $(STAMP)
	EXTRACT_LONG_TESTS=1 $(BIN)/python -m pytest -q tests/test_long_documents.py

soak: $(STAMP)
	EXTRACT_SOAK_DOCS=2000 $(BIN)/python -m pytest -q tests/test_soak.py

bench: $(STAMP)
	$(BIN)/python -m extract.bench

bench-long: $(STAMP)
	$(BIN)/python -m extract.long_bench

lint: $(STAMP)
	$(BIN)/ruff check extract tests
	$(BIN)/ruff format --check extract tests
	$(BIN)/mypy extract

eval: $(STAMP)
	$(BIN)/extract eval samples

eval-real: $(STAMP)
	@if [ -d "$(REALDEV_TEXTS)" ] && [ -f "$(REALDEV)/gold.jsonl" ]; then \
		$(BIN)/extract eval --gold $(REALDEV)/gold.jsonl --texts $(REALDEV_TEXTS) --report-dir out/eval-real; \
	else \
		echo "eval-real: no texts in '$(REALDEV_TEXTS)' (or no $(REALDEV)/gold.jsonl)."; \
		echo "  Save each article of $(REALDEV)/manifest.jsonl as $(REALDEV_TEXTS)/<id>.txt (the text as crawled,"; \
		echo "  whitespace-stripped, 'chars' characters long), or point REALDEV_TEXTS=DIR at your copy."; \
		exit 2; \
	fi

# README column tables from the table schemas (extract/io/tables.py)
docs: $(STAMP)
	$(BIN)/python -c "from extract.io.tables import main; main(['README.md'])"

# Expected tables of the samples (tests/fixtures/tables): refresh after an intended output change, review the diff
snapshot: $(STAMP)
	$(BIN)/python -m tests.test_tables_snapshot

rules: $(STAMP)
	$(BIN)/python -m extract.gazetteers.build_countries

clean:
	rm -rf out mutants .pytest_cache .mypy_cache .ruff_cache
