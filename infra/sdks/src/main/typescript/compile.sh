#!/usr/bin/env bash
# Compiles the generated TypeScript client and the journey script that uses it (target/typescript).
set -euo pipefail
command -v npm >/dev/null || { echo "FAIL: npm is not installed (infra/sdks compiles the TypeScript client)" >&2; exit 1; }
# npm ci only when the lock file changed since the last install
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.package-lock.json; then
  npm ci --no-audit --no-fund --loglevel=error
fi
# the journey script sits beside the generated client, so it imports it as any app would
mkdir -p target/generated-sources/typescript-journey
cp src/main/typescript/journey.ts target/generated-sources/typescript-journey/journey.ts
node_modules/.bin/tsc -p src/main/typescript/tsconfig.json
echo "TypeScript client compiled into target/typescript"
