-- wrk script: POST /api/v1/uploads (presign an image upload) as many users in turn.
-- Usage: wrk ... -s presign.lua <base-url> -- <file with one access token per line>

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  tokens = {}
  for line in io.lines(args[1]) do
    if line ~= "" then
      tokens[#tokens + 1] = line
    end
  end
  if #tokens == 0 then
    error("no access tokens in " .. args[1])
  end
  counter = 0
  statuses = {}
end

function request()
  counter = counter + 1
  local token = tokens[(counter % #tokens) + 1]
  -- Sizes vary a little so no two signatures are alike.
  local body = '{"filename":"photo.jpg","content_type":"image/jpeg","size_bytes":'
      .. (200000 + counter % 5000) .. ',"purpose":"image"}'
  return wrk.format("POST", "/api/v1/uploads",
      { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

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
