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
export const PGMQ_SQL = String.raw`
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
`
