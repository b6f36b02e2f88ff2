#!/usr/bin/env bash
# Run by the Maven build before the tests (infra/deploy/pom.xml): installs the pinned validators
# and renders every overlay with the kustomize built into kubectl.
set -euo pipefail
cd "$(dirname "$0")/.."

missing() { echo "FAIL: $1 is not installed; $2" >&2; exit 1; }
command -v kubectl >/dev/null || missing kubectl "it renders the kustomize overlays (kubectl kustomize)"
command -v npm >/dev/null || missing npm "apt-get install -y nodejs npm"

# npm ci only when the lock file changed since the last install: it takes seconds, not nothing
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.launchpad-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.launchpad-lock
fi

mkdir -p target/rendered
for overlay in k8s/overlays/*/; do
  name=$(basename "$overlay")
  kubectl kustomize "$overlay" > "target/rendered/$name.yaml"
  echo "rendered $overlay -> target/rendered/$name.yaml ($(grep -c '^kind:' "target/rendered/$name.yaml") objects)"
done
