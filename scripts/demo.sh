#!/usr/bin/env bash
# Sets everything up and runs the product on its embedded default: the reference server on
# ws://127.0.0.1:8765 with demo data (filled in on first start) and the representatives' page on
# http://127.0.0.1:8765/ (the same port), the representative simulator
# opening consultations and sending text and voice messages, and the responder console signed
# in to that server. Closing the console (or Ctrl+C) stops everything.
#
#   scripts/demo.sh --nodes 3   the same on several server nodes (ports 8765, 8766, ...) sharing
#                               one PostgreSQL database: a local cluster of the demo's own in
#                               the demo folder (port 5433, or CONSULT_PG_PORT), started and
#                               stopped with it. The simulator talks to the first node, the
#                               console to any of them (docs/server.md, "Several nodes").
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=1
if [ "${1:-}" = "--nodes" ]; then
  nodes=${2:?--nodes needs a number}
fi
bash scripts/install-deps.sh
bash scripts/build.sh build-rel

port=${CONSULT_PORT:-8765}
data=${CONSULT_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/responder-console-demo}
mkdir -p "$data"
log="$data/server.log"

servers=()
pg=""
sim=""
cleanup() {
  [ -n "$sim" ] && kill "$sim" 2>/dev/null || true
  for server in "${servers[@]}"; do kill "$server" 2>/dev/null || true; done
  for server in "${servers[@]}"; do wait "$server" 2>/dev/null || true; done
  if [ -n "$pg" ]; then
    kill -INT "$pg" 2>/dev/null || true # PostgreSQL's fast shutdown, by process id
    while kill -0 "$pg" 2>/dev/null; do sleep 0.1; done
  fi
}
trap cleanup EXIT INT TERM

db="$data/server.sqlite"
if [ "$nodes" -gt 1 ]; then
  # initdb and postgres refuse root: the cluster belongs to the postgres user then.
  as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pgport=${CONSULT_PG_PORT:-5433}
  # As root the demo folder is under /root, which the postgres user cannot enter: the cluster
  # then lives in the postgres user's home.
  cluster="$data/postgres"
  [ "$(id -u)" = 0 ] && cluster=/var/lib/postgresql/responder-console-demo
  if [ ! -d "$cluster/data" ]; then
    mkdir -p "$cluster"
    [ "$(id -u)" = 0 ] && chown postgres "$cluster"
    as_pg "$bindir/initdb" -D "$cluster/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  # A cluster left running by a demo that was killed is used again (and stopped this time).
  as_pg "$bindir/pg_ctl" -D "$cluster/data" status >/dev/null 2>&1 ||
    as_pg "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/postgres.log" -w \
      -o "-k $cluster -h 127.0.0.1 -p $pgport" start >/dev/null
  pg=$(head -n 1 "$cluster/data/postmaster.pid")
  "$bindir/psql" -h 127.0.0.1 -p "$pgport" -U postgres -Atc "SELECT 1 FROM pg_database WHERE datname = 'consult_demo'" postgres |
    grep -q 1 || "$bindir/createdb" -h 127.0.0.1 -p "$pgport" -U postgres consult_demo
  db="postgresql://postgres@127.0.0.1:$pgport/consult_demo"
fi

urls=()
for n in $(seq 0 $((nodes - 1))); do
  # The first node fills an empty database with the demo data; the others wait for it.
  demo=()
  [ "$n" = 0 ] && demo=(--demo)
  build-rel/server/consult-server "${demo[@]}" --db "$db" --port $((port + n)) \
    >"$data/server-$n.out" 2>"$data/server-$n.log" &
  servers+=($!)
  for _ in $(seq 1 600); do
    grep -q '^listening ' "$data/server-$n.out" 2>/dev/null && break
    kill -0 "${servers[$n]}" 2>/dev/null || { echo "server $n did not start:"; tail -n 20 "$data/server-$n.log"; exit 1; }
    sleep 0.2
  done
  urls+=("$(sed -n 's/^listening //p' "$data/server-$n.out")")
done
url=${urls[0]}
log="$data/server-0.log"
page=$(echo "$url" | sed 's/^ws/http/')

cat <<INFO

Reference server running at ${urls[*]} (database: $(echo "$db" | sed 's/:[^:@]*@/@/'), JSON log: $log)

The representatives' page: open $page in a browser (a phone-sized window suits it),
sign in as a representative and talk to yourself in the console beside it.

Connect as a responder (protocol: docs/protocol.md), for example:
  user jw.1  password demo2026   (市教委, department lead)
  user jw.2  password demo2026   (市教委, responder)
Representatives: rep0001 .. rep2000, password rep2026.

The representative simulator is now sending consultations and messages (text and voice)
to the departments. Close the console or press Ctrl+C to stop.

INFO

build-rel/server/consult-repsim --url "$url" --reps 20 --rate 0.5 --count 5000 --seconds 36000 --voice-share 0.2 &
sim=$!
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "No display: the console is not started; the server keeps running."
  wait "${servers[0]}"
  exit
fi
server_args=()
for u in "${urls[@]}"; do server_args+=(--server "$u"); done
build-rel/app/responder-console "${server_args[@]}" --data "$data/client"
