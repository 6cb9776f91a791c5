#!/usr/bin/env bash
# The language server's end-to-end tests with a real LSP client (pytest-lsp on pygls):
# installs pytest-lsp in a virtual environment of the repository's (.venv-lsp/, never the
# system's Python) where it is missing, and runs against $POSTLINT, else the debug build
# (built here if absent). Bounded in time; exits non-zero when no test ran (pytest's exit 5).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

. integrations/setup.sh
venv="$root/.venv-lsp"
ensure_venv "$venv" "pytest_lsp, pytest" "pytest-lsp>=1.0,<2" "pytest>=7"

if [ -z "${POSTLINT:-}" ]; then
  if [ ! -x "$root/.build/debug/postlint" ]; then swift build --product postlint; fi
  POSTLINT="$root/.build/debug/postlint"
fi
export POSTLINT

status=0
timeout 300 "$venv/bin/python" -m pytest -q -p no:cacheprovider -c integrations/lsp/pytest.ini integrations/lsp/tests || status=$?
if [ "$status" -eq 5 ]; then
  echo "integrations/lsp/test.sh: pytest collected no test" >&2
  exit 1
fi
exit "$status"
