#!/usr/bin/env bash
# Rolling restart under load, as Kubernetes does it: PostgreSQL (Debian's package) on a spare port,
# two instances of the jar behind Debian's nginx, and a steady purchase load (a few buyers who
# look, hold, order, pay and read their tickets) for about a minute while each instance in turn
# is taken out of nginx's upstream (the endpoint removal), drained, stopped with SIGTERM, started
# again and put back once ready. Passes when no request failed, both instances exited 0 on SIGTERM,
# every paid order has its tickets and nothing is oversold. Prints its figures as a table.
#
#   deploy/local/test-rolling.sh        (apt-get install -y postgresql nginx; logs in target/ops-rolling)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/fengyun-rolling.XXXXXX)
results=$root/target/ops-rolling
source "$root/deploy/local/lib.sh"
require_tools nginx psql curl python3 java
trap cluster_down EXIT
trap "exit 143" INT TERM

ensure_jars
cluster_up 55461
load_start 240
sleep 10
declare -A exit_codes ready_seconds
for name in a b; do
    port_var=port_$name pid_var=pid_$name
    port=${!port_var}
    event "restart of $name: taken out of the upstream"
    if [ "$name" = a ]; then nginx_set "$port_b"; else nginx_set "$port_a"; fi
    sleep 3 # the preStop delay: requests already on their way still land and finish
    started=$SECONDS
    set +e; stop_gracefully "${!pid_var}"; code=$?; set -e
    exit_codes[$name]=$code
    log "instance $name exited with $code after SIGTERM; starting it again"
    app_start "$name" "$port"
    wait_ready "$port" "${!pid_var}" 180 || { tail -30 "$work/$name.log" >&2; die "instance $name did not come back"; }
    ready_seconds[$name]=$((SECONDS - started))
    nginx_set "$port_a" "$port_b"
    event "instance $name back in the upstream after ${ready_seconds[$name]} s"
    sleep 10
done
load_finish

report "Rolling restart of two instances under a purchase load" --max-failed 0 \
    "SIGTERM exit codes (a, b)=${exit_codes[a]}, ${exit_codes[b]}" \
    "Stop to ready again (a, b)=${ready_seconds[a]} s, ${ready_seconds[b]} s"
[ "${exit_codes[a]}" = 0 ] && [ "${exit_codes[b]}" = 0 ] || die "an instance did not exit 0 on SIGTERM"
