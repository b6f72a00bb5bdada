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
export const PGSODIUM_SQL = String.raw`
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
`
