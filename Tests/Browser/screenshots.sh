#!/usr/bin/env bash
# Screenshots of every dashboard page with headless Chromium, at 1440×900 and at a phone's
# 390×844, into docs/screenshots/. The database is invented reporting (`watchfloor bench serve
# --seed-only`: English and Korean documents, syndicated copies) with the warnings the analysis
# raises on it (`watchfloor warnings`), under $WORK.
#
#   Tests/Browser/screenshots.sh
#
# Needs Debian's chromium and fonts-noto-cjk (Korean text), curl and python3.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/watchfloor-screens}
OUT="$ROOT/docs/screenshots"
PORT=${PORT:-8471}
CHROMIUM=${WATCHFLOOR_CHROMIUM:-chromium}
mkdir -p "$WORK" "$OUT"

(cd "$ROOT" && swift build --product watchfloor >/dev/null)
BIN="$ROOT/.build/debug/watchfloor"
DB="$WORK/screens.sqlite"
if [ ! -f "$DB" ]; then
  "$BIN" bench serve --db "$DB" --events 40000 --seed-only
  # The analysis' own warnings in place of the seed's illustrative ones, so that the series and
  # warning pages show changes linked to the warnings they became, as after a real ingest.
  "$BIN" warnings --db "$DB" >/dev/null
fi

rm -rf "$WORK/profile"
"$BIN" serve --db "$DB" --port "$PORT" >/dev/null &
SERVER=$!
trap 'kill $SERVER' EXIT
for _ in $(seq 50); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/favicon.svg" && break; sleep 0.2; done

# A document with several events, and one in Korean, from the API.
api() { curl -sf "http://127.0.0.1:$PORT/api/v1/$1"; }
DOC=$(api "events?type=AID_DISRUPTION&province=KP-09&limit=50" | python3 -c '
import json, sys, collections
events = json.load(sys.stdin)["events"]
print(collections.Counter(e["document"] for e in events).most_common(1)[0][0] if events else "")')
KODOC=$(api "search?q=%EC%9C%A0%EA%B0%80%EC%A1%B1&limit=1" | python3 -c 'import json,sys; h=json.load(sys.stdin)["hits"]; print(h[0]["document"] if h else "")')
WARNING=$(api "warnings" | python3 -c 'import json,sys; print(json.load(sys.stdin)["warnings"][0]["id"])')

pages=(
  "overview|/"
  "map|/map?indicator=GIFT_DELIVERY&days=90"
  "map-warnings|/map"
  "province|/provinces/KP-09"
  "series|/series?type=GIFT_DELIVERY&province=KP-09&granularity=week"
  "warnings|/warnings"
  "warning|/warnings/$WARNING"
  "document|/documents/$DOC"
  "document-korean|/documents/$KODOC"
  "events|/events?province=KP-09&since=2025-06-01"
  "review|/review"
  "search|/search?q=%EC%9C%A0%EA%B0%80%EC%A1%B1"
  "not-found|/no/such/page"
)
for entry in "${pages[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  for size in "desktop|1440,900" "phone|390,844"; do
    "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --force-device-scale-factor=1 \
      --user-data-dir="$WORK/profile" --virtual-time-budget=3000 --window-size="${size#*|}" \
      --screenshot="$OUT/$name-${size%%|*}.png" "http://127.0.0.1:$PORT$path" 2>/dev/null
  done
  echo "$name: $path"
done
