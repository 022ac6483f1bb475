#!/usr/bin/env bash
# Runs a test program as the kiosk runs the console: under cage on a headless 1280×720 output
# (pixman, no GPU), as an unprivileged user (cage refuses root: as root, a throwaway system user
# is made), in a private D-Bus session with fcitx5 and the kiosk's pinyin settings, with the
# home and runtime folders of its own. Bounded in time; cage is stopped by process id.
#   under-cage.sh <test binary> [test arguments...]
# CONSULT_KIOSK_SHOTS=<folder> keeps the screenshots the test takes with grim.
# The headless output draws only when something asks it to, so frame callbacks are rare: Qt
# would take a window whose callback is late for hidden and stop painting it
# (QT_WAYLAND_FRAME_CALLBACK_TIMEOUT=0 turns that off; a real screen sends them 60 times a second).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
binary=$(realpath "$1")
shift

work=$(mktemp -d /tmp/under-cage.XXXXXX)
chmod 755 "$work"
cage_pid=""
cleanup() {
  [ -n "$cage_pid" ] && kill "$cage_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

run_as=()
if [ "$(id -u)" -eq 0 ]; then
  user=consult-kiosk-test
  id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
  run_as=(runuser -u "$user" --)
fi
mkdir -p "$work/home" "$work/run" "$work/config/fcitx5" "$work/out"
cp "$source_dir/packaging/kiosk/fcitx5-profile" "$work/config/fcitx5/profile"
cp "$source_dir/packaging/kiosk/fcitx5-config" "$work/config/fcitx5/config"
shots=${CONSULT_KIOSK_SHOTS:-}
if [ -n "$shots" ]; then mkdir -p "$shots"; chmod 777 "$shots"; fi
[ ${#run_as[@]} -gt 0 ] && chown -R "$user" "$work/home" "$work/run" "$work/config" "$work/out"
chmod 700 "$work/run"

cat >"$work/inside.sh" <<'INSIDE'
#!/usr/bin/env bash
# Inside cage and the D-Bus session: fcitx5 (its D-Bus front end is what Qt's input method
# module talks to), then the test; its exit status is left for the script outside.
fcitx5 --disable=wayland,waylandim,xim,kimpanel,notificationitem,clipboard -d >"$OUT/fcitx5.log" 2>&1
for _ in $(seq 1 50); do
  dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.NameHasOwner \
    string:org.fcitx.Fcitx5 2>/dev/null | grep -q "boolean true" && break
  sleep 0.1
done
"$@" >"$OUT/test.log" 2>&1
echo $? >"$OUT/status"
INSIDE
chmod 755 "$work/inside.sh"

"${run_as[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$work/home" OUT="$work/out" \
  XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/config" LANG=C.UTF-8 \
  WLR_BACKENDS=headless WLR_RENDERER=pixman WLR_LIBINPUT_NO_DEVICES=1 \
  QT_QPA_PLATFORM=wayland QT_IM_MODULE=fcitx QT_WAYLAND_DISABLE_WINDOWDECORATION=1 \
  QT_WAYLAND_FRAME_CALLBACK_TIMEOUT=0 \
  CONSULT_SERVER_BIN="${CONSULT_SERVER_BIN:-}" CONSULT_SOURCE_DIR="$source_dir" \
  CONSULT_KIOSK_SHOTS="$shots" CONSULT_SHOT_LANG="${CONSULT_SHOT_LANG:-en}" \
  ASAN_OPTIONS="${ASAN_OPTIONS:-}" LSAN_OPTIONS="${LSAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
  timeout 240 cage -d -- dbus-run-session -- "$work/inside.sh" "$binary" "$@" \
  >"$work/cage.log" 2>&1 &
cage_pid=$!
wait "$cage_pid" || true
cage_pid=""
cat "$work/out/test.log" 2>/dev/null || { echo "the test did not run under cage:"; cat "$work/cage.log"; }
status=$(cat "$work/out/status" 2>/dev/null || echo 1)
if [ "$status" != 0 ]; then
  echo "--- fcitx5:"
  tail -n 20 "$work/out/fcitx5.log" 2>/dev/null || true
fi
exit "$status"
