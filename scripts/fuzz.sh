#!/usr/bin/env bash
# Fuzzes one parser with libFuzzer (and AddressSanitizer), checking its invariants
# (Sources/PostLint/Fuzz/FuzzTargets.swift), seeded from Fixtures/.
#   bash scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags]   (default 60 s; fixed seed 1)
#   bash scripts/fuzz.sh all SECONDS    every target in turn (what CI runs); exit 1 if any failed
#   bash scripts/fuzz.sh list
# POSTLINT_FUZZ_CONFIG=debug builds the instrumented fuzzer unoptimised (a third of the release
# build's time, fewer executions a second: what CI's short runs use); the default is release.
# A crash or invariant failure is saved under .build-fuzz/crashes/; copy it into
# Tests/Fuzz/regressions/TARGET/ so the normal tests replay it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
built=${POSTLINT_FUZZ_BUILT:-}   # set by `all` for each target it runs: build once
[ -n "$built" ] || bash scripts/ensure-deps.sh
[ -n "$built" ] || swift build --product postlint-fuzz >&2   # the replay build, for the seed list
replay=.build/debug/postlint-fuzz
targets() { "$replay" 2>&1 | sed 's/.*targets: //' | tr ',' '\n' | tr -d ' '; }
if [ "${1:-}" = "list" ] || [ -z "${1:-}" ]; then targets; exit 0; fi
target=$1; seconds=${2:-60}; shift $(( $# >= 2 ? 2 : 1 ))
config=${POSTLINT_FUZZ_CONFIG:-release}
[ -n "$built" ] || POSTLINT_FUZZ=1 swift build -c "$config" --scratch-path .build-fuzz --product postlint-fuzz >&2
if [ "$target" = "all" ]; then
  failed=()
  for each in $(targets); do
    echo "fuzz: $each for ${seconds} s ($config)" >&2
    if ! POSTLINT_FUZZ_BUILT=1 bash "$0" "$each" "$seconds" "$@" > ".build-fuzz/$each.log" 2>&1; then
      failed+=("$each"); tail -40 ".build-fuzz/$each.log" >&2
    fi
    grep -h 'stat::number_of_executed_units' ".build-fuzz/$each.log" | sed "s/^/fuzz: $each: /" >&2 || true
  done
  if [ ${#failed[@]} -gt 0 ]; then echo "fuzz: failed: ${failed[*]} (inputs in .build-fuzz/crashes/)" >&2; exit 1; fi
  echo "fuzz: every target ran ${seconds} s without a crash, hang or invariant failure" >&2
  exit 0
fi
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
POSTLINT_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 .build-fuzz/$config/postlint-fuzz "$corpus" \
  -seed=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 "${dict_flag[@]}" \
  -artifact_prefix=.build-fuzz/crashes/"$target"- -print_final_stats=1 "$@"
