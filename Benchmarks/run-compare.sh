#!/usr/bin/env bash
# postlint against reference engines on the same synthetic corpus, same machine, same run:
# postlint (jobs 1 and 2), ripgrep with PCRE2 (-P) and with its default engine on the
# exported patterns, and Hyperscan (whole buffer and per post). Prints MB/s and the ratio
# postlint / reference. Needs ripgrep (apt) and hyperscan (pip); installs them if missing.
# Usage: bash Benchmarks/run-compare.sh [POSTS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-100000}
corpus=/tmp/postlint-bench-$posts.jsonl
[ -f "$corpus" ] || python3 ../shared/bench/make_corpus.py --posts "$posts" --format jsonl --out "$corpus"
command -v rg >/dev/null || { apt-get update -qq && apt-get install -y -qq ripgrep >/dev/null; }
python3 -c "import hyperscan" 2>/dev/null || python3 -m pip install --quiet hyperscan
bash scripts/ensure-deps.sh
swift build -c release --product postlint >&2
bin=.build/release/postlint
size=$(stat -c %s "$corpus")
$bin rules export-patterns > /tmp/postlint-patterns.pcre2
$bin rules export-patterns --dialect portable > /tmp/postlint-patterns.portable 2>/dev/null

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
mbps() { echo "scale=2; $size / 1000000 / $1" | bc -l; }

p1=$(seconds $bin check --no-config --format jsonl --fail-on never --jobs 1 "$corpus")
p2=$(seconds $bin check --no-config --format jsonl --fail-on never --jobs 2 "$corpus")
# rg -P joins all patterns into one PCRE2 regex, which is too large: run them in groups of 20
# and add up the times (closest to running each rule's patterns in turn).
rm -f /tmp/postlint-patterns.pcre2.part*
split -l 20 /tmp/postlint-patterns.pcre2 /tmp/postlint-patterns.pcre2.part
rgp=0
for part in /tmp/postlint-patterns.pcre2.part*; do
  rgp=$(echo "$rgp + $(seconds rg -P -c -f "$part" "$corpus")" | bc -l)
done
rgd=$(seconds rg -c -f /tmp/postlint-patterns.portable "$corpus")
# The ASCII variant (as the issue's reference point): non-ASCII characters dropped from the
# patterns' classes, \p{L} as [A-Za-z]; ASCII word boundaries and case folding.
python3 - /tmp/postlint-patterns.portable > /tmp/postlint-patterns.ascii <<'PY'
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.replace(r"\p{Lu}", "A-Z").replace(r"\p{L}", "A-Za-z").replace(r"\p{N}", "0-9")
    line = "".join(c for c in line if ord(c) < 128)
    print(line.rstrip("\n"))
PY
rga=$(seconds rg --no-unicode -c -f /tmp/postlint-patterns.ascii "$corpus")
rg --no-unicode -c -f /tmp/postlint-patterns.ascii "$corpus" > /dev/null
echo "corpus: $posts posts, $(echo "scale=1; $size / 1000000" | bc) MB"
echo "postlint --jobs 1: $(mbps "$p1") MB/s"
echo "postlint --jobs 2: $(mbps "$p2") MB/s"
echo "rg -P (PCRE2, $(wc -l < /tmp/postlint-patterns.pcre2) patterns in groups of 20): $(mbps "$rgp") MB/s; postlint jobs 1 / rg -P = $(echo "scale=2; $rgp / $p1" | bc -l)"
echo "rg (default engine, $(wc -l < /tmp/postlint-patterns.portable) portable patterns): $(mbps "$rgd") MB/s; postlint jobs 1 / rg = $(echo "scale=3; $rgd / $p1" | bc -l)"
echo "rg --no-unicode (default engine, ASCII word boundaries and case): $(mbps "$rga") MB/s; postlint jobs 1 / rg --no-unicode = $(echo "scale=3; $rga / $p1" | bc -l)"
python3 Benchmarks/hyperscan_bench.py /tmp/postlint-patterns.portable "$corpus"
