#!/usr/bin/env bash
# TheBot's benchmark: builds Release, starts PostgreSQL, Redis, api, realtime, web and nginx as local
# processes, seeds data at realistic size, measures, and writes docs/benchmarks.md.
#
#   bash bench/run.sh            # the full run (~15 minutes on 2 cores)
#   bash bench/run.sh --quick    # smaller data and shorter runs, to check the harness (~4 minutes)
#
# Every comparison is measured in the same run; figures depend on the machine — docs/benchmarks.md
# records which one.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/.out
QUICK=0; [[ "${1:-}" == "--quick" ]] && QUICK=1

DURATION=15s; WARMUP=60s; USERS=10000; LESSONS=100000; MESSAGES=1000000; FANOUT_MESSAGES=6000; IDLE_COUNTS="1000 5000 10000"; RAMP_STEP=10; SOAK_SECONDS=600
if ((QUICK)); then DURATION=5s; WARMUP=20s; USERS=2000; LESSONS=20000; MESSAGES=100000; FANOUT_MESSAGES=1200; IDLE_COUNTS="1000"; RAMP_STEP=3; SOAK_SECONDS=60; fi
PG_PORT=55432; REDIS_PORT=56379; API_PORT=5101; REALTIME_PORT=5102; REALTIME2_PORT=5103; WEB_PORT=5100; NGINX_PORT=5200

log() { printf '\n== %s\n' "$*" >&2; }

# --- tools ---------------------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || missing+=(nginx-light)
command -v redis-server >/dev/null || missing+=(redis-server)
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
}
trap cleanup EXIT
rm -rf "$OUT"; mkdir -p "$OUT/files"

# --- build ---------------------------------------------------------------------------------------
log "publishing Release builds"
for service in Api Realtime Web; do
  dotnet publish "TheBot.$service" -c Release -o "$OUT/publish/$service" --nologo -v quiet -p:TreatWarningsAsErrors=true
done
dotnet build bench/TheBot.Bench -c Release -o "$OUT/bench" --nologo -v quiet
BENCH="dotnet $OUT/bench/TheBot.Bench.dll"

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
pg_ticks() { local pid; for pid in $(pgrep -u postgres); do echo "$pid $(awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null || echo 0)"; done; }
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
sed -e "s|__OUT__|$OUT|g" -e "s|__API_PORT__|$API_PORT|g" -e "s|__NGINX_PORT__|$NGINX_PORT|g" bench/nginx/nginx.conf.template >"$OUT/nginx.conf"
nginx -c "$OUT/nginx.conf" -e "$OUT/nginx-error.log"

log "seeding $USERS users, $LESSONS lessons, $MESSAGES messages"
$BENCH seed $USERS $LESSONS $MESSAGES | tee "$OUT/seed.txt"

# --- HTTP reads ------------------------------------------------------------------------------------
RESULTS=$OUT/http.tsv; : >"$RESULTS"
# read_scenario <label> <via> <url> <token-for>: wrk at 64 connections; CPU % of each service over the run.
read_scenario() {
  local label=$1 via=$2 url=$3 who=$4
  BENCH_TOKEN=$($BENCH token "$who"); export BENCH_TOKEN
  # Warm-up: tiered JIT needs tens of seconds of load on 2 cores before the hot paths are fully optimised
  # (measured: ~250 req/s in the first 10 s of a fresh api, ~1,300 after 45 s; the 100-room list of the full data
  # needs ~60 s), then pools and caches.
  wrk -t2 -c64 -d"$WARMUP" -s bench/wrk/authorized-get.lua "$url" >/dev/null
  local a0 w0 p0 t0; a0=$(cpu_ticks api); w0=$(cpu_ticks web); p0=$(pg_ticks); t0=$(date +%s%N)
  local line; line=$(wrk -t2 -c64 -d"$DURATION" -s bench/wrk/authorized-get.lua "$url" | grep '^RESULT')
  local secs; secs=$(( ($(date +%s%N) - t0) / 1000000 ))
  local hz; hz=$(getconf CLK_TCK)
  cpu() { echo $(( ( $(cpu_ticks "$1") - $2 ) * 100000 / hz / secs )); }
  local pg=$(( $(pg_cpu_since "$p0") * 100000 / hz / secs ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$via" "$(cut -f2- <<<"$line")" "$(cpu api "$a0")" "$(cpu web "$w0")" "$pg" "$(hwm_mib api)" >>"$RESULTS"
  tail -1 "$RESULTS" >&2
}
MONDAY=$(date -u -d "$(date -u +%F) -$(( $(date -u +%u) - 1 )) days" +%F) # the seeder's week: date_trunc('week', now())
WEEK_FROM="${MONDAY}T00:00:00Z"; WEEK_TO="$(date -u -d "$MONDAY +7 days" +%F)T00:00:00Z"
LESSONS_PATH="/api/lessons?from=$WEEK_FROM&to=$WEEK_TO&pageSize=100" # what the SPA's week calendar asks
log "reads"
read_scenario "lessons (week of 20)" direct "http://127.0.0.1:$API_PORT$LESSONS_PATH" lessons
read_scenario "lessons (week of 20)" "front door (YARP)" "http://127.0.0.1:$WEB_PORT$LESSONS_PATH" lessons
read_scenario "lessons (week of 20)" "nginx" "http://127.0.0.1:$NGINX_PORT$LESSONS_PATH" lessons
read_scenario "chat rooms (100)" direct "http://127.0.0.1:$API_PORT/api/chat/rooms?pageSize=100" chat
read_scenario "chat rooms (100)" "front door (YARP)" "http://127.0.0.1:$WEB_PORT/api/chat/rooms?pageSize=100" chat

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
log "fan-out, one realtime"
# A run with losses exits non-zero: that is a result to record in the report, not a reason to stop.
$BENCH fanout "$FANOUT_MESSAGES" 600 | tee "$OUT/fanout.txt" || true
log "fan-out, two realtime replicas"
REALTIME2_MS=$(start realtime2 $REALTIME2_PORT "$OUT/publish/Realtime/TheBot.Realtime.dll" "${common_env[@]}")
BENCH_REALTIME_URLS="http://127.0.0.1:$REALTIME_PORT,http://127.0.0.1:$REALTIME2_PORT" $BENCH fanout "$FANOUT_MESSAGES" 600 | tee -a "$OUT/fanout.txt" || true
stop realtime2
log "idle connections"
: >"$OUT/idle.txt"
for n in $IDLE_COUNTS; do
  stop realtime; start realtime $REALTIME_PORT "$OUT/publish/Realtime/TheBot.Realtime.dll" "${common_env[@]}" >/dev/null
  $BENCH idle "$n" "$(cat "$OUT/realtime.pid")" | tee -a "$OUT/idle.txt"
done

# --- report ----------------------------------------------------------------------------------------
size_mib() { du -sm "$OUT/publish/$1" | cut -f1; }
{
  cat bench/benchmarks-intro.md
  echo
  echo "## Run of $(date -u +%Y-%m-%d) ($([[ $QUICK == 1 ]] && echo quick || echo full))"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), $(free -g | awk '/Mem/ {print $2}') GB RAM, $(. /etc/os-release; echo "$PRETTY_NAME"), .NET $(dotnet --version)."
  echo "Data: $(cat "$OUT/seed.txt" | tail -1). Load generator and services share the machine."
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
  echo "| api | $API_MS (first start, migrating: $API_FIRST_MS) | $IDLE_API | $(size_mib Api) |"
  echo "| realtime | $REALTIME_MS (second replica: $REALTIME2_MS) | $IDLE_REALTIME | $(size_mib Realtime) |"
  echo "| web | $WEB_MS | $IDLE_WEB | $(size_mib Web) |"
  echo "| **together** | | **$((IDLE_API + IDLE_REALTIME + IDLE_WEB))** | |"
} >"$OUT/report.md"
cp "$OUT/report.md" docs/benchmarks.md
log "written docs/benchmarks.md"
cat docs/benchmarks.md
