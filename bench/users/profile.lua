-- GET /api/v1/users/{id}: each request looks up a random user as a random viewer.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local list
local errors = 0

function init(args)
  list = users.load()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local viewer = list[math.random(#list)]
  local target = list[math.random(#list)]
  return wrk.format("GET", "/api/v1/users/" .. target.id, { ["Authorization"] = "Bearer " .. viewer.token })
end

function response(status)
  if status ~= 200 then
    errors = errors + 1
    if errors <= 5 then io.stderr:write("unexpected status " .. status .. "\n") end
  end
end
