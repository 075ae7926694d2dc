-- wrk script for bench/run.sh. Modes (after wrk's "--"):
--   plain                      the URL given to wrk, every time (no request(): wrk's prebuilt request)
--   list <file> <threads>      paths from <file>, one per line; each thread walks its own slice in
--                              order, so no path is asked twice in a run (every page is a cold one;
--                              a thread that runs out starts its slice again and says so in done())
--   unique                     the URL's path and query plus a parameter "v" unique to each request:
--                              never served from the output cache, and ignored by the app
-- Whatever the mode, done() prints one line "BENCH {json}" with the figures run.sh reads.

local paths = {}
local first, position, last = 1, 1, 0
local counter = 0
local base_path

local threads = {}
local next_id = 0
function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  threads[#threads + 1] = thread
end

-- wrk decides whether requests are dynamic after init(): request() is defined here only when needed.
function init(args)
  local mode = args[1] or "plain"
  if mode == "list" then
    for line in io.lines(args[2]) do
      if #line > 0 then paths[#paths + 1] = line end
    end
    local slice = math.floor(#paths / (tonumber(args[3]) or 1))
    first = thread_id * slice + 1
    position, last = first, first + slice - 1
    wrapped = 0
    request = function()
      local path = paths[position]
      position = position + 1
      if position > last then position = first; wrapped = wrapped + 1 end
      return wrk.format("GET", path)
    end
  elseif mode == "unique" then
    base_path = wrk.path
    local sep = string.find(base_path, "?", 1, true) and "&" or "?"
    request = function()
      counter = counter + 1
      return wrk.format("GET", base_path .. sep .. "v=" .. thread_id .. "-" .. counter)
    end
  end
end

function done(summary, latency, requests)
  local wraps = 0
  for _, thread in ipairs(threads) do wraps = wraps + (thread:get("wrapped") or 0) end
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "rps": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
    '"bytes": %d, "connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, "list_wraps": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.bytes, e.connect, e.read, e.write, e.status, e.timeout, wraps))
end
