#!/bin/sh
# Creates the CRM database's extensions (database.sql) and a migrator and an app role per service
# (service-roles.sql); idempotent. docker compose runs it in its db-roles one-shot container; run it
# yourself against any PostgreSQL with the libpq variables of an administrator:
#   PGHOST=... PGUSER=... PGPASSWORD=... PGDATABASE=crm \
#   CRM_APPS="identity customer-master service call-center" \
#   DB_MIGRATOR_PASSWORD=... DB_APP_PASSWORD=... sh deploy/sql/create-roles.sh
# Roles: crm_<schema>_migrator and crm_<schema>_app, <schema> being the app's name with '-' as '_';
# CRM_ROLE_PREFIX replaces crm_ (roles belong to the whole server, so two CRM databases on one
# server need different prefixes).
# Every service's roles get the same two passwords here; for one password per role run
# service-roles.sql once per service instead (docs/deployment.md).
set -eu
here=$(dirname "$0")
prefix=${CRM_ROLE_PREFIX:-crm}
psql -v ON_ERROR_STOP=1 -q -f "$here/database.sql"
for app in ${CRM_APPS:?list the apps, e.g. CRM_APPS=\"identity customer-master\"}; do
  schema=$(echo "$app" | tr - _)
  psql -v ON_ERROR_STOP=1 -q \
    -v schema="$schema" \
    -v migrator="${prefix}_${schema}_migrator" -v migrator_password="${DB_MIGRATOR_PASSWORD:?}" \
    -v app="${prefix}_${schema}_app" -v app_password="${DB_APP_PASSWORD:?}" \
    -f "$here/service-roles.sql"
  echo "roles ${prefix}_${schema}_migrator and ${prefix}_${schema}_app ready"
done
