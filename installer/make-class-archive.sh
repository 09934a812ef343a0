#!/bin/sh
# Makes the class-data-sharing archive of a Huyou app folder (the one holding huyou.cfg: target/installer/huyou/lib/app
# after the build, /opt/huyou/lib/app once installed). The archive records the jars' paths, so it is made where they
# are, with the launcher's own class path from huyou.cfg. The JVM ignores a missing or stale archive.
set -e
app=$(cd "${1:?the app folder}" && pwd -P)
cp=$(sed -n 's/^app\.classpath=//p' "$app/huyou.cfg" | sed "s|\$APPDIR|$app|" | paste -sd: -)
exec "$app/../runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/huyou.classlist" \
  -XX:SharedArchiveFile="$app/huyou.jsa" -cp "$cp"
