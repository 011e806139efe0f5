-- wrk: POST /log for many walkers, each (walker, date) once, so every request
-- takes the insert path. Reads walkers.txt ("rw_session=… csrf") and dates.txt.
local walkers, dates = {}, {}
for line in io.lines("walkers.txt") do
  local cookie, csrf = line:match("(%S+) (%S+)")
  walkers[#walkers + 1] = { cookie = cookie, csrf = csrf }
end
for line in io.lines("dates.txt") do dates[#dates + 1] = line end

local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads - 1)
end

function init(args)
  -- `id` was set by setup(); two wrk threads (-t2) share the dates between them.
  count = 0
  nthreads = 2
end

function request()
  local w = walkers[(count % #walkers) + 1]
  local d = math.floor(count / #walkers) * nthreads + id
  count = count + 1
  local date = dates[(d % #dates) + 1]
  local body = "csrf=" .. w.csrf .. "&date=" .. date .. "&pain_before=1&pain_peak=2&pain_after=1"
  return wrk.format("POST", "/log", {
    ["Cookie"] = w.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = "http://127.0.0.1:18080",
  }, body)
end
