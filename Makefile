# Two commands matter: `make serve` (set up, then serve the site at http://127.0.0.1:8000)
# and `make test` (set up, then run every test). Everything else is a step of those two.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build test verify bench lint browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[samples,test]'
	touch $(STAMP)

setup: $(STAMP)

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: setup                      ## site/ (strict; replaced only on success) + offline zip in it
	$(BIN)/mkdocs build --strict
	$(MAKE) offline

test: setup browser
	$(BIN)/python -m pytest $(PYTEST_ARGS)

verify: setup                     ## verify samples without building: make verify ONLY=snippets/x
	$(BIN)/python -m handbook_verify run $(ONLY)

bench: setup                      ## cold / warm / one-touched / unverified build times
	$(BIN)/python scripts/bench.py

lint: setup
	$(BIN)/ruff check handbook_verify hooks tests scripts snippets

browser:                          ## Debian's chromium for the browser tests (apt, when root)
	@sh scripts/ensure-chromium.sh

clean:
	rm -rf site site-offline site.partial-* site-offline.partial-* .cache

.PHONY: offline
offline: setup                    ## site-offline/ for file:// use, zipped: make build offline
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml
	mkdir -p site/downloads
	rm -f site/downloads/handbook-offline.zip
	$(BIN)/python -m zipfile -c site/downloads/handbook-offline.zip site-offline
