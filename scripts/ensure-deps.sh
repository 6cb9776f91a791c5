#!/usr/bin/env bash
# Installs what postlint needs beyond Swift (PCRE2's headers and pkg-config) where missing.
set -euo pipefail
# PCRE2 for matching; zlib for reading ZIP exports (ZIPFoundation).
if pkg-config --exists libpcre2-8 zlib 2>/dev/null; then
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "postlint: installing libpcre2-dev, zlib1g-dev and pkg-config with apt-get" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libpcre2-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
  echo "postlint: installing pcre2 and pkg-config with Homebrew" >&2
  brew install pcre2 zlib pkg-config
else
  echo "postlint: PCRE2 is missing; install libpcre2-dev (Debian, Ubuntu) or pcre2 (Homebrew)" >&2
  exit 2
fi
