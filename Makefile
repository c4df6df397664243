# The project's commands. Each sets up what is missing first (scripts/setup.sh).
.PHONY: setup run test bench lint translations bundle deb

setup:
	@scripts/setup.sh

run: setup
	.venv/bin/liaison $(ARGS)

test: setup
	@scripts/test.sh

bench: setup
	@scripts/bench.sh

lint: setup
	.venv/bin/ruff check liaison_app sync tests

translations: setup
	.venv/bin/python scripts/i18n.py update
	.venv/bin/python scripts/i18n.py missing

bundle: setup
	@packaging/build_bundle.sh

deb: bundle
	@packaging/deb/build_deb.sh
