#!/usr/bin/env bash
# TheBot's benchmark: builds Release, starts PostgreSQL, Redis, api, realtime, web and nginx as local
# processes, seeds data at realistic size, measures, and writes docs/benchmarks.md.
#
#   bash bench/run.sh                    # the full run (~35 minutes on 2 cores, the old stack's half included)
#   QUICK=1 bash bench/run.sh            # (or --quick) smaller data and shorter runs, to check the harness (~10 minutes)
#   PEER_DIR=none bash bench/run.sh      # without the old Django stack (no ratios)
#   SOAK_SECONDS=120 bash bench/run.sh   # a shorter soak than the full run's ten minutes
#
# The old stack (PEER_DIR, default ../shared/peer: Django/DRF on gunicorn, Channels on daphne, nginx) is
# started with its own up.sh, measured with its own bench.sh on the same scenarios in the same run, and
# stopped with its down.sh; bench/TheBot.Bench's `report` writes the side-by-side tables with ratios.
# Every comparison is measured in the same run; figures depend on the machine — docs/benchmarks.md
# records which one.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/.out
QUICK=${QUICK:-0}; [[ "${1:-}" == "--quick" ]] && QUICK=1
PEER_DIR=${PEER_DIR:-$ROOT/../shared/peer}
if [[ $PEER_DIR != none ]]; then
  PEER_DIR=$(cd "$PEER_DIR" && pwd) || { echo "PEER_DIR $PEER_DIR not found (PEER_DIR=none skips the old stack)" >&2; exit 1; }
fi

DURATION=15s; WARMUP=60s; USERS=10000; LESSONS=100000; MESSAGES=1000000; FANOUT_MESSAGES=6000; IDLE_COUNTS="1000 5000 10000"; RAMP_STEP=10; SOAK=600
# Side by side with the peer (same rates, same 100-member room): fixed rate × messages, a sweep, a burst.
FIXED_RATE=20; FIXED_MESSAGES=200; SWEEP_RATES="40 60 80 100 120"; SWEEP_SECONDS=10; BURST_SECONDS=10; BURST_CONCURRENCY=16
if ((QUICK)); then DURATION=5s; WARMUP=20s; USERS=2000; LESSONS=20000; MESSAGES=100000; FANOUT_MESSAGES=1200; IDLE_COUNTS="1000"; RAMP_STEP=3; SOAK=60
  FIXED_MESSAGES=100; SWEEP_RATES="40 60"; SWEEP_SECONDS=5; BURST_SECONDS=5; fi
SOAK_SECONDS=${SOAK_SECONDS:-$SOAK}
PG_PORT=55432; REDIS_PORT=56379; API_PORT=5101; REALTIME_PORT=5102; REALTIME2_PORT=5103; WEB_PORT=5100; NGINX_PORT=5200

log() { printf '\n== %s\n' "$*" >&2; }
# The machine is shared (other builds and tests may run beside the benchmark): note its load at each stage.
loadavg() { echo "$1: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$OUT/loadavg.txt"; }

# --- tools ---------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v redis-server >/dev/null || missing+=(redis-server)
# The old stack's Debian packages (its README's list): without them its up.sh fails half-way.
if [[ $PEER_DIR != none ]]; then
  for pkg in python3-django python3-djangorestframework python3-psycopg2 gunicorn python3-daphne daphne \
    python3-django-channels python3-channels-redis; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
fi
if ((${#missing[@]})); then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; fi
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

# --- clean slate; stop everything on exit ---------------------------------------------------------
cleanup() {
  # start() runs in command substitutions, so the services' ids live in $OUT/<name>.pid files.
  for file in "$OUT"/*.pid; do [[ $file == */nginx.pid ]] || kill "$(cat "$file")" 2>/dev/null || true; done
  [[ -f $OUT/nginx.pid ]] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
  redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true
  [[ -d $OUT/pg ]] && setpriv --reuid=postgres --regid=postgres --init-groups -- "$PG_BIN/pg_ctl" -D "$OUT/pg" -m fast stop >/dev/null 2>&1 || true
  [[ -f $OUT/peer-started ]] && bash "$PEER_DIR/down.sh" >"$OUT/peer-down.log" 2>&1 || true
}
trap cleanup EXIT
rm -rf "$OUT"; mkdir -p "$OUT/files"
# Both sides' figures as JSON lines of the same shape, for `TheBot.Bench report` (see Report/StackResults.cs).
export BENCH_RESULTS=$OUT/thebot.jsonl; PEER_RESULTS=$OUT/peer.jsonl; : >"$BENCH_RESULTS"; : >"$PEER_RESULTS"
loadavg "start"

# --- build ---------------------------------------------------------------------------------------
log "publishing Release builds"
for service in Api Realtime Web; do
  # As deploy/build-images.sh publishes the images: api ReadyToRun (docs/benchmarks.md, "Startup and footprint").
  r2r=(); [[ $service == Api ]] && r2r=(-p:PublishReadyToRun=true)
  dotnet publish "TheBot.$service" -c Release -o "$OUT/publish/$service" --nologo -v quiet -p:TreatWarningsAsErrors=true "${r2r[@]}"
done
dotnet build bench/TheBot.Bench -c Release -o "$OUT/bench" --nologo -v quiet
BENCH="dotnet $OUT/bench/TheBot.Bench.dll"

# --- the old stack: started (and seeded) first, so that its seeding does not overlap TheBot's measurements --------
PEER_PY=/usr/bin/python3 # Debian's python, where the peer's Django packages live
if [[ $PEER_DIR != none ]]; then
  log "starting the old stack ($PEER_DIR/up.sh: initdb, seed, gunicorn, daphne, nginx)"
  bash "$PEER_DIR/down.sh" >/dev/null 2>&1 || true
  touch "$OUT/peer-started"
  bash "$PEER_DIR/up.sh" >"$OUT/peer-up.log" 2>&1 || { tail -30 "$OUT/peer-up.log" >&2; exit 1; }
  sed -n 's/^\([A-Z]*\)_STARTUP_S=\(.*\)/\1 \2/p' /tmp/peer-startup.env | while read -r name seconds; do
    printf '{"kind":"startup","service":"%s","seconds":%s}\n' "${name,,}" "$seconds" >>"$PEER_RESULTS"
  done
  $PEER_PY "$PEER_DIR/bench/procstat.py" snapshot | jq -c 'to_entries[] | {kind: "idle_rss", service: .key, mib: .value.rss_mb}' >>"$PEER_RESULTS"
  # A fresh gunicorn (up.sh has only asked it for health) under the lessons load: two 5-second windows.
  set -a; source "$PEER_DIR/tokens.env"; set +a
  for window in 1 2; do
    TOKEN=$STUDENT_TOKEN wrk -t2 -c64 -d5s -s "$PEER_DIR/bench/wrk.lua" "http://127.0.0.1:48001/api/lessons/?from=$LESSONS_FROM&to=$LESSONS_TO" \
      | sed -n 's/^RESULT //p' | jq -c '{kind: "fresh", wrk: .}' >>"$PEER_RESULTS"
  done
  tail -2 "$PEER_RESULTS" >&2
fi
loadavg "old stack up"

# --- infrastructure --------------------------------------------------------------------------------
log "starting PostgreSQL and Redis"
mkdir -p "$OUT/pg" "$OUT/pgsock"; chown postgres:postgres "$OUT/pg" "$OUT/pgsock"; chmod o+x "$OUT" "$ROOT/bench" "$ROOT"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
as_postgres "$PG_BIN/initdb" -D "$OUT/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$OUT/pg" -l "$OUT/pgsock/postgres.log" -w -o "-p $PG_PORT -k $OUT/pgsock -c listen_addresses=127.0.0.1 -c shared_buffers=512MB -c max_connections=300" start >/dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p $PG_PORT -U postgres thebot
redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"

export BENCH_DATABASE="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=thebot;Maximum Pool Size=200"
export BENCH_JWT_KEY; BENCH_JWT_KEY=$(openssl rand -hex 32)
export BENCH_API_URL="http://127.0.0.1:$API_PORT"
export BENCH_REALTIME_URLS="http://127.0.0.1:$REALTIME_PORT"
export BENCH_SEED_FILE="$OUT/seed.json"
WEB_URL="http://127.0.0.1:$WEB_PORT"

common_env=(
  ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 "Logging__LogLevel__Default=Warning"
  "Jwt__SigningKey=$BENCH_JWT_KEY" "ConnectionStrings__redis=127.0.0.1:$REDIS_PORT"
)
api_env=("${common_env[@]}" "ConnectionStrings__thebot=$BENCH_DATABASE" "Storage__Root=$OUT/files"
  "Bootstrap__AdminPassword=$(openssl rand -hex 16)" "RateLimiting__RequestsPerUserPerSecond=1000000" "RateLimiting__RequestBurstPerUser=10000000")
web_env=("${common_env[@]}" "services__api__http__0=http://127.0.0.1:$API_PORT" "services__realtime__http__0=http://127.0.0.1:$REALTIME_PORT"
  "FrontDoor__RateLimiting__Enabled=false")

# start <name> <port> <dll> <env...>: starts a service, waits for /health, prints ms from exec to healthy.
start() {
  local name=$1 port=$2 dll=$3; shift 3
  local began; began=$(date +%s%N)
  # From the publish folder: that is the content root (appsettings.json, wwwroot).
  (cd "$(dirname "$dll")" && exec env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port") >"$OUT/$name.log" 2>&1 &
  local pid=$!; echo "$pid" >"$OUT/$name.pid"
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $OUT/$name.log" >&2; tail -30 "$OUT/$name.log" >&2; exit 1; }
    sleep 0.05
  done
  echo $(( ($(date +%s%N) - began) / 1000000 ))
}
stop() { local pid; pid=$(cat "$OUT/$1.pid"); kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; }
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$(cat "$OUT/$1.pid")/status"; }
hwm_mib() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$(cat "$OUT/$1.pid")/status"; }
cpu_ticks() { awk '{print $14+$15}' "/proc/$(cat "$OUT/$1.pid")/stat"; }
# PostgreSQL's CPU: "pid ticks" of every server process; pg_cpu_since sums what each used since the snapshot
# (a process that exits in between, an autovacuum worker say, takes its share with it).
# Only this run's cluster: the old stack's PostgreSQL runs as the same user.
pg_pids() { local postmaster; postmaster=$(head -1 "$OUT/pg/postmaster.pid"); echo "$postmaster"; pgrep -P "$postmaster"; }
pg_ticks() { local pid; for pid in $(pg_pids); do echo "$pid $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"; done; }
pg_cpu_since() { pg_ticks | awk -v before="$1" 'BEGIN {n = split(before, b, "\n"); for (i = 1; i <= n; i++) {split(b[i], f, " "); t[f[1]] = f[2]}}
  {used += $2 - ($1 in t ? t[$1] : 0)} END {print used}'; }

log "starting services (api migrates the empty database on its first start)"
API_FIRST_MS=$(start api $API_PORT "$OUT/publish/Api/TheBot.Api.dll" "${api_env[@]}")
stop api
API_MS=$(start api $API_PORT "$OUT/publish/Api/TheBot.Api.dll" "${api_env[@]}")
REALTIME_MS=$(start realtime $REALTIME_PORT "$OUT/publish/Realtime/TheBot.Realtime.dll" "${common_env[@]}")
WEB_MS=$(start web $WEB_PORT "$OUT/publish/Web/TheBot.Web.dll" "${web_env[@]}")
sleep 5
IDLE_API=$(rss_mib api); IDLE_REALTIME=$(rss_mib realtime); IDLE_WEB=$(rss_mib web)
for service in api realtime web; do
  printf '{"kind":"idle_rss","service":"%s","mib":%s}\n' "$service" "$(rss_mib "$service")" >>"$BENCH_RESULTS"
done
sed -e "s|__OUT__|$OUT|g" -e "s|__API_PORT__|$API_PORT|g" -e "s|__NGINX_PORT__|$NGINX_PORT|g" bench/nginx/nginx.conf.template >"$OUT/nginx.conf"
nginx -c "$OUT/nginx.conf" -e "$OUT/nginx-error.log"

log "seeding $USERS users, $LESSONS lessons, $MESSAGES messages"
$BENCH seed $USERS $LESSONS $MESSAGES | tee "$OUT/seed.txt"

# --- HTTP reads ------------------------------------------------------------------------------------
RESULTS=$OUT/http.tsv; : >"$RESULTS"
machine_ticks() { awk '/^cpu / {print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
# read_scenario <endpoint> <label> <via> <via label> <url> <token-for|none> [warm-up]: wrk at 64 connections;
# CPU % of each service over the run (and of nginx's workers on the nginx row).
read_scenario() {
  local endpoint=$1 label=$2 via=$3 via_label=$4 url=$5 who=$6 warmup=${7:-$WARMUP}
  BENCH_TOKEN=""; [[ $who == none ]] || BENCH_TOKEN=$($BENCH token "$who"); export BENCH_TOKEN
  # Warm-up: tiered JIT needs tens of seconds of load on 2 cores before the hot paths are fully optimised
  # (measured: ~250 req/s in the first 10 s of a fresh api, ~1,300 after 45 s; the 100-room list of the full data
  # needs ~60 s), then pools and caches.
  wrk -t2 -c64 -d"$warmup" -s bench/wrk/authorized-get.lua "$url" >/dev/null
  local nginx_pids; nginx_pids=$(pgrep -f "nginx: worker process" -P "$(cat "$OUT/nginx.pid")" | paste -sd' ')
  local a0 w0 p0 n0 m0 t0; a0=$(cpu_ticks api); w0=$(cpu_ticks web); p0=$(pg_ticks); m0=$(machine_ticks); t0=$(date +%s%N)
  n0=0; for pid in $nginx_pids; do n0=$(( n0 + $(awk '{print $14+$15}' "/proc/$pid/stat") )); done
  local json; json=$(wrk -t2 -c64 -d"$DURATION" -s bench/wrk/authorized-get.lua "$url" | sed -n 's/^RESULT //p')
  local secs; secs=$(( ($(date +%s%N) - t0) / 1000000 ))
  local hz; hz=$(getconf CLK_TCK)
  cpu() { echo $(( ( $(cpu_ticks "$1") - $2 ) * 100000 / hz / secs )); }
  local pg=$(( $(pg_cpu_since "$p0") * 100000 / hz / secs ))
  local n1=0; for pid in $nginx_pids; do n1=$(( n1 + $(awk '{print $14+$15}' "/proc/$pid/stat") )); done
  local nginx=$(( (n1 - n0) * 100000 / hz / secs ))
  local busy; busy=$(echo "$m0 $(machine_ticks)" | awk '{printf "%.1f", 100 * ($3 - $1) / ($4 - $2)}')
  jq -c "{kind: \"http\", endpoint: \"$endpoint\", via: \"$via\", wrk: ., proc: {api: {cpu_pct: $(cpu api "$a0")}, web: {cpu_pct: $(cpu web "$w0")}, nginx: {cpu_pct: $nginx}, postgres: {cpu_pct: $pg}, machine: {busy_pct: $busy}}}" <<<"$json" >>"$BENCH_RESULTS"
  jq -r "[\"$label\", \"$via_label\", (.rps | floor), .p50_ms, .p99_ms, .max_ms, (.errors_connect + .errors_read + .errors_write + .errors_timeout + .errors_status), .requests] | @tsv" <<<"$json" \
    | sed "s/\$/\t$(cpu api "$a0")\t$(cpu web "$w0")\t$pg\t$(hwm_mib api)/" >>"$RESULTS"
  tail -1 "$RESULTS" >&2
}
MONDAY=$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) - 1 )) days" +%F) # the seeder's week: date_trunc('week', now())
WEEK_FROM="${MONDAY}T00:00:00Z"; WEEK_TO="$(date -u -d "$MONDAY +7 days" +%F)T00:00:00Z"
LESSONS_PATH="/api/lessons?from=$WEEK_FROM&to=$WEEK_TO&pageSize=100" # what the SPA's week calendar asks

# A fresh api on the seeded database: exec → healthy, then the lessons load at once, in two 5-second windows.
log "a fresh api under load"
BENCH_TOKEN=$($BENCH token lessons); export BENCH_TOKEN
stop api
API_SEEDED_MS=$(start api $API_PORT "$OUT/publish/Api/TheBot.Api.dll" "${api_env[@]}")
for window in 1 2; do
  wrk -t2 -c64 -d5s -s bench/wrk/authorized-get.lua "http://127.0.0.1:$API_PORT$LESSONS_PATH" | sed -n 's/^RESULT //p' \
    | jq -c '{kind: "fresh", wrk: .}' >>"$BENCH_RESULTS"
done
tail -2 "$BENCH_RESULTS" >&2
for service in api:$API_SEEDED_MS realtime:$REALTIME_MS web:$WEB_MS; do
  printf '{"kind":"startup","service":"%s","seconds":%s}\n' "${service%%:*}" "$(awk -v ms="${service#*:}" 'BEGIN {printf "%.3f", ms / 1000}')" >>"$BENCH_RESULTS"
done

loadavg "TheBot's reads"
log "reads"
read_scenario lessons "lessons (week of 20)" direct direct "http://127.0.0.1:$API_PORT$LESSONS_PATH" lessons
read_scenario lessons "lessons (week of 20)" yarp "front door (YARP)" "$WEB_URL$LESSONS_PATH" lessons
read_scenario lessons "lessons (week of 20)" nginx "nginx" "http://127.0.0.1:$NGINX_PORT$LESSONS_PATH" lessons
read_scenario rooms100 "chat rooms (100)" direct direct "http://127.0.0.1:$API_PORT/api/chat/rooms?pageSize=100" chat
read_scenario rooms100 "chat rooms (100)" yarp "front door (YARP)" "$WEB_URL/api/chat/rooms?pageSize=100" chat
read_scenario health "health" direct direct "http://127.0.0.1:$API_PORT/health" none 5s
read_scenario health "health (web's own)" yarp "front door (YARP)" "$WEB_URL/health" none 5s

# The old stack's reads, with the same wrk settings (its bench.sh: lessons, rooms, all 100 rooms, health;
# direct to gunicorn and through its nginx). Python has no JIT to warm: a short warm-up.
if [[ $PEER_DIR != none ]]; then
  loadavg "old stack's reads"
  log "the old stack's reads"
  OUT=$OUT/peer-http SCENARIOS=http DURATION=${DURATION%s} WARMUP=5 bash "$PEER_DIR/bench.sh" >"$OUT/peer-http.log" 2>&1 || { tail -30 "$OUT/peer-http.log" >&2; exit 1; }
  jq -c '{kind: "http", endpoint, via, wrk, proc}' "$OUT/peer-http/results.jsonl" >>"$PEER_RESULTS"
  jq -r '[.endpoint, .via, .wrk.rps, .wrk.p99_ms] | @tsv' "$OUT/peer-http/results.jsonl" >&2
fi

# --- writes, fan-out, idle connections -------------------------------------------------------------
log "writes"
$BENCH writes $RAMP_STEP | tee "$OUT/writes.txt"
log "soak: $SOAK_SECONDS s through the front door at 70% of the mix's measured maximum"
# The soak's mix (6 lesson reads : 3 chat-list reads : 1 post) can go as fast as its parts allow together.
WRITES_MAX=$(grep -o 'achieved [0-9]*' "$OUT/writes.txt" | awk '{print $2}' | sort -n | tail -1)
SOAK_RATE=$(awk -F'\t' -v w="$WRITES_MAX" '$1 ~ /^lessons/ && $2 ~ /YARP/ {l=$3} $1 ~ /^chat/ && $2 ~ /YARP/ {c=$3}
  END {printf "%d", 0.7 / (0.6/l + 0.3/c + 0.1/w)}' "$RESULTS")
BENCH_API_URL="http://127.0.0.1:$WEB_PORT" $BENCH soak "$LESSONS_PATH" "$SOAK_RATE" "$SOAK_SECONDS" \
  "$(cat "$OUT/api.pid")" "$(cat "$OUT/realtime.pid")" "$(cat "$OUT/web.pid")" | tee "$OUT/soak.txt" || true
# Fan-out side by side: the peer's phases (fixed rate, sweep, burst of 16 posters), posts and WebSockets through
# the front door on both sides (YARP / nginx). CPU per service over each phase (BENCH_PIDS).
export BENCH_PIDS="api=$(cat "$OUT/api.pid"),realtime=$(cat "$OUT/realtime.pid"),web=$(cat "$OUT/web.pid"),redis=$(pgrep -f "redis-server 127.0.0.1:$REDIS_PORT" | head -1),postgres=$(pg_pids | paste -sd+)"
loadavg "TheBot's fan-out"
log "fan-out through the front door: $FIXED_RATE/s × $FIXED_MESSAGES, $SWEEP_RATES posts/s for $SWEEP_SECONDS s each, a burst of $BURST_CONCURRENCY posters"
# A run with losses exits non-zero: that is a result to record in the report, not a reason to stop.
: >"$OUT/fanout.txt"
BENCH_API_URL=$WEB_URL BENCH_REALTIME_URLS=$WEB_URL $BENCH fanout "$FIXED_MESSAGES" "$FIXED_RATE" fixed | tee -a "$OUT/fanout.txt" || true
for rate in $SWEEP_RATES; do
  BENCH_API_URL=$WEB_URL BENCH_REALTIME_URLS=$WEB_URL $BENCH fanout $((rate * SWEEP_SECONDS)) "$rate" "rate$rate" | tee -a "$OUT/fanout.txt" || true
done
BENCH_API_URL=$WEB_URL BENCH_REALTIME_URLS=$WEB_URL $BENCH burst "$BURST_SECONDS" "$BURST_CONCURRENCY" | tee -a "$OUT/fanout.txt" || true
if [[ $PEER_DIR != none ]]; then
  loadavg "old stack's fan-out"
  log "the old stack's fan-out (same phases)"
  OUT=$OUT/peer-ws SCENARIOS=ws FIXED_RATE=$FIXED_RATE FIXED_MESSAGES=$FIXED_MESSAGES SWEEP_RATES="$SWEEP_RATES" SWEEP_SECONDS=$SWEEP_SECONDS \
    BURST_SECONDS=$BURST_SECONDS BURST_CONCURRENCY=$BURST_CONCURRENCY bash "$PEER_DIR/bench.sh" >"$OUT/peer-ws.log" 2>&1 || { tail -30 "$OUT/peer-ws.log" >&2; exit 1; }
  jq -c '.ws + {kind: "fanout", proc: .proc}' "$OUT/peer-ws/results.jsonl" >>"$PEER_RESULTS"
  jq -r '[.ws.phase, .ws.post_rate, .ws.lost, .ws.latency_p99_ms] | @tsv' "$OUT/peer-ws/results.jsonl" >&2
  log "stopping the old stack"
  bash "$PEER_DIR/down.sh" >"$OUT/peer-down.log" 2>&1 && rm -f "$OUT/peer-started"
fi
log "fan-out at 600 posts/s (issue #17's target), direct: one realtime"
$BENCH fanout "$FANOUT_MESSAGES" 600 "600/s direct, 1 realtime" | tee -a "$OUT/fanout.txt" || true
log "fan-out, two realtime replicas"
REALTIME2_MS=$(start realtime2 $REALTIME2_PORT "$OUT/publish/Realtime/TheBot.Realtime.dll" "${common_env[@]}")
BENCH_REALTIME_URLS="http://127.0.0.1:$REALTIME_PORT,http://127.0.0.1:$REALTIME2_PORT" $BENCH fanout "$FANOUT_MESSAGES" 600 "600/s direct, 2 realtime" | tee -a "$OUT/fanout.txt" || true
stop realtime2
unset BENCH_PIDS
log "idle connections"
: >"$OUT/idle.txt"
for n in $IDLE_COUNTS; do
  stop realtime; start realtime $REALTIME_PORT "$OUT/publish/Realtime/TheBot.Realtime.dll" "${common_env[@]}" >/dev/null
  $BENCH idle "$n" "$(cat "$OUT/realtime.pid")" | tee -a "$OUT/idle.txt"
done

loadavg "end"

# --- report ----------------------------------------------------------------------------------------
$BENCH report "$BENCH_RESULTS" "$([[ $PEER_DIR == none ]] && echo none || echo "$PEER_RESULTS")" >"$OUT/side-by-side.md"
size_mib() { du -sm "$OUT/publish/$1" | cut -f1; }
{
  cat bench/benchmarks-intro.md
  echo
  echo "## Run of $(date -u +%Y-%m-%d) ($([[ $QUICK == 1 ]] && echo quick || echo full))"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem/ {print $2}') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)."
  echo "Data: $(cat "$OUT/seed.txt" | tail -1). Load generator and services share the machine."
  echo
  echo "Load average (1, 5, 15 min) at each stage of this run — other work (builds, tests) may share the two cores with the"
  echo "benchmark, which moves absolute figures; the ratios compare stacks measured minutes apart under the same conditions:"
  echo "$(sed 's/^/- /' "$OUT/loadavg.txt")"
  echo
  cat "$OUT/side-by-side.md"
  echo "### TheBot alone: all figures of this run"
  echo
  echo "### Reads (wrk, 2 threads, 64 connections, $DURATION)"
  echo
  echo "| Request | Via | req/s | p50 ms | p99 ms | max ms | errors | requests | api CPU % | web CPU % | PostgreSQL CPU % | api peak RSS MiB |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12}' "$RESULTS"
  echo
  awk -F'\t' '$1 ~ /^lessons/ && $2 ~ /YARP/ {y=$3; yp=$4} $1 ~ /^lessons/ && $2=="nginx" {n=$3; np=$4} $1 ~ /^lessons/ && $2=="direct" {d=$4}
    END {printf "YARP / nginx throughput ratio: **%.2f**; added p50 over direct: YARP %.2f ms, nginx %.2f ms.\n", y/n, yp-d, np-d}' "$RESULTS"
  echo
  echo "### Writes (POST a chat message: persist + publish), rate ramp of ${RAMP_STEP}s steps"
  echo; echo '```'; cat "$OUT/writes.txt"; echo '```'; echo
  echo "### Soak ($SOAK_SECONDS s through the front door, 6 lesson reads : 3 chat-list reads : 1 post, at 70% of that mix's measured maximum: $SOAK_RATE req/s)"
  echo; echo '```'; cat "$OUT/soak.txt"; echo '```'; echo
  echo "### Realtime fan-out (100-member room)"
  echo; echo '```'; cat "$OUT/fanout.txt"; echo '```'; echo
  echo "### Idle WebSocket connections (one realtime)"
  echo; echo '```'; cat "$OUT/idle.txt"; echo '```'; echo
  echo "### Startup and footprint"
  echo
  echo "| Service | exec → healthy ms | idle RSS MiB | publish size MiB |"
  echo "|---|---:|---:|---:|"
  echo "| api | $API_SEEDED_MS on the seeded database ($API_MS on the empty one; first start, migrating: $API_FIRST_MS) | $IDLE_API | $(size_mib Api) |"
  echo "| realtime | $REALTIME_MS (second replica: $REALTIME2_MS) | $IDLE_REALTIME | $(size_mib Realtime) |"
  echo "| web | $WEB_MS | $IDLE_WEB | $(size_mib Web) |"
  echo "| **together** | | **$((IDLE_API + IDLE_REALTIME + IDLE_WEB))** | |"
} >"$OUT/report.md"
cp "$OUT/report.md" docs/benchmarks.md
log "written docs/benchmarks.md"
cat docs/benchmarks.md
