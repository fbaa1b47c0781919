-- GET /floor/feed as a random user of bench/feed/run.sh: the floor's page of 10 from that user's real timeline.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local state = {}
users.install(state, 200)

function request()
  return wrk.format("GET", "/floor/feed?user=" .. state.list[math.random(#state.list)].id)
end
