-- wrk script for Benchmarks/soak/run.sh: rotates through the dashboard's routes (pages, filtered
-- events, series, searches in Korean and English, the JSON API, a static asset), counts the
-- responses by status, and prints one JSON line (prefixed SOAKJSON) with throughput, latency
-- percentiles, statuses and socket errors.

local routes = {
  "/",
  "/map",
  "/map?indicator=warnings&days=90",
  "/provinces/KP-06",
  "/provinces/KP-09",
  "/provinces/KP-10",
  "/events?type=GIFT_DELIVERY&province=KP-10&since=2026-01-01",
  "/events?province=KP-04&source_kind=insider&page=2",
  "/events?type=CONDOLENCE_VISIT&status=machine",
  "/warnings",
  "/warnings?kind=W1",
  "/series?type=GIFT_DELIVERY,CONDOLENCE_VISIT&province=KP-10",
  "/series?type=DISCONTENT&granularity=week",
  "/search?q=%EC%9C%A0%EA%B0%80%EC%A1%B1",                         -- 유가족 (bereaved families)
  "/search?q=%EC%84%A0%EB%AC%BC&source_kind=state_media",          -- 선물 (gift)
  "/search?q=%EA%B0%90%EC%82%AC%20%EB%AA%A8%EC%9E%84",             -- 감사 모임 (thanks meeting)
  "/search?q=condolence",
  "/search?q=rice%20oil%20blankets",
  "/search?q=Hyesan&source_kind=insider",
  "/search?q=soldiers%20killed%20in%20Russia&since=2026-01-01",
  "/api/v1/status",
  "/api/v1/events?type=GIFT_DELIVERY&province=KP-09&limit=100",
  "/api/v1/events?since=2026-06-01&limit=50&offset=50",
  "/api/v1/search?q=%EC%9C%A0%EA%B0%80%EC%A1%B1&limit=20",
  "/static/watchfloor.css",
}

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  counter = 1 + (id or 0) * 7
  statuses = {}
end

function request()
  local path = routes[(counter - 1) % #routes + 1]
  counter = counter + 1
  return wrk.format("GET", path)
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    if s then
      for k, v in pairs(s) do merged[k] = (merged[k] or 0) + v end
    end
  end
  local parts = {}
  for k, v in pairs(merged) do table.insert(parts, string.format('"%s": %d', k, v)) end
  table.sort(parts)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    'SOAKJSON {"requests": %d, "seconds": %.2f, "rps": %.1f, "bytes": %d, ' ..
    '"p50_ms": %.2f, "p90_ms": %.2f, "p99_ms": %.2f, "p999_ms": %.2f, "max_ms": %.2f, "mean_ms": %.2f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}, ' ..
    '"statuses": {%s}, "routes": %d}\n',
    summary.requests, seconds, summary.requests / seconds, summary.bytes,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000,
    e.connect, e.read, e.write, e.timeout, e.status, table.concat(parts, ", "), #routes))
end
