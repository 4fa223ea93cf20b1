#!/usr/bin/env bash
# Rollback across a schema change (expand/contract): migrates a fresh PostgreSQL with the current
# jar (FENGYUN_MODE=migrate, as the chart's migration job does), buys a ticket with the current
# version, then starts the jar built from REF against that newer schema — as after `helm rollback`,
# which switches the image back but leaves the schema — and checks that it starts, shows the order
# the newer version sold, and sells a ticket itself; then the current version again (roll forward),
# which must show the order the old version sold. Each version is stopped with SIGTERM (exit 0).
#
#   deploy/local/test-rollback.sh [REF]
#
# REF defaults to the last commit before the newest migration, i.e. the release that knows one
# schema version less. Builds REF in a temporary git worktree (needs the repository's history).
# Logs in target/ops-rollback.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/fengyun-rollback.XXXXXX)
results=$root/target/ops-rollback
source "$root/deploy/local/lib.sh"
require_tools psql curl python3 java git

cd "$root"
if [ $# -gt 0 ]; then
    ref=$1
else
    newest_migration=$(git log -1 --format=%H -- src/main/resources/db/migration)
    ref="$newest_migration^"
fi
old_commit=$(git rev-parse -q --verify "$ref^{commit}") || die "cannot resolve '$ref' (a shallow clone? git fetch --unshallow)"
cleanup() {
    local pid
    for pid in ${pid_new:-} ${pid_old:-}; do kill -0 "$pid" 2>/dev/null && { stop_gracefully "$pid" || true; }; done
    pg_stop immediate
    git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true
    mkdir -p "$results" && cp "$work"/*.log "$results"/ 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap "exit 143" INT TERM

schema_of() { git -C "$root" ls-tree --name-only "$1" src/main/resources/db/migration/ | sed 's|.*/||' | sort -V | tail -n 1; }
log "old version: $(git log -1 --format='%h %s' "$old_commit" | cut -c1-80)"
log "building it in a worktree"
git worktree add --detach "$work/old" "$old_commit" >/dev/null 2>&1
(cd "$work/old" && ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package) >"$work/build-old.log" 2>&1 \
    || { tail -30 "$work/build-old.log" >&2; die "building $ref failed"; }
old_jar=$work/old/target/fengyun.jar
ensure_jars

pg_start 55491
log "migrating with the current version (FENGYUN_MODE=migrate)"
FENGYUN_MODE=migrate FENGYUN_DB_URL=$(db_url) FENGYUN_DB_USER=postgres java -jar "$work/fengyun.jar" >"$work/migrate.log" 2>&1 \
    || { tail -30 "$work/migrate.log" >&2; die "the migration failed"; }
schema=$(psql_ -c "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC LIMIT 1")

port=55492
# run NAME JAR: start with migrations off (as the chart's pods), buy a ticket, read the order of
# the previous step, stop with SIGTERM. Prints "<order code> <access token>".
declare -A seconds exit_code
run() {
    local name=$1 jar=$2 started=$SECONDS
    FENGYUN_DB_MIGRATE=false app_start "$name" "$port" "$jar"
    local pid_var=pid_$name
    wait_ready "$port" "${!pid_var}" 180 || { tail -40 "$work/$name.log" >&2; die "the $name version did not start on schema $schema"; }
    seconds[$name]=$((SECONDS - started))
    if [ -n "${previous:-}" ]; then
        check_order "http://127.0.0.1:$port" $previous || die "the $name version cannot show order ${previous%% *}"
    fi
    previous=$(smoke_purchase "http://127.0.0.1:$port" --with-token) || die "the $name version cannot sell on schema $schema"
    log "$name version: sold order ${previous%% *}"
    set +e; stop_gracefully "${!pid_var}"; exit_code[$name]=$?; set -e
    [ "${exit_code[$name]}" = 0 ] || die "the $name version exited with ${exit_code[$name]} on SIGTERM"
}
check_order() {
    curl -fs "$1/api/v1/orders/$2" -H "Authorization: Bearer $3" | python3 -c '
import json, sys
order = json.load(sys.stdin)
sys.exit(0 if order["status"] == "PAID" and order["tickets"] else 1)'
}
log "current version on schema $schema"
run new "$work/fengyun.jar"
log "rolling back: the old version on the same schema"
run old "$old_jar"
log "rolling forward again"
run new "$work/fengyun.jar"

cat <<TABLE

### Rollback across a schema change

| Step | Result |
| --- | --- |
| Old version | $(git log -1 --format='%h' "$old_commit") (knows schema up to $(schema_of "$old_commit")) |
| Current version | $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' + working tree') (schema $schema) |
| Old version on the current schema | ready in ${seconds[old]} s, showed the order the current version sold, sold one itself, SIGTERM exit ${exit_code[old]} |
| Current version again | ready in ${seconds[new]} s, showed the order the old version sold, sold one itself, SIGTERM exit ${exit_code[new]} |
TABLE
