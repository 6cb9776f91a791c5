#!/usr/bin/env bash
# Installs what postlint needs beyond Swift where missing: PCRE2 (matching) and zlib
# (ZIP exports, through ZIPFoundation), with their headers, and pkg-config to find them.
set -euo pipefail
if pkg-config --exists libpcre2-8 zlib 2>/dev/null; then
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "postlint: installing libpcre2-dev, zlib1g-dev and pkg-config with apt-get" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libpcre2-dev zlib1g-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
  echo "postlint: installing pcre2, zlib and pkg-config with Homebrew" >&2
  brew install pcre2 zlib pkg-config
else
  echo "postlint: PCRE2 or zlib is missing; install libpcre2-dev and zlib1g-dev (Debian, Ubuntu) or pcre2 and zlib (Homebrew)" >&2
  exit 2
fi
if ! pkg-config --exists libpcre2-8 zlib; then
  echo "postlint: libpcre2-8 or zlib is still not found by pkg-config after installing" >&2
  exit 2
fi
