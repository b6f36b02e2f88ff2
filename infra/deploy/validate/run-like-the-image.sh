#!/usr/bin/env bash
# Manual check, no Docker needed: runs a service the way its image would — the exec jar's layers
# extracted and merged as the Dockerfile copies them, uid/gid 10001, the whole filesystem read-only
# but a fresh /tmp (bubblewrap: apt-get install bubblewrap) — against components already running
# (e.g. ./mvnw -Prun in another terminal). Any variables given are passed on.
#   infra/deploy/validate/run-like-the-image.sh marketplace-api API_PORT=18080 MANAGEMENT_PORT=19000
set -euo pipefail
module=$1; shift
cd "$(dirname "$0")/../../.."
jar=$(ls "$module"/target/"$module"-*-exec.jar)
java=${JAVA:-$(command -v java)}
# not under /tmp: the sandbox gets an empty /tmp of its own
work=$PWD/infra/deploy/target/run-like-the-image/$module
rm -rf "$work" && mkdir -p "$work"
(cd "$work" && "$java" -Djarmode=tools -jar "$OLDPWD/$jar" extract --layers --launcher --destination layers >/dev/null)
mkdir "$work/app"
for layer in $(cd "$work" && "$java" -Djarmode=tools -jar "$OLDPWD/$jar" list-layers); do
  cp -a "$work/layers/$layer/." "$work/app/"
done
chmod -R a+rX "$work"
# the image's ENV, then the caller's
env=(HOME=/tmp DJL_CACHE_DIR=/tmp/djl MANAGEMENT_PORT=9000
     "JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp" "$@")
bwrap --ro-bind / / --tmpfs /tmp --proc /proc --dev /dev --unshare-user --uid 10001 --gid 10001 \
  --chdir "$work/app" env "${env[@]}" "$java" org.springframework.boot.loader.launch.JarLauncher
