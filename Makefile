# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

PORT ?= 8000

.PHONY: demo test lint bench eval screenshots lock clean fuzz

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip==25.3
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# Stores the samples in kizuna.db, prints their events, then serves them until Ctrl-C.
demo: $(STAMP)
	$(BIN)/kizuna demo --serve --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check kizuna tests
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The property tests with many more examples (not part of `make test`): every parser on
# hostile input, and the store's invariants over generated ingests. FUZZ_EXAMPLES each.
FUZZ_EXAMPLES ?= 3000
fuzz: $(STAMP)
	KIZUNA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider \
		tests/parse/test_parser_properties.py --hypothesis-show-statistics
	KIZUNA_FUZZ_EXAMPLES=$$(( $(FUZZ_EXAMPLES) / 100 + 1 )) $(BIN)/python -m pytest \
		-p no:cacheprovider tests/store/test_invariants.py -k hold --hypothesis-show-statistics

lint: $(STAMP)
	$(BIN)/ruff check kizuna tests

bench: $(STAMP)
	$(BIN)/kizuna bench --json

# One table of extraction quality: dev, and dev-real when its texts are rebuilt
# (/tmp/kizuna-dev-real or $$KIZUNA_DEV_REAL); English, Japanese, combined.
eval: $(STAMP)
	$(BIN)/python scripts/eval.py

# PNGs of the main pages over the demo's articles, in headless Chromium (Debian's package).
screenshots: $(STAMP)
	$(BIN)/python -m kizuna.web.screenshots --out docs/screenshots

# Re-resolve every pinned dependency with its hash (needs the registry).
lock:
	$(PYTHON) -m venv /tmp/kizuna-lock && /tmp/kizuna-lock/bin/python -m pip install --quiet --upgrade pip==25.3
	/tmp/kizuna-lock/bin/python -m pip install --quiet --dry-run --ignore-installed \
		--report /tmp/kizuna-lock/report.json ".[test]" setuptools==80.9.0
	$(PYTHON) scripts/lock_from_report.py /tmp/kizuna-lock/report.json > requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info
