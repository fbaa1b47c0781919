#!/usr/bin/env bash
# The home feed's floor: the least a feed page can cost on this machine with the hop chain the feed is built on,
# whatever Nova's own code does. Three processes with nothing of Nova in them, on the same libraries and JVM settings
# as the services — a gateway (./nova local's own, in a process of its own) → a bare Dropwizard resource that reads the
# viewer's Redis timeline and makes one blocking gRPC GetPosts call → a bare gRPC server that makes one Redis round
# trip and reads the page's rows from content-service's database — then wrk reads pages through that gateway exactly
# as bench/feed/run.sh reads GET /feed (same users, same timelines, same concurrency).
# Needs a running `./nova local` (its PostgreSQL and Redis) on which bench/feed/run.sh has seeded its users; builds
# nothing: `mvn -B -q package -DskipTests -pl bench/floor -am` first.
# Usage: bench/floor/run.sh [duration, default 30s]; BENCH_CONNECTIONS (default 8), BENCH_WARMUP (default 60s),
# BENCH_JAVA_OPTS (default the benchmark settings of bench/README.md).
set -euo pipefail
source "$(dirname "$0")/../lib/common.sh"
require_tools

DURATION="${1:-30s}"
CONNECTIONS="${BENCH_CONNECTIONS:-8}"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="$BENCH_DIR/floor/target/nova-bench-floor.jar"
LAUNCHER="$ROOT/modules/nova-local/target/nova-local.jar"
read -ra JAVA_OPTS <<<"${BENCH_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:-UseCodeCacheFlushing}"
export BENCH_DIR
export BENCH_USERS="$BENCH_OUT/feed-users.txt"
for file in "$JAR" "$LAUNCHER" "$BENCH_USERS"; do
  [[ -f "$file" ]] || { echo "bench: $file is missing (build bench/floor; run bench/feed/run.sh once)" >&2; exit 1; }
done

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
java "${JAVA_OPTS[@]}" -jar "$JAR" back 19081 jdbc:postgresql://127.0.0.1:15432/nova_content \
  redis://127.0.0.1:16379 >"$BENCH_OUT/floor-back.log" 2>&1 &
pids+=("$!")
java "${JAVA_OPTS[@]}" -jar "$JAR" front "$BENCH_DIR/floor/floor.yml" >"$BENCH_OUT/floor-front.log" 2>&1 &
pids+=("$!")
java "${JAVA_OPTS[@]}" -cp "$LAUNCHER:$JAR" io.nova.bench.floor.Floor gateway 18080 "$ROOT" /floor=18090 \
  >"$BENCH_OUT/floor-gateway.log" 2>&1 &
pids+=("$!")

NOVA_URL=http://127.0.0.1:18080
first="$(head -n 1 "$BENCH_USERS" | cut -d' ' -f1)"
for _ in $(seq 60); do
  curl -fsS -o /dev/null "$NOVA_URL/floor/feed?user=$first" 2>/dev/null && break
  sleep 1
done
curl -fsS -o /dev/null "$NOVA_URL/floor/feed?user=$first" \
  || { echo "bench: the floor did not come up; see $BENCH_OUT/floor-*.log" >&2; exit 1; }

warm_up "$BENCH_DIR/floor/floor.lua" -t2 -c"$CONNECTIONS"
run_wrk feed-floor "$BENCH_DIR/floor/floor.lua" -t2 -c"$CONNECTIONS" -d"$DURATION"
