-- GET /api/v1/users/{id}: each request looks up a random user as a random viewer.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local state = {}
users.install(state, 200)

function request()
  local viewer = state.list[math.random(#state.list)]
  local target = state.list[math.random(#state.list)]
  return wrk.format("GET", "/api/v1/users/" .. target.id, users.bearer(viewer))
end
