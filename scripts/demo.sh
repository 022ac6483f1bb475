#!/usr/bin/env bash
# Sets everything up and runs the product on its embedded default: the reference server on
# ws://127.0.0.1:8765 with demo data (filled in on first start) and the representatives' page on
# http://127.0.0.1:8765/ (the same port), the representative simulator
# opening consultations and sending text and voice messages, and the responder console signed
# in to that server. Closing the console (or Ctrl+C) stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh build-rel

port=${CONSULT_PORT:-8765}
data=${CONSULT_DEMO_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/responder-console-demo}
mkdir -p "$data"
log="$data/server.log"

build-rel/server/consult-server --demo --db "$data/server.sqlite" --port "$port" >"$data/server.out" 2>"$log" &
server=$!
sim=""
cleanup() {
  [ -n "$sim" ] && kill "$sim" 2>/dev/null || true
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

for _ in $(seq 1 300); do
  grep -q '^listening ' "$data/server.out" 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "the server did not start:"; tail -n 20 "$log"; exit 1; }
  sleep 0.2
done
url=$(sed -n 's/^listening //p' "$data/server.out")
page=$(echo "$url" | sed 's/^ws/http/')

cat <<INFO

Reference server running at $url (database: $data/server.sqlite, JSON log: $log)

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
  wait "$server"
  exit
fi
build-rel/app/responder-console --server "$url" --data "$data/client"
