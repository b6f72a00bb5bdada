/**
 * Stand-in for pgsql-http 1.6 (extension `http`), written from its documented interface: the domains, the
 * http_header / http_request / http_response types and the http*() functions with pgsql-http's signatures.
 * No request is ever sent: http() returns NULL (no response), so code reading `(http(...)).status` sees NULL.
 * Not relocatable, objects in the schema given by WITH SCHEMA (@extschema@), as the real extension.
 */
export const HTTP_SQL = String.raw`
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
`
