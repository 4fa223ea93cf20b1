# Shared by the proof scripts in deploy/local: a throwaway PostgreSQL from Debian's package on a
# spare port, Fengyun instances from a jar, nginx in front of them, and a smoke purchase through
# the API. Everything listens on 127.0.0.1 and lives under one work directory ($work) that the
# caller's cleanup removes. Source it after setting `root` and `work`.

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }
die() { echo "$(basename "$0"): $*" >&2; exit 1; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

require_tools() {
    local missing=()
    [ -x "$pg_bin/postgres" ] || missing+=(postgresql)
    for tool in "$@"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
    [ ${#missing[@]} -eq 0 ] || die "missing tools: apt-get install -y ${missing[*]}"
}

# pg_start PORT: a fresh cluster in $work/db with database fengyun, trust auth on 127.0.0.1.
pg_start() {
    pg_port=$1
    mkdir -p "$work/db"
    chmod 755 "$work"
    if [ "$(id -u)" = 0 ]; then chown postgres "$work/db"; fi
    as_postgres "$pg_bin/initdb" -D "$work/db/data" -U postgres -A trust >/dev/null
    pg_resume
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -qAt -c "CREATE DATABASE fengyun"
}
pg_resume() {
    as_postgres "$pg_bin/pg_ctl" -D "$work/db/data" -l "$work/db/pg.log" -w \
        -o "-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
}
pg_stop() { [ -d "$work/db/data" ] && as_postgres "$pg_bin/pg_ctl" -D "$work/db/data" -m "${1:-fast}" stop >/dev/null 2>&1 || true; }
psql_() { psql -h 127.0.0.1 -p "$pg_port" -U postgres -d fengyun -v ON_ERROR_STOP=1 -qAt "$@"; }
db_url() { echo "jdbc:postgresql://127.0.0.1:$pg_port/fengyun"; }

master_key=$(head -c 32 /dev/urandom | base64)
admin_email=ops@fengyun.dev
admin_password=ops-test-password

# app_start NAME PORT [JAR]: one instance against the test database, logs in $work/NAME.log,
# its pid in the variable pid_NAME. C1 only: on 2 shared cores a restarting instance is ready
# sooner, which is what these proofs wait for; they measure failures, not throughput.
app_start() {
    local name=$1 port=$2 jar=${3:-$work/fengyun.jar}
    FENGYUN_DB_URL=$(db_url) FENGYUN_DB_USER=postgres FENGYUN_MASTER_KEY="$master_key" \
    FENGYUN_ADMIN_EMAIL=$admin_email FENGYUN_ADMIN_PASSWORD=$admin_password \
    FENGYUN_PAYMENT_DEMO=true FENGYUN_DEMO_DATA=true FENGYUN_DB_POOL_SIZE=10 FENGYUN_RATE_LIMITS=off \
    SERVER_PORT=$port SERVER_ADDRESS=127.0.0.1 \
        java -Xms256m -Xmx512m -XX:TieredStopAtLevel=1 -jar "$jar" >>"$work/$name.log" 2>&1 &
    printf -v "pid_$name" '%s' $!
}

# wait_ready PORT PID [SECONDS]: until /actuator/health/readiness answers UP.
wait_ready() {
    local port=$1 pid=$2 limit=${3:-120} i
    for i in $(seq 1 $((limit * 4))); do
        curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.25
    done
    return 1
}

# stop_gracefully PID: SIGTERM, then the exit status (143 if it had to be killed after 40 s).
stop_gracefully() {
    local pid=$1 i
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 1 160); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid"; return $?; }
        sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    return 143
}

# nginx_start PORT UPSTREAM_PORT...: a load balancer like a Kubernetes Service in front of the
# instances. nginx_set PORT... rewrites the upstream list and reloads gracefully (in-flight
# requests finish on the old workers), as an endpoints controller would.
nginx_start() {
    nginx_port=$1; shift
    nginx_set "$@"
    nginx -c "$work/nginx.conf"
    nginx_running=true
}
nginx_set() {
    local servers="" port
    for port in "$@"; do servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=2s;"$'\n'; done
    cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 2048; }
http {
    access_log off;
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    fastcgi_temp_path $work/nginx-fastcgi;
    uwsgi_temp_path $work/nginx-uwsgi;
    scgi_temp_path $work/nginx-scgi;
    upstream fengyun {
$servers    }
    server {
        listen 127.0.0.1:$nginx_port;
        location / {
            proxy_pass http://fengyun;
            proxy_set_header Host \$host;
            # Only requests that never reached an instance (refused connection) move on to the
            # other one; a request an instance has started is never sent twice.
            proxy_next_upstream error timeout;
            proxy_connect_timeout 2s;
            proxy_read_timeout 60s;
        }
    }
}
NGINX
    if ${nginx_running:-false}; then nginx -c "$work/nginx.conf" -s reload 2>/dev/null; fi
}
nginx_stop() { ${nginx_running:-false} && nginx -c "$work/nginx.conf" -s stop 2>/dev/null || true; }

# nginx_static PORT DIR: Debian's nginx serving DIR's files as JSON on 127.0.0.1:PORT with two
# workers, the yardstick the benchmarks measure against; nginx_static_stop stops it.
nginx_static() {
    cat >"$work/nginx-static.conf" <<NGINX
worker_processes 2;
pid $work/nginx-static.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
    access_log off;
    default_type application/json;
    client_body_temp_path $work/nginx-body;
    proxy_temp_path $work/nginx-proxy;
    fastcgi_temp_path $work/nginx-fastcgi;
    uwsgi_temp_path $work/nginx-uwsgi;
    scgi_temp_path $work/nginx-scgi;
    server { listen 127.0.0.1:$1; root $2; }
}
NGINX
    nginx -c "$work/nginx-static.conf"
    nginx_static_running=true
}
nginx_static_stop() {
    ${nginx_static_running:-false} && nginx -c "$work/nginx-static.conf" -s stop 2>/dev/null || true
}

# smoke_purchase BASE_URL [--with-token]: one standing place of a demo performance through the
# API: hold, order, demo payment; the order must be PAID with one ticket, signed and with its PDF
# where the version signs tickets. Prints the order code (and its access token).
smoke_purchase() {
    python3 - "$@" <<'PY'
import json, sys, urllib.request, urllib.error
base = sys.argv[1]
def call(method, path, body=None, token=None, raw=False):
    request = urllib.request.Request(base + path, method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.read() if raw else json.load(response)
    except urllib.error.HTTPError as e:
        sys.exit(f"smoke purchase: {method} {path} answered {e.code}: {e.read().decode()[:300]}")
listing = call("GET", "/api/v1/public/performances?status=ON_SALE&size=50")["items"]
for item in listing:
    details = call("GET", f"/api/v1/public/performances/{item['id']}")
    zone = next((z for z in details["zones"] if z["kind"] == "GENERAL_ADMISSION" and z["available"] > 0), None)
    if zone:
        break
else:
    sys.exit("smoke purchase: no demo performance with standing places on sale")
hold = call("POST", "/api/v1/holds", {"performanceId": item["id"], "zoneId": zone["id"], "quantity": 1})
order = call("POST", "/api/v1/orders", {"holdId": hold["id"], "email": "smoke@example.com", "name": "Smoke Test", "paymentMethod": "demo"})
call("POST", f"/demo-gateway/payments/{order['payment']['id']}/succeed")
paid = call("GET", f"/api/v1/orders/{order['code']}", token=order["accessToken"])
if paid["status"] != "PAID" or len(paid["tickets"]) != 1:
    sys.exit(f"smoke purchase: order {order['code']} is {paid['status']} with {len(paid['tickets'])} tickets")
if "qr" in paid["tickets"][0]:
    pdf = call("GET", f"/api/v1/orders/{order['code']}/tickets.pdf", token=order["accessToken"], raw=True)
    if not paid["tickets"][0]["qr"] or not pdf.startswith(b"%PDF"):
        sys.exit(f"smoke purchase: the ticket of {order['code']} is not signed or has no PDF")
print(order["code"] + (" " + order["accessToken"] if "--with-token" in sys.argv else ""))
PY
}

# ensure_jars: the application and the load driver, rebuilt when their sources are newer, and
# copied into $work so that a build running meanwhile cannot change them under the instances.
ensure_jars() {
    stale() { [ ! -f "$1" ] || [ -n "$(find "${@:2}" -newer "$1" -print -quit)" ]; }
    if stale "$root/target/fengyun.jar" "$root/src/main" "$root/pom.xml"; then
        log "building the application"
        (cd "$root" && ./mvnw -B -q -DskipTests package)
    fi
    if stale "$root/loadtest/target/loadtest.jar" "$root/loadtest/src" "$root/loadtest/pom.xml"; then
        log "building the load driver"
        (cd "$root" && ./mvnw -B -q -f loadtest/pom.xml package)
    fi
    cp "$root/target/fengyun.jar" "$work/fengyun.jar"
    cp "$root/loadtest/target/loadtest.jar" "$work/loadtest.jar"
}

# cluster_up BASE_PORT: PostgreSQL on BASE_PORT, instances a and b on the next two ports, nginx
# in front of both on the one after (lb_port).
cluster_up() {
    local base=$1
    port_a=$((base + 1)) port_b=$((base + 2)) lb_port=$((base + 3))
    log "starting PostgreSQL on 127.0.0.1:$base"
    pg_start "$base"
    log "starting instances a (:$port_a) and b (:$port_b)"
    app_start a "$port_a"
    app_start b "$port_b"
    wait_ready "$port_a" "$pid_a" 180 || { tail -30 "$work/a.log" >&2; die "instance a did not become ready"; }
    wait_ready "$port_b" "$pid_b" 180 || { tail -30 "$work/b.log" >&2; die "instance b did not become ready"; }
    nginx_start "$lb_port" "$port_a" "$port_b"
    log "nginx on 127.0.0.1:$lb_port in front of both"
}
cluster_down() {
    [ -n "${load_pid:-}" ] && kill "$load_pid" 2>/dev/null || true
    local pid
    for pid in ${pid_a:-} ${pid_b:-}; do kill -0 "$pid" 2>/dev/null && { stop_gracefully "$pid" || true; }; done
    nginx_stop
    pg_stop immediate
    mkdir -p "$results" && cp "$work"/*.log "$work"/*.json "$work"/events "$results"/ 2>/dev/null || true
    rm -rf "$work"
}

# load_start MAX_SECONDS: the steady purchase load through nginx, in the background, until
# load_finish (or MAX_SECONDS).
load_start() {
    : >"$work/events"
    java -Xmx512m -cp "$work/loadtest.jar" dev.fengyun.loadtest.Steady \
        --base "http://127.0.0.1:$lb_port" --admin-email "$admin_email" --admin-password "$admin_password" \
        --db-url "$(db_url)" --db-user postgres --seconds "$1" --think-millis 100 --stop-file "$work/stop" \
        >"$work/steady.json" 2>"$work/steady.log" &
    load_pid=$!
    local i
    for i in $(seq 1 120); do
        grep -q 'steady load:' "$work/steady.log" 2>/dev/null && return 0
        kill -0 "$load_pid" 2>/dev/null || break
        sleep 0.5
    done
    cat "$work/steady.log" >&2
    die "the load driver did not start"
}
event() { echo "$(date +%s.%N) $*" >>"$work/events"; log "$*"; }
load_finish() {
    touch "$work/stop"
    wait "$load_pid" || { cat "$work/steady.log" >&2; die "the load driver failed"; }
    load_pid=""
}
# report TITLE [NAME=VALUE ...]: the table (and a JSON line) from the load and the events.
# Fails (exit 1, with the reason) on a violated invariant or an exceeded --max-… limit.
report() { python3 "$root/deploy/local/report.py" "$work/steady.json" "$work/events" "$@"; }
