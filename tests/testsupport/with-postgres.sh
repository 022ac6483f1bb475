#!/usr/bin/env bash
# Runs a test against a throwaway PostgreSQL cluster of its own: initdb in a temporary folder
# (as the postgres user: initdb and postgres refuse root), started on a free loopback port with
# its socket in that folder, fsync on as in production, and trust authentication for loopback
# only. The test gets the administrative connection in CONSULT_TEST_POSTGRES and creates the
# databases it needs. The cluster is stopped by process id; the whole run is bounded in time
# (270 s, inside ctest's 300, so that the cleanup always runs; or WITH_POSTGRES_TIMEOUT s).
#   with-postgres.sh <test binary> [test arguments...]
set -euo pipefail
bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
dir=$(mktemp -d)
chmod 755 "$dir"
run_as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$dir"
run_as_postgres "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# pg_ctl waits until the server accepts connections; the postmaster's process id is then the
# first line of postmaster.pid, and the cleanup stops it by that id (SIGINT: fast shutdown).
run_as_postgres "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
  -o "-k $dir -h 127.0.0.1 -p $port -c max_connections=200 -c shared_buffers=64MB" start \
  >/dev/null || { cat "$dir/postgres.log" >&2; exit 1; }
pg=$(head -n 1 "$dir/data/postmaster.pid")
cleanup() {
  kill -INT "$pg" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pg" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL "$pg" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
export CONSULT_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$port/postgres"
set +e
timeout "${WITH_POSTGRES_TIMEOUT:-270}" "$@"
