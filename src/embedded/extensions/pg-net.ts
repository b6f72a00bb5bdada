/**
 * Stand-in for pg_net 0.14.0, written from its documented interface. pg_net puts its objects in schema `net`
 * whatever WITH SCHEMA says (the schema only records where the extension "is"), and so does this one.
 * net.http_get / http_post / http_delete have pg_net's signatures and queue the request in
 * net.http_request_queue, returning its id, as pg_net does; no background worker exists, so nothing is
 * sent and net._http_response stays empty.
 */
export const PG_NET_SQL = String.raw`
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
`
