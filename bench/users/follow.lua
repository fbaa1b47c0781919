-- PUT and DELETE /api/v1/relationships/following/{id}, alternating, between random pairs of users.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local state = {}
local n = 0
users.install(state, 200)

function request()
  local list = state.list
  local who = math.random(#list)
  local whom = math.random(#list - 1)
  if whom >= who then whom = whom + 1 end
  n = n + 1
  local method = (n % 2 == 0) and "DELETE" or "PUT"
  return wrk.format(method, "/api/v1/relationships/following/" .. list[whom].id, users.bearer(list[who]))
end
