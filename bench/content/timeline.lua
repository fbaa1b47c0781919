-- GET /api/v1/posts?author={id}&limit=10: a random viewer reads the first page of a random author's timeline
-- (authors are the first BENCH_AUTHORS users, each with at least ten posts).
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local list
local authors
local errors = 0

function init(args)
  list = users.load()
  authors = math.min(tonumber(os.getenv("BENCH_AUTHORS") or "50"), #list)
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  local viewer = list[math.random(#list)]
  local author = list[math.random(authors)]
  return wrk.format("GET", "/api/v1/posts?author=" .. author.id .. "&limit=10",
    { ["Authorization"] = "Bearer " .. viewer.token })
end

function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
    if errors <= 5 then io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n") end
  end
end
