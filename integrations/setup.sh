# Shared by the integrations' test.sh scripts (sourced, not run): installing a Debian package
# where missing, and a virtual environment of the repository's with the Python packages a test
# needs (never the system's Python).

sudo_cmd=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi

# apt_install PACKAGE…
apt_install() {
  echo "postlint: installing $* with apt-get" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# ensure_venv DIR "IMPORTS" REQUIREMENT…: DIR holds a virtual environment that can import
# IMPORTS (comma-separated module names), made and filled with pip where it cannot.
ensure_venv() {
  local venv=$1 imports=$2
  shift 2
  if "$venv/bin/python" -c "import $imports" >/dev/null 2>&1; then return 0; fi
  rm -rf "$venv"
  if ! python3 -m venv "$venv"; then
    # Debian's own python3 keeps ensurepip in python3-venv.
    apt_install python3-venv
    rm -rf "$venv"
    python3 -m venv "$venv"
  fi
  timeout 600 "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$@"
}
