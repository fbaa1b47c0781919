-- POST /api/v1/uploads: each request presigns an image upload as the next of the bench users.
package.path = os.getenv("BENCH_DIR") .. "/lib/?.lua;" .. package.path
local users = require("users")
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  list = users.load()
  counter = 0
  statuses = {}
end

function request()
  counter = counter + 1
  local user = list[(counter % #list) + 1]
  -- Sizes vary a little so no two signatures are alike.
  local body = '{"filename":"photo.jpg","content_type":"image/jpeg","size_bytes":'
      .. (200000 + counter % 5000) .. ',"purpose":"image"}'
  return wrk.format("POST", "/api/v1/uploads",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. user.token }, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

-- One summary line after wrk's own report: the rate, p99, and every status seen (anything but 201 is a finding).
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    parts[#parts + 1] = status .. "=" .. count
  end
  table.sort(parts)
  io.write(string.format("presign: %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.2f ms over %.0f s; "
      .. "statuses %s; socket errors %d\n",
      summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, seconds, table.concat(parts, " "),
      summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
