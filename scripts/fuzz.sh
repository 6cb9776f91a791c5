#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer (and AddressSanitizer), checking its invariants
# (Sources/PostLint/Fuzz/FuzzTargets.swift), seeded from Fixtures/.
#   bash scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags]   (default 60 s; fixed seed 1)
#   bash scripts/fuzz.sh list
# A crash or invariant failure is saved under .build-fuzz/crashes/; copy it into
# Tests/Fuzz/regressions/TARGET/ so the normal tests replay it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
swift build --product postlint-fuzz >&2   # the replay build, for the seed list
replay=.build/debug/postlint-fuzz
if [ "${1:-}" = "list" ] || [ -z "${1:-}" ]; then "$replay" 2>&1 | sed 's/.*targets: //' | tr ',' '\n' | tr -d ' '; exit 0; fi
target=$1; seconds=${2:-60}; shift $(( $# >= 2 ? 2 : 1 ))
POSTLINT_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product postlint-fuzz >&2
corpus=.build-fuzz/corpus/$target
mkdir -p "$corpus" .build-fuzz/crashes
# Seeds: the fixtures this target reads (folders walked), and its regression inputs.
while IFS= read -r seed; do
  [ -e "$seed" ] || continue
  find "$seed" -type f -size -200k | while IFS= read -r file; do cp "$file" "$corpus/seed-$(echo "$file" | tr '/' '_')"; done
done < <("$replay" --seeds "$target")
[ -d "Tests/Fuzz/regressions/$target" ] && cp Tests/Fuzz/regressions/"$target"/* "$corpus/" 2>/dev/null || true
case $target in
  rule-yaml|config) dict=Tests/Fuzz/dictionaries/yaml.dict ;;
  markdown|html|suppressions|normalizer|lint|youtube|pinterest) dict=Tests/Fuzz/dictionaries/markdown.dict ;;
  archive|bluesky) dict="" ;;  # binary formats: no token dictionary
  *) dict=Tests/Fuzz/dictionaries/json.dict ;;
esac
dict_flag=()
[ -n "$dict" ] && dict_flag=(-dict="$dict")
POSTLINT_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/postlint-fuzz "$corpus" \
  -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 "${dict_flag[@]}" \
  -artifact_prefix=.build-fuzz/crashes/"$target"- -print_final_stats=1 "$@"
