#!/usr/bin/env bash
# A database outage under load: two instances of the jar behind Debian's nginx and a steady
# purchase load; PostgreSQL is stopped for about 10 s and started again. Meanwhile readiness must
# report DOWN and requests must fail fast with 503 problem details (no hanging, no 500s); after
# PostgreSQL is back the instances recover by themselves (no restart) and nothing is corrupted:
# every paid order has its tickets, nothing oversold. Prints a table.
#
#   deploy/local/test-outage.sh        (apt-get install -y postgresql nginx; logs in target/ops-outage)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/fengyun-outage.XXXXXX)
results=$root/target/ops-outage
source "$root/deploy/local/lib.sh"
require_tools nginx psql curl python3 java
trap cluster_down EXIT
trap "exit 143" INT TERM

readiness() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/readiness"; }
liveness() { curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/actuator/health/liveness"; }
since() { python3 -c "print(round($(date +%s.%N) - $1, 1))"; }
# both_ready STATUS SINCE TRIES: seconds since SINCE until both instances' readiness answers STATUS.
both_ready() {
    for _ in $(seq 1 "$3"); do
        if [ "$(readiness "$port_a")" = "$1" ] && [ "$(readiness "$port_b")" = "$1" ]; then since "$2"; return; fi
        sleep 0.25
    done
}

ensure_jars
cluster_up 55481
load_start 240
sleep 10
event "PostgreSQL stopped"
stopped_at=$(date +%s.%N)
pg_stop fast
down_seconds=$(both_ready 503 "$stopped_at" 40)
[ -n "$down_seconds" ] || die "readiness did not go DOWN while the database was away"
live_during="$(liveness "$port_a")/$(liveness "$port_b")"
sleep "$(python3 -c "print(max(0, 10 - $(since "$stopped_at")))")"
event "PostgreSQL started again"
started_at=$(date +%s.%N)
pg_resume
up_seconds=$(both_ready 200 "$started_at" 240)
[ -n "$up_seconds" ] || die "readiness did not come back UP after the database did"
sleep 15
load_finish
kill -0 "$pid_a" && kill -0 "$pid_b" || die "an instance died during the outage"

report "PostgreSQL stopped for 10 s under a purchase load" --max-recovery 15 --max-slowest-failure-ms 5000 \
    "Readiness DOWN on both after the stop=$down_seconds s (liveness meanwhile: $live_during)" \
    "Readiness UP on both after the start=$up_seconds s"
problem=$(python3 -c "import json; r = json.load(open('$work/steady.json')); print(r['failed'] - r['problem503'])")
[ "$problem" = 0 ] || die "$problem failed requests were not 503 problem details"
