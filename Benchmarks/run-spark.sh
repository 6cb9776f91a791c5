#!/usr/bin/env bash
# The Spark integration against the plain binary on the same JSON Lines corpus, and the
# streaming mode's memory on many posts piped in. Prints Markdown rows; see
# Benchmarks/results/*-spark.md.
#   bash Benchmarks/run-spark.sh [posts.jsonl] [copies piped for the memory run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-/tmp/posts.jsonl}
copies=${2:-10}
[ -f "$corpus" ] || python3 ../shared/bench/make_corpus.py --posts 1000000 --format jsonl --out "$corpus"
swift build -c release --product postlint >/dev/null
export POSTLINT=$PWD/.build/release/postlint
venv=$PWD/.venv-spark
export PYSPARK_PYTHON=$venv/bin/python
posts=$(wc -l < "$corpus")
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

seconds() { local start=$1; python3 -c "import time,sys; print(f'{time.time()-float(sys.argv[1]):.1f}')" "$start"; }
row() { printf '| %s | %s s | %s posts/s |\n' "$1" "$2" "$(python3 -c "print(f'{$posts/$2:,.0f}')")"; }

echo "| run | wall time | throughput |"
echo "| --- | --- | --- |"
for jobs in 1 2; do
  start=$(date +%s.%N)
  "$POSTLINT" check --no-config --format jsonl --fail-on never --jobs "$jobs" "$corpus" > "$out/single.jsonl" 2>/dev/null
  row "plain binary, --jobs $jobs" "$(seconds "$start")"
done
for cores in 1 2; do
  start=$(date +%s.%N)
  "$venv/bin/python" integrations/spark/postlint_spark.py --master "local[$cores]" --input "$corpus" \
    --output "$out/spark$cores" --partition-mb 32 2>"$out/spark$cores.log"
  row "postlint_spark.py, local[$cores]" "$(seconds "$start")"
done
tail -1 "$out/spark2.log" >&2
grep -c '"type":"finding"' "$out/single.jsonl" | sed 's/^/findings (plain binary): /' >&2

# Memory of the streaming mode: $copies copies of the corpus piped through one process, RSS
# sampled every second from /proc.
for _ in $(seq "$copies"); do cat "$corpus"; done \
  | "$POSTLINT" check --no-config --input-format jsonl --format jsonl --fail-on never --skip-bad-records - \
      > /dev/null 2> "$out/stream.log" &
pid=$!  # the last command of the pipeline: postlint itself
: > "$out/rss"
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do
  awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null >> "$out/rss" || true
  sleep 1
done
wait
python3 - "$out/rss" <<'PY' >&2
import sys
values = [int(v) for v in open(sys.argv[1]) if v.strip()]
n = len(values)
if n:
    tenth = max(1, n // 10)
    print(f"RSS samples: {n}; first 10%: max {max(values[:tenth]) / 1024:.1f} MB; last 10%: max {max(values[-tenth:]) / 1024:.1f} MB; peak {max(values) / 1024:.1f} MB")
    print("RSS by tenth (MB): " + ", ".join(f"{max(values[i * tenth:(i + 1) * tenth] or [0]) / 1024:.1f}" for i in range(10)))
PY
tail -1 "$out/stream.log" >&2
