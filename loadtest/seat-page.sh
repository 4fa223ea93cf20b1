#!/usr/bin/env bash
# Server time of the buyer's seat page for the demo arena (2,000 seats + a standing floor):
# starts the packaged jar on a fresh embedded database with the demo data, then requests
# /performances/{id} sequentially and reports the time to first byte (on 127.0.0.1 that is the
# server's time), accepting gzip like a browser — the first request, and p50 / p95 / max of the following ones — next to the same
# page's seat-status JSON and a static file served by the same process.
#
#   loadtest/seat-page.sh [requests]      (default 200; bounded to 2,000)
#
# Requires the jar (./mvnw -q -DskipTests package) and curl. Listens on 127.0.0.1 only.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-200}
[ "$requests" -gt 2000 ] && requests=2000
port=${SEAT_PAGE_PORT:-18581}
work=$(mktemp -d /tmp/fengyun-seatpage.XXXXXX)
trap 'kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; rm -rf "$work"' EXIT

[ -f "$root/target/fengyun.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)
# One client asks for the page far faster than any buyer would: rate limits off.
FENGYUN_DATA_DIR="$work/data" FENGYUN_RATE_LIMITS=off SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 \
    java -Xmx1g -jar "$root/target/fengyun.jar" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$app" 2>/dev/null || { cat "$work/app.log"; exit 1; }
    sleep 1
done

# The demo performance with the most seats: the arena.
id=$(curl -fs "http://127.0.0.1:$port/api/v1/public/performances?size=50" | python3 -c '
import json, sys, urllib.request
best = None
for p in json.load(sys.stdin)["items"]:
    url = "http://127.0.0.1:'"$port"'/api/v1/public/performances/%d/seats" % p["id"]
    seats = json.load(urllib.request.urlopen(url))["seats"]
    if best is None or len(seats) > best[1]:
        best = (p["id"], len(seats))
print(best[0])')
seats=$(curl -fs "http://127.0.0.1:$port/api/v1/public/performances/$id/seats" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["seats"]))')

measure() { # label url
    local first times
    first=$(curl -s --compressed -o /dev/null -w '%{time_starttransfer}' "$2")
    times=$(for _ in $(seq 1 "$requests"); do curl -s --compressed -o /dev/null -w '%{time_starttransfer}\n' "$2"; done)
    printf '%s\n' "$times" | python3 -c '
import sys
label, first, size = sys.argv[1], float(sys.argv[2]), sys.argv[3]
t = sorted(float(x) * 1000 for x in sys.stdin if x.strip())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))]
print(f"| {label} | {first*1000:.1f} | {p(0.5):.1f} | {p(0.95):.1f} | {t[-1]:.1f} | {size} |")' "$1" "$first" "$(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$2")"
}

echo "Seat page of performance $id ($seats seats), $requests sequential requests after the first:"
echo
echo "| Request | First (ms) | p50 (ms) | p95 (ms) | max (ms) | bytes sent (gzip) |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
measure "GET /performances/$id (HTML + inline SVG)" "http://127.0.0.1:$port/performances/$id"
measure "GET …/$id/seats (seat status JSON)" "http://127.0.0.1:$port/api/v1/public/performances/$id/seats"
measure "GET /css/app.css (static file)" "http://127.0.0.1:$port/css/app.css"
