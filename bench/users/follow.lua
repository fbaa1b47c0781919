-- PUT and DELETE /api/v1/relationships/following/{id}, alternating, between random pairs of users.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local list
local n = 0
local errors = 0

function init(args)
  list = users.load()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local who = math.random(#list)
  local whom = math.random(#list - 1)
  if whom >= who then whom = whom + 1 end
  n = n + 1
  local method = (n % 2 == 0) and "DELETE" or "PUT"
  return wrk.format(method, "/api/v1/relationships/following/" .. list[whom].id,
    { ["Authorization"] = "Bearer " .. list[who].token })
end

function response(status)
  if status ~= 200 then
    errors = errors + 1
    if errors <= 5 then io.stderr:write("unexpected status " .. status .. "\n") end
  end
end
