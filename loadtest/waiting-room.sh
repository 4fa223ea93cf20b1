#!/usr/bin/env bash
# The waiting-room benchmark: how many join + poll requests per second one Fengyun instance
# answers, side by side with Debian's nginx serving a static file of the same size on the same
# machine in the same run. Starts the jar on its embedded PostgreSQL with the demo data, protects
# a demo performance with a waiting room (started, admitting 60 a minute, so visitors wait),
# creates visitors, then runs wrk:
#   - polls: GET /api/v1/waiting-room/{id} with the visitors' tokens, round robin,
#   - the mix: the same, with every 20th request a new visitor joining (one database insert),
#   - nginx: GET of a static copy of a poll's answer,
# taking turns, three rounds, and reports the medians.
# Prints a Markdown table and, as its last line, one JSON object. Goal: the mix ≥ 20,000 req/s
# and ≥ 0.4 × nginx.
#
#   loadtest/waiting-room.sh [--quick]
#
# Everything listens on 127.0.0.1 only; every wrk run is bounded in time.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=8 warm=15 visitors=2000 rounds=3
# Many connections, as a crowd has: each waits on its own answer (wrk is closed-loop).
connections=256
jdk=""
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) seconds=5 warm=12 visitors=1000 rounds=3 ;;
        --jdk) jdk=$2; shift ;;
        *) echo "usage: $0 [--quick] [--jdk 17|25]" >&2; exit 2 ;;
    esac
    shift
done
# The newest JDK here by default: JDK 25 answers polls about twice as fast as JDK 17 (virtual
# threads, a newer JIT); the container image ships JRE 21.
jdk25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -z "$jdk" ] && { [ -x "$jdk25/bin/java" ] && jdk=25 || jdk=17; }
case "$jdk" in
    17) java=${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/java ;;
    25) java=$jdk25/bin/java ;;
    *) echo "--jdk must be 17 or 25" >&2; exit 2 ;;
esac
[ -x "$java" ] || { echo "no JDK $jdk at $java" >&2; exit 2; }
for tool in wrk nginx python3 curl; do
    command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install -y wrk nginx python3 curl" >&2; exit 2; }
done

work=$(mktemp -d /tmp/fengyun-waitingroom.XXXXXX)
chmod 755 "$work"
app_port=18591 nginx_port=18592
app_pid=""
cleanup() {
    [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null && wait "$app_pid" 2>/dev/null || true
    nginx_static_stop
    mkdir -p "$root/target/waiting-room" && cp "$work"/*.log "$root/target/waiting-room/" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap "exit 143" INT TERM
# log and nginx_static (the same nginx yardstick as the on-sale benchmark)
source "$root/deploy/local/lib.sh"

[ -f "$root/target/fengyun.jar" ] || (cd "$root" && ./mvnw -B -q -DskipTests package)
cp "$root/target/fengyun.jar" "$work/fengyun.jar"
log "starting Fengyun on JDK $jdk (embedded PostgreSQL, demo data) at 127.0.0.1:$app_port"
FENGYUN_DATA_DIR="$work/data" FENGYUN_RATE_LIMITS=off \
FENGYUN_ADMIN_EMAIL=bench@fengyun.dev FENGYUN_ADMIN_PASSWORD=benchmark-password \
SERVER_PORT=$app_port SERVER_ADDRESS=127.0.0.1 \
    "$java" -Xms1g -Xmx1g -jar "$work/fengyun.jar" >"$work/app.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$app_port/actuator/health/readiness" >/dev/null 2>&1 && break
    kill -0 "$app_pid" 2>/dev/null || { tail -50 "$work/app.log" >&2; exit 1; }
    sleep 0.5
done

log "protecting a demo performance and letting $visitors visitors join"
python3 - "$app_port" "$visitors" "$work" <<'PY'
import json, sys, time, urllib.request
port, visitors, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
base = f"http://127.0.0.1:{port}"
def call(method, path, body=None, token=None):
    request = urllib.request.Request(base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json",
                 **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read() or b"null")
token = call("POST", "/api/v1/auth/tokens",
             {"email": "bench@fengyun.dev", "password": "benchmark-password", "name": "bench"})["token"]
performance = call("GET", "/api/v1/public/performances")["items"][0]["id"]
call("PUT", f"/api/v1/organizers/fengyun-demo/performances/{performance}/protection",
     {"waitingRoom": {"startsAt": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 1)),
                      "admitPerMinute": 60}}, token)
time.sleep(2.5)  # every instance reads the settings within a second; the shuffle follows the start
tokens = [call("POST", f"/api/v1/waiting-room/{performance}/join")["queueToken"] for _ in range(visitors)]
with open(f"{work}/tokens.txt", "w") as f:
    f.write("\n".join(tokens) + "\n")
with open(f"{work}/performance.txt", "w") as f:
    f.write(str(performance))
PY
performance=$(cat "$work/performance.txt")
mkdir -p "$work/static"
curl -fs -H "Fengyun-Queue: $(tail -n 1 "$work/tokens.txt")" \
    "http://127.0.0.1:$app_port/api/v1/waiting-room/$performance" >"$work/static/poll.json"
grep -q '"stage":"WAITING"' "$work/static/poll.json" || { cat "$work/static/poll.json" >&2; exit 1; }

cat >"$work/wrk.lua" <<LUA
-- Each request polls with the next visitor's token; with join_every > 0 every join_every-th
-- request is a new visitor joining instead. Requests are formatted once per thread, in init
-- (where wrk knows the Host header).
local join_every = tonumber(os.getenv("JOIN_EVERY") or "0")
local polls, n, i, join = {}, 0, 0, nil
init = function(args)
    for token in io.lines("$work/tokens.txt") do
        n = n + 1
        polls[n] = wrk.format("GET", "/api/v1/waiting-room/$performance", { ["Fengyun-Queue"] = token })
    end
    join = wrk.format("POST", "/api/v1/waiting-room/$performance/join")
end
request = function()
    i = i + 1
    if join_every > 0 and i % join_every == 0 then return join end
    return polls[(i % n) + 1]
end
LUA

nginx_static "$nginx_port" "$work/static"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
errors() { awk '/Non-2xx|Socket errors/ {print}' "$1" | tr '\n' ' '; }
app_url="http://127.0.0.1:$app_port/api/v1/waiting-room/$performance"
log "warming the poll path up (${warm}s)"
wrk -t2 -c$connections -d"${warm}s" -s "$work/wrk.lua" "$app_url" >/dev/null 2>&1
# This machine is shared and noisy: the three measurements take turns, $rounds times, and the
# report takes each one's median.
log "measuring: polls, the join+poll mix and nginx in turn, $rounds rounds of ${seconds}s"
for round in $(seq 1 "$rounds"); do
    wrk -t2 -c$connections -d"${seconds}s" -s "$work/wrk.lua" "$app_url" >"$work/polls-$round.log" 2>&1
    JOIN_EVERY=20 wrk -t2 -c$connections -d"${seconds}s" -s "$work/wrk.lua" "$app_url" >"$work/mix-$round.log" 2>&1
    wrk -t2 -c$connections -d"${seconds}s" "http://127.0.0.1:$nginx_port/poll.json" >"$work/nginx-$round.log" 2>&1
done
series() { for round in $(seq 1 "$rounds"); do rps "$work/$1-$round.log"; done | paste -sd, -; }
all_errors() { for round in $(seq 1 "$rounds"); do errors "$work/$1-$round.log"; done; }

python3 - "$(series polls)" "$(series mix)" "$(series nginx)" \
    "$(all_errors polls)" "$(all_errors mix)" "$(stat -c %s "$work/static/poll.json")" \
    "$(nproc)" "$jdk" <<'PY'
import json, sys
import statistics
runs = [[float(x) for x in arg.split(",") if x] for arg in sys.argv[1:4]]
polls, mix, nginx = (statistics.median(r) if r else 0 for r in runs)
poll_errors, mix_errors, size, cores, jdk = sys.argv[4], sys.argv[5], sys.argv[6], sys.argv[7], sys.argv[8]
ratio = mix / nginx if nginx else 0
print("| Measure | Requests/s | Note |")
print("| --- | --- | --- |")
print(f"| Waiting room: polls | {polls:,.0f} | JDK {jdk}; {poll_errors or 'no errors'} |")
print(f"| Waiting room: join + poll (1 in 20 joins) | {mix:,.0f} | {mix_errors or 'no errors'}; goal ≥ 20,000 |")
print(f"| nginx: static file of {size} bytes | {nginx:,.0f} | same machine, same run, {cores} cores |")
print(f"| Ratio (join + poll / nginx) | {ratio:.2f} | goal ≥ 0.4 |")
print()
print("Medians of " + str(len(runs[0])) + " alternating runs; all runs (polls / mix / nginx): "
      + " / ".join(", ".join(f"{x:,.0f}" for x in r) for r in runs))
print()
if poll_errors.strip() or mix_errors.strip():
    print("errors in the waiting room's answers: " + poll_errors + mix_errors, file=sys.stderr)
    sys.exit(1)
print(json.dumps({"jdk": int(jdk), "pollsPerSecond": round(polls), "joinPollPerSecond": round(mix),
                  "nginxPerSecond": round(nginx), "ratio": round(ratio, 2)}))
PY
