/**
 * The platform objects of a fresh hosted Supabase project, so that the throwaway database of `--embedded`,
 * `rehearse` and the tests accepts real user migrations: they reference auth.users, storage.buckets and
 * storage.objects, the supabase_realtime publication, uuid-ossp functions without a schema, and the roles
 * PostgREST switches to. Written from Supabase's platform scripts (supabase/postgres init scripts and
 * migrations) and from `supabase db dump` output of hosted projects (Postgres 17 images, 2025).
 *
 * Contents
 * - Roles (cluster-wide): anon, authenticated, service_role, authenticator, supabase_admin,
 *   supabase_auth_admin, supabase_storage_admin, supabase_realtime_admin, dashboard_user, pgbouncer, with
 *   the hosted attributes except LOGIN (nothing connects as them here) and the hosted memberships:
 *   authenticator is granted anon, authenticated and service_role; postgres is granted those three and
 *   authenticator WITH ADMIN OPTION.
 * - Schemas auth, storage, realtime, graphql_public (owned by supabase_admin) and extensions; the database's
 *   search_path is "$user", public, extensions as the hosted postgres role's is.
 * - Extensions uuid-ossp and pgcrypto in schema extensions, so uuid_generate_v4() and gen_random_bytes()
 *   work unqualified.
 * - auth (GoTrue's current shape): users, identities, sessions, refresh_tokens, audit_log_entries, owned by
 *   supabase_auth_admin with row level security enabled; auth.uid(), auth.role(), auth.email(), auth.jwt()
 *   with the hosted definitions (request.jwt.claims, or the older request.jwt.claim.* settings).
 * - storage: buckets, objects (path_tokens generated), storage.foldername/filename/extension, owned by
 *   supabase_storage_admin with row level security enabled and ALL granted to the API roles, as hosted.
 * - realtime.messages (partitioned, no partitions) and realtime.topic(), for Realtime Authorization policies;
 *   realtime.send() and realtime.broadcast_changes() with the Realtime server's definitions (Broadcast from the
 *   database): a message goes into realtime.messages when a partition takes it, and is dropped otherwise.
 * - supabase_functions.http_request(), the trigger function of Database Webhooks: it checks its arguments and
 *   records the call in supabase_functions.hooks; nothing is sent.
 * - The publication supabase_realtime, publishing no table.
 * - Hosted grants: usage on the schemas to the API roles, and default privileges so that what postgres
 *   creates in public is granted to anon, authenticated and service_role.
 *
 * Deliberately left out
 * - Hosted extensions the embedded server does not ship and that have no stand-in (src/embedded/extensions;
 *   supabase_vault's and pg_graphql's are installed, as on hosted projects; pgsodium's schema exists, see
 *   below): postgis. A migration that needs it fails the extensions check, which is the honest answer.
 * - pg_stat_statements: shipped, and installed on hosted projects, but not installed here: it only works
 *   when preloaded at server start, which the CLI's embedded server does not do.
 * - GoTrue's other tables (mfa_challenges, mfa_amr_claims, flow_state, one_time_tokens, sso_*, saml_*),
 *   storage.migrations/prefixes/s3_*, realtime.subscription and the platform's event triggers: user
 *   migrations seldom reference them. (auth.schema_migrations, instances and mfa_factors are here: a
 *   \`supabase db pull\` file revokes on them, functions read mfa_factors.)
 * - The hosted postgres role is not a superuser; here it is. What hosted refuses for lack of ownership
 *   (e.g. ALTER TABLE storage.objects) succeeds here.
 *
 * Idempotent: bootstrapDatabase may run twice on one database. Several databases of one cluster may be
 * bootstrapped at once: only the roles are shared, and their block tolerates a concurrent creator.
 */
export const SUPABASE_BOOTSTRAP_SQL = `
DO $roles$
DECLARE
  m record;
BEGIN
  -- The API roles PostgREST switches to. INHERIT as hosted since 2023; timeouts apply to logins only.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'anon') THEN
    CREATE ROLE anon NOLOGIN;
    ALTER ROLE anon SET statement_timeout = '3s';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN
    CREATE ROLE authenticated NOLOGIN;
    ALTER ROLE authenticated SET statement_timeout = '8s';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN
    CREATE ROLE service_role NOLOGIN BYPASSRLS;
  END IF;
  -- Hosted, these log in with platform passwords; here nothing connects as them.
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticator') THEN
    CREATE ROLE authenticator NOLOGIN NOINHERIT;
    ALTER ROLE authenticator SET statement_timeout = '8s';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_admin') THEN
    CREATE ROLE supabase_admin NOLOGIN SUPERUSER CREATEDB CREATEROLE REPLICATION BYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_auth_admin') THEN
    CREATE ROLE supabase_auth_admin NOLOGIN NOINHERIT CREATEROLE;
    ALTER ROLE supabase_auth_admin SET search_path = auth;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_storage_admin') THEN
    CREATE ROLE supabase_storage_admin NOLOGIN NOINHERIT CREATEROLE;
    ALTER ROLE supabase_storage_admin SET search_path = storage;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'supabase_realtime_admin') THEN
    CREATE ROLE supabase_realtime_admin NOLOGIN NOINHERIT;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dashboard_user') THEN
    CREATE ROLE dashboard_user NOLOGIN CREATEDB CREATEROLE REPLICATION;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pgbouncer') THEN
    CREATE ROLE pgbouncer NOLOGIN;
  END IF;

  -- Memberships as a hosted project's role dump shows them.
  FOR m IN
    SELECT * FROM (VALUES
      ('anon', 'authenticator', false),
      ('authenticated', 'authenticator', false),
      ('service_role', 'authenticator', false),
      ('authenticator', 'supabase_storage_admin', false),
      ('anon', 'supabase_realtime_admin', false),
      ('authenticated', 'supabase_realtime_admin', false),
      ('service_role', 'supabase_realtime_admin', false),
      ('anon', 'postgres', true),
      ('authenticated', 'postgres', true),
      ('service_role', 'postgres', true),
      ('authenticator', 'postgres', true),
      ('supabase_realtime_admin', 'postgres', false)
    ) AS g(granted, member, admin)
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_auth_members
                    WHERE roleid = m.granted::regrole AND member = m.member::regrole) THEN
      EXECUTE format('GRANT %I TO %I', m.granted, m.member)
        || CASE WHEN m.admin THEN ' WITH ADMIN OPTION' ELSE '' END;
    END IF;
  END LOOP;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  -- Another database of the cluster is creating them right now. Its whole bootstrap is one transaction,
  -- which we waited for and which created all of them: nothing is left to do.
  NULL;
END
$roles$;

CREATE SCHEMA IF NOT EXISTS extensions;
CREATE SCHEMA IF NOT EXISTS auth AUTHORIZATION supabase_admin;
CREATE SCHEMA IF NOT EXISTS storage AUTHORIZATION supabase_admin;
CREATE SCHEMA IF NOT EXISTS realtime AUTHORIZATION supabase_admin;
CREATE SCHEMA IF NOT EXISTS graphql_public AUTHORIZATION supabase_admin;

-- Hosted sets it on the postgres role; on the database it applies to every role of this database only
-- (a role setting is cluster-wide and would reach the other test databases).
DO $search_path$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET search_path = "$user", public, extensions', current_database());
END
$search_path$;

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;

-- Hosted projects come with Vault (supabase_vault, schema vault): migrations use vault.secrets and
-- vault.create_secret without creating it (supabase-community/postgres-new does). Here it is the stand-in
-- (src/embedded/extensions), when the server has it.
DO $vault$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'supabase_vault') THEN
    CREATE EXTENSION IF NOT EXISTS supabase_vault;
  END IF;
END
$vault$;

-- Hosted projects come with pg_graphql in schema graphql, and \`supabase db pull\` writes CREATE EXTENSION IF NOT
-- EXISTS "pg_graphql" WITH SCHEMA "graphql" into every dump. Here it is the stand-in, when the server has it.
DO $graphql$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_available_extensions WHERE name = 'pg_graphql') THEN
    CREATE EXTENSION IF NOT EXISTS pg_graphql;
  END IF;
END
$graphql$;

-- Projects made before pgsodium's deprecation have it, in schema pgsodium, and \`supabase db pull\` writes
-- CREATE EXTENSION IF NOT EXISTS "pgsodium" WITH SCHEMA "pgsodium" into their dumps: WITH SCHEMA needs the schema.
-- The extension itself (the stand-in) is not installed: newer projects do not have it.
CREATE SCHEMA IF NOT EXISTS pgsodium;

GRANT USAGE ON SCHEMA public, extensions, auth, storage, realtime, graphql_public
  TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA extensions, auth, storage TO dashboard_user;
GRANT ALL ON SCHEMA auth TO supabase_auth_admin;
GRANT ALL ON SCHEMA storage TO supabase_storage_admin;
GRANT ALL ON SCHEMA realtime TO supabase_realtime_admin;
GRANT USAGE ON SCHEMA public TO supabase_auth_admin;

-- What postgres (the user migrations) creates in public is usable by the API roles; RLS decides.
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON TABLES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON SEQUENCES TO anon, authenticated, service_role;
ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public
  GRANT ALL ON FUNCTIONS TO anon, authenticated, service_role;

DO $types$
BEGIN
  IF to_regtype('auth.aal_level') IS NULL THEN
    CREATE TYPE auth.aal_level AS ENUM ('aal1', 'aal2', 'aal3');
    ALTER TYPE auth.aal_level OWNER TO supabase_auth_admin;
  END IF;
  IF to_regtype('storage.buckettype') IS NULL THEN
    CREATE TYPE storage.buckettype AS ENUM ('STANDARD', 'ANALYTICS', 'VECTOR');
    ALTER TYPE storage.buckettype OWNER TO supabase_storage_admin;
  END IF;
END
$types$;

-- auth: GoTrue's tables as a current hosted project has them, with the constraints and unique indexes
-- that decide what an insert may do; GoTrue's lookup indexes are left out (each costs every database).
CREATE TABLE IF NOT EXISTS auth.users (
  instance_id uuid,
  id uuid NOT NULL,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text DEFAULT NULL,
  phone_confirmed_at timestamptz,
  phone_change text DEFAULT '',
  phone_change_token varchar(255) DEFAULT '',
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz GENERATED ALWAYS AS (LEAST(email_confirmed_at, phone_confirmed_at)) STORED,
  email_change_token_current varchar(255) DEFAULT '',
  email_change_confirm_status smallint DEFAULT 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) DEFAULT '',
  reauthentication_sent_at timestamptz,
  is_sso_user boolean NOT NULL DEFAULT false,
  deleted_at timestamptz,
  is_anonymous boolean NOT NULL DEFAULT false,
  CONSTRAINT users_pkey PRIMARY KEY (id),
  CONSTRAINT users_phone_key UNIQUE (phone),
  CONSTRAINT users_email_change_confirm_status_check
    CHECK (email_change_confirm_status >= 0 AND email_change_confirm_status <= 2)
);
CREATE UNIQUE INDEX IF NOT EXISTS users_email_partial_key ON auth.users (email) WHERE is_sso_user = false;

CREATE TABLE IF NOT EXISTS auth.identities (
  provider_id text NOT NULL,
  user_id uuid NOT NULL,
  identity_data jsonb NOT NULL,
  provider text NOT NULL,
  last_sign_in_at timestamptz,
  created_at timestamptz,
  updated_at timestamptz,
  email text GENERATED ALWAYS AS (lower(identity_data ->> 'email')) STORED,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  CONSTRAINT identities_pkey PRIMARY KEY (id),
  CONSTRAINT identities_provider_id_provider_unique UNIQUE (provider_id, provider),
  CONSTRAINT identities_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS auth.sessions (
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  created_at timestamptz,
  updated_at timestamptz,
  factor_id uuid,
  aal auth.aal_level,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet,
  tag text,
  CONSTRAINT sessions_pkey PRIMARY KEY (id),
  CONSTRAINT sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS auth.refresh_tokens (
  instance_id uuid,
  id bigserial NOT NULL,
  token varchar(255),
  user_id varchar(255),
  revoked boolean,
  created_at timestamptz,
  updated_at timestamptz,
  parent varchar(255),
  session_id uuid,
  CONSTRAINT refresh_tokens_pkey PRIMARY KEY (id),
  CONSTRAINT refresh_tokens_token_unique UNIQUE (token),
  CONSTRAINT refresh_tokens_session_id_fkey FOREIGN KEY (session_id)
    REFERENCES auth.sessions (id) ON DELETE CASCADE
);

CREATE TABLE IF NOT EXISTS auth.audit_log_entries (
  instance_id uuid,
  id uuid NOT NULL,
  payload json,
  created_at timestamptz,
  ip_address varchar(64) NOT NULL DEFAULT '',
  CONSTRAINT audit_log_entries_pkey PRIMARY KEY (id)
);

-- Tables a \`supabase db pull\` file names in its grants and revokes ("revoke select on table
-- "auth"."schema_migrations" from "postgres"", found on a real project), and that functions read: GoTrue's
-- migration history, instances and MFA factors, with their key columns.
CREATE TABLE IF NOT EXISTS auth.schema_migrations (
  version varchar(255) NOT NULL,
  CONSTRAINT schema_migrations_pkey PRIMARY KEY (version)
);

CREATE TABLE IF NOT EXISTS auth.instances (
  id uuid NOT NULL,
  uuid uuid,
  raw_base_config text,
  created_at timestamptz,
  updated_at timestamptz,
  CONSTRAINT instances_pkey PRIMARY KEY (id)
);

DO $factor_types$
BEGIN
  IF to_regtype('auth.factor_type') IS NULL THEN
    CREATE TYPE auth.factor_type AS ENUM ('totp', 'webauthn', 'phone');
  END IF;
  IF to_regtype('auth.factor_status') IS NULL THEN
    CREATE TYPE auth.factor_status AS ENUM ('unverified', 'verified');
  END IF;
END
$factor_types$;

CREATE TABLE IF NOT EXISTS auth.mfa_factors (
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  friendly_name text,
  factor_type auth.factor_type NOT NULL,
  status auth.factor_status NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  secret text,
  phone text,
  last_challenged_at timestamptz,
  CONSTRAINT mfa_factors_pkey PRIMARY KEY (id),
  CONSTRAINT mfa_factors_user_id_fkey FOREIGN KEY (user_id) REFERENCES auth.users (id) ON DELETE CASCADE
);

ALTER TABLE auth.users OWNER TO supabase_auth_admin;
ALTER TABLE auth.schema_migrations OWNER TO supabase_auth_admin;
ALTER TABLE auth.instances OWNER TO supabase_auth_admin;
ALTER TABLE auth.mfa_factors OWNER TO supabase_auth_admin;
ALTER TABLE auth.identities OWNER TO supabase_auth_admin;
ALTER TABLE auth.sessions OWNER TO supabase_auth_admin;
ALTER TABLE auth.refresh_tokens OWNER TO supabase_auth_admin;
ALTER TABLE auth.audit_log_entries OWNER TO supabase_auth_admin;
ALTER TABLE auth.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.identities ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.refresh_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.audit_log_entries ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.schema_migrations ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.instances ENABLE ROW LEVEL SECURITY;
ALTER TABLE auth.mfa_factors ENABLE ROW LEVEL SECURITY;
-- The API roles get nothing on auth tables (as hosted); postgres and the dashboard get everything, which
-- is what FOREIGN KEY ... REFERENCES auth.users and triggers ON auth.users need.
GRANT ALL ON ALL TABLES IN SCHEMA auth TO postgres, dashboard_user;
GRANT ALL ON ALL SEQUENCES IN SCHEMA auth TO postgres, dashboard_user;

-- Hosted definitions: PostgREST sets request.jwt.claims; older versions set request.jwt.claim.<name>.
CREATE OR REPLACE FUNCTION auth.jwt() RETURNS jsonb
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

CREATE OR REPLACE FUNCTION auth.uid() RETURNS uuid
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub'
  )::uuid
$$;

CREATE OR REPLACE FUNCTION auth.role() RETURNS text
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role'
  )::text
$$;

CREATE OR REPLACE FUNCTION auth.email() RETURNS text
LANGUAGE sql STABLE
AS $$
  SELECT coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email'
  )::text
$$;

ALTER FUNCTION auth.jwt() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.uid() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.role() OWNER TO supabase_auth_admin;
ALTER FUNCTION auth.email() OWNER TO supabase_auth_admin;
GRANT EXECUTE ON FUNCTION auth.jwt(), auth.uid(), auth.role(), auth.email()
  TO anon, authenticated, service_role, postgres, dashboard_user;

-- storage: the Storage API's tables as a current hosted project has them.
CREATE TABLE IF NOT EXISTS storage.buckets (
  id text NOT NULL,
  name text NOT NULL,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  public boolean DEFAULT false,
  avif_autodetection boolean DEFAULT false,
  file_size_limit bigint,
  allowed_mime_types text[],
  owner_id text,
  type storage.buckettype NOT NULL DEFAULT 'STANDARD',
  CONSTRAINT buckets_pkey PRIMARY KEY (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS bname ON storage.buckets (name);

CREATE TABLE IF NOT EXISTS storage.objects (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  bucket_id text,
  name text,
  owner uuid,
  created_at timestamptz DEFAULT now(),
  updated_at timestamptz DEFAULT now(),
  last_accessed_at timestamptz DEFAULT now(),
  metadata jsonb,
  path_tokens text[] GENERATED ALWAYS AS (string_to_array(name, '/')) STORED,
  version text,
  owner_id text,
  user_metadata jsonb,
  CONSTRAINT objects_pkey PRIMARY KEY (id),
  CONSTRAINT "objects_bucketId_fkey" FOREIGN KEY (bucket_id) REFERENCES storage.buckets (id)
);
CREATE UNIQUE INDEX IF NOT EXISTS bucketid_objname ON storage.objects (bucket_id, name);

ALTER TABLE storage.buckets OWNER TO supabase_storage_admin;
ALTER TABLE storage.objects OWNER TO supabase_storage_admin;
ALTER TABLE storage.buckets ENABLE ROW LEVEL SECURITY;
ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;
GRANT ALL ON storage.buckets, storage.objects TO anon, authenticated, service_role;
GRANT ALL ON storage.buckets, storage.objects TO postgres WITH GRANT OPTION;

-- The path helpers storage policies call, with the Storage API's semantics: 'a/b/c.png' gives
-- {a,b}, 'c.png' and 'png' (a name without a dot gives the whole name, as hosted).
CREATE OR REPLACE FUNCTION storage.foldername(name text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
  segments text[] := string_to_array(name, '/');
BEGIN
  RETURN segments[1 : array_length(segments, 1) - 1];
END
$$;

CREATE OR REPLACE FUNCTION storage.filename(name text) RETURNS text
LANGUAGE plpgsql
AS $$
DECLARE
  segments text[] := string_to_array(name, '/');
BEGIN
  RETURN segments[array_length(segments, 1)];
END
$$;

CREATE OR REPLACE FUNCTION storage.extension(name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
  segments text[] := string_to_array(name, '/');
BEGIN
  RETURN reverse(split_part(reverse(segments[array_length(segments, 1)]), '.', 1));
END
$$;

ALTER FUNCTION storage.foldername(text) OWNER TO supabase_storage_admin;
ALTER FUNCTION storage.filename(text) OWNER TO supabase_storage_admin;
ALTER FUNCTION storage.extension(text) OWNER TO supabase_storage_admin;

-- realtime: the table Realtime Authorization policies are written on. Hosted, the Realtime server adds
-- daily partitions; none are needed to create policies.
CREATE TABLE IF NOT EXISTS realtime.messages (
  topic text NOT NULL,
  extension text NOT NULL,
  payload jsonb,
  event text,
  private boolean DEFAULT false,
  updated_at timestamp NOT NULL DEFAULT now(),
  inserted_at timestamp NOT NULL DEFAULT now(),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  CONSTRAINT messages_pkey PRIMARY KEY (id, inserted_at)
) PARTITION BY RANGE (inserted_at);
ALTER TABLE realtime.messages OWNER TO supabase_realtime_admin;
ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;
GRANT SELECT, INSERT, UPDATE ON realtime.messages TO anon, authenticated, service_role;
GRANT ALL ON realtime.messages TO postgres, dashboard_user;

CREATE OR REPLACE FUNCTION realtime.topic() RETURNS text
LANGUAGE sql STABLE
AS $$
  SELECT nullif(current_setting('realtime.topic', true), '')::text
$$;
ALTER FUNCTION realtime.topic() OWNER TO supabase_realtime_admin;

-- Broadcast from the database: realtime.send and realtime.broadcast_changes (the trigger helper) with the Realtime
-- server's own definitions (supabase/realtime's tenant migrations): the message goes into realtime.messages, which
-- the Realtime server reads and sends; here nothing reads it. Hosted, the server adds a partition per day; here
-- there is none (a migration or test may add one), and the real send already turns any failure into a warning:
-- a message with no partition to go to is dropped without one, so triggers calling them never fail.
CREATE OR REPLACE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true)
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  generated_id uuid;
  final_payload jsonb;
BEGIN
  BEGIN
    generated_id := gen_random_uuid();
    IF payload ? 'id' THEN
      final_payload := payload;
    ELSE
      final_payload := jsonb_set(payload, '{id}', to_jsonb(generated_id));
    END IF;
    EXECUTE format('SET LOCAL realtime.topic TO %L', topic);
    INSERT INTO realtime.messages (id, payload, event, topic, private, extension)
    VALUES (generated_id, final_payload, event, topic, private, 'broadcast');
  EXCEPTION
    WHEN check_violation THEN
      IF SQLERRM NOT LIKE 'no partition of relation %' THEN
        RAISE WARNING 'ErrorSendingBroadcastMessage: %', SQLERRM;
      END IF;
    WHEN OTHERS THEN
      RAISE WARNING 'ErrorSendingBroadcastMessage: %', SQLERRM;
  END;
END
$$;

CREATE OR REPLACE FUNCTION realtime.broadcast_changes(topic_name text, event_name text, operation text,
  table_name text, table_schema text, new record, old record, level text DEFAULT 'ROW')
RETURNS void
LANGUAGE plpgsql
AS $$
DECLARE
  row_data jsonb := '{}'::jsonb;
BEGIN
  IF level = 'STATEMENT' THEN
    RAISE EXCEPTION 'function can only be triggered for each row, not for each statement';
  END IF;
  IF operation = 'INSERT' OR operation = 'UPDATE' OR operation = 'DELETE' THEN
    row_data := jsonb_build_object('old_record', OLD, 'record', NEW, 'operation', operation, 'table', table_name,
                                   'schema', table_schema);
    PERFORM realtime.send(row_data, event_name, topic_name);
  ELSE
    RAISE EXCEPTION 'Unexpected operation type: %', operation;
  END IF;
EXCEPTION
  WHEN OTHERS THEN
    RAISE EXCEPTION 'Failed to process the row: %', SQLERRM;
END
$$;

ALTER FUNCTION realtime.send(jsonb, text, text, boolean) OWNER TO supabase_realtime_admin;
ALTER FUNCTION realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  OWNER TO supabase_realtime_admin;
-- As a hosted dump shows them: ALL to postgres and dashboard_user; the API roles execute them through PUBLIC.
GRANT ALL ON FUNCTION realtime.send(jsonb, text, text, boolean) TO postgres, dashboard_user;
GRANT ALL ON FUNCTION realtime.broadcast_changes(text, text, text, text, text, record, record, text)
  TO postgres, dashboard_user;

-- Database Webhooks (the dashboard's Database → Webhooks) are triggers calling
-- supabase_functions.http_request(url, method, headers, params, timeout_ms), and \`supabase db pull\` writes them
-- into the dumps. Here the arguments are checked as the real function checks them and the call is recorded in
-- supabase_functions.hooks; no request is sent.
CREATE SCHEMA IF NOT EXISTS supabase_functions AUTHORIZATION supabase_admin;
CREATE TABLE IF NOT EXISTS supabase_functions.hooks (
  id bigserial PRIMARY KEY,
  hook_table_id integer NOT NULL,
  hook_name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  request_id bigint
);
ALTER TABLE supabase_functions.hooks OWNER TO supabase_admin;
CREATE OR REPLACE FUNCTION supabase_functions.http_request() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = supabase_functions
AS $$
BEGIN
  IF TG_ARGV[0] IS NULL THEN
    RAISE EXCEPTION 'url argument is missing';
  END IF;
  IF TG_ARGV[1] IS NULL THEN
    RAISE EXCEPTION 'method argument is missing';
  END IF;
  IF TG_ARGV[1] NOT IN ('GET', 'POST') THEN
    RAISE EXCEPTION 'method argument % is invalid', TG_ARGV[1];
  END IF;
  INSERT INTO supabase_functions.hooks (hook_table_id, hook_name) VALUES (TG_RELID, TG_NAME);
  RETURN NEW;
END
$$;
ALTER FUNCTION supabase_functions.http_request() OWNER TO supabase_admin;
GRANT USAGE ON SCHEMA supabase_functions TO postgres, anon, authenticated, service_role;
GRANT ALL ON FUNCTION supabase_functions.http_request() TO postgres, anon, authenticated, service_role;
GRANT ALL ON supabase_functions.hooks TO postgres;

-- Publications belong to one database. Hosted creates it empty; migrations add tables to it.
DO $publication$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = 'supabase_realtime') THEN
    CREATE PUBLICATION supabase_realtime;
  END IF;
END
$publication$;
`
