#!/usr/bin/env bash
# Configures and builds one flavour of the project. Usage: scripts/build.sh <dir> [cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$1
shift
# The representatives' page's WebAssembly libopus (server/web/package.json), compiled into the
# server when present; without npm or its registry the server is built without that fallback.
if [ ! -d server/web/node_modules/opus-recorder ] || [ server/web/package-lock.json -nt server/web/node_modules ]; then
  (cd server/web && npm ci --no-audit --no-fund --loglevel=error) ||
    echo "server/web: npm ci failed; the page is built without its WebAssembly fallback" >&2
fi
cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >"$dir.configure.log" 2>&1 ||
  { cat "$dir.configure.log"; exit 1; }
cmake --build "$dir" --parallel "$(nproc)"
