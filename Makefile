# Conveniences; the scripts are the source of truth (they also run where make is missing).
.PHONY: build test check rules-test bench

build:
	bash scripts/ensure-deps.sh && swift build

test:
	bash scripts/test.sh

check:
	bash scripts/postlint.sh check Fixtures/

rules-test:
	bash scripts/postlint.sh rules test
