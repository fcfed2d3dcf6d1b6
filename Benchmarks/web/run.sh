#!/usr/bin/env bash
# Dashboard latency under load: 1,000,000 synthetic coded events in SQLite, `watchfloor serve` on a
# release build, wrk with 50 connections for 30 s on the overview, a province page and a filtered
# events page, with the page cache on (the default) and off (every request renders afresh).
#
#   Benchmarks/web/run.sh                      # fills $WORK/web-1m.sqlite once (~2-3 min), then measures
#   EVENTS=200000 DURATION=10 Benchmarks/web/run.sh
#
# Needs wrk and curl (apt-get install wrk curl). Writes under $WORK (default /tmp/watchfloor-bench);
# nothing is written into the repository. Prints one JSON line per page and cache mode.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/watchfloor-bench}
EVENTS=${EVENTS:-1000000}
DURATION=${DURATION:-30}
CONNECTIONS=${CONNECTIONS:-50}
mkdir -p "$WORK"
command -v wrk >/dev/null || { echo "needs wrk: apt-get install wrk" >&2; exit 2; }

(cd "$ROOT" && swift build -c release --product watchfloor >/dev/null)
BIN="$ROOT/.build/release/watchfloor"
DB="$WORK/web-$EVENTS.sqlite"

echo "== machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
"$BIN" bench serve --db "$DB" --events "$EVENTS" --seed-only
"$BIN" bench serve --db "$DB" --duration "$DURATION" --connections "$CONNECTIONS" --cache both
echo "== load after: $(cut -d' ' -f1-3 /proc/loadavg)"
