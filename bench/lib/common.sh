# Shared by the bench scripts: where Nova is, and test users to act as. Source it; it needs curl and wrk.
# shellcheck shell=bash

NOVA_URL="${NOVA_URL:-http://127.0.0.1:8080}"
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH_OUT="${BENCH_OUT:-$BENCH_DIR/target}"
mkdir -p "$BENCH_OUT"

require_tools() {
  local tool
  for tool in curl wrk "$@"; do
    command -v "$tool" >/dev/null || { echo "bench: $tool is not installed (Debian: apt-get install $tool)" >&2; exit 1; }
  done
  curl -fsS "$NOVA_URL/_gateway/health" >/dev/null 2>&1 \
    || { echo "bench: nothing answers at $NOVA_URL — start Nova first: ./nova local" >&2; exit 1; }
}

# One field of a flat JSON object (enough for the answers we parse here; no jq needed).
json_field() {
  sed -n "s/.*\"$1\":\"\\([^\"]*\\)\".*/\\1/p"
}

# register_users COUNT FILE: signs COUNT new users up through the gateway and writes "id token" lines to FILE.
# Four at a time: each sign-up is a password hash, and one after the other would leave a core idle.
register_users() {
  local count="$1" file="$2" run worker pid failed=0 pids=()
  run="b$(date +%s)$RANDOM"
  for worker in 0 1 2 3; do
    register_every_fourth "$count" "$run" "$worker" >"$file.$worker" &
    pids+=("$!")
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || failed=1
  done
  ((failed == 0)) || exit 1
  cat "$file".[0-3] >"$file"
  rm -f "$file".[0-3]
}

register_every_fourth() {
  local count="$1" run="$2" worker="$3" i name body
  for ((i = worker; i < count; i += 4)); do
    name="${run}_$i"
    body="$(curl -fsS -X POST "$NOVA_URL/api/v1/auth/register" -H 'Content-Type: application/json' \
      -d "{\"email\":\"$name@bench.example\",\"username\":\"$name\",\"password\":\"bench password $run\"}")" \
      || { echo "bench: registering $name failed" >&2; exit 1; }
    printf '%s %s\n' "$(json_field id <<<"$body" | head -1)" "$(json_field access_token <<<"$body")"
  done
}

# warm_up LUA [wrk options…]: load without measuring, BENCH_WARMUP long (default 90s). On 2 cores the JIT's C2
# compiler competes with the load it is compiling for: presign throughput kept rising for two minutes after a
# fresh start (529 → 1,064 req/s over six 20 s runs, then 1,615), so a short warm-up measures the compiler.
warm_up() {
  local script="$1"
  shift
  echo "== warming up for ${BENCH_WARMUP:-90s} (nothing measured)"
  wrk -s "$script" "$@" -d"${BENCH_WARMUP:-90s}" "$NOVA_URL" >/dev/null
}

# run_wrk NAME LUA [wrk options…]: runs wrk with the script, keeps its report in $BENCH_OUT/NAME.txt, then says
# how much CPU each part of `./nova local` spent per request meanwhile (where the time of one request goes).
run_wrk() {
  local name="$1" script="$2" before after requests
  shift 2
  echo "== $name: wrk $* $NOVA_URL"
  before="$(cpu_ticks)"
  wrk --latency -s "$script" "$@" "$NOVA_URL" | tee "$BENCH_OUT/$name.txt"
  after="$(cpu_ticks)"
  requests="$(awk '/requests in/ {print $1}' "$BENCH_OUT/$name.txt")"
  echo "== CPU per request (user + system time of each process group, this machine only)"
  cpu_per_request "$before" "$after" "${requests:-0}" | tee -a "$BENCH_OUT/$name.txt"
}

# cpu_ticks: "group pid ppid ticks" lines, the CPU time so far of each process of a local Nova (and wrk) on this machine:
# its own user + system time and that of its children it has reaped (a PostgreSQL backend that ended is counted in
# the postmaster's).
cpu_ticks() {
  # Builtins only (no process per /proc entry): on a machine under full load a fork costs milliseconds, and a
  # snapshot taking seconds would miss processes that end near the window's edge.
  local stat pid cmd group line
  local -a parts fields
  for stat in /proc/[0-9]*/stat; do
    pid="${stat#/proc/}" && pid="${pid%/stat}"
    mapfile -d '' parts 2>/dev/null <"/proc/$pid/cmdline" || continue
    cmd="${parts[*]}"
    case "$cmd" in
      # bench/floor's processes first: its gateway runs with nova-local.jar on its class path.
      *nova-bench-floor.jar*" back "*) group=floor-back ;;
      *nova-bench-floor.jar*" front "*) group=floor-front ;;
      *nova-bench-floor.jar*" gateway "*) group=floor-gateway ;;
      *nova-bench-floor.jar*" chat "*) group=floor-chat ;;
      *user-service.jar*) group=user-service ;;
      *content-service.jar*) group=content-service ;;
      *media-service.jar*) group=media-service ;;
      *messaging-service.jar*) group=messaging-service ;;
      *nova-local.jar*) group="gateway+kafka" ;;
      postgres*) group=postgresql ;;
      *redis-server*) group=redis ;;
      wrk*) group=wrk ;;
      *nova-bench-*.jar*) group=load-generator ;;
      *) continue ;;
    esac
    read -r line 2>/dev/null <"$stat" || continue
    # The command name (field 2) may hold spaces: count the fields from the end of its parentheses.
    read -ra fields <<<"${line##*) }"
    echo "$group $pid ${fields[1]} $((fields[11] + fields[12] + fields[13] + fields[14]))"
  done | sort
}

# cpu_per_request BEFORE AFTER REQUESTS: milliseconds of CPU per request by group between two cpu_ticks. A process
# that ended meanwhile (a PostgreSQL backend the pool closed) has its whole life added to its parent's reaped-children
# time: when that parent is counted in the same group, what the process had used before the window is taken off
# again, so only the window is counted. A process whose parent is not counted (the load generator, reaped by the
# benchmark's shell) and that ended before the window closed counts for nothing, as before this accounting.
cpu_per_request() {
  local hz
  hz="$(getconf CLK_TCK)"
  awk -v n="$3" -v hz="$hz" '
    FNR == NR { before[$1 " " $2] = $4; parent[$1 " " $2] = $1 " " $3; next }
    { key = $1 " " $2; delta[$1] += $4 - (key in before ? before[key] : 0); seen[key] = 1 }
    END {
      for (key in before) if (!(key in seen) && (parent[key] in seen)) { split(key, k, " "); delta[k[1]] -= before[key] }
      if (n <= 0) exit
      for (g in delta) { ms = delta[g] * 1000 / hz; total += ms; printf "  %-18s %7.3f ms\n", g, ms / n | "sort" }
      close("sort")
      printf "  %-18s %7.3f ms\n", "total", total / n
    }' <(echo "$1") <(echo "$2")
}

# deliver_run REPORT RATE WARMUP SECONDS GENERATOR-COMMAND…: runs the messaging load generator (its output into
# REPORT too) and adds the CPU per message offered over its measured phase but the last 2 s (the generator says
# when its warm-up starts, and must still be running at the second snapshot): where a message's cost goes. Per
# message *offered*, so it reads right only when the rate was sustained (the sends took no longer than warm-up +
# measured seconds).
deliver_run() {
  local report="$1" rate="$2" warmup="$3" seconds="$4" generator window before="" after=""
  shift 4
  rm -f "$report" # the wait below looks for this run's "warm-up" line, not the last run's
  "$@" > >(tee "$report") &
  generator=$!
  until grep -q "warm-up" "$report" 2>/dev/null || ! kill -0 "$generator" 2>/dev/null; do sleep 1; done
  window=$((seconds > 3 ? seconds - 2 : 1))
  if kill -0 "$generator" 2>/dev/null; then
    sleep "$warmup"
    before="$(cpu_ticks)"
    sleep "$window"
    after="$(cpu_ticks)"
  fi
  wait "$generator"
  if [[ -n "$before" ]]; then
    echo "== CPU per message offered in the measured phase (user + system time of each process group)" | tee -a "$report"
    cpu_per_request "$before" "$after" "$((rate * window))" | tee -a "$report"
  fi
}
