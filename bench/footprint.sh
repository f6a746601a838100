#!/usr/bin/env bash
# Idle footprint of api, realtime and web, and memory per idle SignalR connection, for variants compared in one
# sitting (docs/benchmarks.md, "Startup and footprint (issue #18)" and "Idle connections (issue #17)").
# Publishes the three services as bench/run.sh does, starts its own PostgreSQL and Redis (ports that do not clash
# with bench/run.sh's), seeds enough users for the largest connection count, then for each round and variant:
# starts api, realtime and web, waits SETTLE seconds after all are healthy, reads each process's resident memory,
# then opens N idle connections to a fresh realtime for each N of CONNECTIONS (bench/TheBot.Bench idle).
#
#   bash bench/footprint.sh                                  # the services as they are, one variant, 3 rounds
#   bash bench/footprint.sh before "" conserve "DOTNET_GCConserveMemory=5" gen0 "realtime:DOTNET_GCgen0size=0x400000"
#   ROUNDS=1 CONNECTIONS="1000 10000" SKIP_PUBLISH=1 bash bench/footprint.sh ...
#   DETAIL=1 bash bench/footprint.sh ...  # also where the memory is: each service's largest mappings (smaps), and with
#                                         # N connections open a GC heap dump (dotnet-gcdump: live objects by type) and
#                                         # realtime's RSS after the full GC the dump makes (what was garbage)
#
# A variant is a label followed by one argument of space-separated environment assignments, given to all three
# services, or to one when prefixed with api:, realtime: or web:; PUBLISH=<folder> runs the services published
# there instead (e.g. a build with a code change, published beside: <folder>/Api, <folder>/Realtime, <folder>/Web). Rounds interleave the variants (A B A B …), so
# that a slow minute of a shared machine does not land on one variant. Results: bench/.footprint/results.tsv
# (MiB: VmRSS, its anonymous and file-backed parts, and PSS for each service; KiB per connection), and a summary
# of medians on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/bench/.footprint
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-"1000 10000"}
SETTLE=${SETTLE:-10}
PG_PORT=${PG_PORT:-35432}; REDIS_PORT=${REDIS_PORT:-36379}; API_PORT=35111; REALTIME_PORT=35112; WEB_PORT=35110
if (($# == 0)); then set -- current ""; fi
(($# % 2 == 0)) || { echo "variants come in pairs: label \"assignments\"" >&2; exit 2; }

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

cleanup() {
  for file in "$OUT"/*.pid; do [[ -f $file ]] && kill "$(cat "$file")" 2>/dev/null || true; done
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  [[ -d $OUT/pg ]] && setpriv --reuid=postgres --regid=postgres --init-groups -- "$PG_BIN/pg_ctl" -D "$OUT/pg" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
mkdir -p "$OUT"
rm -rf "$OUT/pg" "$OUT/pgsock" "$OUT/files" "$OUT"/*.pid "$OUT"/*.log
mkdir -p "$OUT/files"

# --- build: as bench/run.sh publishes (api ReadyToRun); builds share one lock on this machine -------------------
if [[ ${SKIP_PUBLISH:-0} != 1 ]]; then
  echo "publishing Release builds" >&2
  for service in Api Realtime Web; do
    r2r=(); [[ $service == Api ]] && r2r=(-p:PublishReadyToRun=true)
    flock /tmp/thebot-build.lock dotnet publish "TheBot.$service" -c Release -o "$OUT/publish/$service" --nologo -v quiet -p:TreatWarningsAsErrors=true "${r2r[@]}"
  done
  flock /tmp/thebot-build.lock dotnet build bench/TheBot.Bench -c Release -o "$OUT/bench" --nologo -v quiet
fi
BENCH="dotnet $OUT/bench/TheBot.Bench.dll"

# --- PostgreSQL and Redis of its own ----------------------------------------------------------------------------
mkdir -p "$OUT/pg" "$OUT/pgsock"; chown postgres:postgres "$OUT/pg" "$OUT/pgsock"; chmod o+x "$OUT" "$ROOT/bench" "$ROOT"
as_postgres() { setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"; }
as_postgres "$PG_BIN/initdb" -D "$OUT/pg" -U postgres --auth=trust -E UTF8 >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$OUT/pg" -l "$OUT/pgsock/postgres.log" -w -o "-p $PG_PORT -k $OUT/pgsock -c listen_addresses=127.0.0.1 -c max_connections=300" start >/dev/null
as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres thebot
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --logfile "$OUT/redis.log"

export BENCH_DATABASE="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=thebot;Maximum Pool Size=200"
export BENCH_JWT_KEY; BENCH_JWT_KEY=$(openssl rand -hex 32)
export BENCH_API_URL="http://127.0.0.1:$API_PORT"
export BENCH_REALTIME_URLS="http://127.0.0.1:$REALTIME_PORT"
export BENCH_SEED_FILE="$OUT/seed.json"
unset BENCH_RESULTS

# The same settings as bench/run.sh gives the services.
common_env=(
  ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=1 "Logging__LogLevel__Default=Warning"
  "Jwt__SigningKey=$BENCH_JWT_KEY" "ConnectionStrings__redis=127.0.0.1:$REDIS_PORT"
)
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
stop() { local pid; pid=$(cat "$OUT/$1.pid"); kill "$pid" 2>/dev/null || true; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; rm -f "$OUT/$1.pid"; }
# "rss anon file pss" in MiB, from /proc/<pid>/status and smaps_rollup.
memory() {
  local pid; pid=$(cat "$OUT/$1.pid")
  local pss; pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup")
  awk -v pss="$pss" '/^VmRSS/ {r=$2} /^RssAnon/ {a=$2} /^RssFile/ {f=$2} /^RssShmem/ {s=$2}
    END {printf "%.1f\t%.1f\t%.1f\t%.1f", r/1024, a/1024, (f+s)/1024, pss/1024}' "/proc/$pid/status"
}
# Resident KiB per mapped file (anonymous memory as [anon]), largest first.
mappings() {
  awk '/^[0-9a-f]+-[0-9a-f]+ / {name = $6; if (name == "") name = "[anon]"} /^Rss:/ {rss[name] += $2}
    END {for (n in rss) if (rss[n] >= 256) printf "%8d KiB %s\n", rss[n], n}' "/proc/$1/smaps" | sort -rn
}
# While the idle scenario holds N connections open: realtime's memory, its mappings, a heap dump (a full GC), and
# its memory after that GC.
detail_connections() {
  local n=$1 label=$2 pid; pid=$(cat "$OUT/realtime.pid")
  until (($(ss -Htn state established "( sport = :$REALTIME_PORT )" | wc -l) >= n)); do sleep 0.2; done
  sleep 2
  local file=$OUT/detail-$label-idle$n
  { echo "with $n connections: $(memory realtime)"; mappings "$pid" | head -25; } >"$file.txt"
  "$HOME/.dotnet/tools/dotnet-gcdump" collect -p "$pid" -o "$file.gcdump" >/dev/null 2>&1 || true
  echo "after the dump's full GC: $(memory realtime)" >>"$file.txt"
  "$HOME/.dotnet/tools/dotnet-gcdump" report "$file.gcdump" 2>/dev/null | head -45 >>"$file.txt" || true
}
# The variant's assignments for one service: unprefixed ones, and those prefixed with the service's name.
variant_env() {
  local service=$1 assignments=$2 word
  for word in $assignments; do
    case $word in
      PUBLISH=*) ;;
      api:*|realtime:*|web:*) [[ ${word%%:*} == "$service" ]] && echo "${word#*:}" ;;
      *) echo "$word" ;;
    esac
  done
}
# The publish folder of a variant's service (PUBLISH=<folder> when it has that service, else the common one).
published() {
  local service=$1 assignments=$2 word
  for word in $assignments; do
    [[ $word == PUBLISH=* && -d ${word#PUBLISH=}/$service ]] && { echo "${word#PUBLISH=}/$service"; return; }
  done
  echo "$OUT/publish/$service"
}
start_all() {
  local assignments=$1 extra
  mapfile -t extra < <(variant_env api "$assignments"); start api $API_PORT "$(published Api "$assignments")/TheBot.Api.dll" "${api_env[@]}" "${extra[@]}"
  mapfile -t extra < <(variant_env realtime "$assignments"); start realtime $REALTIME_PORT "$(published Realtime "$assignments")/TheBot.Realtime.dll" "${common_env[@]}" "${extra[@]}"
  mapfile -t extra < <(variant_env web "$assignments"); start web $WEB_PORT "$(published Web "$assignments")/TheBot.Web.dll" "${web_env[@]}" "${extra[@]}"
}

# --- seed: enough users for the largest connection count (the idle scenario connects each as a different user) ---
largest=$(tr ' ' '\n' <<<"$CONNECTIONS" | sort -n | tail -1); users=$(( largest + largest / 10 > 2000 ? largest + largest / 10 : 2000 ))
echo "migrating and seeding $users users" >&2
start api $API_PORT "$OUT/publish/Api/TheBot.Api.dll" "${api_env[@]}"
$BENCH seed "$users" 20000 100000 >&2
stop api

RESULTS=$OUT/results.tsv
printf 'variant\tround\tservice\trss\tanon\tfile\tpss\n' >"$RESULTS"
for ((round = 1; round <= ROUNDS; round++)); do
  args=("$@")
  for ((i = 0; i < ${#args[@]}; i += 2)); do
    label=${args[i]}; assignments=${args[i + 1]}
    echo "round $round: $label ($assignments)" >&2
    start_all "$assignments"
    sleep "$SETTLE"
    for service in api realtime web; do
      printf '%s\t%s\t%s\t%s\n' "$label" "$round" "$service" "$(memory "$service")" >>"$RESULTS"
      [[ ${DETAIL:-0} == 1 ]] && mappings "$(cat "$OUT/$service.pid")" >"$OUT/detail-$label-$service-mappings.txt"
    done
    stop web; stop api
    for n in $CONNECTIONS; do
      stop realtime
      mapfile -t extra < <(variant_env realtime "$assignments")
      start realtime $REALTIME_PORT "$(published Realtime "$assignments")/TheBot.Realtime.dll" "${common_env[@]}" "${extra[@]}"
      sleep "$SETTLE"
      detail=""; if [[ ${DETAIL:-0} == 1 ]]; then detail_connections "$n" "$label" & detail=$!; fi
      line=$($BENCH idle "$n" "$(cat "$OUT/realtime.pid")") || true
      [[ -z $detail ]] || wait "$detail"
      echo "$line" >&2
      kib=$(sed -n 's/.*per connection \([0-9.]*\) KiB.*/\1/p' <<<"$line")
      printf '%s\t%s\tidle%s\t%s\t%s\n' "$label" "$round" "$n" "$kib" "$(memory realtime)" >>"$RESULTS"
    done
    stop realtime
  done
done

# --- summary: medians over the rounds ---------------------------------------------------------------------------
echo
echo "Medians over $ROUNDS round(s), MiB (RSS = anonymous + file-backed; PSS splits shared pages between processes);"
echo "idleN: KiB per connection, then realtime's RSS with the N connections open."
awk -F'\t' 'NR > 1 {key = $1 "\t" $3; if (!(key in seen)) {seen[key] = 1; order[++n] = key}
    rss[key] = rss[key] " " $4; anon[key] = anon[key] " " $5; file[key] = file[key] " " $6}
  function median(list,   a, k, i, j, t) {k = split(list, a, " "); for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) {t = a[i]; a[i] = a[j]; a[j] = t}
    return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2}
  END {for (i = 1; i <= n; i++) {split(order[i], p, "\t")
    if (p[2] ~ /^idle/) printf "%-14s %-10s %6.1f KiB/connection, realtime RSS %6.1f\n", p[1], p[2], median(rss[order[i]]), median(anon[order[i]])
    else {printf "%-14s %-10s RSS %6.1f (anon %6.1f, file %5.1f)\n", p[1], p[2], median(rss[order[i]]), median(anon[order[i]]), median(file[order[i]]); total[p[1]] += median(rss[order[i]])}}
    for (v in total) printf "%-14s together   RSS %6.1f\n", v, total[v]}' "$RESULTS"
