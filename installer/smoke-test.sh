#!/usr/bin/env bash
# Proves the built installer works (CI runs it after ./mvnw -Pinstaller package):
#  1. the app-image's own runtime runs the command line (a new home, the demo, a backup and its check), with its
#     class-data-sharing archive;
#  2. the app-image opens its window under a virtual display and keeps it open (a window named 护佑 within 60 s);
#  3. the .deb installs with apt (its dependencies resolved), /opt/huyou/bin/huyou runs (with the archive its
#     postinst made), the menu entry is
#     named 护佑, and the package removes cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/installer/huyou
deb=$(ls target/installer/huyou_*.deb 2>/dev/null | head -1 || true)
[ -x "$image/bin/huyou" ] || { echo "no app-image at $image: run ./mvnw -Pinstaller package first"; exit 1; }

export DEBIAN_FRONTEND=noninteractive
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v xwininfo >/dev/null || need+=(x11-utils)
dpkg -s libgtk-3-0 >/dev/null 2>&1 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} for the window check"
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'kill ${xvfb:-} ${app:-} 2>/dev/null || true; rm -rf "$work"' EXIT
export HUYOU_PASSWORD=smoke-test-password-1

echo "1. command line from the app-image"
"$image/bin/huyou" init --data-dir "$work/home" --home 冒烟测试福利院 --admin admin --json
"$image/bin/huyou" demo --data-dir "$work/home" -u admin --residents 12
"$image/bin/huyou" backup --data-dir "$work/home" -u admin --out "$work/b.huyou-backup"
"$image/bin/huyou" verify-backup --data-dir "$work/home" -u admin "$work/b.huyou-backup"
# The class archive is in use: the app's classes come from it ("shared objects file"), not from the jars.
archived() {
  local said
  said=$(JAVA_TOOL_OPTIONS=-Xlog:class+load=info "$1" verify-backup --data-dir "$work/home" -u admin \
    "$work/b.huyou-backup" 2>/dev/null || true)
  [[ "$said" == *"org.huyou.db.Database source: shared objects file"* ]]
}
archived "$image/bin/huyou" || { echo "the app-image does not start with its class archive"; exit 1; }
echo "   class archive in use"

echo "2. the window, on a virtual display"
Xvfb :97 -screen 0 1366x768x24 >/dev/null 2>&1 & xvfb=$!
sleep 1
DISPLAY=:97 "$image/bin/huyou" --data-dir "$work/home" >"$work/app.log" 2>&1 & app=$!
shown=""
for _ in $(seq 1 60); do
  if DISPLAY=:97 xwininfo -root -tree 2>/dev/null | grep -q '"护佑"'; then shown=yes; break; fi
  kill -0 $app 2>/dev/null || break
  sleep 1
done
if [ -z "$shown" ]; then
  echo "the window did not appear"; cat "$work/app.log"; exit 1
fi
sleep 3
kill -0 $app 2>/dev/null || { echo "the app ended after showing its window"; cat "$work/app.log"; exit 1; }
echo "   window 护佑 shown and still open"
kill $app; wait $app 2>/dev/null || true

if [ -n "$deb" ] && [ "${SKIP_DEB_INSTALL:-}" != "1" ]; then
  echo "3. installing $deb"
  apt-get install -y -qq "./$deb" >/dev/null
  /opt/huyou/bin/huyou --help >/dev/null
  archived /opt/huyou/bin/huyou || { echo "the installed app does not start with the class archive postinst made"; exit 1; }
  entry=$(dpkg -L huyou | grep '\.desktop$' | head -1)
  grep -q '^Name=护佑$' "$entry" || { echo "the menu entry is not named 护佑: $entry"; exit 1; }
  echo "   installed; menu entry $entry named 护佑"
  apt-get remove -y -qq huyou >/dev/null
  [ ! -e /opt/huyou/bin/huyou ] || { echo "removal left /opt/huyou behind"; exit 1; }
  echo "   removed"
fi
echo "installer smoke test passed"
