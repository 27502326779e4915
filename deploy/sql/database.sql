-- Once per CRM database, by an administrator, before deploy/sql/service-roles.sql (idempotent):
--   psql "$ADMIN_DATABASE_URL" -v ON_ERROR_STOP=1 -f deploy/sql/database.sql
--
-- The extensions the services' migrations ask for. pg_trgm and cube are trusted extensions a
-- migrator role could create itself, earthdistance is not; creating them all here keeps the
-- migrator roles free of any superuser right. A service needing a new extension adds it here.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;
