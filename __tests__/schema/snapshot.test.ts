import type pg from 'pg'
import { createTestDatabase, recordQueries, type TestDatabase } from '../helpers/db.js'
import {
  SCHEMA_OBJECT_KINDS,
  diffSnapshots,
  findObject,
  isEmptyDiff,
  renderDiff,
  renderSnapshotSql,
  snapshotSchema
} from '../../src/schema/index.js'

/** A small application schema with one object of every kind the snapshot reads. */
const FIXTURE_SQL = `
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA extensions;
CREATE TYPE public.booking_status AS ENUM ('pending', 'confirmed', 'cancelled');
CREATE DOMAIN public.party_size AS integer CHECK (VALUE BETWEEN 1 AND 50);
CREATE SEQUENCE public.ticket_seq START 100;
CREATE TABLE public.restaurants (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE public.allocations (
  id serial PRIMARY KEY,
  restaurant_id bigint NOT NULL,
  table_no integer NOT NULL,
  during tstzrange NOT NULL,
  status public.booking_status NOT NULL DEFAULT 'pending',
  guests public.party_size,
  CONSTRAINT allocations_no_overlap EXCLUDE USING gist (table_no WITH =, during WITH &&)
    DEFERRABLE INITIALLY IMMEDIATE,
  CONSTRAINT allocations_guests_check CHECK (guests > 0)
);
ALTER TABLE public.allocations ADD CONSTRAINT allocations_restaurant_fk
  FOREIGN KEY (restaurant_id) REFERENCES public.restaurants (id) NOT VALID;
CREATE INDEX allocations_restaurant_idx ON public.allocations (restaurant_id, lower(during));
CREATE FUNCTION public.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.created_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER restaurants_touch BEFORE UPDATE ON public.restaurants
  FOR EACH ROW EXECUTE FUNCTION public.touch();
ALTER TABLE public.allocations ENABLE ROW LEVEL SECURITY;
CREATE POLICY allocations_read ON public.allocations FOR SELECT TO authenticated
  USING (restaurant_id IS NOT NULL);
CREATE VIEW public.confirmed AS SELECT id, table_no FROM public.allocations WHERE status = 'confirmed';
-- Hosted Supabase's default privileges grant anon everything on new tables: narrow it to SELECT.
REVOKE ALL ON public.allocations FROM anon;
GRANT SELECT ON public.allocations TO anon;
REVOKE ALL ON FUNCTION public.touch() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.touch() TO service_role;
-- A grant on a function of an extension's is the extension's business, like the function itself.
GRANT EXECUTE ON FUNCTION extensions.gbt_int4_consistent(internal, integer, smallint, oid, internal) TO anon;
CREATE SCHEMA supabase_migrations;
CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY);
CREATE SCHEMA migration_runbook;
CREATE TABLE migration_runbook.audit (id int);
`

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  db = await createTestDatabase('schema_snapshot')
  client = await db.client()
  await client.query(FIXTURE_SQL)
})

afterAll(async () => {
  await db?.drop()
})

test('two snapshots of the same database are identical, and so is their SQL', async () => {
  const a = await snapshotSchema(client)
  const b = await snapshotSchema(client)
  expect(b.objects).toEqual(a.objects)
  expect(renderSnapshotSql(b)).toBe(renderSnapshotSql(a))
  const keys = a.objects.map(o => o.key)
  expect(new Set(keys).size).toBe(keys.length)
  expect([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(keys)
})

test('a JSON round-tripped snapshot diffs empty against a fresh one', async () => {
  const stored = JSON.parse(JSON.stringify(await snapshotSchema(client)))
  const diff = diffSnapshots(stored, await snapshotSchema(client))
  expect(isEmptyDiff(diff)).toBe(true)
  expect(renderDiff(diff)).toBe('no schema changes\n')
})

test('every object kind appears', async () => {
  const s = await snapshotSchema(client)
  const kinds = new Set(s.objects.map(o => o.kind))
  for (const kind of SCHEMA_OBJECT_KINDS) expect([kind, kinds.has(kind)]).toEqual([kind, true])
  expect(s.serverVersion).toMatch(/^\d+/)
})

test('default schemas leave out system and bookkeeping schemas', async () => {
  const s = await snapshotSchema(client)
  expect(s.schemas).toEqual(expect.arrayContaining(['auth', 'extensions', 'public']))
  for (const hidden of ['supabase_migrations', 'migration_runbook', 'pg_catalog', 'pg_toast']) {
    expect(s.schemas).not.toContain(hidden)
    expect(s.objects.some(o => o.schema === hidden && o.kind !== 'extension')).toBe(false)
  }
  const only = await snapshotSchema(client, { schemas: ['public'] })
  expect(only.schemas).toEqual(['public'])
  expect(only.objects.some(o => o.schema === 'auth')).toBe(false)
  const without = await snapshotSchema(client, { excludeSchemas: ['auth'] })
  expect(without.schemas).not.toContain('auth')
})

test('extensions are listed but the functions they own are not', async () => {
  const s = await snapshotSchema(client)
  expect(findObject(s, 'extension', 'btree_gist')?.definition).toMatch(
    /^CREATE EXTENSION btree_gist WITH SCHEMA extensions VERSION '[\d.]+'$/
  )
  const extFunctions = s.objects.filter(o => o.kind === 'function' && o.schema === 'extensions')
  expect(extFunctions).toEqual([])
  expect(s.objects.some(o => o.name.startsWith('gbt_'))).toBe(false)
  // the project's own functions are there, with a hash of their definition
  const touch = findObject(s, 'function', 'public.touch')
  expect(touch?.definition).toContain('NEW.created_at := now();')
  expect(touch?.hash).toMatch(/^[0-9a-f]{64}$/)
  expect(findObject(s, 'function', 'auth.uid')).toBeDefined()
  // so are the grants on them; an extension's function has none in the snapshot, granted or not
  const grants = s.objects.filter(o => o.kind === 'grant').map(o => o.definition)
  expect(grants).toContain('GRANT EXECUTE ON FUNCTION public.touch() TO service_role')
  expect(grants.filter(g => g.includes('gbt_'))).toEqual([])
})

test('columns keep order, type, NOT NULL and defaults; constraints state deferrability', async () => {
  const s = await snapshotSchema(client)
  const cols = s.objects
    .filter(o => o.kind === 'column' && o.table === 'allocations')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
  expect(cols.map(c => c.name)).toEqual([
    'id',
    'restaurant_id',
    'table_no',
    'during',
    'status',
    'guests'
  ])
  expect(findObject(s, 'column', 'status', 'allocations')?.definition).toBe(
    "status public.booking_status DEFAULT 'pending'::public.booking_status NOT NULL"
  )
  expect(findObject(s, 'column', 'id', 'public.restaurants')?.definition).toBe(
    'id bigint GENERATED ALWAYS AS IDENTITY NOT NULL'
  )
  expect(findObject(s, 'constraint', 'allocations_no_overlap')).toMatchObject({
    key: 'constraint public.allocations.allocations_no_overlap',
    schema: 'public',
    table: 'allocations',
    definition:
      'EXCLUDE USING gist (table_no WITH =, during WITH &&) DEFERRABLE INITIALLY IMMEDIATE'
  })
  expect(findObject(s, 'constraint', 'allocations_restaurant_fk')?.definition).toBe(
    'FOREIGN KEY (restaurant_id) REFERENCES public.restaurants(id) NOT DEFERRABLE NOT VALID'
  )
  expect(findObject(s, 'constraint', 'allocations_guests_check')?.definition).toBe(
    'CHECK (((guests)::integer > 0))'
  )
  expect(findObject(s, 'index', 'allocations_restaurant_idx')?.definition).toBe(
    'CREATE INDEX allocations_restaurant_idx ON public.allocations USING btree (restaurant_id, lower(during))'
  )
  expect(findObject(s, 'rls', 'allocations')?.definition).toContain('ENABLE ROW LEVEL SECURITY')
  expect(findObject(s, 'policy', 'allocations_read')?.definition).toBe(
    'CREATE POLICY allocations_read ON public.allocations AS PERMISSIVE FOR SELECT TO authenticated' +
      ' USING ((restaurant_id IS NOT NULL))'
  )
  expect(findObject(s, 'grant', 'table public.allocations to anon')?.definition).toBe(
    'GRANT SELECT ON TABLE public.allocations TO anon'
  )
})

test('the SQL text shows each table with its columns in order and its dependants', async () => {
  const sql = renderSnapshotSql(await snapshotSchema(client))
  expect(sql).toContain(
    [
      'CREATE TABLE public.restaurants (',
      '  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,',
      '  name text NOT NULL,',
      '  created_at timestamp with time zone DEFAULT now() NOT NULL,',
      '  CONSTRAINT restaurants_pkey PRIMARY KEY (id) NOT DEFERRABLE',
      ');',
      'CREATE TRIGGER restaurants_touch BEFORE UPDATE ON public.restaurants FOR EACH ROW EXECUTE FUNCTION public.touch();'
    ].join('\n')
  )
  expect(sql).toContain('CREATE EXTENSION btree_gist WITH SCHEMA extensions')
  expect(sql).toContain('ALTER TABLE public.allocations ENABLE ROW LEVEL SECURITY')
  expect(sql).not.toContain('takenAt')
  expect(sql).not.toMatch(/;;/)
})

test('the session search_path does not change the text, and is restored', async () => {
  const base = await snapshotSchema(client)
  const other = await db.client()
  await other.query('SET search_path = auth, extensions, public')
  const s = await snapshotSchema(other)
  expect(s.objects).toEqual(base.objects)
  const sp = await other.query<{ search_path: string }>('SHOW search_path')
  expect(sp.rows[0].search_path).toBe('auth, extensions, public')
})

test('works inside an open transaction and sees its uncommitted changes', async () => {
  await client.query('BEGIN')
  try {
    await client.query('CREATE TABLE public.in_tx (id int PRIMARY KEY)')
    const s = await snapshotSchema(client)
    expect(findObject(s, 'table', 'in_tx')).toBeDefined()
  } finally {
    await client.query('ROLLBACK')
  }
  const after = await snapshotSchema(client)
  expect(findObject(after, 'table', 'in_tx')).toBeUndefined()
})

test("inside a transaction the caller's settings and transaction are left as they were", async () => {
  await client.query('BEGIN')
  try {
    await client.query('SET LOCAL search_path = auth')
    await client.query('CREATE TABLE public.kept (id int)')
    await snapshotSchema(client)
    const sp = await client.query<{ search_path: string }>('SHOW search_path')
    expect(sp.rows[0].search_path).toBe('auth')
    // the transaction is still open and usable, its work intact
    const t = await client.query("select to_regclass('public.kept') is not null as ok")
    expect(t.rows[0].ok).toBe(true)
  } finally {
    await client.query('ROLLBACK')
  }
})

test('an aborted transaction gives the server error, with its code', async () => {
  await client.query('BEGIN')
  try {
    await expect(client.query('select 1/0')).rejects.toThrow()
    await expect(snapshotSchema(client)).rejects.toMatchObject({ code: '25P02' })
  } finally {
    await client.query('ROLLBACK')
  }
})

/** A new session whose queries are recorded as sent (each still runs on the server). */
async function recordingClient(): Promise<{ other: pg.Client; sent: string[] }> {
  const other = await db.client()
  return { other, sent: recordQueries(other) }
}

test('a snapshot is one round trip, in a transaction or not (a hosted database is far away)', async () => {
  const { other, sent } = await recordingClient()
  const outside = await snapshotSchema(other)
  // The schema list is the server's own (the readers' `$1`): it needs no round trip before the reads.
  expect(sent).toHaveLength(1)
  expect(sent[0]).toMatch(/^BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;\n/)
  expect(sent[0]).toMatch(/ROLLBACK$/)
  sent.length = 0
  await other.query('BEGIN')
  const inside = await snapshotSchema(other)
  expect(sent.slice(1)).toHaveLength(1)
  expect(sent[1]).toMatch(
    /^SAVEPOINT migration_runbook_snapshot;\n[\s\S]*RELEASE SAVEPOINT migration_runbook_snapshot$/
  )
  await other.query('ROLLBACK')
  expect(inside.objects).toEqual(outside.objects)
})

test('the catalog queries are prepared once per session; a session that lost them falls back to plain ones', async () => {
  const { other, sent } = await recordingClient()
  const first = await snapshotSchema(other)
  expect(sent[0]).toMatch(/PREPARE migration_runbook_snapshot_\w+ AS/)
  sent.length = 0
  // The second is planned no more: EXECUTE only (besides the version and schema reads), and the same objects.
  const second = await snapshotSchema(other)
  expect(sent[0]).toMatch(/EXECUTE migration_runbook_snapshot_/)
  expect(sent[0]).not.toMatch(/PREPARE/)
  expect(sent[0].match(/\bselect\b/gi)).toHaveLength(2)
  expect(second.objects).toEqual(first.objects)
  // A pooler's DISCARD ALL (or another server session): the EXECUTE fails, the snapshot is taken plainly.
  await other.query('DEALLOCATE ALL')
  sent.length = 0
  const third = await snapshotSchema(other)
  expect(third.objects).toEqual(first.objects)
  expect(sent.at(-1)).not.toMatch(/PREPARE|EXECUTE/)
  // Inside a transaction too, which is left as it was.
  await other.query('BEGIN')
  await other.query('CREATE TABLE public.prepared_probe (id int)')
  const inside = await snapshotSchema(other)
  expect(inside.objects.some(o => o.key === 'table public.prepared_probe')).toBe(true)
  await other.query('ROLLBACK')
})

test.each(['on', 'off'])(
  'schema names with quotes and backslashes are read (standard_conforming_strings %s)',
  async setting => {
    const other = await db.client()
    await other.query(`SET standard_conforming_strings = ${setting}`)
    await other.query('BEGIN')
    try {
      await other.query(
        `CREATE SCHEMA "it's\\odd"; CREATE TABLE "it's\\odd".t (id int PRIMARY KEY);
         CREATE SCHEMA "we""ird,{a}"; CREATE TABLE "we""ird,{a}".t (id int)`
      )
      const s = await snapshotSchema(other)
      expect(s.schemas).toContain("it's\\odd")
      expect(s.objects.find(o => o.kind === 'table' && o.schema === "it's\\odd")).toBeDefined()
      expect(s.objects.some(o => o.kind === 'column' && o.schema === "it's\\odd")).toBe(true)
      // The schema list reaches the catalog queries as one text[] literal: its own specials (" , { }) too.
      const only = await snapshotSchema(other, { schemas: ["it's\\odd", 'we"ird,{a}'] })
      expect(only.schemas).toEqual(["it's\\odd", 'we"ird,{a}'])
      expect(only.objects.filter(o => o.kind === 'table').map(o => o.schema)).toEqual([
        "it's\\odd",
        'we"ird,{a}'
      ])
    } finally {
      await other.query('ROLLBACK')
    }
  }
)

test('bad options name the option and the value', async () => {
  await expect(
    snapshotSchema(client, { schemas: 'public' as unknown as string[] })
  ).rejects.toThrow(/option "schemas" must be an array of non-empty schema names, got "public"/)
})

test('names SQL must quote are quoted in the SQL text: the table it renders creates the same table again', async () => {
  // Found on a real project: CONSTRAINT public-note_pkey, which no server accepts.
  await client.query(`
    CREATE TABLE public."public-note" (
      id int CONSTRAINT "public-note_pkey" PRIMARY KEY,
      x int CONSTRAINT "check" CHECK (x > 0),
      "Mixed""Case" int CONSTRAINT "Mixed""Case_key" UNIQUE
    )`)
  try {
    const isNote = (o: { schema: string; table?: string; name: string }) =>
      o.schema === 'public' && (o.table ?? o.name) === 'public-note'
    const before = (await snapshotSchema(client)).objects.filter(isNote)
    const sql = renderSnapshotSql(await snapshotSchema(client))
    const block = sql.slice(sql.indexOf('-- Table public.public-note\n')).split('\n\n')[0]
    expect(block).toContain('CONSTRAINT "public-note_pkey" PRIMARY KEY (id)')
    expect(block).toContain('CONSTRAINT "check" CHECK ((x > 0))')
    expect(block).toContain('CONSTRAINT "Mixed""Case_key" UNIQUE ("Mixed""Case")')
    await client.query('BEGIN')
    try {
      await client.query('DROP TABLE public."public-note"')
      await client.query(block)
      const again = (await snapshotSchema(client)).objects.filter(isNote)
      expect(again).toEqual(before)
    } finally {
      await client.query('ROLLBACK')
    }
  } finally {
    await client.query('DROP TABLE public."public-note"')
  }
})
