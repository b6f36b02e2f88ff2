#!/usr/bin/env bash
# Runs once, on an empty data directory: Keycloak gets its own role and database beside Launchpad's.
set -euo pipefail
keycloak_password="$(cat "$KEYCLOAK_DB_PASSWORD_FILE")"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  --set=pw="$keycloak_password" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'pw';
CREATE DATABASE keycloak OWNER keycloak;
SQL
