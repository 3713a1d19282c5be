# Two commands matter: `make serve` (set up, then serve the site at http://127.0.0.1:8000)
# and `make test` (set up, then lint and run every test). Everything else is a step of those two.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system browser-runtime serve build test verify bench stress lint lock clean offline

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

setup: $(STAMP) system browser-runtime

# The pinned Pyodide (package.json + package-lock.json, verified by npm against the lock's
# integrity hash) for Run in the browser. Without npm (Debian's `nodejs` and `npm`, installed by
# `make system` as root) the site builds without Run buttons and the Verification report says why.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --ignore-scripts --loglevel=error; \
	else echo "npm is missing: the site builds without Run in the browser (sudo apt-get install nodejs npm)" >&2; fi

browser-runtime: system
	@$(MAKE) --no-print-directory node_modules/.package-lock.json

system:                           ## Debian's chromium, libatomic1, redis-server, nodejs, npm (apt, when root)
	@sh scripts/ensure-system.sh

serve: setup
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: offline                    ## site/ (strict; replaced only on success), offline zip included
	$(BIN)/mkdocs build --strict

test: setup lint
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

verify: setup                     ## verify samples without building: make verify ONLY=snippets/x
	$(BIN)/python -m handbook_verify run $(ONLY)

bench: setup                      ## plain / disabled / cold / warm / one-touched build times
	$(BIN)/python scripts/bench.py

stress: setup                     ## N oversubscribed no-cache runs, failures per sample: make stress RUNS=10
	$(BIN)/python scripts/stress.py --runs $(or $(RUNS),10) --jobs $(or $(JOBS),6) $(ONLY)

lint: setup                       ## ruff (pinned in requirements.lock)
	$(BIN)/ruff check handbook_verify handbook_site hooks tests scripts snippets

lock: setup                       ## upgrade requirements.lock (every supported Python at once)
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --upgrade \
	  --extra samples --extra test pyproject.toml -o requirements.lock

offline: setup                    ## the file:// copy in site-offline/ (make build zips it)
	$(BIN)/mkdocs build --strict -f mkdocs.offline.yml

clean:
	rm -rf site site-offline site.partial-* site-offline.partial-* .cache node_modules
