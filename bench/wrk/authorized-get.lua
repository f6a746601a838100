-- wrk script: GET wrk.path as the SPA sends it (bearer token from BENCH_TOKEN when set, the browser's
-- Accept-Encoding). Prints one RESULT line of JSON, the same fields as the peer's
-- ../shared/peer/bench/wrk.lua, so both sides' figures are read by one report writer.
local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end
wrk.headers["Accept"] = "application/json"
wrk.headers["Accept-Encoding"] = "gzip, deflate, br"

-- No response() callback: it would make wrk hand every response to Lua (the peer's script has none either);
-- wrk counts status >= 400 in errors_status itself.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests":%d,"rps":%.1f,"p50_ms":%.2f,"p90_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f,' ..
    '"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_timeout":%d,"errors_status":%d,' ..
    '"bytes_per_response":%.0f}\n',
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.timeout, e.status,
    summary.bytes / math.max(1, summary.requests)))
end
