-- wrk script for Benchmarks/run-serve.sh: POSTs the JSON body in $POSTLINT_BODY to the URL
-- given on the command line and prints the latency percentiles and status counts at the end.
local file = assert(io.open(os.getenv("POSTLINT_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = os.getenv("POSTLINT_CONTENT_TYPE") or "application/json"

-- POSTLINT_THINK_MS: each connection waits this long after an answer before its next request,
-- as a writer's page does (it checks 300 ms after the last keystroke); 0 is a closed loop.
local think = tonumber(os.getenv("POSTLINT_THINK_MS") or "0")
if think > 0 then
  function delay() return think end
end

local statuses = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do failed = failed + thread:get("bad") end
  io.write(string.format("requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non200=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    failed, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
