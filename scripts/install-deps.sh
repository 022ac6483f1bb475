#!/usr/bin/env bash
# Installs every Debian 12 package the project needs to build, run, test and benchmark.
# Used by both README commands and by .ci/run, so a fresh machine and CI install the same set.
# --packaging adds what building, checking and test-installing the .deb packages takes.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config clang libclang-rt-14-dev clang-format
  # Qt 6.4 and the Qt-side libraries
  qt6-base-dev qt6-base-dev-tools qt6-multimedia-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
  qtkeychain-qt6-dev libsqlite3-dev qt6-translations-l10n
  # voice and password hashing
  libopus-dev libopusfile-dev libopusenc-dev libogg-dev libsodium-dev libsoundtouch-dev
  # reply scripts: CSV import (libcsv), pinyin initials for search (ICU's Han-Latin)
  libcsv-dev libicu-dev
  # speech to text: PocketSphinx and its English model (the offline engine), libsoxr to bring
  # voice clips to the engines' 16 kHz, flite to speak test sentences it can recognise
  libpocketsphinx-dev pocketsphinx-en-us pocketsphinx libsoxr-dev flite
  # real components used by tests, the demo and the simulator
  dbus gnome-keyring libsecret-tools pulseaudio pulseaudio-utils
  espeak-ng sox opus-tools xvfb xauth fonts-noto-cjk poppler-utils procps openssl
  # the server on PostgreSQL (--db postgresql://...): Qt's driver, and PostgreSQL itself for the
  # tests (tests/testsupport/with-postgres.sh starts a throwaway cluster) and the demo's nodes
  libqt6sql6-psql postgresql-15
  # the independent protocol client (tests/conformance), standard library only
  python3
  # screenshots (scripts/screenshots.sh), also under a dark desktop theme
  imagemagick xdotool qt6-gtk-platformtheme gnome-themes-extra
  # the help-desk kiosk, tested as it runs: cage (which needs xwayland) on a headless output,
  # grim for its screenshots, Qt's Wayland platform, fcitx5 pinyin through Qt's input method
  # module (Qt's private headers: the test types as the Wayland platform does)
  cage xwayland grim qt6-wayland fcitx5 fcitx5-chinese-addons fcitx5-frontend-qt6
  qt6-base-private-dev
  # the representatives' page, tested in Debian's chromium (playwright-core from npm drives it),
  # and through the documented nginx site on loopback
  chromium nginx
)
# Node.js runs the browser tests; a machine that has it (Debian's or NodeSource's) keeps it.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

if [ "${1:-}" = "--packaging" ]; then
  packages+=(
    debhelper dpkg-dev fakeroot lintian desktop-file-utils appstream librsvg2-bin
    # a fresh Debian 12 root for the install test (scripts/test-install.sh)
    mmdebstrap sqlite3
  )
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
