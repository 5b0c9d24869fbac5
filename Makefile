# The two commands of the README: `make demo` and `make test`.
.PHONY: setup setup-test setup-bench demo test bench bench-ocr bench-search bench-backends bench-anon bench-metadata bench-web translations clean

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh test

setup-bench:
	scripts/setup.sh bench

# make demo PORT=8080 (or HOST=0.0.0.0) serves elsewhere.
PORT ?= 8000
HOST ?= 127.0.0.1
demo: setup
	.venv/bin/sotarchive demo --host $(HOST) --port $(PORT)

# Starts OpenSearch, PostgreSQL and Redis on 127.0.0.1 for the suite and stops them after.
test: setup-test
	scripts/test.sh $(PYTEST_ARGS)

bench: setup-bench
	.venv/bin/python bench/ingest_throughput.py $(BENCH_ARGS)

bench-ocr: setup-bench
	.venv/bin/python bench/ocr_quality.py $(BENCH_ARGS)

# Stemmer, relevance (judged queries vs the plain tokenizer) and latency;
# BENCH_ARGS="--latency 100000,1000000" for the million-document figures.
bench-search: setup-bench
	.venv/bin/python bench/search_bench.py $(BENCH_ARGS)

bench-anon: setup-bench
	.venv/bin/python bench/anon_bench.py $(BENCH_ARGS)

bench-metadata: setup-bench
	.venv/bin/python bench/metadata_bench.py $(BENCH_ARGS)

bench-web: setup-bench
	.venv/bin/python bench/web_bench.py $(BENCH_ARGS)

# The embedded engine against OpenSearch (started here, on loopback, and stopped after).
bench-backends: setup-bench
	scripts/services.sh start opensearch >/dev/null
	.venv/bin/python bench/search_bench.py --only-compare --opensearch http://127.0.0.1:9250 $(BENCH_ARGS); \
	  status=$$?; scripts/services.sh stop opensearch; exit $$status

clean:
	rm -rf data .pytest_cache

# The interface's strings extracted anew into the catalogues (new ones
# come out untranslated: tests/test_translations.py then names them).
translations: setup
	.venv/bin/pybabel -q extract -F babel.cfg -k lazy_gettext -k lazy_pgettext:1c,2 -k lazy_ngettext:1,2 -k N_ \
		-o search_api/translations/messages.pot .
	.venv/bin/pybabel -q update -i search_api/translations/messages.pot -d search_api/translations \
		--no-fuzzy-matching --ignore-obsolete
	.venv/bin/pybabel -q compile -d search_api/translations
