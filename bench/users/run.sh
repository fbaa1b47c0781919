#!/usr/bin/env bash
# user-service load test through the gateway of a running `./nova local` (see bench/README.md).
#   profile lookup  GET /api/v1/users/{id}                     target ≥ 1,000 req/s, p99 ≤ 10 ms
#   follow/unfollow PUT|DELETE /api/v1/relationships/following  target ≥ 200 req/s,  p99 ≤ 25 ms
# Usage: bench/users/run.sh [duration, default 30s]; BENCH_USERS_COUNT (default 200), NOVA_URL, BENCH_CONNECTIONS,
# BENCH_WARMUP (default 90s).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
require_tools

DURATION="${1:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
export BENCH_DIR
export BENCH_USERS="$BENCH_OUT/users.txt"

echo "== registering ${BENCH_USERS_COUNT:-200} users through $NOVA_URL"
register_users "${BENCH_USERS_COUNT:-200}" "$BENCH_USERS"

warm_up "$BENCH_DIR/users/profile.lua" -t2 -c"$CONNECTIONS"
run_wrk users-profile "$BENCH_DIR/users/profile.lua" -t2 -c"$CONNECTIONS" -d"$DURATION"
warm_up "$BENCH_DIR/users/follow.lua" -t2 -c"$CONNECTIONS"
run_wrk users-follow "$BENCH_DIR/users/follow.lua" -t2 -c"$CONNECTIONS" -d"$DURATION"
