# Two commands for a newcomer: `make demo` and `make test`. Each creates the virtual
# environment it needs (python3 -m venv + pip; nothing else is assumed to be installed).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	@echo "== numcheck check examples/ (exit code 1 means findings, as in CI) =="
	-$(BIN)/numcheck check examples/

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check numcheck tests benchmarks
	$(BIN)/mypy numcheck

bench: $(STAMP)
	$(BIN)/python benchmarks/newsquant.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
