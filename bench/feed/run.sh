#!/usr/bin/env bash
# Home feed load test through the gateway of a running `./nova local` (see bench/README.md).
#   feed page  GET /api/v1/feed?limit=10   target ≥ 2,000 req/s, p99 ≤ 10 ms
# Seeds BENCH_USERS_COUNT users (default 200); each follows BENCH_FOLLOWS others (default 20); BENCH_AUTHORS of them
# (default 50) write BENCH_POSTS_PER_AUTHOR posts each (default 12); every user reads their feed once, which builds
# their timeline, before anything is measured. Then wrk reads first pages and, one in four requests, the next page.
# Usage: bench/feed/run.sh [duration, default 30s]; NOVA_URL, BENCH_CONNECTIONS, BENCH_WARMUP (default 90s).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
require_tools

DURATION="${1:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
FOLLOWS="${BENCH_FOLLOWS:-20}"
AUTHORS="${BENCH_AUTHORS:-50}"
POSTS_PER_AUTHOR="${BENCH_POSTS_PER_AUTHOR:-12}"
export BENCH_DIR
export BENCH_USERS="$BENCH_OUT/feed-users.txt"

echo "== registering ${BENCH_USERS_COUNT:-200} users through $NOVA_URL"
register_users "${BENCH_USERS_COUNT:-200}" "$BENCH_USERS"
mapfile -t IDS < <(cut -d' ' -f1 "$BENCH_USERS")

echo "== each user follows $FOLLOWS of the first $AUTHORS users"
while read -r id token; do
  for ((i = 0; i < FOLLOWS; i++)); do
    target="${IDS[RANDOM % AUTHORS]}"
    [[ "$target" == "$id" ]] && continue
    curl -fsS -o /dev/null -X PUT "$NOVA_URL/api/v1/relationships/following/$target" \
      -H "Authorization: Bearer $token" || { echo "bench: following failed" >&2; exit 1; }
  done
done <"$BENCH_USERS"

echo "== every user reads their feed once (builds the timelines)"
while read -r _id token; do
  curl -fsS -o /dev/null "$NOVA_URL/api/v1/feed?limit=10" -H "Authorization: Bearer $token" \
    || { echo "bench: reading a feed failed" >&2; exit 1; }
done <"$BENCH_USERS"

echo "== $AUTHORS authors write $POSTS_PER_AUTHOR posts each (fanned out to their followers)"
head -n "$AUTHORS" "$BENCH_USERS" | while read -r _id token; do
  for ((i = 0; i < POSTS_PER_AUTHOR; i++)); do
    curl -fsS -o /dev/null -X POST "$NOVA_URL/api/v1/posts" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' -d "{\"text\":\"feed seed post $i\"}" \
      || { echo "bench: creating a post failed" >&2; exit 1; }
  done
done

warm_up "$BENCH_DIR/feed/feed.lua" -t2 -c"$CONNECTIONS"
run_wrk feed-page "$BENCH_DIR/feed/feed.lua" -t2 -c"$CONNECTIONS" -d"$DURATION"
