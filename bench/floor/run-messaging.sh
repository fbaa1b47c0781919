#!/usr/bin/env bash
# The messaging floor: the least a delivered message can cost on this machine with the chain the messaging issue
# asks for, whatever Nova's own code does. Two processes with nothing of Nova in them, on the same libraries and JVM
# settings as the services — a gateway (./nova local's own, in a process of its own) → a bare Dropwizard send
# resource and one writer thread committing every waiting message in one transaction (seqs, rows, outbox rows), a
# relay woken by the commit's notification that appends them to the members' Redis streams and then writes them to
# their Jakarta WebSocket sockets — driven by bench/messaging's own load generator exactly as
# `bench/messaging/run.sh deliver` drives Nova (the same sends, sockets, rate and measure).
# Needs a running `./nova local` (its PostgreSQL and Redis; the floor's tables go into a database nova_floor);
# builds nothing: `mvn -B -q package -DskipTests -pl bench/floor,bench/messaging -am` first.
# Usage: bench/floor/run-messaging.sh; BENCH_RATE (default 1000), BENCH_PAIRS (500), BENCH_SECONDS (60),
# BENCH_WARMUP_SECONDS (30), BENCH_IN_FLIGHT (64), BENCH_JAVA_OPTS (default the benchmark settings of bench/README.md).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"

ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$BENCH_DIR/floor/target/nova-bench-floor.jar"
GENERATOR="$BENCH_DIR/messaging/target/nova-bench-messaging.jar"
LAUNCHER="$ROOT/modules/nova-local/target/nova-local.jar"
read -ra JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:-UseCodeCacheFlushing}"
for file in "$JAR" "$GENERATOR" "$LAUNCHER"; do
  [[ -f "$file" ]] || { echo "bench: $file is missing (build bench/floor and bench/messaging)" >&2; exit 1; }
done

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
MALLOC_ARENA_MAX=2 java "${JAVA_OPTS[@]}" -jar "$JAR" chat "$BENCH_DIR/floor/chat-floor.yml" \
  >"$BENCH_OUT/floor-chat.log" 2>&1 &
pids+=("$!")
java "${JAVA_OPTS[@]}" -cp "$LAUNCHER:$JAR" io.nova.bench.floor.Floor gateway 18082 "$ROOT" \
  /api/v1/conversations=18092 /ws=18092 /floor=18092 >"$BENCH_OUT/floor-chat-gateway.log" 2>&1 &
pids+=("$!")

FLOOR_URL=http://127.0.0.1:18082
for _ in $(seq 60); do
  curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$FLOOR_URL/floor/setup?pairs=0" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null -X POST -H 'Content-Type: application/json' "$FLOOR_URL/floor/setup?pairs=0" \
  || { echo "bench: the floor did not come up; see $BENCH_OUT/floor-chat*.log" >&2; exit 1; }

rate="${BENCH_RATE:-1000}" warmup="${BENCH_WARMUP_SECONDS:-30}" seconds="${BENCH_SECONDS:-60}"
deliver_run "$BENCH_OUT/messaging-floor.txt" "$rate" "$warmup" "$seconds" \
  java -Xmx1g -jar "$GENERATOR" deliver --url "$FLOOR_URL" --floor true --in-flight "${BENCH_IN_FLIGHT:-64}" \
  --pairs "${BENCH_PAIRS:-500}" --rate "$rate" --warmup "$warmup" --seconds "$seconds"
