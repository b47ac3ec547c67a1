-- wrk script: books consultations through POST /api/v1/appointments at a steady rate.
-- Each wrk thread books for one practitioner (P<thread>, room R<thread>) and walks forward through free slots:
-- Tuesday to Friday, at 09, 10, 11, 14, 15 and 16 UTC (inside both demo practitioners' hours in winter and summer time),
-- from BASE_EPOCH (a Monday, 00:00 UTC) on. SCENARIO=contested sends every request for the same slot instead
-- (one booking wins, the rest are 409 with fresh alternatives).
-- Every connection waits DELAY_MS between its requests, so the rate is about connections / (delay + latency).

local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  key = os.getenv("STIPPLE_KEY")
  base = tonumber(os.getenv("BASE_EPOCH"))
  delay_ms = tonumber(os.getenv("DELAY_MS") or "75")
  contested = os.getenv("SCENARIO") == "contested"
  practitioner = os.getenv("P" .. tid)
  room = os.getenv("R" .. tid)
  clients = {}
  for c in string.gmatch(os.getenv("CLIENTS"), "[^,]+") do table.insert(clients, c) end
  hours = { 9, 10, 11, 14, 15, 16 }
  i = 0
end

function delay()
  return delay_ms
end

function request()
  local start
  if contested then
    start = base + 86400 + 9 * 3600
  else
    local slot = math.floor(i / #hours)
    local week = math.floor(slot / 4)
    local day = 1 + slot % 4 -- Tuesday..Friday after the Monday at base
    start = base + (week * 7 + day) * 86400 + hours[(i % #hours) + 1] * 3600
  end
  local client = clients[((i + tid * 7) % #clients) + 1]
  i = i + 1
  local body = string.format(
    '{"clientId":"%s","kind":"consultation","slot":{"practitionerId":"%s","roomId":"%s","start":"%s"}}',
    client, practitioner, room, os.date("!%Y-%m-%dT%H:%M:%SZ", start))
  return wrk.format("POST", "/api/v1/appointments", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. key,
  }, body)
end

statuses = {}
first_error = nil

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 400 and status ~= 409 and first_error == nil then first_error = body end
end

function done(summary, latency, requests)
  io.write(string.format("requests: %d in %.1f s = %.1f req/s\n", summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6)))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("latency p%s: %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("latency max: %.2f ms\n", latency.max / 1000))
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do totals[status] = (totals[status] or 0) + n end
    local e = thread:get("first_error")
    if e then io.write("first unexpected answer: " .. e .. "\n") end
  end
  for status, n in pairs(totals) do io.write(string.format("status %d: %d\n", status, n)) end
end
