#!/usr/bin/env bash
# Makes Python's jsonschema available to the tests (the SARIF test validates against the
# schema) without pip-installing into the system Python, which Debian 12 and Ubuntu 24.04
# refuse (PEP 668, "externally managed"). In order: already importable; Debian's
# python3-jsonschema with apt-get (as root or with sudo); a virtual environment in
# .build/test-venv. Prints the python3 to use.
set -euo pipefail
cd "$(dirname "$0")/.."
if python3 -c "import jsonschema" >/dev/null 2>&1; then
  command -v python3
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo_cmd="sudo"; fi
if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = "0" ] || [ -n "$sudo_cmd" ]; }; then
  echo "postlint: installing python3-jsonschema with apt-get" >&2
  $sudo_cmd apt-get update -qq >&2
  if DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq python3-jsonschema >&2 \
     && /usr/bin/python3 -c "import jsonschema" >/dev/null 2>&1; then
    echo /usr/bin/python3
    exit 0
  fi
fi
venv=.build/test-venv
if [ ! -x "$venv/bin/python3" ] || ! "$venv/bin/python3" -c "import jsonschema" >/dev/null 2>&1; then
  echo "postlint: installing jsonschema into a virtual environment ($venv)" >&2
  python3 -m venv "$venv" >&2 || { echo "postlint: python3 -m venv failed; install python3-venv or python3-jsonschema" >&2; exit 2; }
  "$venv/bin/python3" -m pip install --quiet jsonschema >&2
fi
echo "$PWD/$venv/bin/python3"
