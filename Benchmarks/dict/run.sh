#!/usr/bin/env bash
# Dictionary coding, side by side: Watchfloor's cue matcher and full coder against the peers of
# shared/bench (pyahocorasick, flashtext, ripgrep), on the same machine, interleaved round by
# round so that load from other processes hits every tool alike. Prints one JSON line per run
# (also appended to $OUT) and, at the end, the median of each tool over the rounds and the ratios
# the targets are stated in.
#
# Usage: Benchmarks/dict/run.sh            # 3 rounds on the 140 MB corpus
#        ROUNDS=5 CORPUS=corpus25.txt Benchmarks/dict/run.sh
#        FLASHTEXT=1 Benchmarks/dict/run.sh  # also flashtext (slow: ~20 s a run)
#
# Environment: BENCH_DIR (shared/bench), DATA_DIR (/tmp/dictbench), ROUNDS (3), CORPUS (corpus.txt),
# WATCHFLOOR (a built binary; default: build the release product), OUT (results file),
# SCRATCH (SwiftPM scratch path for the release build; default .build).
# Set-up once per machine: pip install pyahocorasick flashtext numpy; apt-get install -y ripgrep
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
BENCH="${BENCH_DIR:-$ROOT/../shared/bench}"
DATA="${DATA_DIR:-/tmp/dictbench}"
ROUNDS="${ROUNDS:-3}"
CORPUS="${CORPUS:-corpus.txt}"
OUT="${OUT:-/tmp/watchfloor-dict-$(date +%Y%m%d-%H%M%S).jsonl}"

if [[ -z "${WATCHFLOOR:-}" ]]; then
    SCRATCH="${SCRATCH:-$ROOT/.build}"
    (cd "$ROOT" && swift build -c release --product watchfloor --scratch-path "$SCRATCH" >&2)
    WATCHFLOOR="$(cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/watchfloor"
fi
if [[ ! -f "$DATA/$CORPUS" || ! -f "$DATA/phrases.txt" ]]; then
    python3 "$BENCH/gen_corpus.py" --out "$DATA" >&2
fi

echo "# $(date -u +%FT%TZ) $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg); results in $OUT" >&2
for round in $(seq "$ROUNDS"); do
    echo "# round $round of $ROUNDS" >&2
    "$WATCHFLOOR" bench match --phrases "$DATA/phrases.txt" --corpus "$DATA/$CORPUS" --reps 1 | tee -a "$OUT"
    python3 "$BENCH/bench_dict.py" aho --dir "$DATA" --corpus "$CORPUS" --reps 1 --out "$OUT"
    python3 "$BENCH/bench_dict.py" rg --dir "$DATA" --corpus "$CORPUS" --reps 1 --out "$OUT"
    if [[ -n "${FLASHTEXT:-}" ]]; then
        python3 "$BENCH/bench_dict.py" flashtext --dir "$DATA" --corpus "$CORPUS" --reps 1 --out "$OUT"
    fi
    "$WATCHFLOOR" bench code --corpus "$DATA/$CORPUS" --reps 1 | tee -a "$OUT"
done

python3 - "$OUT" <<'PY'
import json, statistics, sys
runs = {}
for line in open(sys.argv[1]):
    record = json.loads(line)
    runs.setdefault(record["tool"], []).append(record)
def median(tool, key):
    return statistics.median(r[key] for r in runs[tool])
print(f"\n{'tool':18} {'runs':>4} {'median s':>9} {'docs/s':>10} {'MB/s':>8} {'matches':>9}")
for tool, records in runs.items():
    matches = records[-1].get("matches") or records[-1].get("events")
    print(f"{tool:18} {len(records):4} {median(tool, 'median_s'):9.3f} {median(tool, 'docs_per_s'):10.0f} "
          f"{median(tool, 'mb_per_s'):8.1f} {matches if matches is not None else '-':>9}")
if "watchfloor" in runs and "aho" in runs:
    print(f"\nmatcher vs pyahocorasick: {median('watchfloor', 'docs_per_s') / median('aho', 'docs_per_s'):.2f}x documents/s (target >= 3)")
if "watchfloor" in runs and "rg" in runs:
    print(f"rg -F vs matcher:         {median('rg', 'mb_per_s') / median('watchfloor', 'mb_per_s'):.2f}x MB/s (target <= 5)")
if "watchfloor" in runs:
    print(f"matches: {sorted(set(r['matches'] for r in runs['watchfloor']))} (expected 299456 on corpus.txt)")
if "watchfloor-code" in runs:
    r = runs["watchfloor-code"]
    keys = ["match_s", "text_s", "places_s", "rules_s", "events_s"]
    print("full coder: " + ", ".join(f"{k} {statistics.median(x[k] for x in r):.3f}" for k in keys))
PY
