#!/usr/bin/env bash
# Load on `postlint serve` over loopback, bounded in time: 64 concurrent connections (wrk,
# 2 threads) POST a typical ~2 KB draft for 20 s to /v1/check (and, shorter, to /v2/check in
# LanguageTool's form shape), while the server's RSS is sampled once a second. Prints the
# figures; see Benchmarks/results/*-serve.md. Then the same connections as writers typing:
# each waits 300 ms (the page's debounce) after an answer before its next check.
#   bash Benchmarks/run-serve.sh [seconds, default 20] [connections, default 64]
# POSTLINT: the binary (default: a release build). Needs Debian's wrk (installed if missing).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
connections=${2:-64}
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
if [ -z "${POSTLINT:-}" ]; then
  swift build -c release --product postlint >&2
  POSTLINT="$(swift build -c release --show-bin-path)/postlint"
fi
work=$(mktemp -d)
server=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A typical awareness post of about 2 KB with a few findings (toxic positivity, a stigmatising
# phrase, an unsourced claim) and mostly clean prose.
cat > "$work/draft.txt" <<'DRAFT'
It's Mental Health Awareness Week, and I want to share a little of my story.

Two years ago I stopped sleeping. I told myself it was work, then the move, then the winter.
My friends kept saying good vibes only, and everything happens for a reason, and I nodded,
because that is what you do. I didn't want to be the person who brings the mood down at
dinner. It took a long time, and a very patient GP, before I could say the words out loud.

What helped me most was not a slogan. It was one friend who sat with me on the kitchen floor
and said "that sounds really hard, I'm here". It was a waiting list that was long but did end.
It was learning that recovery is not a straight line, and that a bad week is not a failure.

A few things I have learned since then:

- Ask how someone is, and then ask again. The second answer is usually the true one.
- You don't need the perfect words. Listening is most of the work.
- My cousin suffers from depression and she is also the funniest person I know. Both are true.
- Studies show that walking cures anxiety, so I walk every morning now.
- Rest is not laziness. Sleep is not a reward you earn.
- Therapy is not only for a crisis. I go on the good weeks too.

If you are struggling right now, please talk to someone you trust, or to your GP. You are not
a burden, and you do not have to earn help by being "bad enough" first. It's okay to not be
okay, and it's okay to say so.

To everyone who checked in on me this year: thank you. You didn't fix anything, and you
didn't have to. You stayed, and that mattered more than I can say.

Be gentle with yourselves this week. Drink some water, open a window, text the friend you
keep meaning to text. I'll be around in the comments if anyone wants to talk.
DRAFT
python3 - "$work" <<'PY'
import json, sys, urllib.parse, pathlib
work = pathlib.Path(sys.argv[1])
text = (work / "draft.txt").read_text()
(work / "v1.json").write_text(json.dumps({"text": text, "format": "text"}))
(work / "v2.form").write_text(urllib.parse.urlencode({"language": "en-GB", "text": text}))
PY
bytes=$(wc -c < "$work/draft.txt")

"$POSTLINT" serve --port 0 2>"$work/server.log" &
server=$!
url=""
for _ in $(seq 1 300); do
  url="$(sed -n 's/^postlint serve: listening on \(http[^ ]*\)$/\1/p' "$work/server.log" | head -n 1)"
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/server.log" >&2; exit 1; }
findings=$(curl -s -H 'Content-Type: application/json' --data-binary @"$work/v1.json" "${url}v1/check" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["findings"]))')

# RSS once a second, from the server's own /proc entry.
( while kill -0 "$server" 2>/dev/null; do awk '/^VmRSS/ {print $2}' "/proc/$server/status" 2>/dev/null; sleep 1; done ) > "$work/rss.txt" &
sampler=$!
sleep 1
echo "draft: $bytes bytes, $findings findings; connections: $connections; machine: $(nproc) cores shared with other work (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "/v1/check: $(POSTLINT_BODY="$work/v1.json" timeout $((seconds + 30)) wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s Benchmarks/serve-post.lua "${url}v1/check" | tail -n 1)"
rss_v1=$(wc -l < "$work/rss.txt")
short=$(( seconds / 2 > 5 ? seconds / 2 : 5 ))
echo "/v2/check: $(POSTLINT_BODY="$work/v2.form" POSTLINT_CONTENT_TYPE=application/x-www-form-urlencoded timeout $((short + 30)) wrk -t2 -c"$connections" -d"${short}s" --timeout 10s -s Benchmarks/serve-post.lua "${url}v2/check" | tail -n 1)"
echo "/v1/check, $connections writers, 300 ms between checks: $(POSTLINT_THINK_MS=300 POSTLINT_BODY="$work/v1.json" timeout $((seconds + 30)) wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s -s Benchmarks/serve-post.lua "${url}v1/check" | tail -n 1)"
sleep 2
kill "$sampler" 2>/dev/null || true; sampler=""
python3 - "$work/rss.txt" "$rss_v1" <<'PY'
import sys
values = [int(v) / 1024 for v in open(sys.argv[1]).read().split()]
first_run = values[: int(sys.argv[2])]
print(f"RSS (MiB, sampled each second): at start {values[0]:.1f}, peak {max(values):.1f}, "
      f"end of the /v1 run {first_run[-1]:.1f}, at the end {values[-1]:.1f}; "
      f"samples: {' '.join(f'{v:.0f}' for v in values)}")
PY
requests=$(grep -c 'path=/v' "$work/server.log" || true)
echo "access log lines: $requests"
