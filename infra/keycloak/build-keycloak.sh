#!/bin/sh
# Runs Keycloak's build step (Quarkus augmentation, ~18 s on 2 cores) once, at Maven build time, so
# every start is a `start --optimized` (~7-12 s) and nothing writes into this shared distribution
# while Keycloaks run from it. Skipped when the distribution was already built with these options.
#
# usage: build-keycloak.sh <unpacked distribution folder>
set -eu

home=$1
# Build-time options only; http/hostname/cache are runtime options that KeycloakServer passes.
options="--db=dev-file --health-enabled=false --metrics-enabled=false"
marker="$home/.launchpad-build-options"

if [ -f "$marker" ] && [ "$(cat "$marker")" = "$options" ]; then
  echo "Keycloak in $home is already built with: $options"
else
  chmod +x "$home/bin/kc.sh"
  "$home/bin/kc.sh" build $options
  echo "$options" > "$marker"
fi

# Tells KeycloakServer which distribution the last build prepared, so the Java side never
# repeats the Keycloak version that the parent POM pins.
basename "$home" > "$(dirname "$home")/keycloak-home"
