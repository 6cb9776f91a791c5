#!/usr/bin/env bash
# postlint against reference engines on the same synthetic corpus, same machine, same run:
# postlint (jobs 1 and 2, elapsed and CPU time), Vectorscan on the prefilter's literals and
# (with HS_REGEX=1; compiling takes minutes) on the exported patterns, whole buffer and post by
# post (Benchmarks/hs_bench.c), and ripgrep with its default engine (ASCII) and with PCRE2
# (-P) where rg is installed. Prints MB/s and the ratio postlint / reference.
# The hand-written Aho-Corasick prefilter postlint used before Vectorscan is removed; its last
# figures are in results/2026-12-02-throughput.md.
# Usage: bash Benchmarks/run-compare.sh [POSTS]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-100000}
corpus=/tmp/postlint-bench-$posts.jsonl
[ -f "$corpus" ] || python3 ../shared/bench/make_corpus.py --posts "$posts" --format jsonl --out "$corpus"
bash scripts/ensure-deps.sh
swift build -c release --product postlint >&2
bin=.build/release/postlint
hs_bench=/tmp/postlint-hs_bench
cc -O2 -o "$hs_bench" Benchmarks/hs_bench.c $(pkg-config --cflags --libs libhs)
size=$(stat -c %s "$corpus")
$bin rules export-patterns > /tmp/postlint-patterns.pcre2
$bin rules export-patterns --dialect portable > /tmp/postlint-patterns.portable 2>/dev/null
$bin rules export-patterns --dialect literals > /tmp/postlint-patterns.literals

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null 2>&1 || true; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
mbps() { echo "scale=2; $size / 1000000 / $1" | bc -l; }
# CPU seconds (task-clock) of a command, when perf is installed (the steadier figure on a shared machine).
cpu() {
  command -v perf >/dev/null || { echo "n/a"; return; }
  perf stat -x, -e task-clock -o /tmp/postlint-perf.txt "$@" > /dev/null 2>&1 || true
  awk -F, '/task-clock/ { printf "%.2f", $1 / 1000 }' /tmp/postlint-perf.txt
}

echo "corpus: $posts posts, $(echo "scale=1; $size / 1000000" | bc) MB"
for jobs in 1 2; do
  elapsed=$(seconds $bin check --no-config --format jsonl --fail-on never --jobs $jobs "$corpus")
  eval "p$jobs=$elapsed"
  echo "postlint --jobs $jobs: $(mbps "$elapsed") MB/s elapsed; CPU $(cpu $bin check --no-config --format jsonl --fail-on never --jobs $jobs "$corpus") s"
done
echo "postlint with the previous prefilter (hand-written Aho-Corasick): removed; see Benchmarks/results/2026-12-02-throughput.md"
"$hs_bench" literals /tmp/postlint-patterns.literals "$corpus"
if [ "${HS_REGEX:-0}" = 1 ]; then "$hs_bench" regex /tmp/postlint-patterns.portable "$corpus"; fi
if command -v rg >/dev/null; then
  # The ASCII variant: non-ASCII characters dropped from the patterns' classes, \p{L} as [A-Za-z].
  python3 - /tmp/postlint-patterns.portable > /tmp/postlint-patterns.ascii <<'PY'
import sys
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.replace(r"\p{Lu}", "A-Z").replace(r"\p{L}", "A-Za-z").replace(r"\p{N}", "0-9")
    line = "".join(c for c in line if ord(c) < 128)
    print(line.rstrip("\n"))
PY
  rga=$(seconds rg --no-unicode -c -f /tmp/postlint-patterns.ascii "$corpus")
  echo "rg --no-unicode (default engine, ASCII, $(wc -l < /tmp/postlint-patterns.ascii) patterns): $(mbps "$rga") MB/s; postlint jobs 1 / rg = $(echo "scale=3; $rga / $p1" | bc -l)"
  # rg -P joins all patterns into one PCRE2 regex, which is too large: groups of 20, times added.
  rm -f /tmp/postlint-patterns.pcre2.part*
  split -l 20 /tmp/postlint-patterns.pcre2 /tmp/postlint-patterns.pcre2.part
  rgp=0
  for part in /tmp/postlint-patterns.pcre2.part*; do rgp=$(echo "$rgp + $(seconds rg -P -c -f "$part" "$corpus")" | bc -l); done
  echo "rg -P (PCRE2, $(wc -l < /tmp/postlint-patterns.pcre2) patterns in groups of 20): $(mbps "$rgp") MB/s; postlint jobs 1 / rg -P = $(echo "scale=2; $rgp / $p1" | bc -l)"
else
  echo "rg: not installed (apt-get install ripgrep), left out"
fi
