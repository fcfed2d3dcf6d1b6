#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Fuzz/Sources/WatchfloorFuzz) with -sanitize=fuzzer,address and runs
# each for a given time on a seed corpus made from the project's fixtures and samples.
#
#   Fuzz/run.sh                       # every harness, 60 s each
#   Fuzz/run.sh 3600 feed html        # named harnesses, an hour each
#   JOBS=2 Fuzz/run.sh 600            # two harnesses at a time
#
# Harnesses: jsonl csv feed html markdown detect coder pack settings query.
# A run fails (exit 1) when any harness crashes, leaks, runs out of memory (-rss_limit_mb) or takes
# longer than -timeout on one input (super-linear work is a bug). The input that did it is kept in
# $WORK/<harness>/crashes/; add it to Fuzz/regressions/<harness>/ with the fix, where
# `Fuzz/run.sh --regressions` replays every one (CI does).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/watchfloor-fuzz}
JOBS=${JOBS:-1}
ALL=(jsonl csv feed html markdown detect coder pack settings query)
SCRATCH="$ROOT/.build-fuzz"
# Swift's own crash handler reads memory that AddressSanitizer forbids: let libFuzzer report.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS=suppressions=$ROOT/Fuzz/lsan.supp

replay=0
if [ "${1:-}" = "--regressions" ]; then replay=1; shift; fi
seconds=${1:-60}
[ $# -gt 0 ] && shift
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${ALL[@]}")

echo "== building the harnesses (release, -sanitize=fuzzer,address)"
swift build -c release --package-path "$ROOT/Fuzz" --scratch-path "$SCRATCH" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld 2>&1 | grep -Ev '^\[[0-9]+/[0-9]+\]' || true
BIN="$SCRATCH/release/WatchfloorFuzz"
[ -x "$BIN" ] || { echo "the fuzz build failed" >&2; exit 1; }

# One seed corpus per harness: the samples and scenario files the project ships, and the small
# hostile inputs kept in Fuzz/seeds/<harness>/ (entity expansion, NUL bytes, broken encodings).
seed() {
  local harness=$1 into=$2
  mkdir -p "$into"
  case $harness in
    jsonl) cp "$ROOT"/samples/illustrative/*.jsonl "$into"/ ;;
    csv) cp "$ROOT"/samples/illustrative/*.csv "$into"/ ;;
    feed) cp "$ROOT"/samples/illustrative/*.rss "$into"/ ;;
    html) cp "$ROOT"/samples/illustrative/*.html "$into"/ ;;
    markdown) cp "$ROOT"/samples/illustrative/*.md "$into"/ ;;
    detect|coder) cp "$ROOT"/samples/illustrative/* "$into"/ ;;
    pack) local i=0; for f in "$ROOT"/packs/gift-politics/*.yaml "$ROOT"/packs/gift-politics/languages/*.yaml; do
            printf "\\x$(printf %02x $i)" > "$into/$(basename "$f")"; cat "$f" >> "$into/$(basename "$f")"; i=$((i+1)); done ;;
    settings) for f in "$ROOT"/scenarios/*.yaml; do { printf '\x00'; cat "$f"; } > "$into/$(basename "$f")"; done ;;
    query) printf 'type=GIFT_DELIVERY&province=KP-10&since=2025-09-01&until=2025-12-31&page=2' > "$into/events"
           printf 'q=%%EC%%9C%%A0%%EA%%B0%%80%%EC%%A1%%B1+gifts&language=ko&limit=5' > "$into/search"
           printf 'status=open&source_kind=insider&province=none&type=W3' > "$into/warnings" ;;
  esac
  if [ -d "$ROOT/Fuzz/seeds/$harness" ]; then cp "$ROOT/Fuzz/seeds/$harness"/* "$into"/ 2>/dev/null || true; fi
}

# Every input that once crashed a harness, replayed: each must now run clean.
if [ $replay = 1 ]; then
  status=0
  for harness in "${harnesses[@]}"; do
    dir="$ROOT/Fuzz/regressions/$harness"
    [ -d "$dir" ] || continue
    echo "== replaying $(ls "$dir" | wc -l) regression inputs for $harness"
    WATCHFLOOR_FUZZ_HARNESS=$harness "$BIN" -timeout=10 -rss_limit_mb=2048 "$dir"/* || status=1
  done
  exit $status
fi

run_one() {
  local harness=$1
  local dir="$WORK/$harness"
  mkdir -p "$dir/corpus" "$dir/crashes"
  rm -f "$dir"/crashes/*   # a kept failure belongs in Fuzz/regressions/
  seed "$harness" "$dir/seeds"
  local max_len=65536
  [ "$harness" = query ] && max_len=4096
  WATCHFLOOR_FUZZ_HARNESS=$harness "$BIN" "$dir/corpus" "$dir/seeds" \
    -max_total_time="$seconds" -max_len=$max_len -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/crashes/" >"$dir/log" 2>&1
}

echo "== fuzzing ${harnesses[*]} for ${seconds}s each, $JOBS at a time; logs in $WORK/<harness>/log"
failed=()
running=0
declare -A pids
for harness in "${harnesses[@]}"; do
  run_one "$harness" & pids[$harness]=$!
  running=$((running + 1))
  if [ "$running" -ge "$JOBS" ]; then wait -n || true; running=$((running - 1)); fi
done
for harness in "${harnesses[@]}"; do
  wait "${pids[$harness]}" || failed+=("$harness")
done

printf '%-10s %12s %10s %8s %s\n' harness executions exec/s corpus result
for harness in "${harnesses[@]}"; do
  log="$WORK/$harness/log"
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo "[0-9]+$" | tail -1 || echo 0)
  rate=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo "[0-9]+$" | tail -1 || echo 0)
  corpus=$(ls "$WORK/$harness/corpus" | wc -l)
  result=ok
  [[ " ${failed[*]} " == *" $harness "* ]] && result="FAILED: $(grep -Em1 'ERROR|invariant|Fatal error|timeout' "$log" || echo see log) ($(ls "$WORK/$harness/crashes" | head -1))"
  printf '%-10s %12s %10s %8s %s\n' "$harness" "$runs" "$rate" "$corpus" "$result"
done
[ ${#failed[@]} -eq 0 ] || exit 1
