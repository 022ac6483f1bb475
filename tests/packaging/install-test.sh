#!/usr/bin/env bash
# Installs the project's Debian packages into a fresh Debian 12 root (mmdebstrap), starts the
# installed server with its packaged configuration, a temporary database and the demo data,
# runs the installed console offscreen against it until it is signed in and has synced the
# department's queue, then purges the packages and checks that no file of theirs is left.
# Usage: tests/packaging/install-test.sh <folder with the .deb files>   (as root, or via sudo)
set -euo pipefail
debs=$(realpath "$1")
[ "$(id -u)" -eq 0 ] || exec sudo "$0" "$@"
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/../../scripts/install-deps.sh" --packaging

work=$(mktemp -d /var/tmp/install-test.XXXXXX)
root="$work/root"
server_pid="" client_pid=""
cleanup() {
  for pid in $client_pid $server_pid; do kill "$pid" 2>/dev/null || true; done
  for pid in $client_pid $server_pid; do wait "$pid" 2>/dev/null || true; done
  umount -R "$root/proc" 2>/dev/null || true
  umount -R "$root/dev" 2>/dev/null || true
  # Never delete through a mount that is still there (the host's /dev).
  if awk -v root="$root/" 'index($2, root) == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
    echo "install-test: mounts remain under $root; left in place" >&2
  else
    rm -rf --one-file-system "$work"
  fi
}
trap cleanup EXIT
log() { printf '[install-test %(%H:%M:%S)T] %s\n' -1 "$*"; }

# The host's Debian sources (the archive and its security updates), as an installation would
# have them; mmdebstrap reaches nothing else.
sources=http://deb.debian.org/debian
[ -f /etc/apt/sources.list.d/debian.sources ] && sources=/etc/apt/sources.list.d/debian.sources
log "mmdebstrap --variant=apt bookworm"
mmdebstrap --quiet --mode=root --variant=apt bookworm "$root" "$sources" </dev/null
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --rbind /dev "$root/dev"
# Unmounting the copy must never reach the host's own /dev mounts.
mount --make-rslave "$root/dev"
in_root() { chroot "$root" "$@"; }

# What the root holds before: afterwards, nothing may have been added or left behind.
snapshot() {
  (cd "$root" && find . -xdev \( -path ./proc -o -path ./dev -o -path ./sys -o -path ./run \
    -o -path ./tmp -o -path ./var/tmp -o -path ./var/cache -o -path ./var/log \
    -o -path ./var/lib/apt -o -path ./var/lib/dpkg -o -path ./etc/ld.so.cache \) -prune \
    -o -print | sort |
    # The backups groupadd writes when a dependency (ssl-cert) adds its group, which stays.
    grep -vxE '\./etc/(passwd|group|shadow|gshadow)-')
}
snapshot >"$work/before"

mkdir -p "$root/tmp/debs"
cp "$debs"/*.deb "$root/tmp/debs/"
rm -f "$root"/tmp/debs/*-dbgsym_*.deb
packages=()
for deb in "$root"/tmp/debs/*.deb; do packages+=("/tmp/debs/$(basename "$deb")"); done
log "apt-get update; apt-get install ${packages[*]}"
in_root apt-get update -qq >"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  "${packages[@]}" >>"$work/apt.log" 2>&1 || { cat "$work/apt.log"; exit 1; }

# The state folder systemd's StateDirectory= makes for the service's dynamic user (there is no
# systemd in this root): the packaged configuration puts the database there, and purge must
# remove it.
mkdir -p "$root/var/lib/private/consult-server"
ln -s private/consult-server "$root/var/lib/consult-server"

log "consult-server --config /etc/consult-server/consult-server.conf --demo --port 0"
in_root consult-server --config /etc/consult-server/consult-server.conf --demo --port 0 \
  >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 1 300); do
  grep -q '^listening ' "$work/server.out" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.err"; exit 1; }
  sleep 0.1
done
url=$(sed -n 's/^listening //p' "$work/server.out")
[ -n "$url" ] || { echo "the installed server did not start"; cat "$work/server.err"; exit 1; }
log "server at $url"

log "responder-console --user jw.2 --password-stdin (offscreen)"
mkdir -p "$root/tmp/home"
echo demo2026 | in_root env HOME=/tmp/home QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 \
  DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent responder-console --server "$url" \
  --user jw.2 --password-stdin >"$work/client.log" 2>&1 &
client_pid=$!

# Signed in and synced: the console's cache holds the department's whole queue as the server
# has it, and the dossiers of its representatives.
python3 "$here/check-synced.py" "$root/var/lib/consult-server/server.sqlite" "$root/tmp/home" \
  jw.2 "$client_pid" || { cat "$work/client.log"; exit 1; }

kill "$client_pid" "$server_pid"
wait "$client_pid" 2>/dev/null || true
wait "$server_pid" 2>/dev/null || true
client_pid="" server_pid=""
rm -rf "$root/tmp/home" "$root/tmp/debs"

log "apt-get purge; autoremove --purge"
in_root env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq \
  responder-console consult-server consult-speech responder-kiosk >>"$work/apt.log" 2>&1
in_root env DEBIAN_FRONTEND=noninteractive apt-get autoremove --purge -y -qq >>"$work/apt.log" 2>&1
snapshot >"$work/after"
if ! diff -u "$work/before" "$work/after"; then
  echo "purge left files behind (+) or removed files it did not install (-)"
  exit 1
fi
log "installed, signed in, synced, purged: nothing left behind"
