#!/usr/bin/env bash
# Builds postlint (release) if needed and runs it with the given arguments.
# Example: bash scripts/postlint.sh check Fixtures/
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
swift build -c release --product postlint >&2
exec .build/release/postlint "$@"
