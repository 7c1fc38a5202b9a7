# newsaudit: `make report` builds reports/seeds from seeds/, `make test` runs the test suite.
# Both create .venv and install the PDF toolchain (Debian packages, when root); `make report`
# installs only the runtime, `make test` (and lint, bench) every extra: dev, bench, dask, parquet.

PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
CORE_STAMP := $(VENV)/.installed-core
ALL_STAMP := $(VENV)/.installed-all
EXTRAS := dev,bench,dask,parquet
APT_PACKAGES := chromium fonts-dejavu-core poppler-utils
CORPUS ?= seeds
OUT ?= reports/seeds

.DEFAULT_GOAL := help
.PHONY: help setup setup-report system-deps report test test-fast lint format bench lab clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(CORE_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(ALL_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[$(EXTRAS)]"
	@touch $@ $(CORE_STAMP)

system-deps: ## install Chromium, DejaVu fonts and poppler (apt, as root) or print the command
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "PDF rendering and the tests need:$$missing"; \
	    echo "run: sudo apt-get update && sudo apt-get install -y --no-install-recommends$$missing"; \
	    exit 1; \
	  fi; \
	fi

setup: $(ALL_STAMP) system-deps ## create .venv with every extra (tests, lint, benchmarks; idempotent)

setup-report: $(CORE_STAMP) system-deps ## create .venv with only what `newsaudit run` needs

report: setup-report ## build $(OUT)/ (CSVs, notebooks, report.html, report.pdf) from $(CORPUS)/
	$(VENV)/bin/newsaudit run $(CORPUS) --out $(OUT) --name $(CORPUS)

test: setup ## run the whole test suite (2 workers)
	$(PY) -m pytest -n 2 --dist loadfile -q

test-fast: setup ## the suite without the end-to-end notebook/report tests
	$(PY) -m pytest -n 2 --dist loadfile -q -m "not e2e"

lint: setup ## ruff lint and format check
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

format: setup ## apply ruff formatting and safe fixes
	$(VENV)/bin/ruff format src tests benchmarks
	$(VENV)/bin/ruff check --fix src tests benchmarks

bench: setup ## run the benchmarks and evaluations (writes benchmarks/results/)
	$(PY) -m benchmarks

lab: setup ## open JupyterLab on notebooks/ with the project's kernel (.venv's Python)
	@test -x $(VENV)/bin/jupyter-lab || $(PY) -m pip install --quiet -e ".[$(EXTRAS),lab]"
	$(VENV)/bin/jupyter lab --notebook-dir=notebooks --ServerApp.open_browser=True

clean: ## remove the virtualenv and build outputs
	rm -rf $(VENV) build .pytest_cache .ruff_cache
