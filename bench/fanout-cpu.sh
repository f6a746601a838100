#!/usr/bin/env bash
# CPU per chat post and per delivery, per process, for the fan-out into a 100-member room (docs/benchmarks.md,
# "Fan-out after the redesign (issue #17)"). Publishes the services as bench/run.sh does, starts a throwaway
# PostgreSQL and Redis on ports of its own, seeds the quick data, then runs fan-out phases through the front door
# (below the ephemeral port range, so no client connection holds them) and prints each process's CPU ms per post and µs per delivery (TheBot.Bench's `fanout-cpu` lines).
#
#   bash bench/fanout-cpu.sh                       # publish, start, seed, measure RATES for PHASE_SECONDS each
#   PUBLISH=0 bash bench/fanout-cpu.sh             # reuse the last publish in $OUT
#   PROFILE=1 bash bench/fanout-cpu.sh             # also `perf record -g` every process during the PROFILE_RATE phase
#   VIA=direct bash bench/fanout-cpu.sh            # posts to api and WebSockets to realtime directly (no YARP)
#   KEEP=1 bash bench/fanout-cpu.sh                # leave everything running (stop with: kill $(cat $OUT/*.pid); …)
#
# CPU time per unit of work, unlike req/s, hardly moves when other work shares the machine: compare variants by it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-/tmp/thebot-fanout}
PUBLISH=${PUBLISH:-1}; PROFILE=${PROFILE:-0}; VIA=${VIA:-web}; KEEP=${KEEP:-0}
RATES=${RATES:-"40 60 100 200 400"}; PHASE_SECONDS=${PHASE_SECONDS:-10}; PROFILE_RATE=${PROFILE_RATE:-200}
PG_PORT=${PG_PORT:-27432}; REDIS_PORT=${REDIS_PORT:-27379}; API_PORT=${API_PORT:-27101}; REALTIME_PORT=${REALTIME_PORT:-27102}; WEB_PORT=${WEB_PORT:-27100}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
log() { printf '\n== %s\n' "$*" >&2; }

cleanup() {
  ((KEEP)) && return
  for file in "$OUT"/*.pid; do [[ -f $file ]] && kill "$(cat "$file")" 2>/dev/null || true; done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  [[ -d $OUT/pg ]] && setpriv --reuid=postgres --regid=postgres --init-groups -- "$PG_BIN/pg_ctl" -D "$OUT/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

if ((PUBLISH)); then
  log "publishing Release builds into $OUT/publish"
  rm -rf "$OUT/publish" "$OUT/bench"
  for service in Api Realtime Web; do
    r2r=(); [[ $service == Api ]] && r2r=(-p:PublishReadyToRun=true)
    dotnet publish "TheBot.$service" -c Release -o "$OUT/publish/$service" --nologo -v quiet -p:TreatWarningsAsErrors=true "${r2r[@]}"
  done
  dotnet build bench/TheBot.Bench -c Release -o "$OUT/bench" --nologo -v quiet
fi
BENCH="dotnet $OUT/bench/TheBot.Bench.dll"
rm -rf "$OUT/pg" "$OUT/files" "$OUT"/*.pid "$OUT"/perf; mkdir -p "$OUT/pg" "$OUT/files" "$OUT/perf"

log "PostgreSQL on $PG_PORT, Redis on $REDIS_PORT"
chown postgres:postgres "$OUT/pg"; chmod o+x "$OUT"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
as_postgres "$PG_BIN/initdb" -D "$OUT/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$OUT/pg" -l "$OUT/pg/postgres.log" -w -o "-p $PG_PORT -k $OUT/pg -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_connections=300" start >/dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres thebot
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"

export BENCH_DATABASE="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=thebot;Maximum Pool Size=200"
export BENCH_JWT_KEY; BENCH_JWT_KEY=$(openssl rand -hex 32)
export BENCH_SEED_FILE="$OUT/seed.json"
# JIT symbols for perf (/tmp/perf-<pid>.map); costs nothing measurable when perf is not recording.
common_env=(ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 "Logging__LogLevel__Default=Warning" DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0
  "Jwt__SigningKey=$BENCH_JWT_KEY" "ConnectionStrings__redis=127.0.0.1:$REDIS_PORT")
api_env=("${common_env[@]}" "ConnectionStrings__thebot=$BENCH_DATABASE" "Storage__Root=$OUT/files"
  "Bootstrap__AdminPassword=$(openssl rand -hex 16)" "RateLimiting__RequestsPerUserPerSecond=1000000" "RateLimiting__RequestBurstPerUser=10000000")
web_env=("${common_env[@]}" "services__api__http__0=http://127.0.0.1:$API_PORT" "services__realtime__http__0=http://127.0.0.1:$REALTIME_PORT"
  "FrontDoor__RateLimiting__Enabled=false")

start() {
  local name=$1 port=$2 dll=$3; shift 3
  (cd "$(dirname "$dll")" && exec env "$@" dotnet "$dll" --urls "http://127.0.0.1:$port") >"$OUT/$name.log" 2>&1 &
  local pid=$!; echo "$pid" >"$OUT/$name.pid"
  until curl -fs -o /dev/null "http://127.0.0.1:$port/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $OUT/$name.log" >&2; tail -30 "$OUT/$name.log" >&2; exit 1; }
    sleep 0.1
  done
}
log "starting api, realtime, web"
# API_ENV, REALTIME_ENV, WEB_ENV: extra NAME=value settings for one service (variants to compare).
# API_DIR, REALTIME_DIR, WEB_DIR: another publish of one service (e.g. of an earlier commit) to compare against.
start api "$API_PORT" "${API_DIR:-$OUT/publish/Api}/TheBot.Api.dll" "${api_env[@]}" ${API_ENV:-}
start realtime "$REALTIME_PORT" "${REALTIME_DIR:-$OUT/publish/Realtime}/TheBot.Realtime.dll" "${common_env[@]}" ${REALTIME_ENV:-}
start web "$WEB_PORT" "${WEB_DIR:-$OUT/publish/Web}/TheBot.Web.dll" "${web_env[@]}" ${WEB_ENV:-}
if [[ $VIA == direct ]]; then
  export BENCH_API_URL="http://127.0.0.1:$API_PORT" BENCH_REALTIME_URLS="http://127.0.0.1:$REALTIME_PORT"
else
  export BENCH_API_URL="http://127.0.0.1:$WEB_PORT" BENCH_REALTIME_URLS="http://127.0.0.1:$WEB_PORT"
fi
log "seeding the quick data"
$BENCH seed 2000 20000 100000 | tail -1

pg_pids() { local postmaster; postmaster=$(head -1 "$OUT/pg/postmaster.pid"); echo "$postmaster"; pgrep -P "$postmaster"; }
export BENCH_PIDS="api=$(cat "$OUT/api.pid"),realtime=$(cat "$OUT/realtime.pid"),web=$(cat "$OUT/web.pid"),redis=$(pgrep -f "redis-server 127.0.0.1:$REDIS_PORT" | head -1),postgres=$(pg_pids | paste -sd+)"

export DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 # the benchmark's own frames in its profile
# Tiered JIT needs load before the hot paths are optimised: a warm-up phase that is not reported.
log "warm-up (not measured): 60 posts/s for 20 s"
$BENCH fanout 1200 60 warmup >/dev/null || true
for rate in $RATES; do
  log "$rate posts/s for $PHASE_SECONDS s via $VIA"
  profiler=""
  if ((PROFILE)) && [[ $rate == "$PROFILE_RATE" ]]; then
    # perf runs while the phase posts (after the clients have connected): each service and the benchmark itself.
    (sleep 4; for name in api realtime web; do
       perf record -F 499 -g -p "$(cat "$OUT/$name.pid")" -o "$OUT/perf/$name.data" -- sleep $((PHASE_SECONDS - 2)) >/dev/null 2>&1 &
     done
     perf record -F 499 -g -p "$(pgrep -f "TheBot.Bench.dll fanout" | head -1)" -o "$OUT/perf/bench.data" -- sleep $((PHASE_SECONDS - 2)) >/dev/null 2>&1 &
     perf record -F 499 -g -p "$(pg_pids | paste -sd,)" -o "$OUT/perf/postgres.data" -- sleep $((PHASE_SECONDS - 2)) >/dev/null 2>&1 &
     wait) &
    profiler=$!
  fi
  $BENCH fanout $((rate * PHASE_SECONDS)) "$rate" "rate$rate" || true
  [[ -z $profiler ]] || wait "$profiler"
done
log "burst: 16 concurrent posters for $PHASE_SECONDS s"
$BENCH burst "$PHASE_SECONDS" 16 || true

if ((PROFILE)); then
  for name in api realtime web bench postgres; do
    [[ -f $OUT/perf/$name.data ]] || continue
    perf report -i "$OUT/perf/$name.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null | grep -v '^#' | grep -v '^$' | head -40 >"$OUT/perf/$name.top.txt" || true
    echo "== top frames: $name ($OUT/perf/$name.top.txt)"; head -25 "$OUT/perf/$name.top.txt"
  done
fi
