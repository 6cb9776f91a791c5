#!/usr/bin/env bash
# The page of `postlint serve` driven in headless Chromium with Selenium: installs what is
# missing (Debian's chromium and chromium-driver; selenium and pytest in a virtual environment
# of the repository's, .venv-serve/, never the system's Python), starts the server on a free
# loopback port, runs pytest (bounded in time) and always stops the server. Exits non-zero
# when no test ran (pytest's exit 5).
#
# POSTLINT: the binary to serve with (default: a debug build). POSTLINT_SCREENSHOTS: the
# folder the screenshots go to (default .build/serve-screenshots; docs/serve.png is one).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

. integrations/setup.sh
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  apt_install chromium chromium-driver
fi
venv="$root/.venv-serve"
ensure_venv "$venv" "selenium, pytest" "selenium>=4.20,<5" "pytest>=7"

if [ -z "${POSTLINT:-}" ]; then
  swift build --product postlint >&2
  POSTLINT="$(swift build --show-bin-path)/postlint"
fi

log="$(mktemp)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -f "$log"
}
trap cleanup EXIT

# Port 0: the system picks a free port; the server prints the one it bound.
"$POSTLINT" serve --host 127.0.0.1 --port 0 2>"$log" &
server=$!
url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/^postlint serve: listening on \(http[^ ]*\)$/\1/p' "$log" | head -n 1)"
  [ -n "$url" ] && break
  if ! kill -0 "$server" 2>/dev/null; then cat "$log" >&2; echo "integrations/serve/test.sh: the server stopped before listening" >&2; exit 1; fi
  sleep 0.1
done
if [ -z "$url" ]; then cat "$log" >&2; echo "integrations/serve/test.sh: the server did not listen within 30 s" >&2; exit 1; fi
echo "postlint: page test against $url" >&2

export POSTLINT_SERVE_URL="$url"
export POSTLINT_SCREENSHOTS="${POSTLINT_SCREENSHOTS:-$root/.build/serve-screenshots}"
mkdir -p "$POSTLINT_SCREENSHOTS"
status=0
timeout 300 "$venv/bin/python" -m pytest -q -p no:cacheprovider integrations/serve/tests || status=$?
if [ "$status" -eq 5 ]; then
  echo "integrations/serve/test.sh: pytest collected no test" >&2
  exit 1
fi
# The server logged one access line per request and never the text typed.
if grep -q "vibes" "$log"; then echo "integrations/serve/test.sh: the access log holds post text" >&2; status=1; fi
exit "$status"
