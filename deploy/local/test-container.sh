#!/usr/bin/env bash
# Proves the container image on this machine, where no registry is reachable:
#   1. builds a local base image (debootstrap of a minimal Debian with a JRE and a CJK font),
#      cached between runs under ${FENGYUN_CACHE:-~/.cache/fengyun};
#   2. builds the application image on it with Jib (./mvnw -Pimage package -Dimage.base=tar://…);
#   3. runs it with Podman (runc) as a non-root user with a read-only root filesystem (only /tmp
#      writable) against PostgreSQL on the host;
#   4. waits for readiness and buys a ticket through the API;
#   5. stops it with SIGTERM and checks it exits 0 within the grace period.
#
#   deploy/local/test-container.sh          (as root; apt-get install -y podman runc debootstrap postgresql)
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/fengyun-container.XXXXXX)
source "$root/deploy/local/lib.sh"
[ "$(id -u)" = 0 ] || die "run as root (podman import and debootstrap need it)"
require_tools podman debootstrap curl python3

grace_seconds=30
app_port=18681
name=fengyun-container-test-$$
export CONTAINERS_CONF=$work/containers.conf
# This machine's kernel refuses the default container ulimits; an empty list leaves them alone.
printf '[containers]\ndefault_ulimits = []\n' >"$CONTAINERS_CONF"
podman_() { podman --runtime "$(command -v runc)" "$@"; }
cleanup() {
    podman_ rm -f "$name" >/dev/null 2>&1 || true
    podman_ rmi -f fengyun:container-test >/dev/null 2>&1 || true
    pg_stop
    rm -rf "$work"
}
trap cleanup EXIT
trap "exit 143" INT TERM

# --- 1. the base image -----------------------------------------------------------------------
packages=openjdk-17-jre-headless,fonts-wqy-microhei,ca-certificates,tzdata
cache=${FENGYUN_CACHE:-$HOME/.cache/fengyun}
base_tar=$cache/base-bookworm-$(echo "$packages" | sha1sum | cut -c1-8).tar
if [ ! -s "$base_tar" ]; then
    log "building the base image (debootstrap bookworm: $packages)"
    mkdir -p "$cache"
    started=$SECONDS
    debootstrap --variant=minbase --include="$packages" bookworm "$work/rootfs" http://deb.debian.org/debian >"$work/debootstrap.log" 2>&1 \
        || { tail -20 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
    rm -rf "$work/rootfs"/var/cache/apt/archives/*.deb "$work/rootfs"/var/lib/apt/lists/*
    tar -C "$work/rootfs" -c . | podman_ import --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' - fengyun-base:local >/dev/null 2>&1
    podman_ save --format docker-archive -o "$base_tar.partial" fengyun-base:local >/dev/null 2>&1
    mv "$base_tar.partial" "$base_tar"
    rm -rf "$work/rootfs"
    log "base image cached in $base_tar ($(du -h "$base_tar" | cut -f1), $((SECONDS - started)) s)"
else
    log "base image from the cache: $base_tar"
fi

# --- 2. the application image (Jib, no container engine involved) ----------------------------
log "building the image with Jib"
started=$SECONDS
(cd "$root" && ./mvnw -B -q -Pimage package -Dimage.base="tar://$base_tar" -Dimage.name=fengyun:container-test) >"$work/jib.log" 2>&1 \
    || { tail -40 "$work/jib.log" >&2; die "the Jib build failed"; }
image_seconds=$((SECONDS - started))
podman_ load -i "$root/target/fengyun-image.tar" >/dev/null 2>&1
image_size=$(du -h "$root/target/fengyun-image.tar" | cut -f1)
user=$(podman_ image inspect fengyun:container-test --format '{{.Config.User}}')
[ -n "$user" ] && [ "${user%%:*}" != 0 ] && [ "${user%%:*}" != root ] || die "the image runs as '$user', not as a non-root user"

# --- 3. run it: non-root, read-only, PostgreSQL on the host -----------------------------------
log "starting PostgreSQL on 127.0.0.1:55441"
pg_start 55441
log "starting the container (user $user, read-only root filesystem)"
started=$SECONDS
podman_ run -d --name "$name" --network host --read-only --tmpfs /tmp:rw,size=256m,mode=1777 \
    --cap-drop ALL --security-opt no-new-privileges --memory 1g \
    -e FENGYUN_DB_URL="$(db_url)" -e FENGYUN_DB_USER=postgres -e FENGYUN_MASTER_KEY="$master_key" \
    -e FENGYUN_DEMO_DATA=true -e FENGYUN_PAYMENT_DEMO=true \
    -e SERVER_PORT=$app_port -e SERVER_ADDRESS=127.0.0.1 \
    fengyun:container-test >/dev/null
ready=false
for _ in $(seq 1 480); do
    if curl -fs "http://127.0.0.1:$app_port/actuator/health/readiness" >/dev/null 2>&1; then ready=true; break; fi
    [ "$(podman_ inspect "$name" --format '{{.State.Running}}')" = true ] || break
    sleep 0.25
done
$ready || { podman_ logs "$name" 2>&1 | tail -40 >&2; die "the container did not become ready"; }
ready_seconds=$((SECONDS - started))
running_as=$(podman_ exec "$name" id -u)
[ "$running_as" != 0 ] || die "the process runs as root"
if podman_ exec "$name" sh -c 'touch /app/probe' 2>/dev/null; then die "the root filesystem is writable"; fi

# --- 4. a purchase through the API --------------------------------------------------------------
log "buying a ticket through the API"
order=$(smoke_purchase "http://127.0.0.1:$app_port") || { podman_ logs "$name" 2>&1 | tail -40 >&2; die "the purchase failed"; }

# --- 5. SIGTERM within the grace period -------------------------------------------------------
log "stopping with SIGTERM (grace period ${grace_seconds}s)"
started=$(date +%s.%N)
podman_ stop -t "$grace_seconds" "$name" >/dev/null
stop_seconds=$(python3 -c "print(round($(date +%s.%N) - $started, 1))")
exit_code=$(podman_ inspect "$name" --format '{{.State.ExitCode}}')
podman_ logs "$name" >"$work/container.log" 2>&1 || true
[ "$exit_code" = 0 ] || { tail -20 "$work/container.log" >&2; die "the container exited with $exit_code after SIGTERM"; }
python3 -c "import sys; sys.exit(0 if $stop_seconds < $grace_seconds else 1)" || die "stopping took ${stop_seconds}s"

cat <<TABLE
| Container check | Result |
| --- | --- |
| Image (Jib, OCI tarball) | $image_size, built in ${image_seconds} s |
| User | $user (uid in the container: $running_as), root filesystem read-only, /tmp tmpfs, no capabilities |
| Start to readiness UP | ${ready_seconds} s |
| Purchase through the API | order $order PAID with a signed ticket and its PDF |
| SIGTERM | exit code $exit_code after ${stop_seconds} s (grace period ${grace_seconds} s) |
TABLE
