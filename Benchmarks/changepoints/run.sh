#!/usr/bin/env bash
# Change-point detection, side by side: Watchfloor's Poisson–Gamma BOCPD against the baselines of
# ../shared/bench (numpy BOCPD, compiled PELT) on the same cp_lib.gen_poisson series, in one run on
# one machine. Prints a table of speed and of quality (precision / recall / delay by change type).
#
# usage: Benchmarks/changepoints/run.sh [--quick]
#   --quick   skip the slow Python baselines at 1,000,000 points (numpy BOCPD takes about a minute)
# environment: BENCH (default: ../shared/bench from the repository), OUT (default: /tmp/watchfloor-cp)
# needs: python3 with numpy, scipy, ruptures, ruptures-rs (pip install numpy scipy ruptures ruptures-rs)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bench=${BENCH:-$root/../shared/bench}
out=${OUT:-/tmp/watchfloor-cp}
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1
[[ -f "$bench/cp_lib.py" ]] || { echo "run.sh: cannot find cp_lib.py in $bench (set BENCH)" >&2; exit 1; }

binary="$root/.build/release/watchfloor"
if [[ ! -x "$binary" ]]; then
    echo "building the release binary (takes a while the first time)…" >&2
    (cd "$root" && swift build -c release --product watchfloor >&2)
fi

# The detector as benchmarked: the generator's mean segment length as hazard (bench_cp's HAZ = 200,
# the same oracle the numpy BOCPD gets), prune at 1e-3 (see docs/ANALYSIS.md for the sweep).
ours=(--hazard-days 200 --prior empirical:0.5 --recent-days 120 --confirmation-days 3
      --alarm-probability 0.7 --separation-days 10 --prune-mass 1e-3 --max-hypotheses 400)

rm -rf "$out"
mkdir -p "$out"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)" >&2
python3 "$here/gen_series.py" --bench "$bench" --out "$out"

echo "speed: watchfloor…" >&2
"$binary" bench changepoints --reps 5 "${ours[@]}" \
    $(for n in 1000 10000 100000 1000000; do echo --input "$out/speed/poisson_$n.txt"; done) \
    | python3 -c "
import json, re, sys
for line in sys.stdin:
    r = json.loads(line); r['n'] = int(re.search(r'poisson_(\d+)', r['input']).group(1)) if r['n'] else 0
    print(json.dumps(r))" > "$out/ours_speed.jsonl"

sizes=1000,10000,100000,1000000
[[ $quick == 1 ]] && sizes=1000,10000,100000
for method in numpy_bocpd_poisson rrs_pelt_l2_j1; do
    echo "speed: $method…" >&2
    (cd "$bench" && python3 bench_cp.py "$method" --sizes "$sizes" --out "$out/base_speed.jsonl" >&2)
done

echo "quality: watchfloor…" >&2
"$binary" bench changepoints --reps 1 "${ours[@]}" --alarms "$out/alarms" \
    $(for s in $(seq 0 9); do echo --input "$out/quality/q_$s.txt"; done) > /dev/null
python3 "$here/score.py" --bench "$bench" --series "$out/quality" --alarms "$out/alarms" > "$out/ours_quality.jsonl"
echo "quality: baselines…" >&2
(cd "$bench" && python3 quality_cp.py --methods numpy_bocpd_poisson,numpy_pelt_poisson,rrs_pelt_l2_j1 \
    --out "$out/base_quality.jsonl" > /dev/null)

python3 "$here/table.py" --ours-speed "$out/ours_speed.jsonl" --base-speed "$out/base_speed.jsonl" \
    --ours-quality "$out/ours_quality.jsonl" --base-quality "$out/base_quality.jsonl"
