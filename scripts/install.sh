#!/usr/bin/env bash
# Builds a release postlint with the Swift runtime linked in (--static-swift-stdlib) and
# installs it as PREFIX/bin/postlint. The binary needs only libpcre2-8, zlib and libarchive (and the C
# library) from the system, so it runs on machines without Swift.
#
#   bash scripts/install.sh                   # /usr/local/bin/postlint
#   bash scripts/install.sh --prefix ~/.local # ~/.local/bin/postlint
#
# POSTLINT_SCRATCH: the build folder (default .build/install, apart from the debug build).
set -euo pipefail
prefix=/usr/local
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: unknown argument '$1' (expected --prefix DIR)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
scratch="${POSTLINT_SCRATCH:-.build/install}"
swift build -c release --product postlint --static-swift-stdlib --scratch-path "$scratch" >&2
binary="$(swift build -c release --product postlint --static-swift-stdlib --scratch-path "$scratch" --show-bin-path)/postlint"
mkdir -p "$prefix/bin"
install -m 0755 "$binary" "$prefix/bin/postlint"
echo "installed $prefix/bin/postlint"
