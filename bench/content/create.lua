-- POST /api/v1/posts: a random user posts a short text with a hashtag.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local list
local counter = 0
local errors = 0

function init(args)
  list = users.load()
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
end

function request()
  counter = counter + 1
  local author = list[math.random(#list)]
  local body = '{"text":"bench post ' .. counter .. ' #bench","visibility":"public"}'
  return wrk.format("POST", "/api/v1/posts",
    { ["Authorization"] = "Bearer " .. author.token, ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
  if status ~= 201 then
    errors = errors + 1
    if errors <= 5 then io.stderr:write("unexpected status " .. status .. ": " .. body .. "\n") end
  end
end
