-- GET /api/v1/feed?limit=10 as a random user; one request in four asks for the next page of the user's last answer.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local state = {}
users.install(state, 200)
local check = response
local cursors = {}
local last

function request()
  local user = state.list[math.random(#state.list)]
  last = user
  local path = "/api/v1/feed?limit=10"
  if cursors[user.id] and math.random(4) == 1 then
    path = path .. "&cursor=" .. cursors[user.id]
  end
  return wrk.format("GET", path, users.bearer(user))
end

function response(status, headers, body)
  check(status)
  if last then
    cursors[last.id] = body and body:match('"next_cursor":"([^"]+)"') or nil
  end
end
