#!/usr/bin/env bash
# Runs the whole test suite: the PCRE2 binding, the engine, every rule's examples (in three
# variants) and the built CLI end to end, including the installed release binary.
#
# POSTLINT_SKIP_INSTALL=1 skips building the static release binary (the test that runs it
# then reports itself skipped).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# The SARIF test validates output against the schema with Python's jsonschema.
POSTLINT_PYTHON="$(bash scripts/test-deps.sh)"
export POSTLINT_PYTHON
# The installed-binary test runs what scripts/install.sh installs, built once here.
if [ "${POSTLINT_SKIP_INSTALL:-}" != "1" ]; then
  bash scripts/install.sh --prefix .build/install-prefix >&2
  export POSTLINT_INSTALLED="$PWD/.build/install-prefix/bin/postlint"
fi
swift build --build-tests
status=0
swift test --skip-build --disable-xctest || status=$?
# libFuzzer: every fuzz target for 5 s on a fixed seed, from an unoptimised
# instrumented build in .build-fuzz/ (about a minute to build); a crash, hang or invariant
# failure fails the run and its input is left in .build-fuzz/crashes/. The long runs
# (1,000,000 executions a target) are in docs/reliability.md. POSTLINT_SKIP_FUZZ=1 leaves it
# out locally (never on CI).
if [ "${CI:-}" = "true" ] || [ "${POSTLINT_SKIP_FUZZ:-}" != "1" ]; then
  POSTLINT_FUZZ_CONFIG=debug bash scripts/fuzz.sh all "${POSTLINT_FUZZ_SECONDS:-5}" -max_len=8192 || status=$?
fi
# The Spark integration on real Spark (local[2]), run even when a Swift test failed so both
# results show; installs java, pyspark and pytest where missing (a virtual environment in
# .venv-spark/). POSTLINT_SKIP_SPARK=1 leaves it out locally (never on CI).
# The integrations run binaries already built here (the installed release one for Spark, the
# debug one for the servers) rather than building their own: each build of its own took
# about 4 minutes on CI.
if [ "${CI:-}" = "true" ] || [ "${POSTLINT_SKIP_SPARK:-}" != "1" ]; then
  POSTLINT="${POSTLINT_INSTALLED:-}" bash integrations/spark/test.sh || status=$?
fi
# lsp: the language server end to end with a real LSP client (pytest-lsp in .venv-lsp/),
# against the debug binary built above; run even when a Swift test failed.
POSTLINT="$PWD/.build/debug/postlint" bash integrations/lsp/test.sh || status=$?
# The page of `postlint serve` in headless Chromium (Selenium): installs chromium,
# chromium-driver, and selenium + pytest in .venv-serve/ where missing; starts and always stops
# the server. POSTLINT_SKIP_SERVE_PAGE=1 leaves it out locally (never on CI).
if [ "${CI:-}" = "true" ] || [ "${POSTLINT_SKIP_SERVE_PAGE:-}" != "1" ]; then
  POSTLINT="$PWD/.build/debug/postlint" bash integrations/serve/test.sh || status=$?
fi
exit "$status"
