#!/usr/bin/env bash
# The Spark integration's tests on real Spark (local[2]): installs what they need where it is
# missing (java from Debian's openjdk-17-jre-headless; pyspark and pytest in a virtual
# environment of the repository's, never in the system's Python), builds the release binary
# and runs pytest. Exits non-zero when no test ran (pytest's exit 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

. integrations/setup.sh
if ! command -v java >/dev/null 2>&1; then apt_install openjdk-17-jre-headless; fi
venv="$root/.venv-spark"
ensure_venv "$venv" "pyspark, pytest" "pyspark>=3.5,<5" "pytest>=7"

if [ -z "${POSTLINT:-}" ]; then
  swift build -c release --product postlint
  POSTLINT="$root/.build/release/postlint"
fi
export POSTLINT
# Executors start Python workers with the driver's interpreter.
export PYSPARK_PYTHON="$venv/bin/python" PYSPARK_DRIVER_PYTHON="$venv/bin/python"

status=0
"$venv/bin/python" -m pytest -q -p no:cacheprovider integrations/spark/tests || status=$?
if [ "$status" -eq 5 ]; then
  echo "integrations/spark/test.sh: pytest collected no test" >&2
  exit 1
fi
exit "$status"
