#!/usr/bin/env bash
# The loop, measured: for each scenario and seed, `watchfloor simulate --score` simulates two years,
# ingests the reporting into a fresh database, codes it with the real coder, raises the warnings
# with the real engine, and scores them against the truth — the injected shifts (named changes)
# and every change of at least 50% in what a warning watches (truth/expected.csv: real changes,
# named or not). It also scores the same analysis on the gold labels (a perfect coder), so the
# table separates what the analysis misses from what the coder's errors cost. Prints the table
# (Benchmarks/loop/table.py) with detection within 21 days, the delay distribution and false
# warnings per province-year, per warning kind.
#
# usage: Benchmarks/loop/run.sh [--seeds N] [--volume V] [--scenarios "a b c"] [--pack DIR] [--writer W] [--table-only]
#   --seeds N       seeds 1..N per scenario (default 10)
#   --pack DIR      analyse with this pack (e.g. a copy of packs/gift-politics with other
#                   analysis.yaml settings; default: the shipped pack)
#   --volume V      override every scenario's reporting volume (default: each scenario's own;
#                   the demo is 4, the others 1)
#   --scenarios     which scenarios (default: baseline and the six shift scenarios)
#   --writer W      who words the reporting: phrase-books (the project's) or house-styles (written
#                   by someone who had read neither the pack nor the phrase books); default: the
#                   scenario's (phrase-books)
#   --table-only    do not simulate; print the table of what OUT already holds
# environment: OUT (default /tmp/watchfloor-loop[-vV][-writer]), JOBS (parallel runs, default 2),
#              BINARY (a watchfloor binary to use as it is, instead of building the release one)
# needs: python3 (standard library only)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
seeds=10
volume=""
scenarios="baseline stopped-gifts budget-squeeze casualty-surge crackdown alliance-shift demo"
table_only=0
pack=""
writer=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --seeds) seeds=$2; shift 2 ;;
        --volume) volume=$2; shift 2 ;;
        --scenarios) scenarios=$2; shift 2 ;;
        --pack) pack=$(cd "$2" && pwd); shift 2 ;;
        --writer) writer=$2; shift 2 ;;
        --table-only) table_only=1; shift ;;
        *) echo "run.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
out=${OUT:-/tmp/watchfloor-loop${volume:+-v$volume}${writer:+-$writer}}
jobs=${JOBS:-2}
binary="${BINARY:-$root/.build/release/watchfloor}"

if [[ $table_only -eq 0 ]]; then
    if [[ -z "${BINARY:-}" ]]; then
        echo "building the release binary (takes a while the first time)…" >&2
        (cd "$root" && swift build -c release --product watchfloor >&2)
    fi
    mkdir -p "$out"
    echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" | tee "$out/machine.txt" >&2
    started=$(date +%s)
    runs=()
    for scenario in $scenarios; do
        file="$root/scenarios/$scenario.yaml"
        [[ -f "$file" ]] || { echo "run.sh: no scenario $file" >&2; exit 1; }
        mkdir -p "$out/$scenario"
        if [[ -n "$volume" ]]; then
            # A scenario of our own that extends the shipped one with another reporting volume.
            printf 'extends: %s\nname: %s\nreporting:\n  volume: %s\n' "$file" "$scenario" "$volume" > "$out/$scenario/scenario.yaml"
            file="$out/$scenario/scenario.yaml"
        fi
        # (no trailing blank: xargs -L would join the next line to this one)
        for seed in $(seq 1 "$seeds"); do runs+=("$file $out/$scenario/seed-$seed $seed ${writer:-scenario}${pack:+ $pack}"); done
    done
    [[ -n "$pack" ]] && echo "pack: $pack" | tee -a "$out/machine.txt" >&2
    [[ -n "$writer" ]] && echo "writer: $writer" | tee -a "$out/machine.txt" >&2
    printf '%s\n' "${runs[@]}" | xargs -P "$jobs" -L 1 sh -c '
        w=""; [ "$4" != scenario ] && w="--writer $4"
        "$0" simulate --scenario "$1" --out "$2" --seed "$3" --score $w ${5:+--pack "$5"} > "$2.log" 2>&1 || { echo "failed: $2 (see $2.log)" >&2; exit 255; }
        rm -f "$2/score.sqlite" "$2/score.sqlite-wal" "$2/score.sqlite-shm"
    ' "$binary"
    echo "${#runs[@]} runs in $(( $(date +%s) - started )) s" | tee -a "$out/machine.txt" >&2
fi
python3 "$here/table.py" "$out"
