#!/usr/bin/env bash
# content-service load test through the gateway of a running `./nova local` (see bench/README.md).
#   timeline page  GET /api/v1/posts?author={id}&limit=10   target ≥ 1,500 req/s, p99 ≤ 15 ms
#   create post    POST /api/v1/posts                        target ≥ 300 req/s,   p99 ≤ 30 ms
# Usage: bench/content/run.sh [duration, default 30s]; BENCH_USERS_COUNT (default 200), BENCH_AUTHORS (default 50,
# each gets BENCH_POSTS_PER_AUTHOR posts, default 12), NOVA_URL, BENCH_CONNECTIONS,
# BENCH_WARMUP (default 180s here: on 2 cores content-service's throughput kept rising for minutes after a
# fresh start — 1,103 req/s right after a 90 s warm-up, 1,453–1,644 a few minutes later).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
require_tools

DURATION="${1:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
export BENCH_WARMUP="${BENCH_WARMUP:-180s}"
export BENCH_DIR
export BENCH_USERS="$BENCH_OUT/content-users.txt"
export BENCH_AUTHORS="${BENCH_AUTHORS:-50}"
POSTS_PER_AUTHOR="${BENCH_POSTS_PER_AUTHOR:-12}"

echo "== registering ${BENCH_USERS_COUNT:-200} users through $NOVA_URL"
register_users "${BENCH_USERS_COUNT:-200}" "$BENCH_USERS"

echo "== $BENCH_AUTHORS authors write $POSTS_PER_AUTHOR posts each"
head -n "$BENCH_AUTHORS" "$BENCH_USERS" | while read -r _id token; do
  for ((i = 0; i < POSTS_PER_AUTHOR; i++)); do
    curl -fsS -o /dev/null -X POST "$NOVA_URL/api/v1/posts" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"text\":\"seed post $i #bench\"}" \
      || { echo "bench: creating a post failed" >&2; exit 1; }
  done
done

warm_up "$BENCH_DIR/content/timeline.lua" -t2 -c"$CONNECTIONS"
run_wrk content-timeline "$BENCH_DIR/content/timeline.lua" -t2 -c"$CONNECTIONS" -d"$DURATION"
warm_up "$BENCH_DIR/content/create.lua" -t2 -c"$CONNECTIONS"
run_wrk content-create "$BENCH_DIR/content/create.lua" -t2 -c"$CONNECTIONS" -d"$DURATION"
