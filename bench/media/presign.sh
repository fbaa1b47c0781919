#!/usr/bin/env bash
# media-service load test through the gateway (see bench/README.md):
#   presign  POST /api/v1/uploads   target ≥ 2,000 req/s, p99 ≤ 15 ms
# Usage: bench/media/presign.sh [duration, default 30s]; BENCH_USERS_COUNT (default 1000), NOVA_URL,
# BENCH_CONNECTIONS (default 8), BENCH_WARMUP (default 180s here: media-service's throughput still rose after
# 150 s of load on 2 cores, while C2 kept compiling).
#
# Every presign leaves a pending upload, and a user may hold only MEDIA_MAX_PENDING_UPLOADS (20 by default) of
# them. The warm-up and a 30 s run make up to ~450,000 presigns over 1,000 users, so Nova must run with that limit
# raised to 1,000, or the run measures 429 answers (the status counts printed at the end show which). The quota
# check reads a per-owner count, so the pile of pending uploads does not slow it down.
# When nothing answers at NOVA_URL this script starts ./nova local itself that way — with the full JIT, as
# bench/README.md recommends — and stops it afterwards. To start it yourself:
#   MEDIA_MAX_PENDING_UPLOADS=1000 NOVA_SERVICE_JAVA_OPTS="-Xmx256m -XX:+UseSerialGC" ./nova local
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/lib/common.sh"

DURATION="${1:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
export BENCH_WARMUP="${BENCH_WARMUP:-180s}"
export BENCH_DIR
export BENCH_USERS="$BENCH_OUT/media-users.txt"

NOVA_PID=""
stop_nova() {
  if [[ -n "$NOVA_PID" ]]; then
    echo "== stopping ./nova local"
    kill -TERM "$NOVA_PID" 2>/dev/null || true
    wait "$NOVA_PID" 2>/dev/null || true
  fi
}
trap stop_nova EXIT

if ! curl -fsS -o /dev/null "$NOVA_URL/_gateway/health" 2>/dev/null; then
  echo "== starting ./nova local (log: $BENCH_OUT/media-nova-local.log)"
  MEDIA_MAX_PENDING_UPLOADS=1000 NOVA_SERVICE_JAVA_OPTS="${NOVA_SERVICE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}" \
    NOVA_LOCAL_JAVA_OPTS="${NOVA_LOCAL_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC}" \
    "$ROOT/nova" local >"$BENCH_OUT/media-nova-local.log" 2>&1 &
  NOVA_PID=$!
  for _ in $(seq 1 600); do
    curl -fsS -o /dev/null "$NOVA_URL/_gateway/health" 2>/dev/null && break
    kill -0 "$NOVA_PID" 2>/dev/null || { cat "$BENCH_OUT/media-nova-local.log" >&2; exit 1; }
    sleep 1
  done
fi
require_tools

echo "== registering ${BENCH_USERS_COUNT:-1000} users through $NOVA_URL (about a minute)"
register_users "${BENCH_USERS_COUNT:-1000}" "$BENCH_USERS"

warm_up "$BENCH_DIR/media/presign.lua" -t2 -c"$CONNECTIONS"
run_wrk media-presign "$BENCH_DIR/media/presign.lua" -t2 -c"$CONNECTIONS" -d"$DURATION"
