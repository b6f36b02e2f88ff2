#!/usr/bin/env bash
# Creates each secret compose.yaml mounts, as a random value, unless it already exists.
# The files stay on this host (./secrets is ignored by git); back them up with the volumes.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p secrets
umask 077
for name in postgres_password LAUNCHPAD_DB_MIGRATION_PASSWORD LAUNCHPAD_DB_PASSWORD keycloak_db_password keycloak_admin_password \
            LAUNCHPAD_SERVICES_SECRET KEYCLOAK_ACCOUNT_ADMIN_SECRET elastic_password; do
  if [ ! -s "secrets/$name" ]; then
    # printf, not echo: a trailing newline would become part of the secret
    printf '%s' "$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)" > "secrets/$name"
    echo "created secrets/$name"
  fi
done
