-- The two database roles of one service, run by an administrator once per service after
-- deploy/sql/database.sql, and again at will (every statement is idempotent). Role names and
-- passwords are psql variables:
--
--   psql "$ADMIN_DATABASE_URL" -v ON_ERROR_STOP=1 \
--     -v schema=customer_master \
--     -v migrator=crm_customer_master_migrator -v migrator_password="$MIGRATOR_PASSWORD" \
--     -v app=crm_customer_master_app -v app_password="$APP_PASSWORD" \
--     -f deploy/sql/service-roles.sql
--
-- schema is the service's schema: its folder name in apps/ with '-' as '_' (identity,
-- customer_master, service, call_center). The migrator owns the schema and runs the migrations
-- (deploy/migrate.ts); the app role the service runs with may only read and write rows there
-- (SELECT, INSERT, UPDATE, DELETE, sequences), never change the schema. The outbox, processed-event
-- and dead-letter tables are in the service's schema, so they are covered too.

SET crm.schema = :'schema';
SET crm.migrator = :'migrator';
SET crm.app = :'app';
SET crm.migrator_password = :'migrator_password';
SET crm.app_password = :'app_password';

DO $roles$
DECLARE
  schema_name text := current_setting('crm.schema');
  migrator text := current_setting('crm.migrator');
  app text := current_setting('crm.app');
  history text := 'migrations_' || current_setting('crm.schema');
  migrator_oid oid;
  object record;
BEGIN
  IF schema_name !~ '^[a-z][a-z0-9_]*$' THEN
    RAISE EXCEPTION 'schema % is not a service schema name', schema_name;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = migrator) THEN
    EXECUTE format('CREATE ROLE %I', migrator);
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
    EXECUTE format('CREATE ROLE %I', app);
  END IF;
  EXECUTE format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L',
    migrator, current_setting('crm.migrator_password'));
  EXECUTE format('ALTER ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD %L',
    app, current_setting('crm.app_password'));
  SELECT oid INTO migrator_oid FROM pg_roles WHERE rolname = migrator;

  -- A non-superuser administrator (managed PostgreSQL) may set default privileges only for roles
  -- it is a member of.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT %I TO %I', migrator, current_user);
  END IF;

  -- The migrator creates the schema (the first migration says CREATE SCHEMA) and its history
  -- table public.migrations_<schema>; the extensions exist already (deploy/sql/database.sql). Nobody else creates anything in public (the default since
  -- PostgreSQL 15, made explicit for older servers).
  EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO %I', current_database(), migrator);
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app);
  IF current_setting('server_version_num')::int < 150000 THEN
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
  END IF;
  EXECUTE format('GRANT USAGE, CREATE ON SCHEMA public TO %I', migrator);

  -- Whatever the migrator creates from now on, the app may use but not alter. The migrate step
  -- takes the history table back (deploy/migrate.ts).
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE ON SCHEMAS TO %I', migrator, app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
    migrator, app);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
    migrator, app);

  -- A database whose schema an earlier release created (migrations at start, as one shared role):
  -- hand the schema, its objects and the history table to the migrator and grant the app.
  IF EXISTS (SELECT FROM pg_namespace WHERE nspname = schema_name) THEN
    EXECUTE format('ALTER SCHEMA %I OWNER TO %I', schema_name, migrator);
    FOR object IN
      SELECT c.relname, c.relkind FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = schema_name AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
         AND c.relowner <> migrator_oid
    LOOP
      EXECUTE format('ALTER %s %I.%I OWNER TO %I',
        CASE object.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
          WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
        schema_name, object.relname, migrator);
    END LOOP;
    -- Sequences owned by a column moved with their table; the stand-alone ones move here.
    FOR object IN
      SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = schema_name AND c.relkind = 'S' AND c.relowner <> migrator_oid
    LOOP
      EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO %I', schema_name, object.relname, migrator);
    END LOOP;
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema_name, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema_name, app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO %I', schema_name, app);
  END IF;
  IF to_regclass(format('public.%I', history)) IS NOT NULL THEN
    EXECUTE format('ALTER TABLE public.%I OWNER TO %I', history, migrator);
  END IF;
END
$roles$;

RESET crm.migrator_password;
RESET crm.app_password;
