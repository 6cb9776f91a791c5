#!/usr/bin/env bash
# Soak (issue 17): COPIES copies of a 1M-post synthetic corpus (10M posts by default) through
# `check --format jsonl` (piped in, one process) and through `audit` (the copies given as ten
# export files), RSS of the postlint process sampled every second from /proc.
#   POSTLINT=.build/release/postlint bash Benchmarks/run-soak.sh [COPIES] [POSTS_PER_COPY]
set -euo pipefail
cd "$(dirname "$0")/.."
copies=${1:-10}; posts=${2:-1000000}
POSTLINT=${POSTLINT:-.build/release/postlint}
out=$(mktemp -d /tmp/postlint-soak.XXXXXX)
corpus=$out/posts.jsonl
python3 ../shared/bench/make_corpus.py --posts "$posts" --format jsonl --out "$corpus"
# The audit reads each copy as its own export: hard links, one name each (no extra disk).
for i in $(seq "$copies"); do ln "$corpus" "$out/copy-$i.jsonl"; done

sample() {  # PID FILE: VmRSS every second until the process ends
  : > "$2"
  while kill -0 "$1" 2>/dev/null; do
    awk '/VmRSS/ {print $2}' "/proc/$1/status" 2>/dev/null >> "$2" || true
    sleep 1
  done
}
summary() {  # LABEL FILE
  python3 - "$1" "$2" <<'PY'
import sys
label, path = sys.argv[1], sys.argv[2]
values = [int(v) for v in open(path) if v.strip()]
n = len(values)
tenth = max(1, n // 10)
print(f"{label}: {n} RSS samples (one a second); peak {max(values) / 1024:.1f} MB")
print(f"{label}: max RSS by tenth of the run (MB): " + ", ".join(f"{max(values[i * tenth:(i + 1) * tenth] or [0]) / 1024:.1f}" for i in range(10)))
PY
}

start=$(date +%s)
for _ in $(seq "$copies"); do cat "$corpus"; done \
  | "$POSTLINT" check --no-config --input-format jsonl --format jsonl --fail-on never - \
      > "$out/check.jsonl" 2> "$out/check.log" &
pid=$!
sample "$pid" "$out/check.rss"
wait "$pid" || echo "check exited $?" >&2
echo "check --format jsonl: $(( $(date +%s) - start )) s; $(grep -c '"type":"finding"' "$out/check.jsonl") finding lines; $(tail -1 "$out/check.log")"
summary "check --format jsonl" "$out/check.rss"

start=$(date +%s)
"$POSTLINT" audit --no-config --format json "$out"/copy-*.jsonl > "$out/audit.json" 2> "$out/audit.log" &
pid=$!
sample "$pid" "$out/audit.rss"
wait "$pid" || echo "audit exited $?" >&2
echo "audit: $(( $(date +%s) - start )) s; $(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; print("{postsRead:,} posts read, {postsLinted:,} linted, {postsFlagged:,} flagged, {findings:,} findings, {badRecords} bad records".format(**s))' "$out/audit.json")"
summary "audit" "$out/audit.rss"
rm -f "$out"/copy-*.jsonl "$corpus" "$out/check.jsonl"
echo "logs in $out" >&2
