-- wrk script: GET wrk.path with the bearer token from the BENCH_TOKEN environment variable; counts non-2xx.
local token = os.getenv("BENCH_TOKEN")
wrk.headers["Authorization"] = "Bearer " .. token
wrk.headers["Accept"] = "application/json"
wrk.headers["Accept-Encoding"] = "gzip, br"

local failures = 0
function response(status, headers, body)
  if status < 200 or status > 299 then failures = failures + 1 end
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("RESULT\t%.0f\t%.2f\t%.2f\t%.2f\t%d\t%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors, summary.requests))
end
