#!/bin/bash
# Figure 1c of the benchmark (docs/benchmarks.md): the platform's intake (POST /api/reports, a new
# child each time, as `center`) side by side with a bare Camunda 7.24 app (bare-engine/ beside
# this script: nothing but the starter, the webapps and engine-rest, history full) starting a
# one-user-task process through /engine-rest. Each app runs in its own JVM on a fresh database of
# the same kind; the same external load generator (wrk, 2 threads, 8 connections) drives both, in
# rounds alternating bare/platform so that the machine's noise hits both alike.
#
# Usage: intake-side-by-side.sh PLATFORM_JAR [SECONDS] [ROUNDS] [h2|pg]
#   h2: each app on an H2 file in its own folder under the work folder.
#   pg: a fresh database each on the local PostgreSQL cluster 15/main (Debian `postgresql`),
#       made as user postgres; or, when BARE_DB_URL and PLATFORM_DB_URL are set, on those
#       (empty) databases with DB_USER and DB_PASSWORD.
# Environment, all optional: PLATFORM_CLASSPATH (run the platform from this classpath instead of
# the jar), PLATFORM_JAVA_OPTS and BARE_JAVA_OPTS (say, a flight recording), BARE_PORT and
# PLATFORM_PORT (8099, 8098), BENCH_DB_PREFIX (sbs: databases sbsbare and sbsplatform),
# BENCH_WORK (the folder for the apps' files and logs).
#
# Prints each round with the CPU time per call of each side (its JVM and, on PostgreSQL, the
# server processes of its database); on PostgreSQL the database work per call over all rounds
# (commits, rows written, rows read; the platform's notification jobs included); then the
# medians' CPU per call, and a last line "ratio R bare B/s platform P/s" (medians of the rounds).
# Needs wrk (Debian package `wrk`), curl, pgrep, python3 and, for pg, psql; Linux (/proc).
set -u
PLATFORM_JAR=$1; SECONDS_PER_ROUND=${2:-20}; ROUNDS=${3:-3}; DB=${4:-h2}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=${BENCH_WORK:-$HERE/../target/side-by-side}
BARE_PORT=${BARE_PORT:-8099}; PLATFORM_PORT=${PLATFORM_PORT:-8098}
PREFIX=${BENCH_DB_PREFIX:-sbs}
BARE_JAR=$HERE/bare-engine/target/probe-0.1.jar
TICK=$(getconf CLK_TCK)

if [ ! -f "$BARE_JAR" ] || [ -n "$(find "$HERE/bare-engine/src" "$HERE/bare-engine/pom.xml" -newer "$BARE_JAR")" ]; then
  # Offline first: the platform's own build has fetched everything the bare app needs.
  (cd "$HERE/bare-engine" && { mvn -B -q -o -DskipTests package || mvn -B -q -DskipTests package; }) \
    >/dev/null || { echo "the bare app did not build"; exit 1; }
fi

# start NAME PORT READY_PATH JAVA_ARGUMENTS...: starts a JVM in WORK/NAME and waits until it answers.
start() {
  local name=$1 port=$2 ready=$3; shift 3
  rm -rf "${WORK:?}/$name" && mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec java -Xmx1g "$@" --server.port="$port" > app.log 2>&1) &
  PID=$!
  for _ in $(seq 300); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port$ready")" = 200 ] && return 0
    kill -0 $PID 2>/dev/null || break
    sleep 1
  done
  echo "$name did not start; the end of $WORK/$name/app.log:"; tail -20 "$WORK/$name/app.log"
  return 1
}

# --- the databases -------------------------------------------------------------------------
BARE_DB=(); PROFILES=demo
if [ "$DB" = pg ]; then
  if [ -z "${BARE_DB_URL:-}" ]; then
    pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
    for d in "${PREFIX}bare" "${PREFIX}platform"; do
      su postgres -c "psql -qc 'DROP DATABASE IF EXISTS $d'; psql -qc \"DO \\\$\\\$BEGIN CREATE USER sbs PASSWORD 'sbs'; EXCEPTION WHEN duplicate_object THEN NULL; END\\\$\\\$\"; createdb -O sbs $d" \
        2>/dev/null || exit 1
    done
    BARE_DB_URL=jdbc:postgresql://127.0.0.1:5432/${PREFIX}bare
    PLATFORM_DB_URL=jdbc:postgresql://127.0.0.1:5432/${PREFIX}platform
    DB_USER=sbs; DB_PASSWORD=sbs
  fi
  BARE_DB=(--spring.datasource.url="$BARE_DB_URL" --spring.datasource.username="$DB_USER"
    --spring.datasource.password="$DB_PASSWORD")
  # The postgres profile reads the connection from these.
  export POSTGRES_URL=$PLATFORM_DB_URL POSTGRES_USER=$DB_USER POSTGRES_PASSWORD=$DB_PASSWORD
  PROFILES=postgres,demo
fi
# sql JDBC_URL STATEMENT: the answer, rows as lines, columns separated by |
sql() {
  local at=${1#jdbc:postgresql://}; at=${at%%\?*}
  local host_port=${at%%/*}
  PGPASSWORD=$DB_PASSWORD psql -h "${host_port%:*}" -p "${host_port##*:}" -U "$DB_USER" \
    -d "${at#*/}" -Atc "$2"
}
db_name() { local url=${1%%\?*}; echo "${url##*/}"; }

# --- the apps ------------------------------------------------------------------------------
if [ -n "${PLATFORM_CLASSPATH:-}" ]; then
  PLATFORM=(-cp "$PLATFORM_CLASSPATH" org.childprotection.MinorProtectionApplication)
else
  PLATFORM=(-jar "$(cd "$(dirname "$PLATFORM_JAR")" && pwd)/$(basename "$PLATFORM_JAR")")
fi
BARE_PID=; PLATFORM_PID=
stop() { kill $BARE_PID $PLATFORM_PID 2>/dev/null; wait $BARE_PID $PLATFORM_PID 2>/dev/null; }
trap stop EXIT
# shellcheck disable=SC2086 # the *_JAVA_OPTS hold several options
start bare "$BARE_PORT" /engine-rest/engine ${BARE_JAVA_OPTS:-} -jar "$BARE_JAR" "${BARE_DB[@]}" || exit 1
BARE_PID=$PID
# shellcheck disable=SC2086
start platform "$PLATFORM_PORT" /actuator/health/readiness ${PLATFORM_JAVA_OPTS:-} "${PLATFORM[@]}" \
  --spring.profiles.active=$PROFILES || exit 1
PLATFORM_PID=$PID
BARE_URL=http://127.0.0.1:$BARE_PORT/engine-rest/process-definition/key/probe/start
PLATFORM_URL=http://127.0.0.1:$PLATFORM_PORT/api/reports

# --- measuring -----------------------------------------------------------------------------
load() {  # load SCRIPT URL SECONDS: wrk's output; refuses a run with a failed call
  local out
  out=$(cd "$HERE" && wrk -t2 -c8 -d"$3"s -s "$1" "$2") || { echo "$out" >&2; return 1; }
  echo "$out"
  if echo "$out" | grep -q "non-2xx/3xx [1-9]"; then
    echo "$out" >&2; echo "failed calls against $2" >&2; return 1
  fi
}
# CPU time (clock ticks) of a JVM, and of the database's server processes serving one database:
# per call, it is what a side costs, less dependent than its rate on what else the machine runs.
ticks() { [ -n "${1:-}" ] && awk '{t += $14 + $15} END {print t + 0}' "${@/#//proc/}" 2>/dev/null || echo 0; }
jvm_ticks() { ticks "$1/stat"; }
db_ticks() {
  [ "$DB" = pg ] || { echo 0; return; }
  local pids; pids=$(pgrep -f "^postgres: (.+: )?[^ ]+ $1 " | sed 's|$|/stat|')
  # shellcheck disable=SC2086
  ticks $pids
}
ms() { python3 -c "print(f'{$1 * 1000 / $TICK / max($2, 1):.2f}')"; }
# measure LABEL PID DB_NAME SCRIPT URL: one round; sets RATE, CALLS and CPU (ms per call)
measure() {
  local jvm0 db0 out jvm db
  jvm0=$(jvm_ticks "$2"); db0=$(db_ticks "$3")
  out=$(load "$4" "$5" "$SECONDS_PER_ROUND") || return 1
  jvm=$(( $(jvm_ticks "$2") - jvm0 )); db=$(( $(db_ticks "$3") - db0 ))
  CALLS=$(echo "$out" | awk '/^requests / {print $2 + 0}')
  RATE=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  CPU=$(ms $((jvm + db)) "$CALLS")
  echo "round $r $1 $RATE/s  $(echo "$out" | tail -1)  CPU per call: $CPU ms" \
    "(JVM $(ms $jvm "$CALLS"), database $(ms $db "$CALLS"))"
}
# The platform's notifications run as jobs after its answers: their work belongs to the reports.
drain_jobs() {
  [ "$DB" = pg ] || return 0
  for _ in $(seq 300); do
    [ "$(sql "$PLATFORM_DB_URL" "SELECT COUNT(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 AND (duedate_ IS NULL OR duedate_ <= now())")" = 0 ] && return 0
    sleep 1
  done
  echo "the platform's jobs did not drain" >&2; return 1
}
# Commits, rows written and rows read of a database so far. The servers publish their counts
# within seconds (at most ten for an idle connection), so this waits for them first.
db_work() {
  sql "$1" "SELECT xact_commit || ' ' || (tup_inserted + tup_updated + tup_deleted) || ' ' || tup_fetched FROM pg_stat_database WHERE datname = current_database()"
}

load start.lua "$BARE_URL" 10 >/dev/null || exit 1
RUN_OFFSET=0 load report.lua "$PLATFORM_URL" 10 >/dev/null || exit 1
BARE_DB_NAME=; PLATFORM_DB_NAME=
if [ "$DB" = pg ]; then
  BARE_DB_NAME=$(db_name "$BARE_DB_URL"); PLATFORM_DB_NAME=$(db_name "$PLATFORM_DB_URL")
  # Tables grown from empty in seconds: both sides plan on current statistics, as autovacuum
  # keeps them on a running system.
  sql "$BARE_DB_URL" ANALYZE >/dev/null 2>&1; sql "$PLATFORM_DB_URL" ANALYZE >/dev/null 2>&1
  drain_jobs || exit 1; sleep 11
  bare_work0=$(db_work "$BARE_DB_URL"); platform_work0=$(db_work "$PLATFORM_DB_URL")
fi
bare_rates=(); platform_rates=(); bare_cpu=(); platform_cpu=(); bare_calls=0; platform_calls=0
for r in $(seq "$ROUNDS"); do
  measure "bare engine start:" $BARE_PID "$BARE_DB_NAME" start.lua "$BARE_URL" || exit 1
  bare_rates+=("$RATE"); bare_cpu+=("$CPU"); bare_calls=$((bare_calls + CALLS))
  export RUN_OFFSET=$((r * 100000))
  measure "platform intake:  " $PLATFORM_PID "$PLATFORM_DB_NAME" report.lua "$PLATFORM_URL" || exit 1
  platform_rates+=("$RATE"); platform_cpu+=("$CPU"); platform_calls=$((platform_calls + CALLS))
done
if [ "$DB" = pg ]; then
  drain_jobs || exit 1; sleep 11
  for side in bare platform; do
    if [ $side = bare ]; then url=$BARE_DB_URL; w0=$bare_work0; n=$bare_calls
    else url=$PLATFORM_DB_URL; w0=$platform_work0; n=$platform_calls; fi
    python3 -c "
a, b = [int(x) for x in '$w0'.split()], [int(x) for x in '$(db_work "$url")'.split()]
n = max($n, 1)
print(f'database work per call, $side: {(b[0] - a[0]) / n:.1f} commits, '
      f'{(b[1] - a[1]) / n:.1f} rows written, {(b[2] - a[2]) / n:.1f} rows read')"
  done
fi
python3 -c "
import statistics
m = lambda xs: statistics.median([float(x) for x in xs.split()])
b, p = m('${bare_rates[*]}'), m('${platform_rates[*]}')
bc, pc = m('${bare_cpu[*]}'), m('${platform_cpu[*]}')
print(f'CPU per call (medians): bare {bc:.2f} ms, platform {pc:.2f} ms: bare/platform {bc / pc:.2f}')
print(f'ratio {p / b:.2f} bare {b:.1f}/s platform {p:.1f}/s')"
