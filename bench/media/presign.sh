#!/usr/bin/env bash
# Presign throughput: POST /api/v1/uploads through the local gateway, as many signed-in users, measured by wrk.
# Target on a 2-core machine: >= 2,000 req/s with p99 <= 15 ms (see docs/api-media.md, "Performance").
#
#   bench/media/presign.sh                 # starts ./nova local if nothing answers on the gateway, stops it after
#   DURATION=30s CONNECTIONS=32 bench/media/presign.sh
#
# Presigning creates a pending upload each time, and a user may hold only MEDIA_MAX_PENDING_UPLOADS (20 by default)
# of them: when this script starts ./nova local it raises that limit. If you started Nova yourself, start it as
#   MEDIA_MAX_PENDING_UPLOADS=100000000 ./nova local
# or the run ends up measuring 429 answers (the status counts printed at the end show it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/media"
URL="${NOVA_URL:-http://127.0.0.1:8080}"
DURATION="${DURATION:-15s}"
WARMUP="${WARMUP:-10s}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
USERS="${USERS:-32}"

command -v wrk >/dev/null || { echo "presign: wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "presign: curl is not installed" >&2; exit 1; }

WORK="$(mktemp -d)"
NOVA_PID=""
cleanup() {
  if [[ -n "$NOVA_PID" ]]; then
    echo "presign: stopping ./nova local"
    kill -INT "$NOVA_PID" 2>/dev/null || true
    wait "$NOVA_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

if ! curl -fsS -o /dev/null "$URL/_gateway/health" 2>/dev/null; then
  echo "presign: nothing answers at $URL; starting ./nova local (log: $WORK/nova-local.log) …"
  MEDIA_MAX_PENDING_UPLOADS=100000000 "$ROOT/nova" local >"$WORK/nova-local.log" 2>&1 &
  NOVA_PID=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$URL/_gateway/health" 2>/dev/null && break
    kill -0 "$NOVA_PID" 2>/dev/null || { cat "$WORK/nova-local.log" >&2; exit 1; }
    sleep 1
  done
  curl -fsS -o /dev/null "$URL/_gateway/health" || { echo "presign: Nova did not become ready" >&2; exit 1; }
fi

echo "presign: registering $USERS users …"
RUN="$(date +%s)$RANDOM"
for i in $(seq 1 "$USERS"); do
  name="bench_${RUN}_$i"
  answer="$(curl -sS -X POST "$URL/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$name@example.com\",\"username\":\"${name:0:30}\",\"password\":\"presign bench $RUN pass\"}")"
  token="$(sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' <<<"$answer")"
  [[ -n "$token" ]] || { echo "presign: registration failed: $answer" >&2; exit 1; }
  echo "$token" >>"$WORK/tokens"
done

echo "presign: warming up for $WARMUP …"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/presign.lua" "$URL" -- "$WORK/tokens" >/dev/null

echo "presign: measuring for $DURATION with $CONNECTIONS connections on $THREADS threads …"
wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/presign.lua" "$URL" -- "$WORK/tokens" \
  | tee "$WORK/wrk.txt" | grep '^presign:'
