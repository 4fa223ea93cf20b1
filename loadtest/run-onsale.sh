#!/usr/bin/env bash
# The on-sale benchmark. Starts PostgreSQL (Debian's package) on a spare port and the Fengyun
# jar against it, releases a crowd of buyers at one performance until it is sold out, checks the
# invariants in the database, then measures side by side on the same machine:
#   - pgbench running the naive purchase (one purchase per transaction) on the same PostgreSQL,
#   - the read path (wrk) against nginx serving static files of the same sizes.
# Prints a Markdown table and, as its last line, one JSON object.
#
#   loadtest/run-onsale.sh [--quick] [--jdk 17|25] [--profile]
#
# --profile records the application with JDK Flight Recorder into target/onsale-jdk<N>/app.jfr.
# BENCH_JAVA_OPTS adds JVM options for the application (e.g. to compare JIT settings).
#
# Everything listens on 127.0.0.1 only; every loop is bounded in count and time. Logs and the
# driver's full result are kept in target/onsale-jdk<N>/.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# pg_bin, as_postgres, log and ensure_jars (builds the jars when stale, copies them into $work)
source "$root/deploy/local/lib.sh"
quick=false
jdk=17
profile=false
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=true ;;
        --jdk) jdk=$2; shift ;;
        --profile) profile=true ;;
        *) echo "usage: $0 [--quick] [--jdk 17|25] [--profile]" >&2; exit 2 ;;
    esac
    shift
done

if $quick; then
    buyers=500 seats=1000 places=3000 max_seconds=100 warmup_seconds=20 bench_seconds=8 read_seconds=5
else
    buyers=2000 seats=5000 places=15000 max_seconds=360 warmup_seconds=45 bench_seconds=20 read_seconds=10
fi

case "$jdk" in
    17) java_home=${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")} ;;
    25) java_home=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64} ;;
    *) echo "--jdk must be 17 or 25" >&2; exit 2 ;;
esac
[ -x "$java_home/bin/java" ] || { echo "no JDK $jdk at $java_home" >&2; exit 2; }

for tool in "$pg_bin/postgres" "$pg_bin/pgbench" "$(command -v wrk || true)" "$(command -v nginx || true)"; do
    if [ -z "$tool" ] || [ ! -x "$tool" ]; then
        echo "missing tools: apt-get install -y postgresql postgresql-contrib wrk nginx" >&2
        exit 2
    fi
done

work=$(mktemp -d /tmp/fengyun-onsale.XXXXXX)
results="$root/target/onsale-jdk$jdk"
rm -rf "$results" && mkdir -p "$results"
chmod 755 "$work"
pg_port=55431 app_port=18481 nginx_port=18482
app_pid="" pg_started=false
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    cp "$work"/*.log "$work"/*.json "$results"/ 2>/dev/null || true
    nginx_static_stop
    $pg_started && as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
trap "exit 143" INT TERM

# --- PostgreSQL ------------------------------------------------------------------------------
log "starting PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work" "$work/pg"
as_postgres "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=512MB" start >/dev/null
pg_started=true
psql_() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
psql_ -c "CREATE DATABASE fengyun" -c "CREATE DATABASE naive"

# --- Fengyun ---------------------------------------------------------------------------------
ensure_jars
jvm_opts=(-Xms1g -Xmx1g ${BENCH_JAVA_OPTS:-})
$profile && jvm_opts+=("-XX:StartFlightRecording=filename=$results/app.jfr,settings=profile")
log "starting Fengyun on JDK $jdk at 127.0.0.1:$app_port"
FENGYUN_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/fengyun" FENGYUN_DB_USER=postgres \
FENGYUN_MASTER_KEY="$(head -c 32 /dev/urandom | base64)" \
FENGYUN_ADMIN_EMAIL=bench@fengyun.dev FENGYUN_ADMIN_PASSWORD=benchmark-password \
FENGYUN_PAYMENT_DEMO=true FENGYUN_DEMO_DATA=false FENGYUN_RATE_LIMITS=off \
SERVER_PORT=$app_port SERVER_ADDRESS=127.0.0.1 \
    "$java_home/bin/java" "${jvm_opts[@]}" -jar "$work/fengyun.jar" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$app_port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
    sleep 0.5
done

# --- the rush --------------------------------------------------------------------------------
log "releasing $buyers buyers on $seats seats and $places standing places (after a ${warmup_seconds}s warm-up)"
set +e
"$java_home/bin/java" -Xmx2g -jar "$work/loadtest.jar" \
    --base "http://127.0.0.1:$app_port" --admin-email bench@fengyun.dev --admin-password benchmark-password \
    --db-url "jdbc:postgresql://127.0.0.1:$pg_port/fengyun" --db-user postgres \
    --buyers "$buyers" --seats "$seats" --places "$places" --max-seconds "$max_seconds" \
    --warmup-seconds "$warmup_seconds" --app-pid "$app_pid" --postmaster-pid "$(head -n 1 "$work/pg/postmaster.pid")" \
    >"$work/rush.json" 2>"$work/rush.log"
rush_exit=$?
set -e
cat "$work/rush.log" >&2
[ -s "$work/rush.json" ] || { echo "the load driver produced no result" >&2; tail -50 "$work/app.log" >&2; exit 1; }
rush=$(tail -n 1 "$work/rush.json")
performance=$(grep -o 'performance [0-9]*' "$work/rush.log" | head -n 1 | awk '{print $2}')

# --- read path vs nginx ------------------------------------------------------------------------
log "read path: wrk against Fengyun and nginx"
mkdir -p "$work/static"
curl -fs "http://127.0.0.1:$app_port/api/v1/public/performances/$performance" >"$work/static/details.json"
curl -fs "http://127.0.0.1:$app_port/api/v1/public/performances/$performance/seats" >"$work/static/seats.json"
nginx_static "$nginx_port" "$work/static"
rps() { wrk -t2 -c64 -d"${read_seconds}s" "$1" 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }
# The JIT compiles the read path in the first seconds (a few hundred requests per second at
# first); warm each endpoint so it is measured in its steady state, as nginx is from the start.
for url in "http://127.0.0.1:$app_port/api/v1/public/performances/$performance" \
    "http://127.0.0.1:$app_port/api/v1/public/performances/$performance/seats"; do
    wrk -t2 -c64 -d10s "$url" >/dev/null 2>&1
done
details_app=$(rps "http://127.0.0.1:$app_port/api/v1/public/performances/$performance")
details_nginx=$(rps "http://127.0.0.1:$nginx_port/details.json")
seats_app=$(rps "http://127.0.0.1:$app_port/api/v1/public/performances/$performance/seats")
seats_nginx=$(rps "http://127.0.0.1:$nginx_port/seats.json")
details_size=$(stat -c %s "$work/static/details.json"); seats_size=$(stat -c %s "$work/static/seats.json")

# --- pgbench: the naive purchase on the same PostgreSQL ---------------------------------------
log "pgbench: one purchase (SKIP LOCKED claim + order row) per transaction"
psql_ -d naive -f "$root/loadtest/pgbench/naive-setup.sql"
pgbench_tps=$("$pg_bin/pgbench" -h 127.0.0.1 -p "$pg_port" -U postgres -n -c 32 -j 2 -T "$bench_seconds" \
    -f "$root/loadtest/pgbench/naive-purchase.sql" naive 2>/dev/null | awk '/^tps = / {print $3}')

# --- report ----------------------------------------------------------------------------------
python3 - "$rush" "$pgbench_tps" "$details_app" "$details_nginx" "$seats_app" "$seats_nginx" \
    "$details_size" "$seats_size" "$jdk" "$buyers" <<'PY'
import json, sys
rush = json.loads(sys.argv[1])
pgbench_tps, d_app, d_nginx, s_app, s_nginx = (float(x or 0) for x in sys.argv[2:7])
d_size, s_size, jdk, buyers = sys.argv[7:11]
tickets_per_purchase = 2.5  # the naive transaction buys random(1, 4) units
pgbench_tickets = pgbench_tps * tickets_per_purchase
seconds = rush["seconds"]
ratio = rush["ticketsPerSecond"] / pgbench_tickets if pgbench_tickets else 0
cpu = rush["cpuCores"]
rows = [
    ("JDK", jdk, ""),
    ("Buyers / capacity", f'{buyers} / {rush["capacity"]}', ""),
    ("Tickets sold", rush["ticketsSold"], f'in {seconds} s' + (" (time limit)" if rush["timedOut"] else "")),
    ("Tickets per second", rush["ticketsPerSecond"], "goal ≥ 5,000"),
    ("Purchases per second", rush["purchasesPerSecond"], "hold + order + pay + fetch tickets"),
    ("pgbench naive tickets/s", round(pgbench_tickets, 1), f"{pgbench_tps} tx/s × {tickets_per_purchase}"),
    ("Ratio to pgbench", round(ratio, 2), "goal ≥ 1.0"),
    ("Hold p50 / p99 (ms)", f'{rush["holdP50Ms"]} / {rush["holdP99Ms"]}', "goal p99 ≤ 250"),
    ("Order p99 (ms)", rush["orderP99Ms"], ""),
    ("Server errors", rush["serverErrors"], "goal 0"),
    ("Oversold", rush["oversold"], "goal 0"),
    ("CPU cores used: app / PostgreSQL / driver", f'{cpu["app"]} / {cpu["database"]} / {cpu["driver"]}', "during the measured rush, of 2"),
    ("Read: performance details (req/s)", f"{d_app:.0f} vs nginx {d_nginx:.0f}", f"{d_app / d_nginx:.2f}× ({d_size} bytes)" if d_nginx else ""),
    ("Read: seat map (req/s)", f"{s_app:.0f} vs nginx {s_nginx:.0f}", f"{s_app / s_nginx:.2f}× ({s_size} bytes)" if s_nginx else ""),
]
print("| Measure | Value | Note |")
print("| --- | --- | --- |")
for name, value, note in rows:
    print(f"| {name} | {value} | {note} |")
print()
for op, s in rush["operations"].items():
    print(f"- {op}: {s['count']} calls, p50 {s['p50Ms']} ms, p99 {s['p99Ms']} ms, max {s['maxMs']} ms")
for what, count in rush["statuses"].items():
    if what.startswith("hold refused"):
        print(f"- {what}: {count}")
print()
print(json.dumps({
    "ticketsSold": rush["ticketsSold"], "seconds": seconds, "ticketsPerSecond": rush["ticketsPerSecond"],
    "purchasesPerSecond": rush["purchasesPerSecond"], "holdP50Ms": rush["holdP50Ms"], "holdP99Ms": rush["holdP99Ms"],
    "orderP99Ms": rush["orderP99Ms"], "serverErrors": rush["serverErrors"], "oversold": rush["oversold"],
    "pgbenchTicketsPerSecond": round(pgbench_tickets, 1), "ratioToPgbench": round(ratio, 2),
    "readDetailsRatioToNginx": round(d_app / d_nginx, 2) if d_nginx else 0,
    "readSeatsRatioToNginx": round(s_app / s_nginx, 2) if s_nginx else 0, "cpuCores": cpu, "jdk": int(jdk)}))
PY
exit $rush_exit
