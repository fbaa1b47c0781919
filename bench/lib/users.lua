-- Shared by the wrk request scripts: the "id token" lines bench/lib/common.sh wrote (path in env BENCH_USERS), and
-- the wrk hooks every script needs.
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

-- Installs wrk's init (loads the users into list_holder.list, seeds the random numbers per thread) and response
-- (reports the first unexpected answers: wrk's own summary counts them as "Non-2xx or 3xx responses").
function users.install(holder, expected_status)
  local errors = 0
  _G.init = function(args)
    holder.list = users.load()
    math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
  end
  _G.response = function(status)
    if status ~= expected_status then
      errors = errors + 1
      if errors <= 5 then io.stderr:write("unexpected status " .. status .. "\n") end
    end
  end
end

function users.bearer(user)
  return { ["Authorization"] = "Bearer " .. user.token }
end

return users
