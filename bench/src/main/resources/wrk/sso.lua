-- wrk script of bench/run --per-core: session SSO over HTTP-Redirect, one fresh AuthnRequest per request.
-- The AuthnRequest template (BENCH_TEMPLATE, with __ID__ and __INSTANT__) gets a unique ID and the current instant,
-- goes into a raw DEFLATE stream of one stored block (valid DEFLATE, no compression work on the driver's core),
-- base64 and the query string. Each request carries one logged-in browser's cookies (BENCH_COOKIES, one Cookie
-- header per line, taken in turn). Counted: 200s whose body carries a SAMLResponse form field; every
-- BENCH_SAMPLE_EVERY-th counted SAMLResponse (and the first) is written to BENCH_SAMPLES.<thread> for the Java side to verify in full.
-- done() writes the counts and wrk's latency percentiles as JSON to BENCH_OUT.

local function slurp(name)
  local f = assert(io.open(name, "rb"))
  local text = f:read("*a")
  f:close()
  return text
end

local template = slurp(os.getenv("BENCH_TEMPLATE"))
local cookies = {}
for line in slurp(os.getenv("BENCH_COOKIES")):gmatch("[^\n]+") do
  cookies[#cookies + 1] = line
end
local path = os.getenv("BENCH_PATH")
local relay = os.getenv("BENCH_RELAY")
local prefix = os.getenv("BENCH_ID_PREFIX")
local sample_every = tonumber(os.getenv("BENCH_SAMPLE_EVERY"))

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local sextet = {}
for i = 0, 63 do
  sextet[i] = alphabet:sub(i + 1, i + 1)
end
local floor = math.floor

local function base64(data)
  local out, n = {}, #data
  for i = 1, n - 2, 3 do
    local a, b, c = data:byte(i, i + 2)
    local v = a * 65536 + b * 256 + c
    out[#out + 1] = sextet[floor(v / 262144)] .. sextet[floor(v / 4096) % 64] .. sextet[floor(v / 64) % 64]
        .. sextet[v % 64]
  end
  local rest = n % 3
  if rest == 1 then
    local v = data:byte(n) * 65536
    out[#out + 1] = sextet[floor(v / 262144)] .. sextet[floor(v / 4096) % 64] .. "=="
  elseif rest == 2 then
    local a, b = data:byte(n - 1, n)
    local v = a * 65536 + b * 256
    out[#out + 1] = sextet[floor(v / 262144)] .. sextet[floor(v / 4096) % 64] .. sextet[floor(v / 64) % 64] .. "="
  end
  return table.concat(out)
end

-- RFC 1951 3.2.4: BFINAL=1, BTYPE=00, LEN and NLEN little-endian, then the bytes as they are.
local function stored_deflate(data)
  local len = #data
  local nlen = 65535 - len
  return string.char(1, len % 256, floor(len / 256), nlen % 256, floor(nlen / 256)) .. data
end

local escapes = { ["+"] = "%2B", ["/"] = "%2F", ["="] = "%3D" }

-- Per thread (each wrk thread has its own Lua state): counters read by done() through thread:get.
ok = 0
without_response = 0
not_200 = 0
local counter = 0
local samples

local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("tid", #threads)
end

function init(args)
  if sample_every > 0 then
    samples = assert(io.open(os.getenv("BENCH_SAMPLES") .. "." .. tid, "w"))
  end
end

function request()
  counter = counter + 1
  local id = prefix .. tid .. "_" .. counter
  local xml = template:gsub("__ID__", id, 1)
  xml = xml:gsub("__INSTANT__", os.date("!%Y-%m-%dT%H:%M:%SZ"), 1)
  local query = "SAMLRequest=" .. base64(stored_deflate(xml)):gsub("[+/=]", escapes) .. "&RelayState=" .. relay
  return wrk.format("GET", path .. "?" .. query, { ["Cookie"] = cookies[counter % #cookies + 1] })
end

function response(status, headers, body)
  if status ~= 200 then
    not_200 = not_200 + 1
    return
  end
  local at = body:find('name="SAMLResponse" value="', 1, true)
  if not at then
    without_response = without_response + 1
    return
  end
  ok = ok + 1
  if samples and (ok == 1 or ok % sample_every == 0) then
    local start = at + #'name="SAMLResponse" value="'
    samples:write(body:sub(start, body:find('"', start, true) - 1), "\n")
    samples:flush()
  end
end

function done(summary, latency, requests)
  local counted, without, other = 0, 0, 0
  for _, thread in ipairs(threads) do
    counted = counted + thread:get("ok")
    without = without + thread:get("without_response")
    other = other + thread:get("not_200")
  end
  local e = summary.errors
  local f = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  f:write(string.format('{"ok":%d,"withoutResponse":%d,"not200":%d,"requests":%d,"durationMicros":%d,'
      .. '"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"timeouts":%d,'
      .. '"p50Micros":%d,"p90Micros":%d,"p99Micros":%d,"maxMicros":%d,"meanMicros":%.1f}\n',
      counted, without, other, summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
  f:close()
end
