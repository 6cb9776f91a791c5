#!/usr/bin/env bash
# Batch throughput and peak memory of `postlint check --format jsonl` on the synthetic corpus.
# Usage: bash Benchmarks/run-batch.sh [POSTS] [JOBS]   (defaults: 1000000 posts, all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
posts=${1:-1000000}
jobs=${2:-$(nproc)}
corpus=/tmp/postlint-bench-$posts.jsonl
[ -f "$corpus" ] || python3 ../shared/bench/make_corpus.py --posts "$posts" --format jsonl --out "$corpus"
bash scripts/ensure-deps.sh
swift build -c release --product postlint >&2
bytes=$(stat -c %s "$corpus")
/usr/bin/time -v .build/release/postlint check --format jsonl --fail-on never --jobs "$jobs" "$corpus" > /dev/null 2> /tmp/postlint-bench-time.txt
seconds=$(awk -F': ' '/Elapsed/ {split($2, t, ":"); s = 0; for (i = 1; i <= length(t); i++) s = s * 60 + t[i]; print s}' /tmp/postlint-bench-time.txt)
rss=$(awk -F': ' '/Maximum resident/ {print $2}' /tmp/postlint-bench-time.txt)
python3 - "$posts" "$jobs" "$bytes" "$seconds" "$rss" <<'PY'
import sys
posts, jobs, size, seconds, rss = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
print(f"posts={posts} jobs={jobs} input={size/1e6:.1f} MB time={seconds:.2f} s "
      f"throughput={size/1e6/seconds:.2f} MB/s ({posts/seconds:,.0f} posts/s) peak_rss={rss/1024:.1f} MB")
PY
