#!/usr/bin/env bash
# Sets everything up and runs the whole test suite:
#   1. installs the Debian packages (scripts/install-deps.sh) and checks the formatting,
#   2. builds with warnings as errors and runs every ctest suite,
#   3. builds the Debian packages, checks them, installs them into a fresh Debian 12 root,
#      runs the installed server and console there, and purges them,
#   4. builds the libFuzzer target for the protocol decoder with clang and runs it for 30 s,
#   5. builds with AddressSanitizer + UndefinedBehaviorSanitizer and runs every suite again.
# Pass --quick to stop after step 2.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)

# The code is clang-formatted (.clang-format); a file that is not fails the run, naming it.
git ls-files -z '*.cpp' '*.h' | xargs -0 clang-format --dry-run --Werror

# The browser tests' driver (tests/web/package-lock.json): npm packages only, no browser download.
(cd tests/web && npm ci --no-audit --no-fund --loglevel=error)

bash scripts/build.sh build -DCONSULT_WERROR=ON
ctest --test-dir build --output-on-failure --parallel "$jobs" --timeout 600
[ "${1:-}" = "--quick" ] && exit 0

# The Debian packages: built and checked (lintian, desktop-file-validate, appstreamcli,
# systemd-analyze), then installed into a fresh Debian 12 root, run, and purged.
bash scripts/build-deb.sh build-deb
bash tests/packaging/install-test.sh build-deb

CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCONSULT_FUZZ=ON \
  >build-fuzz.configure.log 2>&1 || { cat build-fuzz.configure.log; exit 1; }
cmake --build build-fuzz --target fuzz_frame
mkdir -p build-fuzz/corpus
build-fuzz/tests/fuzz/fuzz_frame -max_total_time=30 -max_len=4096 -print_final_stats=0 \
  build-fuzz/corpus tests/fuzz/seeds 2>&1 | tail -n 2

bash scripts/build.sh build-asan -DCMAKE_BUILD_TYPE=Debug -DCONSULT_WERROR=ON -DCONSULT_SANITIZE=ON
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --parallel "$jobs" --timeout 900
