-- wrk script for the omnidecide workloads, chosen by environment variables (bench/lib.sh sets them):
--   WRK_TARGET     health (GET /q/health/live, no key: the box's HTTP ceiling) | ping | decide | events | events-batch
--   WRK_KEY        a channel key (every target but health)
--   WRK_CUSTOMERS  decides and events spread over the known customers c-1..c-N
--   WRK_CHANNELS   decide's channels, comma-separated, cycled (web,app,email,any)
--   WRK_THREADS    wrk's -t, so the threads' sequences interleave without repeating
--   WRK_RUN        an id unique to the run: event ids are WRK_RUN-thread-counter, never sent twice
-- done() prints one line "WRK key=value ..." for the scripts.
local target = os.getenv("WRK_TARGET") or "health"
local customers = tonumber(os.getenv("WRK_CUSTOMERS") or "1000")
local threads = tonumber(os.getenv("WRK_THREADS") or "1")
local run = os.getenv("WRK_RUN") or tostring(os.time())
local channels = {}
for c in string.gmatch(os.getenv("WRK_CHANNELS") or "web,app,email,any", "[^,]+") do
  channels[#channels + 1] = c
end

local created = 0
function setup(thread)
  thread:set("tid", created)
  created = created + 1
end

if target ~= "health" then
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("WRK_KEY") or "")
  wrk.path = ({ping = "/v1/ping", decide = "/v1/decide"})[target] or "/v1/events"
  local i = 0

  -- A page view by a known customer. Its time is the end of the current second: never before the
  -- customer's last event (an earlier one would be a late event and rebuild the profile), at most
  -- a second ahead (the service takes up to a day).
  local function event(n, id)
    local c = (n * 7919) % customers + 1
    return '{"id":"wrk-' .. run .. '-' .. id .. '","customerId":"c-' .. c .. '","type":"page_view","channel":"'
      .. (n % 2 == 0 and "web" or "app") .. '","occurredAt":"' .. os.date("!%Y-%m-%dT%H:%M:%S") .. '.999Z"'
      .. ',"properties":{"sku":"MUG-1","category":"kitchen"}}'
  end

  function request()
    i = i + 1
    local n = i * threads + tid
    local body
    if target == "decide" then
      -- The channel shifts by one on every pass over the customers, so each customer meets every channel.
      local ch = channels[(n + math.floor(n / customers)) % #channels + 1]
      body = '{"customerId":"c-' .. (n % customers + 1) .. '","channel":"' .. ch .. '","limit":3}'
    elseif target == "events" then
      body = event(n, tid .. "-" .. i)
    elseif target == "events-batch" then
      local items = {}
      for k = 1, 100 do
        items[k] = event(n * 100 + k, tid .. "-" .. i .. "-" .. k)
      end
      body = "[" .. table.concat(items, ",") .. "]"
    else
      body = '{"customerId":"c-1","channel":"web","limit":3}'
    end
    return wrk.format(nil, nil, nil, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("WRK target=%s requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.1f"
    .. " errors_connect=%d errors_read=%d errors_write=%d errors_status=%d errors_timeout=%d\n",
    target, summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
