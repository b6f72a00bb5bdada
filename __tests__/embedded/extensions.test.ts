/**
 * Stand-ins for the hosted-only extensions (src/embedded/extensions): on a real throwaway server started by
 * startEmbeddedPostgres, the migrations real Supabase projects write with vector, pg_net, http,
 * supabase_vault, wrappers, pg_jsonschema and pg_hashids apply; pg_extension says which extensions are
 * stand-ins; and the installer never touches a real extension's files.
 */
import { createHmac } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../../src/embedded/server.js'
import {
  STAND_IN_EXTENSIONS,
  STAND_IN_EXTENSION_NAMES,
  STAND_IN_MARKER,
  controlFileText,
  installStandInExtensions,
  serverExtensionDir,
  standInExtensionsIn,
  type StandInExtension
} from '../../src/embedded/extensions/index.js'
import { withoutStandInIndexOptions } from '../../src/db/stand-in-index.js'
import { loadParser } from '../../src/sql/parser.js'

/** A pgvector migration as Supabase's guides write it: table, hnsw index, match_documents in SQL and plpgsql. */
const PGVECTOR_MIGRATION = `
create extension if not exists vector with schema extensions;

create table public.documents (
  id bigint primary key generated always as identity,
  content text not null,
  embedding extensions.vector(1536)
);

create index documents_embedding_idx on public.documents using hnsw (embedding extensions.vector_cosine_ops);
create index documents_embedding_l2_idx on public.documents using ivfflat (embedding vector_l2_ops);

create or replace function public.match_documents (
  query_embedding extensions.vector(1536),
  match_threshold float,
  match_count int
)
returns table (id bigint, content text, similarity float)
language sql stable
as $$
  select documents.id, documents.content, 1 - (documents.embedding <=> query_embedding) as similarity
  from documents
  where 1 - (documents.embedding <=> query_embedding) > match_threshold
  order by (documents.embedding <=> query_embedding) asc
  limit least(match_count, 200);
$$;

create or replace function public.match_documents_pl (query_embedding vector(1536), match_count int)
returns table (id bigint, similarity float)
language plpgsql
as $$
begin
  return query
    select d.id, 1 - (d.embedding <#> query_embedding)
      from public.documents d
     order by d.embedding <=> query_embedding
     limit match_count;
end;
$$;

insert into public.documents (content, embedding) values ('hello', '[0.1,0.2,0.3]');
`

/** pg_net from a trigger and pgsql-http from a function, as Supabase's webhook and API guides write them. */
const NETWORK_MIGRATION = `
create extension if not exists pg_net with schema extensions;
create extension if not exists http with schema extensions;

create table public.jobs (id bigint generated always as identity primary key, payload jsonb not null);

create function public.notify_job() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  request_id bigint;
begin
  select net.http_post(
    url := 'https://example.supabase.co/functions/v1/jobs',
    body := jsonb_build_object('id', new.id, 'payload', new.payload),
    headers := jsonb_build_object('Content-Type', 'application/json', 'Authorization', 'Bearer key'),
    timeout_milliseconds := 1000
  ) into request_id;
  return new;
end;
$$;

create trigger jobs_notify after insert on public.jobs for each row execute function public.notify_job();

create function public.fetch_status(url text) returns integer
language plpgsql
as $$
declare
  result extensions.http_response;
begin
  select * into result from extensions.http((
    'GET', url, array[extensions.http_header('authorization', 'Bearer key')], null, null
  )::extensions.http_request);
  return result.status;
end;
$$;

create function public.fetch_status_sql(url text) returns integer
language sql
as $$ select (extensions.http_get(url)).status $$;
`

/**
 * A JSON Schema using every keyword the pg_jsonschema stand-in checks (and format, which it ignores), and a row
 * that satisfies it.
 */
const PROFILE_SCHEMA = JSON.stringify({
  type: 'object',
  required: ['name', 'age'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 20 },
    age: { type: 'integer', minimum: 0, exclusiveMaximum: 150 },
    email: { type: 'string', pattern: '^[^@]+@[^@]+$', format: 'email' },
    middle: { type: ['string', 'null'] },
    role: { enum: ['admin', 'member'] },
    kind: { const: 'person' },
    tags: { type: 'array', items: { type: 'string' }, minItems: 1, maxItems: 3 },
    contact: { anyOf: [{ type: 'null' }, { type: 'object', required: ['phone'] }] },
    score: { oneOf: [{ type: 'integer' }, { type: 'number', maximum: 1 }] },
    nickname: { not: { const: 'root' } },
    meta: { allOf: [{ type: 'object' }, { additionalProperties: { type: 'number' } }] }
  }
})
const VALID_PROFILE = {
  name: 'Ada',
  age: 36,
  email: 'ada@example.com',
  middle: null,
  role: 'admin',
  kind: 'person',
  tags: ['math'],
  contact: null,
  score: 0.5,
  nickname: 'ada',
  meta: { a: 1 }
}

/** Runs a migration in a transaction, as the engine does; the error says which migration failed. */
async function apply(client: pg.Client, label: string, sql: string): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query(sql)
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK')
    throw new Error(`${label}: ${(err as Error).message}`)
  }
}

describe('stand-in extensions on a throwaway server', () => {
  let server: EmbeddedServer
  let client: pg.Client

  beforeAll(async () => {
    server = await startEmbeddedPostgres()
    client = new pg.Client({ connectionString: await server.createDatabase('standins') })
    await client.connect()
  })

  afterAll(async () => {
    await client?.end()
    await server?.stop()
  })

  test('the server has every stand-in (this server ships none of the real ones)', async () => {
    expect(server.standIns).toEqual({
      installed: [...STAND_IN_EXTENSION_NAMES],
      real: [],
      notes: []
    })
    const available = await client.query<{
      name: string
      default_version: string
      comment: string
    }>(
      `SELECT name, default_version, comment FROM pg_available_extensions
        WHERE name = ANY($1) ORDER BY name`,
      [STAND_IN_EXTENSION_NAMES]
    )
    expect(available.rows.map(r => [r.name, r.default_version])).toEqual([
      ['http', '1.6'],
      ['hypopg', '1.4.1'],
      ['index_advisor', '0.2.0'],
      ['pg_cron', '1.6'],
      ['pg_graphql', '1.5.11'],
      ['pg_hashids', '1.3'],
      ['pg_jsonschema', '0.3.3'],
      ['pg_net', '0.14.0'],
      ['pgjwt', '0.2.0'],
      ['pgmq', '1.5.1'],
      ['pgroonga', '3.2.5'],
      ['pgsodium', '3.1.8'],
      ['supabase_vault', '0.3.1'],
      ['vector', '0.8.0'],
      ['wrappers', '0.5.3']
    ])
    for (const r of available.rows) expect(r.comment.startsWith(STAND_IN_MARKER)).toBe(true)
  })

  test('a pgvector migration applies: vector(1536), hnsw and ivfflat indexes, match_documents', async () => {
    await apply(client, 'pgvector migration', PGVECTOR_MIGRATION)
    const column = await client.query(
      `SELECT format_type(atttypid, atttypmod) AS type, atttypmod FROM pg_attribute
        WHERE attrelid = 'public.documents'::regclass AND attname = 'embedding'`
    )
    // extensions is on the search path, as on hosted: the type prints unqualified.
    expect(column.rows).toEqual([{ type: 'vector(1536)', atttypmod: 1536 }])
    const indexes = await client.query(
      `SELECT c.relname, am.amname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_am am ON am.oid = c.relam
        WHERE i.indrelid = 'public.documents'::regclass AND am.amname <> 'btree' ORDER BY 1`
    )
    expect(indexes.rows).toEqual([
      { relname: 'documents_embedding_idx', amname: 'hnsw' },
      { relname: 'documents_embedding_l2_idx', amname: 'ivfflat' }
    ])
    // Nothing is computed: every distance is 0, so every document is a perfect match.
    const matches = await client.query(
      `SELECT * FROM public.match_documents('[0.3,0.2,0.1]', 0.5, 10)`
    )
    expect(matches.rows).toEqual([{ id: '1', content: 'hello', similarity: 1 }])
    const pl = await client.query(`SELECT * FROM public.match_documents_pl('[1,2,3]', 5)`)
    expect(pl.rows).toEqual([{ id: '1', similarity: 1 }])
  })

  test('the rest of pgvector that migrations use: casts, functions, halfvec and bit indexes', async () => {
    const r = await client.query(
      `SELECT vector_dims(embedding) AS dims,
              (array[1, 2, 3]::real[])::vector::text AS from_array,
              ('[1,2,3]'::vector)::real[] AS to_array,
              subvector('[1,2,3,4]'::vector, 2, 2)::text AS sub,
              binary_quantize('[1,2,3]'::vector)::text AS bits,
              ('[1,0,2]'::vector)::sparsevec::text AS sparse,
              l2_distance(embedding, embedding) + inner_product(embedding, embedding)
                + cosine_distance(embedding, embedding) AS distances
         FROM public.documents`
    )
    expect(r.rows).toEqual([
      {
        dims: 3,
        from_array: '[1,2,3]',
        to_array: [1, 2, 3],
        sub: '[2,3]',
        bits: '000',
        sparse: '{1:1,3:2}/3',
        distances: 0
      }
    ])
    await apply(
      client,
      'halfvec and bit indexes',
      `create index on public.documents using hnsw ((embedding::halfvec(1536)) halfvec_cosine_ops);
       create index on public.documents using hnsw ((binary_quantize(embedding)::bit(1536)) bit_hamming_ops);
       create index on public.documents using hnsw (embedding vector_ip_ops) with (fillfactor = 90);`
    )
  })

  test("pgvector's index options are refused (the gap); without them the index builds", async () => {
    await loadParser()
    const statement =
      'create index on public.documents using hnsw (embedding vector_cosine_ops) with (m = 16, ef_construction = 64)'
    await expect(apply(client, 'hnsw options', statement)).rejects.toThrow(
      'unrecognized parameter "m"'
    )
    const rewrite = withoutStandInIndexOptions(statement)
    expect(rewrite?.dropped).toBe('with (m = 16, ef_construction = 64)')
    await apply(client, 'hnsw without options', rewrite!.sql)
  })

  test('pg_net from a trigger queues the request; http() returns no response', async () => {
    await apply(client, 'network migration', NETWORK_MIGRATION)
    await client.query(`INSERT INTO public.jobs (payload) VALUES ('{"a": 1}')`)
    const queued = await client.query(
      `SELECT method, url, headers->>'Authorization' AS auth, convert_from(body, 'UTF8')::jsonb AS body
         FROM net.http_request_queue`
    )
    expect(queued.rows).toEqual([
      {
        method: 'POST',
        url: 'https://example.supabase.co/functions/v1/jobs',
        auth: 'Bearer key',
        body: { id: 1, payload: { a: 1 } }
      }
    ])
    const ids = await client.query(
      `SELECT net.http_get('https://example.com', params := '{"q": "a b"}') AS get,
              net.http_delete('https://example.com/x') AS del`
    )
    expect(ids.rows).toEqual([{ get: '2', del: '3' }])
    const got = await client.query(`SELECT url FROM net.http_request_queue WHERE id = 2`)
    expect(got.rows).toEqual([{ url: 'https://example.com?q=a%20b' }])
    const responses = await client.query('SELECT count(*)::int AS n FROM net._http_response')
    expect(responses.rows).toEqual([{ n: 0 }])
    const status = await client.query(
      `SELECT public.fetch_status('https://example.com') AS pl, public.fetch_status_sql('https://example.com') AS sql`
    )
    expect(status.rows).toEqual([{ pl: null, sql: null }])
  })

  test('pg_cron as Supabase writes it: schedule (a name replaces), alter_job, unschedule; nothing runs', async () => {
    await apply(
      client,
      'cron migration',
      `create extension if not exists pg_cron with schema pg_catalog;
       grant usage on schema cron to postgres;
       create table public.events (id bigint primary key, created_at timestamptz not null default now());
       select cron.schedule('purge-events', '0 3 * * *', $$delete from public.events where created_at < now() - interval '30 days'$$);
       select cron.schedule('purge-events', '0 4 * * *', $$delete from public.events where created_at < now() - interval '7 days'$$);
       select cron.schedule('30 seconds', 'select 1');
       select cron.alter_job((select jobid from cron.job where jobname = 'purge-events'), active := false);`
    )
    const jobs = await client.query(
      `SELECT jobname, schedule, command LIKE '%7 days%' AS newest, active FROM cron.job ORDER BY jobid`
    )
    expect(jobs.rows).toEqual([
      { jobname: 'purge-events', schedule: '0 4 * * *', newest: true, active: false },
      { jobname: null, schedule: '30 seconds', newest: false, active: true }
    ])
    await expect(
      client.query(`SELECT cron.schedule('x', 'every day', 'select 1')`)
    ).rejects.toThrow('invalid schedule: every day')
    await client.query(`SELECT cron.unschedule('purge-events')`)
    await expect(client.query(`SELECT cron.unschedule('purge-events')`)).rejects.toThrow(
      "could not find valid entry for job 'purge-events'"
    )
    // Hosted projects also write `with schema extensions` (supabase-community/postgres-new): cron.* all the same.
    await client.query('DROP EXTENSION pg_cron')
    await client.query('CREATE EXTENSION pg_cron WITH SCHEMA extensions')
    const moved = await client.query(
      `SELECT n.nspname AS schema, to_regclass('cron.job') IS NOT NULL AS job
         FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_cron'`
    )
    expect(moved.rows).toEqual([{ schema: 'extensions', job: true }])
  })

  test('pgmq as Supabase Queues uses it: queues, pgmq_public wrappers, send, read under a visibility timeout, archive, delete', async () => {
    // The wrappers as a real project's `supabase db pull` wrote them (Supabase Queues' "expose via PostgREST").
    await apply(
      client,
      'queues migration',
      `create extension if not exists pgmq;
       create schema if not exists pgmq_public;
       create or replace function pgmq_public.send(queue_name text, message jsonb, sleep_seconds integer default 0)
         returns setof bigint language plpgsql security definer set search_path = '' as
         $$ begin return query select * from pgmq.send( queue_name := queue_name, msg := message, delay := sleep_seconds ); end; $$;
       create or replace function pgmq_public.read(queue_name text, sleep_seconds integer, n integer)
         returns setof pgmq.message_record language plpgsql security definer set search_path = '' as
         $$ begin return query select * from pgmq.read( queue_name := queue_name, vt := sleep_seconds, qty := n , conditional := '{}'::jsonb ); end; $$;
       create or replace function pgmq_public.archive(queue_name text, message_id bigint)
         returns boolean language plpgsql security definer set search_path = '' as
         $$ begin return pgmq.archive( queue_name := queue_name, msg_id := message_id ); end; $$;
       create or replace function pgmq_public.delete(queue_name text, message_id bigint)
         returns boolean language plpgsql security definer set search_path = '' as
         $$ begin return pgmq.delete( queue_name := queue_name, msg_id := message_id ); end; $$;
       select from pgmq.create('thought_processing');
       select from pgmq.create_unlogged('session_closing');`
    )
    const one = async (sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows
    expect(await one('SELECT queue_name, is_unlogged FROM pgmq.list_queues()')).toEqual([
      { queue_name: 'session_closing', is_unlogged: true },
      { queue_name: 'thought_processing', is_unlogged: false }
    ])
    const [a] = await one(
      `SELECT * FROM pgmq_public.send('thought_processing', '{"id": 1, "kind": "a"}')`
    )
    await one(
      `SELECT * FROM pgmq.send_batch('thought_processing', ARRAY['{"id": 2, "kind": "b"}', '{"id": 3, "kind": "a"}']::jsonb[])`
    )
    await one(`SELECT * FROM pgmq.send('thought_processing', '{"id": 4}', 3600)`)
    // Read two under a 30 s visibility timeout: the oldest first; read again, they are hidden.
    const first = await one(
      `SELECT msg_id, read_ct, message->>'id' AS id FROM pgmq_public.read('thought_processing', 30, 2)`
    )
    expect(first.map(r => [r.id, r.read_ct])).toEqual([
      ['1', 1],
      ['2', 1]
    ])
    expect(first[0].msg_id).toBe(a.send)
    // Conditional read; the delayed message stays invisible.
    expect(
      (
        await one(
          `SELECT message->>'id' AS id FROM pgmq.read('thought_processing', 30, 10, '{"kind": "a"}')`
        )
      ).map(r => r.id)
    ).toEqual(['3'])
    expect(await one(`SELECT * FROM pgmq.read('thought_processing', 30, 10)`)).toEqual([])
    expect(
      await one('SELECT pgmq_public.archive($1, $2) AS ok', ['thought_processing', first[0].msg_id])
    ).toEqual([{ ok: true }])
    expect(
      await one('SELECT pgmq_public.delete($1, $2) AS ok', ['thought_processing', first[1].msg_id])
    ).toEqual([{ ok: true }])
    expect(
      await one('SELECT pgmq.delete($1, $2::bigint) AS ok', ['thought_processing', 999])
    ).toEqual([{ ok: false }])
    expect(await one(`SELECT message->>'id' AS id FROM pgmq.a_thought_processing`)).toEqual([
      { id: '1' }
    ])
    const [m] = await one(
      `SELECT queue_length, queue_visible_length, total_messages FROM pgmq.metrics('thought_processing')`
    )
    expect(m).toEqual({ queue_length: '2', queue_visible_length: '0', total_messages: '4' })
    // pop takes the next visible message away; set_vt makes one visible now.
    await one(
      `SELECT * FROM pgmq.set_vt('thought_processing', (SELECT max(msg_id) FROM pgmq.q_thought_processing), 0)`
    )
    expect(
      (await one(`SELECT message->>'id' AS id FROM pgmq.pop('thought_processing')`)).map(r => r.id)
    ).toEqual(['4'])
    expect(await one(`SELECT pgmq.purge_queue('thought_processing') AS n`)).toEqual([{ n: '1' }])
    expect(await one(`SELECT pgmq.drop_queue('session_closing') AS ok`)).toEqual([{ ok: true }])
    expect(await one(`SELECT to_regclass('pgmq.q_session_closing') AS t`)).toEqual([{ t: null }])
    await expect(client.query(`SELECT pgmq.create('bad; name')`)).rejects.toThrow(
      'queue name contains invalid characters'
    )
  })

  test('supabase_vault: create_secret, decrypted_secrets, update_secret, in schema vault', async () => {
    await apply(
      client,
      'vault migration',
      `create extension if not exists supabase_vault;
       create function public.read_secret(secret_name text) returns text
       language sql security definer set search_path = ''
       as $$ select decrypted_secret from vault.decrypted_secrets where name = secret_name $$;`
    )
    const id = (
      await client.query(`SELECT vault.create_secret('s3cr3t', 'service_key', 'the key') AS id`)
    ).rows[0].id
    const stored = await client.query(
      `SELECT name, description, secret <> 's3cr3t' AS opaque, public.read_secret('service_key') AS plain
         FROM vault.secrets`
    )
    expect(stored.rows).toEqual([
      { name: 'service_key', description: 'the key', opaque: true, plain: 's3cr3t' }
    ])
    await client.query(`SELECT vault.update_secret($1, 'n3w')`, [id])
    const updated = await client.query(`SELECT public.read_secret('service_key') AS plain`)
    expect(updated.rows).toEqual([{ plain: 'n3w' }])
    await expect(
      client.query('CREATE EXTENSION supabase_vault WITH SCHEMA extensions')
    ).rejects.toThrow(/already exists|must be installed in schema "vault"/)
  })

  test('pgsodium as `supabase db pull` writes it: keys, deterministic AEAD columns, valid_key, its roles', async () => {
    await apply(
      client,
      'pgsodium migration',
      `CREATE EXTENSION IF NOT EXISTS "pgsodium" WITH SCHEMA "pgsodium";
       create table public.provider_keys (
         id bigint generated always as identity primary key,
         provider_key text not null,
         key_id uuid not null default (pgsodium.create_key()).id references pgsodium.key(id),
         nonce bytea not null default pgsodium.crypto_aead_det_noncegen()
       );
       create view public.decrypted_provider_keys as
         select id, convert_from(pgsodium.crypto_aead_det_decrypt(
                  decode(provider_key, 'base64'), convert_to(id::text, 'utf8'), key_id, nonce), 'utf8') as plain
           from public.provider_keys;
       do $$
       declare k uuid;
       begin
         select id into k from pgsodium.valid_key where name = 'api_keys' limit 1;
         if k is null then
           k := (pgsodium.create_key(name := 'api_keys', key_context := 'api')).id;
         end if;
       end $$;
       grant select on public.decrypted_provider_keys to pgsodium_keyiduser;`
    )
    await client.query(
      `insert into public.provider_keys (provider_key)
       values (encode(pgsodium.crypto_aead_det_encrypt(convert_to('sk-1', 'utf8'), convert_to('1', 'utf8'),
                      (select id from pgsodium.valid_key where name = 'api_keys')), 'base64'))`
    )
    const rows = await client.query(
      `select d.plain, length(k.nonce) as nonce_bytes, (select count(*)::int from pgsodium.valid_key) as keys
         from public.decrypted_provider_keys d join public.provider_keys k using (id)`
    )
    expect(rows.rows).toEqual([{ plain: 'sk-1', nonce_bytes: 16, keys: 2 }])
    // Its schema is fixed, as the real one's is; the roles are the server's (a second database finds them).
    await expect(client.query('CREATE EXTENSION pgsodium WITH SCHEMA extensions')).rejects.toThrow(
      /already exists/
    )
    const other = new pg.Client({
      connectionString: await server.createDatabase('standins_sodium')
    })
    await other.connect()
    try {
      await other.query('CREATE EXTENSION pgsodium')
      const schema = await other.query(
        `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE extname = 'pgsodium'`
      )
      expect(schema.rows).toEqual([{ nspname: 'pgsodium' }])
    } finally {
      await other.end()
    }
    // Transparent column encryption needs the real module: the gap, said by Postgres itself.
    await expect(
      client.query(
        `SECURITY LABEL FOR pgsodium ON COLUMN public.provider_keys.provider_key IS 'ENCRYPT WITH KEY COLUMN key_id'`
      )
    ).rejects.toThrow(/security label provider "pgsodium" is not loaded/)
  })

  test("pg_graphql is there from the start, as on hosted: a dump's CREATE EXTENSION is a no-op, directives read, nothing resolves", async () => {
    await apply(
      client,
      'graphql migration',
      `CREATE EXTENSION IF NOT EXISTS "pg_graphql" WITH SCHEMA "graphql";
       create table public.gql_items (id int primary key);
       comment on table public.gql_items is e'@graphql({"totalCount": {"enabled": true}})';`
    )
    const r = await client.query(
      `SELECT graphql.comment_directive(obj_description('public.gql_items'::regclass, 'pg_class')) AS directive,
              graphql.resolve('{ gqlItemsCollection { totalCount } }') -> 'errors' -> 0 ->> 'message' AS error`
    )
    expect(r.rows[0].directive).toEqual({ totalCount: { enabled: true } })
    expect(r.rows[0].error).toContain('stand-in')
  })

  test("the dashboard's Index Advisor as `supabase db pull` writes it: hypopg and index_advisor create, advise nothing", async () => {
    await apply(
      client,
      'index advisor migration',
      `CREATE EXTENSION IF NOT EXISTS "hypopg" WITH SCHEMA "extensions";
       CREATE EXTENSION IF NOT EXISTS "index_advisor" WITH SCHEMA "extensions";`
    )
    const r = await client.query(
      `SELECT (SELECT count(*)::int FROM extensions.hypopg_create_index('CREATE INDEX ON public.gql_items (id)')) AS made,
              (SELECT count(*)::int FROM extensions.hypopg_list_indexes) AS listed,
              a.index_statements, a.errors
         FROM extensions.index_advisor('select 1') a`
    )
    expect(r.rows).toEqual([
      { made: 0, listed: 0, index_statements: [], errors: [expect.stringContaining('stand-in')] }
    ])
  })

  test('pgjwt signs HS256/384/512 tokens any JWT library verifies, and verifies theirs', async () => {
    await apply(
      client,
      'pgjwt migration',
      `CREATE EXTENSION IF NOT EXISTS "pgjwt" WITH SCHEMA "extensions"`
    )
    // jwt.io's example token, signed with "your-256-bit-secret".
    const known =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'
    const verified = await client.query(
      `SELECT payload->>'name' AS name, valid FROM extensions.verify($1, 'your-256-bit-secret')`,
      [known]
    )
    expect(verified.rows).toEqual([{ name: 'John Doe', valid: true }])
    const wrong = await client.query(`SELECT valid FROM extensions.verify($1, 'another-secret')`, [
      known
    ])
    expect(wrong.rows).toEqual([{ valid: false }])
    for (const [alg, digest] of [
      ['HS256', 'sha256'],
      ['HS384', 'sha384'],
      ['HS512', 'sha512']
    ]) {
      // A secret longer than the block is hashed first (RFC 2104): covered by the 200-byte one.
      for (const secret of ['s3cr3t', 'k'.repeat(200)]) {
        const token = (
          await client.query(
            `SELECT extensions.sign('{"role":"authenticated","sub":"42"}'::json, $1, $2) AS t`,
            [secret, alg]
          )
        ).rows[0].t as string
        const [header, payload, signature] = token.split('.')
        const expected = createHmac(digest, secret)
          .update(`${header}.${payload}`)
          .digest('base64url')
        expect(signature).toBe(expected)
        expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg, typ: 'JWT' })
        expect(JSON.parse(Buffer.from(payload, 'base64url').toString())).toEqual({
          role: 'authenticated',
          sub: '42'
        })
      }
    }
  })

  test('pg_jsonschema as a migration writes it: CHECK (jsonb_matches_schema(...)) keeps valid rows and rejects others (23514)', async () => {
    // The repro's migration: `create extension ... with schema extensions`, then a CHECK calling it qualified.
    await apply(
      client,
      'jsonschema migration',
      `create extension if not exists pg_jsonschema with schema extensions;
       create table public.docs (id bigint primary key,
         body jsonb not null check (extensions.jsonb_matches_schema('{"type":"object"}', body)));
       create table public.profiles_js (id bigint primary key,
         data jsonb not null check (jsonb_matches_schema('${PROFILE_SCHEMA}', data)),
         raw json check (json_matches_schema('{"type": "array", "items": {"type": "integer"}}', raw)));`
    )
    // The real signatures (pg_jsonschema 0.3.3's src/lib.rs), IMMUTABLE STRICT as pgrx declares them.
    const functions = await client.query(
      `SELECT p.proname, pg_get_function_arguments(p.oid) AS args, pg_get_function_result(p.oid) AS result,
              p.provolatile, p.proisstrict
         FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
         JOIN pg_extension e ON e.oid = d.refobjid
        WHERE e.extname = 'pg_jsonschema' AND p.proname !~ '^_' ORDER BY 1`
    )
    expect(functions.rows).toEqual(
      [
        ['json_matches_schema', 'schema json, instance json', 'boolean'],
        ['jsonb_matches_schema', 'schema json, instance jsonb', 'boolean'],
        ['jsonschema_is_valid', 'schema json', 'boolean'],
        ['jsonschema_validation_errors', 'schema json, instance json', 'text[]']
      ].map(([proname, args, result]) => ({
        proname,
        args,
        result,
        provolatile: 'i',
        proisstrict: true
      }))
    )
    await client.query(`INSERT INTO public.docs VALUES (1, '{"a": 1}')`)
    await expect(client.query(`INSERT INTO public.docs VALUES (2, '[1]')`)).rejects.toMatchObject({
      code: '23514'
    })
    await client.query(`INSERT INTO public.profiles_js VALUES (1, $1, '[1, 2]')`, [VALID_PROFILE])
    const invalid: Record<string, unknown> = {
      type: { ...VALID_PROFILE, name: 7 },
      'type list': { ...VALID_PROFILE, middle: 1 },
      integer: { ...VALID_PROFILE, age: 36.5 },
      required: { name: 'Ada' },
      additionalProperties: { ...VALID_PROFILE, extra: true },
      minLength: { ...VALID_PROFILE, name: '' },
      maxLength: { ...VALID_PROFILE, name: 'x'.repeat(21) },
      minimum: { ...VALID_PROFILE, age: -1 },
      exclusiveMaximum: { ...VALID_PROFILE, age: 150 },
      pattern: { ...VALID_PROFILE, email: 'nope' },
      enum: { ...VALID_PROFILE, role: 'owner' },
      const: { ...VALID_PROFILE, kind: 'robot' },
      items: { ...VALID_PROFILE, tags: [1] },
      minItems: { ...VALID_PROFILE, tags: [] },
      maxItems: { ...VALID_PROFILE, tags: ['a', 'b', 'c', 'd'] },
      anyOf: { ...VALID_PROFILE, contact: { email: 'x' } },
      oneOf: { ...VALID_PROFILE, score: 1 },
      not: { ...VALID_PROFILE, nickname: 'root' },
      allOf: { ...VALID_PROFILE, meta: { a: 'x' } }
    }
    const codes: Record<string, string> = {}
    for (const [keyword, data] of Object.entries(invalid)) {
      codes[keyword] = await client
        .query(`INSERT INTO public.profiles_js VALUES (2, $1)`, [data])
        .then(
          () => 'accepted',
          (e: { code?: string }) => String(e.code)
        )
    }
    expect(codes).toEqual(Object.fromEntries(Object.keys(invalid).map(k => [k, '23514'])))
    await expect(
      client.query(`INSERT INTO public.profiles_js VALUES (3, $1, '[1, "a"]')`, [VALID_PROFILE])
    ).rejects.toMatchObject({ code: '23514' })
    expect((await client.query('SELECT count(*)::int AS n FROM public.profiles_js')).rows).toEqual([
      { n: 1 }
    ])
  })

  test("pg_jsonschema's validation errors, schema checks and gaps read as the real one's", async () => {
    const r = await client.query(
      `SELECT extensions.jsonschema_validation_errors('{"maxLength": 4}', '"123456789"') AS too_long,
              extensions.jsonschema_validation_errors('{"maxLength": 4}', '"foo"') AS none,
              extensions.jsonschema_validation_errors($1, '{"foo": 1, "bar": [], "baz": "1"}') AS three,
              extensions.jsonschema_is_valid('{"type": "object"}') AS valid,
              extensions.jsonschema_is_valid('{"type": "obj"}') AS invalid,
              extensions.json_matches_schema('{"format": "email"}', '"not an email"') AS format_ignored`,
      [
        // pg_jsonschema's own test (src/lib.rs): properties in name order, each error worded by jsonschema-rs.
        JSON.stringify({
          type: 'object',
          properties: {
            foo: { type: 'string' },
            bar: { type: 'number' },
            baz: { type: 'boolean' },
            additionalProperties: false
          }
        })
      ]
    )
    expect(r.rows).toEqual([
      {
        too_long: ['"123456789" is longer than 4 characters'],
        none: [],
        three: [
          '[] is not of type "number"',
          '"1" is not of type "boolean"',
          '1 is not of type "string"'
        ],
        valid: true,
        invalid: false,
        format_ignored: true
      }
    ])
    // The real one cannot compile such a schema and fails the statement; so does the stand-in.
    await expect(
      client.query(`SELECT extensions.jsonb_matches_schema('{"type": "obj"}', '{}')`)
    ).rejects.toThrow(/^Invalid schema: /)
  })

  test('pg_hashids computes the ids the real extension computes, in generated columns too, and decodes them', async () => {
    // The repro's migration: a generated column needs an IMMUTABLE id_encode.
    await apply(
      client,
      'hashids migration',
      `create extension if not exists pg_hashids with schema extensions;
       create table public.short_links (id bigint primary key);
       alter table public.short_links add column slug text generated always as (extensions.id_encode(id)) stored;
       create unique index on public.short_links (extensions.id_encode(id, 'this is my salt', 8));
       insert into public.short_links values (0), (1), (1001), (928728);`
    )
    const slugs = await client.query('SELECT id, slug FROM public.short_links ORDER BY id')
    expect(slugs.rows.map(r => [r.id, r.slug])).toEqual([
      ['0', 'gY'],
      ['1', 'jR'],
      ['1001', 'jNl'],
      ['928728', 'R8ZN0']
    ])
    // Known ids: pg_hashids' regression test (sql/pg_hashids.sql), hashids.js's README and its tests
    // (default-params, custom-params: salt, minimum length 30 and a custom alphabet).
    const custom = `'this is my salt', 30, 'xzal86grmb4jhysfoqp3we7291kuct5iv0nd'`
    const vectors: [string, string][] = [
      ['id_encode(1234567, $$This is my salt$$)', 'Pdzxp'],
      ['id_encode(1234567, $$This is my salt$$, 10)', 'PlRPdzxpR7'],
      [
        `id_encode(1234567, $$This is my salt$$, 10, $$abcdefghijABCDxFGHIJ1234567890$$)`,
        '3GJ956J9B9'
      ],
      ['hash_encode(1234567, $$This is my salt$$, 10)', 'PlRPdzxpR7'],
      ['id_encode(12345, $$this is my salt$$)', 'NkK9'],
      ['id_encode(ARRAY[1, 2, 3]::bigint[], $$this is my salt$$)', 'laHquq'],
      ['id_encode(ARRAY[1, 2, 3]::bigint[])', 'o2fXhV'],
      ['id_encode(ARRAY[0, 0, 1]::bigint[])', 'jQcMcW'],
      ['id_encode(9007199254740991)', 'lEW77X7g527'],
      [
        'id_encode(ARRAY[5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5]::bigint[])',
        'BrtltWt2tyt1tvt7tJt2t1tD'
      ],
      [`id_encode(0, ${custom})`, 'nej1m3d5a6yn875e7gr9kbwpqol02q'],
      [`id_encode(ARRAY[1, 2, 3]::bigint[], ${custom})`, '18apy3wlqkjvd5h1id7mn5ore2d06b'],
      [`id_encode(ARRAY[1, 0, 0]::bigint[], ${custom})`, 'o60edky1ng3vl9hbfavwr5pa2q8mb9'],
      [
        `id_encode(ARRAY[10000000000, 0, 0, 0, 999999999999999]::bigint[], ${custom})`,
        '5430bd2jo0lxyfkfjfyojej5adqdy4'
      ],
      [
        `id_encode(ARRAY[9007199254740991, 9007199254740991, 9007199254740991]::bigint[], ${custom})`,
        'aa5kow86ano1pt3e1aqm239awkt9pk380w9l3q6'
      ]
    ]
    const encoded = await client.query(
      `SELECT ${vectors.map(([call], i) => `extensions.${call} AS v${i}`).join(', ')}`
    )
    expect(vectors.map((_, i) => encoded.rows[0][`v${i}`])).toEqual(vectors.map(([, id]) => id))
    const decoded = await client.query(
      `SELECT extensions.id_decode('jNl') AS a,
              extensions.id_decode('PlRPdzxpR7', 'This is my salt', 10) AS b,
              extensions.id_decode_once('3GJ956J9B9', 'This is my salt', 10, 'abcdefghijABCDxFGHIJ1234567890') AS c,
              extensions.id_decode('5430bd2jo0lxyfkfjfyojej5adqdy4', ${custom}) AS d,
              extensions.hash_decode('PlRPdzxpR7', 'This is my salt', 10) AS e`
    )
    expect(decoded.rows).toEqual([
      {
        a: ['1001'],
        b: ['1234567'],
        c: '1234567',
        d: ['10000000000', '0', '0', '0', '999999999999999'],
        e: 1234567
      }
    ])
    // hashids.js's min-length test, and the C library's unsigned numbers: what is encoded decodes back.
    const roundTrips = await client.query(
      `SELECT m, length(extensions.id_encode('{1,2,3}'::bigint[], '', m)) >= m AS long_enough,
              extensions.id_decode(extensions.id_encode('{1,2,3}'::bigint[], '', m), '', m) AS back
         FROM unnest(ARRAY[0, 1, 10, 999, 1000]) AS m
       UNION ALL
       SELECT 8, true, extensions.id_decode(extensions.id_encode(n, 's', 8), 's', 8)
         FROM unnest(ARRAY[-1, -9223372036854775808, 9223372036854775807]::bigint[]) AS n`
    )
    expect(roundTrips.rows.map(r => [r.m, r.long_enough, r.back])).toEqual([
      [0, true, ['1', '2', '3']],
      [1, true, ['1', '2', '3']],
      [10, true, ['1', '2', '3']],
      [999, true, ['1', '2', '3']],
      [1000, true, ['1', '2', '3']],
      [8, true, ['-1']],
      [8, true, ['-9223372036854775808']],
      [8, true, ['9223372036854775807']]
    ])
    await expect(client.query(`SELECT extensions.id_encode(1, '', 0, 'abc')`)).rejects.toThrow(
      'alphabet is too short'
    )
    await expect(client.query(`SELECT extensions.id_decode('jN!')`)).rejects.toThrow('invalid hash')
    // The real 1.3 signatures (pg_hashids--1.3.sql).
    const signatures = await client.query<{ f: string }>(
      `SELECT p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') ' ||
              pg_get_function_result(p.oid) AS f
         FROM pg_proc p JOIN pg_depend d ON d.objid = p.oid AND d.deptype = 'e'
         JOIN pg_extension e ON e.oid = d.refobjid
        WHERE e.extname = 'pg_hashids' AND p.proname !~ '^_' AND p.provolatile = 'i' AND p.proisstrict`
    )
    const tails = ['', ', text', ', text, integer', ', text, integer, text']
    expect(signatures.rows.map(r => r.f).sort()).toEqual(
      [
        'hash_decode(text, text, integer) integer',
        ...tails.slice(0, 3).map(t => `hash_encode(bigint${t}) text`),
        ...tails.map(t => `id_decode(text${t}) bigint[]`),
        ...tails.map(t => `id_decode_once(text${t}) bigint`),
        ...tails.map(t => `id_encode(bigint${t}) text`),
        ...tails.map(t => `id_encode(bigint[]${t}) text`)
      ].sort()
    )
  })

  test('pgroonga as Supabase documents it: pgroonga indexes on text, varchar, text[] and jsonb, &@ and &@~ match substrings, scores are 0', async () => {
    await apply(
      client,
      'pgroonga migration',
      `CREATE EXTENSION IF NOT EXISTS pgroonga WITH SCHEMA extensions;
       CREATE TABLE public.notes (id int PRIMARY KEY, body text, title varchar(200), tags text[], meta jsonb);
       INSERT INTO public.notes VALUES (1, 'Hello PGroonga world', 'Título', '{red,blue}', '{"k": "Hello"}'),
                                       (2, 'nothing here', 'other', '{green}', '{"k": "bye"}');
       CREATE INDEX notes_body ON public.notes USING pgroonga (body);
       CREATE INDEX notes_title ON public.notes USING pgroonga (title);
       CREATE INDEX notes_tags ON public.notes USING pgroonga (tags);
       CREATE INDEX notes_meta ON public.notes USING pgroonga (meta);
       CREATE INDEX notes_body_regexp ON public.notes USING pgroonga (body extensions.pgroonga_text_regexp_ops_v2);`
    )
    const am = await client.query(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_am a ON a.oid = c.relam
        WHERE a.amname = 'pgroonga' AND c.relname LIKE 'notes%'`
    )
    expect(am.rows[0].n).toBe(5)
    const hits = await client.query(
      `SELECT id, extensions.pgroonga_score(tableoid, ctid) AS score, extensions.pgroonga_score(n) AS by_row
         FROM public.notes n
        WHERE body OPERATOR(extensions.&@~) 'pgroonga' AND tags OPERATOR(extensions.&@) 'RED'
          AND meta OPERATOR(extensions.&@) 'hello' AND title OPERATOR(extensions.&@) 'TÍT'::varchar`
    )
    expect(hits.rows).toEqual([{ id: 1, score: 0, by_row: 0 }])
    // One column per index: the stand-in's pgroonga is a hash index.
    await expect(
      client.query('CREATE INDEX notes_two ON public.notes USING pgroonga (title, body)')
    ).rejects.toThrow('access method "pgroonga" does not support multicolumn indexes')
  })

  test('wrappers: wrapper, server and foreign table create; querying one fails at once', async () => {
    await apply(
      client,
      'wrappers migration',
      `create extension if not exists wrappers with schema extensions;
       create foreign data wrapper stripe_wrapper
         handler extensions.stripe_fdw_handler validator extensions.stripe_fdw_validator;
       create server stripe_server foreign data wrapper stripe_wrapper
         options (api_key_id 'x', api_url 'https://api.stripe.com/v1');
       create schema stripe;
       create foreign table stripe.customers (id text, email text, attrs jsonb)
         server stripe_server options (object 'customers', rowid_column 'id');
       create view public.customer_emails as select id, email from stripe.customers;`
    )
    await expect(client.query('SELECT * FROM stripe.customers')).rejects.toThrow(
      'cannot accept a value of type fdw_handler'
    )
  })

  test('pg_extension lists the stand-ins with their comment; a real extension is not one', async () => {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    const standIns = await standInExtensionsIn(client)
    expect(standIns.map(e => [e.name, e.version, e.schema])).toEqual([
      ['http', '1.6', 'extensions'],
      ['hypopg', '1.4.1', 'extensions'],
      ['index_advisor', '0.2.0', 'extensions'],
      ['pg_cron', '1.6', 'extensions'],
      ['pg_graphql', '1.5.11', 'graphql'],
      ['pg_hashids', '1.3', 'extensions'],
      ['pg_jsonschema', '0.3.3', 'extensions'],
      ['pg_net', '0.14.0', 'extensions'],
      ['pgjwt', '0.2.0', 'extensions'],
      ['pgmq', '1.5.1', 'pgmq'],
      ['pgroonga', '3.2.5', 'extensions'],
      ['pgsodium', '3.1.8', 'pgsodium'],
      ['supabase_vault', '0.3.1', 'vault'],
      ['vector', '0.8.0', 'extensions'],
      ['wrappers', '0.5.3', 'extensions']
    ])
    expect(standIns.find(e => e.name === 'vector')?.comment).toMatch(
      /^migration-runbook stand-in for pgvector 0\.8\.0 \(DDL only: .*distance functions return 0/
    )
    // CREATE EXTENSION stores the control file's comment as the extension's description.
    const described = await client.query(
      `SELECT extname, obj_description(oid, 'pg_extension') AS comment FROM pg_extension
        WHERE extname = ANY($1) ORDER BY extname`,
      [STAND_IN_EXTENSION_NAMES]
    )
    expect(described.rows.map(r => [r.extname, r.comment])).toEqual(
      standIns.map(e => [e.name, e.comment])
    )
    // A restored dump may carry the real extension's comment: the stand-in is still recognised.
    await client.query(
      `COMMENT ON EXTENSION vector IS 'vector data type and ivfflat and hnsw access methods'`
    )
    expect((await standInExtensionsIn(client)).map(e => e.name)).toContain('vector')
  })

  test("a real extension's files are left alone (a copy of this server's own pgcrypto)", async () => {
    // The server's real extension directory, read through pg_config as the installer does.
    const realDir = await serverExtensionDir(client)
    const realFiles = readdirSync(realDir).filter(f =>
      /^pgcrypto(--[\d.]+)?\.(control|sql)$/.test(f)
    )
    expect(realFiles).toContain('pgcrypto.control')
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-ext-real-'))
    try {
      for (const f of realFiles) copyFileSync(path.join(realDir, f), path.join(dir, f))
      const fake: StandInExtension = {
        name: 'pgcrypto',
        version: '1.3',
        upstream: 'pgcrypto',
        behaviour: 'nothing',
        relocatable: true,
        sql: 'SELECT 1;'
      }
      expect(installStandInExtensions(dir, [fake])).toEqual({
        installed: [],
        real: ['pgcrypto'],
        notes: []
      })
      for (const f of realFiles)
        expect(readFileSync(path.join(dir, f), 'utf8')).toBe(
          readFileSync(path.join(realDir, f), 'utf8')
        )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('vector without WITH SCHEMA lands where hosted puts it, and survives SET SCHEMA', async () => {
    const url = await server.createDatabase('standins_public')
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    try {
      await apply(
        c,
        'vector in public',
        `create extension vector;
         create table items (embedding vector(3));
         insert into items values ('[1,2,3]');
         create function nearest(q vector) returns float language sql
           as $$ select min(embedding <-> q) from items $$;`
      )
      // First existing schema of "$user", public, extensions: public, as on hosted. Vault and pg_graphql come
      // installed, as on hosted projects (the bootstrap).
      expect((await standInExtensionsIn(c)).map(e => [e.name, e.schema])).toEqual([
        ['pg_graphql', 'graphql'],
        ['supabase_vault', 'vault'],
        ['vector', 'public']
      ])
      // Supabase's linter advice ("extension in public"): move it. SQL-standard bodies keep working.
      await c.query('ALTER EXTENSION vector SET SCHEMA extensions')
      const r = await c.query(
        `SELECT nearest('[1,1,1]') AS d, (array[1,2]::int[])::extensions.vector::text AS v`
      )
      expect(r.rows).toEqual([{ d: 0, v: '[1,2]' }])
    } finally {
      await c.end()
    }
  })
})

describe('installStandInExtensions on a directory', () => {
  let dir: string

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mr-ext-'))
  })

  afterEach(() => {
    chmodSync(dir, 0o755)
    rmSync(dir, { recursive: true, force: true })
  })

  test('writes a control file and a script per stand-in, readable by the server user; idempotent', () => {
    const first = installStandInExtensions(dir)
    expect(first).toEqual({ installed: [...STAND_IN_EXTENSION_NAMES], real: [], notes: [] })
    expect(readdirSync(dir).sort()).toEqual(
      STAND_IN_EXTENSIONS.flatMap(e => [`${e.name}--${e.version}.sql`, `${e.name}.control`]).sort()
    )
    const control = readFileSync(path.join(dir, 'vector.control'), 'utf8')
    expect(control).toContain("default_version = '0.8.0'")
    expect(control).toContain('relocatable = true')
    expect(control).toContain('superuser = true')
    expect(readFileSync(path.join(dir, 'supabase_vault.control'), 'utf8')).toContain(
      'schema = vault'
    )
    expect(statSync(path.join(dir, 'vector.control')).mode & 0o777).toBe(0o644)
    const before = statSync(path.join(dir, 'vector--0.8.0.sql')).mtimeMs
    const second = installStandInExtensions(dir)
    expect(second).toEqual(first)
    expect(statSync(path.join(dir, 'vector--0.8.0.sql')).mtimeMs).toBe(before)
  })

  test('an older stand-in is replaced; a foreign script in the way is not', () => {
    const vector = STAND_IN_EXTENSIONS.find(e => e.name === 'vector')!
    writeFileSync(
      path.join(dir, 'vector.control'),
      controlFileText({ ...vector, version: '0.7.0' })
    )
    writeFileSync(path.join(dir, 'http--1.6.sql'), '-- somebody else\nSELECT 1;\n')
    const result = installStandInExtensions(dir)
    expect(result.installed).toEqual([
      'vector',
      'pg_net',
      'pg_cron',
      'supabase_vault',
      'pg_graphql',
      'pgsodium',
      'pgjwt',
      'pgmq',
      'hypopg',
      'index_advisor',
      'wrappers',
      'pg_jsonschema',
      'pgroonga',
      'pg_hashids'
    ])
    expect(result.notes).toEqual([
      `${path.join(dir, 'http--1.6.sql')} is not a stand-in's: left alone, no stand-in for http`
    ])
    expect(readFileSync(path.join(dir, 'vector.control'), 'utf8')).toBe(controlFileText(vector))
    expect(readFileSync(path.join(dir, 'http--1.6.sql'), 'utf8')).toBe(
      '-- somebody else\nSELECT 1;\n'
    )
  })

  test('an unwritable or missing directory gives notes, not an exception', () => {
    // root ignores directory modes: /sys (sysfs) refuses new files even to root.
    const unwritable = process.getuid?.() === 0 ? '/sys' : dir
    if (unwritable === dir) chmodSync(dir, 0o555)
    const result = installStandInExtensions(unwritable)
    expect(result.installed).toEqual([])
    expect(result.notes).toEqual([
      expect.stringMatching(
        /^cannot write to .* \((EACCES|EPERM|EROFS)\): no stand-in for vector, http, pg_net, pg_cron, supabase_vault, pg_graphql, pgsodium, pgjwt, pgmq, hypopg, index_advisor, wrappers, pg_jsonschema, pgroonga, pg_hashids$/
      )
    ])
    const missing = path.join(dir, 'nope')
    expect(installStandInExtensions(missing)).toEqual({
      installed: [],
      real: [],
      notes: [`no extension directory ${missing}: no stand-in extensions installed`]
    })
  })
})

describe('withoutStandInIndexOptions', () => {
  beforeAll(async () => {
    await loadParser()
  })

  test("drops pgvector's options from hnsw and ivfflat indexes, keeping what follows", () => {
    expect(
      withoutStandInIndexOptions(
        "CREATE INDEX ON items USING ivfflat (embedding vector_cosine_ops) WITH (lists = 100) WHERE kind = 'é'"
      )
    ).toEqual({
      sql: "CREATE INDEX ON items USING ivfflat (embedding vector_cosine_ops) WHERE kind = 'é'",
      dropped: 'WITH (lists = 100)'
    })
  })

  test('leaves other statements and other options alone', () => {
    for (const sql of [
      'CREATE INDEX ON items USING hnsw (embedding vector_l2_ops)',
      'CREATE INDEX ON items USING hnsw (embedding vector_l2_ops) WITH (fillfactor = 80)',
      'CREATE INDEX ON items USING hnsw (embedding vector_l2_ops) WITH (m = 16, fillfactor = 80)',
      'CREATE INDEX ON items USING btree (id) WITH (fillfactor = 80)',
      'CREATE INDEX ON items USING hnsw (embedding vector_l2_ops) WITH (m = 16; oops'
    ])
      expect(withoutStandInIndexOptions(sql)).toBeUndefined()
  })
})
