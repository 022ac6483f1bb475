#!/usr/bin/env bash
# Builds the Debian packages (packaging/debian/, debhelper compat 13) from the committed tree and
# checks them with the tools an archive would: lintian --pedantic, desktop-file-validate,
# appstreamcli, systemd-analyze. Usage: scripts/build-deb.sh [output folder, default build-deb]
# Prints where the .deb files are; fails if any check reports an error or a warning.
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-build-deb}")
bash scripts/install-deps.sh --packaging

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The project's files as they are in the work tree (tracked ones and new ones git does not
# ignore), never a build folder; a tracked file deleted here is left out.
src="$work/responder-console-0.1.0"
mkdir -p "$src"
git ls-files -z --cached --others --exclude-standard |
  while IFS= read -r -d '' file; do if [ -e "$file" ]; then printf '%s\0' "$file"; fi; done |
  tar --null -T - -cf - | tar -xf - -C "$src"
# The page's npm files (git ignores node_modules): the server compiles them in when present.
for file in opus-recorder/dist/encoderWorker.min.js opus-recorder/LICENSE.md \
  opus-decoder/dist/opus-decoder.min.js opus-decoder/package.json; do
  if [ -e "server/web/node_modules/$file" ]; then
    mkdir -p "$src/server/web/node_modules/$(dirname "$file")"
    cp "server/web/node_modules/$file" "$src/server/web/node_modules/$file"
  fi
done
cp -r packaging/debian "$src/debian"
# dh_installsystemd installs, enables and restarts on upgrade what it finds as debian/<pkg>.service.
cp packaging/consult-server.service "$src/debian/consult-server.service"
cp "packaging/kiosk/responder-kiosk@.service" "$src/debian/responder-kiosk@.service"

(cd "$src" && DEB_BUILD_OPTIONS="parallel=$(nproc)" dpkg-buildpackage -b -us -uc \
  >"$work/build.log" 2>&1) || { tail -n 60 "$work/build.log"; exit 1; }

mkdir -p "$out"
rm -f "$out"/*.deb "$out"/*.ddeb "$out"/*.changes "$out"/*.buildinfo
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
ls "$work"/*.ddeb >/dev/null 2>&1 && mv "$work"/*.ddeb "$out"/

echo "== lintian --pedantic"
lintian --pedantic --fail-on error,warning --tag-display-limit 0 "$out"/*.changes
echo "== desktop-file-validate, appstreamcli"
desktop-file-validate packaging/desktop/*.desktop
appstreamcli validate --no-net --pedantic packaging/desktop/*.metainfo.xml
echo "== systemd-analyze"
# verify checks that ExecStart exists: the unit as packaged, pointing into the unpacked packages.
for deb in "$out"/*.deb; do dpkg-deb -x "$deb" "$work/root"; done
for unit in "$work"/root/lib/systemd/system/*.service; do
  name=$(basename "$unit")
  name=${name/@./@desk.} # a template is checked as one of its instances
  sed -e "s|=/usr/bin/|=$work/root/usr/bin/|g" -e "s|=/usr/libexec/|=$work/root/usr/libexec/|g" \
    "$unit" >"$work/$name"
  systemd-analyze verify --man=no "$work/$name"
done
systemd-analyze security --offline=yes --threshold=20 "$work/consult-server.service" | tail -n 1
ls -1 "$out"/*.deb
