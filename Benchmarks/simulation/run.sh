#!/usr/bin/env bash
# The gift-politics model's speed beside Mesa's Epstein civil-violence model, on this machine,
# in this session. Prints both tools' JSON lines, then a table of agent-steps per second.
#
#   Benchmarks/simulation/run.sh                 # 50,000 families × 520 weeks, 5 reps; Mesa 100 steps × 3 reps
#   FAMILIES=20000 WEEKS=104 REPS=3 Benchmarks/simulation/run.sh
#   MESA_BENCH=/path/to/bench_mesa.py Benchmarks/simulation/run.sh
#
# Needs: a Swift toolchain; python3 with mesa (`pip install mesa`). Machines here are shared and
# noisy: quote the medians and the ratio, not one absolute time.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FAMILIES="${FAMILIES:-50000}"
WEEKS="${WEEKS:-520}"
REPS="${REPS:-5}"
MESA_BENCH="${MESA_BENCH:-$ROOT/../shared/bench/bench_mesa.py}"
OUT="${OUT:-/tmp/watchfloor-bench-simulation}"
mkdir -p "$OUT"

cd "$ROOT"
echo "== build (release)" >&2
swift build -c release --product watchfloor >&2
BIN="$(swift build -c release --show-bin-path)/watchfloor"

echo "== machine" >&2
{ nproc; uptime; } >&2

echo "== watchfloor bench simulate ($FAMILIES families, $WEEKS weeks, $REPS reps)" >&2
"$BIN" bench simulate --families "$FAMILIES" --weeks "$WEEKS" --reps "$REPS" | tee "$OUT/watchfloor.jsonl"

echo "== Mesa Epstein civil violence ($MESA_BENCH)" >&2
rm -f "$OUT/mesa.jsonl"
python3 "$MESA_BENCH" --reps 3 --out "$OUT/mesa.jsonl" >&2
cat "$OUT/mesa.jsonl"

python3 - "$OUT/watchfloor.jsonl" "$OUT/mesa.jsonl" <<'PY'
import json, statistics, sys
ours = [json.loads(l) for l in open(sys.argv[1])]
mesa = [json.loads(l) for l in open(sys.argv[2])]
rows = []
for r in ours:
    if r["variant"] == "model":
        rows.append(("watchfloor model (Swift, 1 thread)", r["families"], r["weeks"], r["median_s"],
                     r["family_steps"] / r["median_s"]))
for r in mesa:
    agents = statistics.median(c + k for c, k in zip(r["citizens"], r["cops"]))
    rows.append((f"Mesa {r['mesa']} Epstein {r['config']}/{r['variant']}", agents, r["steps"], r["median_s"],
                 agents * r["steps_per_s"]))
best_mesa = max(v for name, *_, v in rows if name.startswith("Mesa"))
print()
print(f"{'model':48} {'agents':>8} {'steps':>6} {'median s':>9} {'agent-steps/s':>15} {'× Mesa best':>12}")
for name, agents, steps, seconds, rate in rows:
    print(f"{name:48} {agents:>8.0f} {steps:>6} {seconds:>9.3f} {rate:>15,.0f} {rate / best_mesa:>12.1f}")
reporting = [r for r in ours if r["variant"] == "reporting"]
for r in reporting:
    print(f"\nreporting from the same truth: median {r['median_s']:.3f} s for {statistics.median(r['documents']):.0f} documents")
PY
