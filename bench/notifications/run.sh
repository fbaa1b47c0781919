#!/usr/bin/env bash
# Notifications load test against a running `./nova local` (see bench/README.md): 100 owners, each with a post
# and a socket on /ws through the gateway; likes of those posts at a fixed rate (open loop) by other users; each
# like measured from its intended send time to the notification frame on the owner's socket (notification.created
# for a post's first like, notification.updated for the next ones — one frame per like), in an HdrHistogram.
# Target: 200 likes/s, p99 ≤ 1 s like-to-frame.
# Usage: bench/notifications/run.sh; BENCH_RATE (default 200), BENCH_OWNERS (100), BENCH_LIKERS (200, raised to
# what the run needs so no like repeats), BENCH_SECONDS (60), BENCH_WARMUP_SECONDS (30), NOVA_URL.
# The load generator is bench/messaging's (its `notify` mode), built when its jar is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/lib/common.sh"
JAR="$ROOT/bench/messaging/target/nova-bench-messaging.jar"

curl -fsS "$NOVA_URL/_gateway/health" >/dev/null 2>&1 \
  || { echo "bench: nothing answers at $NOVA_URL — start Nova first: ./nova local" >&2; exit 1; }
if [[ ! -f "$JAR" ]]; then
  echo "== building the load generator"
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl bench/messaging -am)
fi

java -Xmx1g -jar "$JAR" notify --url "$NOVA_URL" --owners "${BENCH_OWNERS:-100}" --likers "${BENCH_LIKERS:-200}" \
  --rate "${BENCH_RATE:-200}" --warmup "${BENCH_WARMUP_SECONDS:-30}" --seconds "${BENCH_SECONDS:-60}" \
  | tee "$BENCH_OUT/notifications.txt"
