#!/usr/bin/env bash
# Takes screenshots of the console in Chinese and in English against the reference server with
# demo data, on a virtual display, for looking at (and for docs/screenshots/):
#   scripts/screenshots.sh [build dir] [output dir]
# Everything it starts runs on loopback, inside a private D-Bus session with a throwaway
# keyring, and is stopped by process id.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
# CONSULT_SHOT_SCALE=2 takes them at twice the pixel density (HiDPI); CONSULT_SHOT_DARK=1
# under a dark desktop theme (GTK's Adwaita dark, read by Qt's GTK platform theme).
export QT_SCALE_FACTOR=${CONSULT_SHOT_SCALE:-1}
if [ -n "${CONSULT_SHOT_DARK:-}" ]; then
  export QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=Adwaita:dark
fi
out=$(realpath -m "${2:-docs/screenshots}")
mkdir -p "$out"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

display=:$((90 + RANDOM % 100))
scale=${CONSULT_SHOT_SCALE:-1}
Xvfb "$display" -screen 0 $((1440 * scale))x$((900 * scale))x24 -nolisten tcp >/dev/null 2>&1 &
export DISPLAY=$display

# The server turns voice messages into text (Debian's English model: the voice question below is
# English; the demo's Mandarin clips were stored before and get none).
"$build/server/consult-server" --demo --db "$work/server.sqlite" --port 0 --transcribe \
  --transcribe-language en-US >"$work/server.out" 2>"$work/server.log" &
for _ in $(seq 1 600); do grep -q '^listening ' "$work/server.out" 2>/dev/null && break; sleep 0.2; done
url=$(sed -n 's/^listening //p' "$work/server.out")
[ -n "$url" ] || { echo "the server did not start"; tail "$work/server.log"; exit 1; }

# Representatives ask the education commission (department 4, where jw.2 works) a few things.
"$build/server/consult-repsim" --url "$url" --department 4 --reps 12 --rate 8 --count 36 \
  --seconds 20 --voice-share 0.2 >/dev/null 2>&1
python3 scripts/shot-voice.py "$url"

for lang in zh en; do
  export CONSULT_SHOT_LANG=$lang CONSULT_SHOT_URL=$url CONSULT_SHOT_DATA=$work/client-$lang
  export CONSULT_SHOT_BIN=$build/app/responder-console CONSULT_SHOT_OUT=$out
  tests/testsupport/with-keyring.sh bash -c '
    set -e
    shoot() { sleep "$2"; import -window root "$CONSULT_SHOT_OUT/$1.png"; echo "$CONSULT_SHOT_OUT/$1.png"; }
    "$CONSULT_SHOT_BIN" --lang "$CONSULT_SHOT_LANG" --server "$CONSULT_SHOT_URL" --data "$CONSULT_SHOT_DATA" &
    client=$!
    sleep 3
    xdotool key Tab; xdotool type --delay 20 jw.2; xdotool key Tab; xdotool type --delay 20 wrong-password
    xdotool key Return
    shoot "signin-error-$CONSULT_SHOT_LANG" 4
    xdotool key ctrl+a; xdotool type --delay 20 demo2026; xdotool key Return
    sleep 12
    # No window manager here: give the main window the focus a desktop would give it.
    xdotool search --sync --onlyvisible --class responder-console windowfocus
    xdotool key alt+Down
    shoot "queue-$CONSULT_SHOT_LANG" 2
    xdotool key ctrl+shift+c
    sleep 2
    xdotool key ctrl+r
    xdotool type --delay 10 "Thank you, we are looking into it."
    xdotool key Return
    shoot "conversation-$CONSULT_SHOT_LANG" 3
    focus() { xdotool search --sync --onlyvisible --class responder-console windowfocus 2>/dev/null || true; }
    focus
    # Transfer: nothing chosen yet; colleagues and departments filtered by typing.
    xdotool key ctrl+shift+t
    shoot "transfer-$CONSULT_SHOT_LANG" 2
    xdotool key Escape
    sleep 1
    focus
    # Export: the scope to choose, then the bar that opens the file or its folder.
    xdotool key ctrl+shift+s
    sleep 1
    xdotool key alt+e
    shoot "export-$CONSULT_SHOT_LANG" 1
    xdotool key Return
    sleep 2
    xdotool key Return
    shoot "export-done-$CONSULT_SHOT_LANG" 4
    focus
    # Quick insert: "/" in the reply box, filtered by pinyin initials (医保异地…).
    xdotool key slash
    sleep 1
    xdotool type --delay 60 yb
    shoot "script-picker-$CONSULT_SHOT_LANG" 2
    xdotool key Return
    shoot "script-inserted-$CONSULT_SHOT_LANG" 2
    # History search: a word from the messages of the representatives.
    xdotool key ctrl+f
    sleep 1
    xdotool type --delay 80 "细则"
    shoot "search-$CONSULT_SHOT_LANG" 3
    # A voice question and its text, found by a word heard in it.
    xdotool key ctrl+a
    xdotool type --delay 80 "subsidy"
    sleep 3
    xdotool mousemove 200 100 click --repeat 2 --delay 80 1
    shoot "transcript-$CONSULT_SHOT_LANG" 3
    xdotool key Escape
    sleep 1
    focus
    xdotool key ctrl+shift+m
    sleep 2
    xdotool search --sync --onlyvisible --class responder-console windowfocus 2>/dev/null || true
    shoot "scripts-$CONSULT_SHOT_LANG" 2
    xdotool key Escape
    sleep 1
    focus
    # Preferences, with the voice-to-text choices (the Tools menu, then its item by mnemonic).
    if [ "$CONSULT_SHOT_LANG" = zh ]; then xdotool mousemove 145 10; else xdotool mousemove 177 8; fi
    xdotool click 1
    sleep 1
    xdotool key p
    shoot "preferences-$CONSULT_SHOT_LANG" 2
    kill $client; wait $client 2>/dev/null || true
  '
done

# The help-desk kiosk as cage shows it, at 1280×720: sign-in, a conversation, a dialog centred
# on the window, the idle count-down (tests/kiosk/under-cage.sh runs the kiosk test, which
# takes them).
for lang in zh en; do
  CONSULT_SERVER_BIN=$build/server/consult-server CONSULT_KIOSK_SHOTS=$out CONSULT_SHOT_LANG=$lang \
    bash tests/kiosk/under-cage.sh "$build/tests/kiosk/tst_kiosk" oneWindowFillsTheOutput >/dev/null ||
    echo "kiosk screenshots in $lang failed"
done

# The representatives' page in headless chromium at 375×667, zh and en, and at 1.4× text
# (tests/web/screenshots.mjs; needs `npm ci` in tests/web).
CONSULT_SERVER_BIN=$build/server/consult-server \
  CONSULT_RESPONDER_AGENT=$build/tests/web/responder_agent \
  node tests/web/screenshots.mjs "$out" || echo "page screenshots failed"

# The statistics dashboard at 1366×768, zh and en, and the whole of it as if scrolled through
# (the dashboard test takes them against the real server).
CONSULT_SERVER_BIN=$build/server/consult-server CONSULT_SHOT_OUT=$out QT_QPA_PLATFORM=offscreen \
  "$build/tests/console/tst_statsdashboard" theDashboardInBothLanguages >/dev/null ||
  echo "statistics screenshots failed"
