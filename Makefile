# accord: two commands for a new user (see README): `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= sqlite:///accord.db
STAMP := $(VENV)/.accord-installed
DEVSTAMP := $(VENV)/.accord-dev-installed

.PHONY: demo test lint typecheck imports unit install dev bench bench-html schema clean fuzz fuzz-api load

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[parquet]"
	touch $@

$(DEVSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev,spark,parquet]"
	touch $@

install: $(STAMP)
dev: $(DEVSTAMP)

## demo: set up, process the bundled examples into accord.db, print a summary, serve
demo: $(STAMP)
	$(BIN)/accord ingest examples --db $(DB)
	$(BIN)/accord stats --db $(DB)
	$(BIN)/accord serve --db $(DB)

## test: set up with dev tools, then lint, type-check, check imports, run the tests
test: $(DEVSTAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -q; rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected"; exit 1; fi; exit $$rc
	@if [ -d ../shared/gold ]; then \
		$(BIN)/accord eval ../shared/corpus ../shared/gold --gate; \
	else \
		echo "../shared/gold not found: skipping the public evaluation gate (accord eval --gate)"; \
	fi
	$(BIN)/accord eval eval/accord-set eval/accord-set --gate --floors eval/floors-accord-set.json
	@if [ -f ../shared/corpus/bulk/news.jsonl ]; then \
		$(BIN)/accord eval ../shared/corpus/bulk/news.jsonl eval/real/blind --gate --floors eval/floors-real-blind.json; \
	else \
		echo "../shared/corpus/bulk not found: skipping the real-blind gate"; \
	fi

## schema: regenerate schema/record.schema.json from the record dataclasses
schema: $(STAMP)
	$(BIN)/python scripts/gen_schema.py

## bench: accord vs plain spaCy, 1 and 2 workers, stores, Spark (BENCH_ARGS="--limit 200")
bench: $(DEVSTAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## fuzz: fuzz the cleaner, money parser, HTML and WARC readers (SECONDS per target) -> bench/fuzz.json
SECONDS ?= 60
fuzz: $(DEVSTAMP)
	$(BIN)/python scripts/fuzz.py --seconds $(SECONDS)

## fuzz-api: schemathesis against /openapi.json of a live server on 127.0.0.1 (<= 3 min)
fuzz-api: $(DEVSTAMP)
	$(BIN)/python scripts/fuzz_api.py --seconds 140 --out bench/fuzz-api.txt

## bench-html: HTML main text against a checkout of scrapinghub/article-extraction-benchmark
HTML_BENCH ?= ../article-extraction-benchmark
bench-html: $(DEVSTAMP)
	$(BIN)/python scripts/bench_html.py --dataset $(HTML_BENCH) --out bench/html.json

## load: requests/s and p50/p99 on a 10,000-document store, alone and during an ingest
load: $(DEVSTAMP)
	$(BIN)/python scripts/load.py --out bench/load.json

clean:
	rm -rf $(VENV) accord.db accord.db-wal accord.db-shm
