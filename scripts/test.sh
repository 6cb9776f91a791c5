#!/usr/bin/env bash
# Runs the whole test suite: the PCRE2 binding, the engine, every rule's examples (in three
# variants) and the built CLI end to end.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
# The SARIF test validates output against the schema with Python's jsonschema.
if ! python3 -c "import jsonschema" >/dev/null 2>&1; then
  python3 -m pip install --quiet jsonschema
fi
swift build --build-tests
status=0
swift test --skip-build --disable-xctest || status=$?
# The Spark integration on real Spark (local[2]), run even when a Swift test failed so both
# results show; installs java, pyspark and pytest where missing (a virtual environment in
# .venv-spark/). POSTLINT_SKIP_SPARK=1 leaves it out locally (never on CI).
if [ "${CI:-}" = "true" ] || [ "${POSTLINT_SKIP_SPARK:-}" != "1" ]; then
  bash integrations/spark/test.sh || status=$?
fi
exit "$status"
