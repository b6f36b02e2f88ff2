#!/usr/bin/env bash
# Runs once, on an empty data directory. Launchpad's database belongs to `launchpad`, the user its
# migrations run as; the API connects as `launchpad_app`, which a migration grants row access only.
# Keycloak gets its own role and database.
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set=owner_pw="$(cat "$LAUNCHPAD_DB_MIGRATION_PASSWORD_FILE")" \
  --set=app_pw="$(cat "$LAUNCHPAD_DB_PASSWORD_FILE")" \
  --set=keycloak_pw="$(cat "$KEYCLOAK_DB_PASSWORD_FILE")" <<'SQL'
CREATE ROLE launchpad LOGIN PASSWORD :'owner_pw';
CREATE ROLE launchpad_app LOGIN PASSWORD :'app_pw';
CREATE DATABASE launchpad OWNER launchpad;
CREATE ROLE keycloak LOGIN PASSWORD :'keycloak_pw';
CREATE DATABASE keycloak OWNER keycloak;
SQL
