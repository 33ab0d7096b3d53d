-- What both sides' wrk scripts report (loaded from the folder intake-side-by-side.sh runs wrk in).
-- A failed call says why, once per thread: the run is refused anyway.
local told = false
function response(status, headers, body)
  if status >= 300 and not told then
    told = true
    io.stderr:write(string.format("%d %s\n", status, body:sub(1, 300)))
  end
end
function done(summary, latency, requests)
  io.write(string.format("requests %d, p50 %.1f ms, p99 %.1f ms, non-2xx/3xx %d\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status))
end
