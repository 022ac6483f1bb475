#!/usr/bin/env bash
# Builds an optimised tree and runs every benchmark. Each figure is printed on its own line as
#   name: value unit (target: ...)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh build-rel
export CONSULT_SERVER_BIN=$PWD/build-rel/server/consult-server
export CONSULT_REPSIM_BIN=$PWD/build-rel/server/consult-repsim
build-rel/tests/benchmarks/bench_server_throughput
WITH_POSTGRES_TIMEOUT=600 tests/testsupport/with-postgres.sh build-rel/tests/benchmarks/bench_nodes
build-rel/tests/benchmarks/bench_search
build-rel/tests/benchmarks/bench_ingest
build-rel/tests/benchmarks/bench_workspace
build-rel/tests/benchmarks/bench_stats
tests/testsupport/with-pulse.sh build-rel/tests/benchmarks/bench_voice
CONSULT_PLUGIN_BUILD_DIR=$PWD/build-rel/plugins build-rel/tests/benchmarks/bench_transcription
/usr/bin/python3 tests/benchmarks/bench_nonreading.py --server-bin "$CONSULT_SERVER_BIN"
