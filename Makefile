PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := src/communique/samples

.PHONY: demo test lint install bench clean

$(BIN)/communique: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	@touch $@

install: $(BIN)/communique

demo: install
	$(BIN)/communique extract $(SAMPLES)/*.txt --format table
	$(BIN)/communique ingest $(SAMPLES) --db communique.db --no-progress
	$(BIN)/communique dyad VNM RUS --db communique.db

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -q

bench: install
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) build *.egg-info
