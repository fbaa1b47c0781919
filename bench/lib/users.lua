-- Loads the "id token" lines bench/lib/common.sh wrote (path in env BENCH_USERS) for the request scripts.
local users = {}

function users.load()
  local list = {}
  local path = os.getenv("BENCH_USERS")
  local file = assert(io.open(path, "r"), "cannot read BENCH_USERS file " .. tostring(path))
  for line in file:lines() do
    local id, token = line:match("^(%S+) (%S+)$")
    if id then
      list[#list + 1] = { id = id, token = token }
    end
  end
  file:close()
  assert(#list >= 2, "need at least two users in " .. path)
  return list
end


return users
