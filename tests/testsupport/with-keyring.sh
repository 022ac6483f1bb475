#!/usr/bin/env bash
# Runs a test inside its own D-Bus session with a real Secret Service: gnome-keyring, unlocked
# with a throwaway password, in a fresh HOME and XDG_RUNTIME_DIR. Everything it starts is
# stopped by process id; the whole run is bounded in time.
#   with-keyring.sh <test binary> [test arguments...]
set -euo pipefail
home=$(mktemp -d)
runtime=$(mktemp -d)
chmod 700 "$runtime"
trap 'rm -rf "$home" "$runtime"' EXIT
export HOME=$home XDG_RUNTIME_DIR=$runtime XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
  XDG_CACHE_HOME=$home/.cache
exec timeout 180 dbus-run-session -- bash -c '
  # The password must not be empty: with an empty one the daemon tries to prompt.
  printf "keyring-test-password" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  keyring=$!
  for _ in $(seq 1 50); do
    dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
      string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true" && break
    sleep 0.1
  done
  set +e
  "$@"
  status=$?
  kill "$keyring" 2>/dev/null
  wait "$keyring" 2>/dev/null
  exit $status
' with-keyring "$@"
