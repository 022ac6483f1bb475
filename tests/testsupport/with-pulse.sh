#!/usr/bin/env bash
# Runs a test with its own PulseAudio server (no sound card needed): a null sink "testsink" as
# the default output, in a fresh XDG_RUNTIME_DIR and HOME so nothing of the machine's own sound
# setup is touched. The test may load more modules with pactl (pipe sources, more sinks).
# The server is stopped by process id; the whole run is bounded in time (300 s, or
# WITH_PULSE_TIMEOUT seconds).
#   with-pulse.sh <test binary> [test arguments...]
set -euo pipefail
home=$(mktemp -d)
runtime=$(mktemp -d)
chmod 700 "$runtime"
export HOME=$home XDG_RUNTIME_DIR=$runtime XDG_CONFIG_HOME=$home/.config
pulseaudio --daemonize=no --exit-idle-time=-1 -n --log-target=stderr --log-level=error \
  --load=module-native-protocol-unix --load="module-null-sink sink_name=testsink" 2>"$home/pulse.log" &
pulse=$!
cleanup() {
  kill "$pulse" 2>/dev/null || true
  wait "$pulse" 2>/dev/null || true
  rm -rf "$home" "$runtime"
}
trap cleanup EXIT
for _ in $(seq 1 50); do
  pactl info >/dev/null 2>&1 && break
  sleep 0.1
done
pactl set-default-sink testsink
set +e
timeout "${WITH_PULSE_TIMEOUT:-300}" "$@"
