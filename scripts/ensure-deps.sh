#!/usr/bin/env bash
# Installs what postlint needs beyond Swift where missing: PCRE2 (matching), zlib (ZIP exports,
# ZIPFoundation), libarchive (tar/tar.gz exports), Vectorscan (the literal prefilter) and
# pkg-config, which finds them.
set -euo pipefail
if pkg-config --exists libpcre2-8 zlib libarchive libhs 2>/dev/null; then
  exit 0
fi
sudo_cmd=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; fi
if command -v apt-get >/dev/null 2>&1; then
  echo "postlint: installing libpcre2-dev, zlib1g-dev, libarchive-dev, libvectorscan-dev and pkg-config with apt-get" >&2
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libpcre2-dev zlib1g-dev libarchive-dev libvectorscan-dev pkg-config >/dev/null
elif command -v brew >/dev/null 2>&1; then
  echo "postlint: installing pcre2, zlib, libarchive, vectorscan and pkg-config with Homebrew" >&2
  brew install pcre2 zlib libarchive vectorscan pkg-config
  # Homebrew's libarchive is keg-only: let pkg-config find it.
  echo "postlint: if pkg-config cannot find libarchive, export PKG_CONFIG_PATH=\"$(brew --prefix libarchive)/lib/pkgconfig:\$PKG_CONFIG_PATH\"" >&2
else
  echo "postlint: PCRE2, zlib, libarchive or Vectorscan is missing; install libpcre2-dev, zlib1g-dev, libarchive-dev and libvectorscan-dev (Debian, Ubuntu) or pcre2, zlib, libarchive and vectorscan (Homebrew)" >&2
  exit 2
fi
# apt-get puts every .pc file where pkg-config looks: make sure the install really happened.
if command -v apt-get >/dev/null 2>&1 && ! pkg-config --exists libpcre2-8 zlib libarchive libhs; then
  echo "postlint: libpcre2-8, zlib, libarchive or libhs is still not found by pkg-config after installing" >&2
  exit 2
fi
