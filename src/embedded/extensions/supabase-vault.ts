/**
 * Stand-in for supabase_vault 0.3.1, written from its documented interface: schema vault (the control file
 * fixes it, as the real one does), vault.secrets, the vault.decrypted_secrets view, vault.create_secret and
 * vault.update_secret with the real signatures. There is no key: the "encryption" is base64 of the
 * plaintext, so rows have the real shape (secret is an opaque base64 string, decrypted_secret the
 * plaintext) on a database that is thrown away after the run.
 */
export const SUPABASE_VAULT_SQL = String.raw`
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
`
