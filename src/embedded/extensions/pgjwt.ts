/**
 * Stand-in for pgjwt 0.2.0 (the version hosted Supabase runs; `supabase db pull` writes `CREATE EXTENSION IF NOT
 * EXISTS "pgjwt" WITH SCHEMA "extensions"`), written from its documented interface: url_encode, url_decode,
 * algorithm_sign, sign and verify with the real signatures. Unlike the other stand-ins it computes: HS256/384/512
 * are HMACs over the server's own sha256/sha384/sha512 (no pgcrypto needed), so a token signed here verifies
 * here and with any JWT library. verify does not check exp or nbf.
 */
export const PGJWT_SQL = String.raw`
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
`
