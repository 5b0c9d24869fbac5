# The two commands of the README: `make demo` and `make test`.
.PHONY: setup setup-test demo test bench clean

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh test

demo: setup
	.venv/bin/sotarchive demo

test: setup-test
	.venv/bin/python -m pytest -q $(PYTEST_ARGS)

bench: setup
	.venv/bin/python bench/ingest_throughput.py $(BENCH_ARGS)

clean:
	rm -rf data .pytest_cache
