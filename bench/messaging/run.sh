#!/usr/bin/env bash
# messaging-service load test against a running `./nova local` (see bench/README.md):
#   delivery  1,000 sockets in 500 direct conversations through the gateway, messages at a fixed rate
#             target ≥ 1,000 messages/s delivered, send-to-receive p99 ≤ 50 ms (HdrHistogram, from intended send time)
#   idle      10,000 idle sockets held by one replica (straight to its port: the measure is the replica, not the
#             local gateway), its RSS and heap reported; goal ≤ 512 MiB RSS
# Usage: bench/messaging/run.sh [deliver|idle|all, default all]; BENCH_RATE (default 1000), BENCH_PAIRS (500),
# BENCH_SECONDS (60), BENCH_WARMUP_SECONDS (30), BENCH_SOCKETS (10000), BENCH_SOCKET_USERS (1000), NOVA_URL,
# NOVA_WS_URL (default ws://127.0.0.1:8084/ws), NOVA_MESSAGING_ADMIN (default http://127.0.0.1:8184),
# BENCH_IN_FLIGHT (deliver: requests in flight at once, default 64), NOVA_MESSAGING_URL (deliver: where messages
# are sent and sockets opened; default NOVA_URL, the gateway, as the target is stated —
# http://127.0.0.1:8084 measures messaging-service without the local gateway).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
source "$ROOT/bench/lib/common.sh"
MODE="${1:-all}"
JAR="$ROOT/bench/messaging/target/nova-bench-messaging.jar"

curl -fsS "$NOVA_URL/_gateway/health" >/dev/null 2>&1 \
  || { echo "bench: nothing answers at $NOVA_URL — start Nova first: ./nova local" >&2; exit 1; }
if [[ ! -f "$JAR" ]]; then
  echo "== building the load generator"
  (cd "$ROOT" && mvn -B -q -DskipTests package -pl bench/messaging -am)
fi

if [[ "$MODE" == deliver || "$MODE" == all ]]; then
  rate="${BENCH_RATE:-1000}" warmup="${BENCH_WARMUP_SECONDS:-30}" seconds="${BENCH_SECONDS:-60}"
  deliver_run "$BENCH_OUT/messaging-deliver.txt" "$rate" "$warmup" "$seconds" \
    java -Xmx1g -jar "$JAR" deliver --url "$NOVA_URL" --messaging-url "${NOVA_MESSAGING_URL:-$NOVA_URL}" \
    --in-flight "${BENCH_IN_FLIGHT:-64}" --pairs "${BENCH_PAIRS:-500}" --rate "$rate" --warmup "$warmup" --seconds "$seconds"
fi
if [[ "$MODE" == idle || "$MODE" == all ]]; then
  pid="$(pgrep -f 'messaging-service.jar server' | head -1 || true)"
  java -Xmx1g -jar "$JAR" idle --url "$NOVA_URL" --ws "${NOVA_WS_URL:-ws://127.0.0.1:8084/ws}" \
    --sockets "${BENCH_SOCKETS:-10000}" --users "${BENCH_SOCKET_USERS:-1000}" --hold 60 \
    --server-pid "${pid:-0}" --admin "${NOVA_MESSAGING_ADMIN:-http://127.0.0.1:8184}" | tee "$BENCH_OUT/messaging-idle.txt"
fi
