#!/usr/bin/env bash
# Ingest + store throughput and streaming memory, on a release build, pinned to one core.
#
#   Benchmarks/ingest/run.sh            # 200,000-document corpus (140 MB) and a 1 GB JSON Lines file
#
# Needs ../shared/bench/gen_corpus.py (or SHARED_BENCH=…) and numpy. Writes under $WORK (default
# /tmp/watchfloor-bench); nothing is written into the repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SHARED_BENCH=${SHARED_BENCH:-$ROOT/../shared/bench}
WORK=${WORK:-/tmp/watchfloor-bench}
REPS=${REPS:-3}
mkdir -p "$WORK"

[ -f "$WORK/corpus.txt" ] || python3 "$SHARED_BENCH/gen_corpus.py" --out "$WORK"
[ -f "$WORK/corpus.jsonl" ] || python3 "$ROOT/Benchmarks/ingest/make_jsonl.py" "$WORK/corpus.txt" "$WORK/corpus.jsonl"
[ -f "$WORK/big.jsonl" ] || python3 "$ROOT/Benchmarks/ingest/make_jsonl.py" "$WORK/corpus.txt" "$WORK/big.jsonl" --copies 7

(cd "$ROOT" && swift build -c release --product watchfloor >/dev/null)
BIN="$ROOT/.build/release/watchfloor"
ONE_CORE="taskset -c 0"

echo "== corpus: $(du -h "$WORK/corpus.jsonl" | cut -f1), $(wc -l < "$WORK/corpus.jsonl") documents"
for i in $(seq "$REPS"); do
  $ONE_CORE "$BIN" bench ingest --input "$WORK/corpus.jsonl" --defer-index
done
for i in $(seq "$REPS"); do
  $ONE_CORE "$BIN" bench ingest --input "$WORK/corpus.jsonl" --passes store
done

echo "== streaming: $(du -h "$WORK/big.jsonl" | cut -f1) of JSON Lines, peak memory of a whole ingest"
rm -f "$WORK/big.sqlite"*
# A real `watchfloor ingest`: it also codes every document, and builds the full-text index at the end.
/usr/bin/time -f "peak_rss=%M KB wall=%e s user=%U s sys=%S s" $ONE_CORE "$BIN" ingest "$WORK/big.jsonl" \
  --db "$WORK/big.sqlite" --defer-index --no-analysis --summary json 2>&1 | grep -E '"(read|new|seconds|index_seconds)"|peak_rss'
rm -f "$WORK/big.sqlite"*
