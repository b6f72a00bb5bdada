import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import {
  diffSnapshots,
  isEmptyDiff,
  renderDiff,
  snapshotSchema,
  type SchemaDiff,
  type SchemaSnapshot
} from '../../src/schema/index.js'

const FIXTURE_SQL = `
CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA extensions;
CREATE TABLE public.tables (
  id integer PRIMARY KEY,
  seats integer NOT NULL,
  label text
);
CREATE TABLE public.allocations (
  id integer PRIMARY KEY,
  table_id integer NOT NULL REFERENCES public.tables (id),
  during tstzrange NOT NULL,
  note text,
  CONSTRAINT allocations_no_overlap EXCLUDE USING gist (table_id WITH =, during WITH &&)
);
CREATE INDEX allocations_during_idx ON public.allocations USING gist (during);
CREATE FUNCTION public.capacity(t integer) RETURNS integer LANGUAGE sql STABLE AS
$$ SELECT seats FROM public.tables WHERE id = t $$;
CREATE POLICY tables_read ON public.tables FOR SELECT TO anon USING (true);
`

let db: TestDatabase
let client: pg.Client
let base: SchemaSnapshot

beforeAll(async () => {
  db = await createTestDatabase('schema_diff')
  client = await db.client()
  await client.query(FIXTURE_SQL)
  base = await snapshotSchema(client)
})

afterAll(async () => {
  await db?.drop()
})

/** The diff a change would make, measured inside a transaction that is rolled back. */
async function diffOf(sql: string): Promise<SchemaDiff> {
  await client.query('BEGIN')
  try {
    await client.query(sql)
    return diffSnapshots(base, await snapshotSchema(client))
  } finally {
    await client.query('ROLLBACK')
  }
}

const keys = (changes: { object: { key: string } }[]) => changes.map(c => c.object.key)

test('no change gives an empty diff', async () => {
  const d = diffSnapshots(base, await snapshotSchema(client))
  expect(isEmptyDiff(d)).toBe(true)
  expect(renderDiff(d)).toBe('no schema changes\n')
})

test('tables: added and removed, with their dependants', async () => {
  const added = await diffOf('CREATE TABLE public.guests (id int PRIMARY KEY, name text NOT NULL)')
  expect(keys(added.added)).toEqual([
    'column public.guests.id',
    'column public.guests.name',
    'constraint public.guests.guests_pkey',
    // the bootstrap's default privileges, as on hosted Supabase, grant the API roles every new table
    'grant table public.guests to anon',
    'grant table public.guests to authenticated',
    'grant table public.guests to service_role',
    'index public.guests.guests_pkey',
    'rls public.guests',
    'table public.guests'
  ])
  expect(added.removed).toEqual([])
  expect(added.changed).toEqual([])

  const removed = await diffOf('DROP TABLE public.allocations')
  expect(keys(removed.removed)).toContain('table public.allocations')
  expect(keys(removed.removed)).toContain('constraint public.allocations.allocations_no_overlap')
  expect(removed.added).toEqual([])
})

test('columns: added, removed, and changed in type, NOT NULL and default', async () => {
  const d = await diffOf(`
    ALTER TABLE public.tables ADD COLUMN zone text NOT NULL DEFAULT 'main';
    ALTER TABLE public.allocations DROP COLUMN note;
    ALTER TABLE public.tables ALTER COLUMN seats TYPE bigint, ALTER COLUMN label SET NOT NULL;
    ALTER TABLE public.tables ALTER COLUMN label SET DEFAULT 'T';
  `)
  expect(d.added).toMatchObject([{ kind: 'added', object: { key: 'column public.tables.zone' } }])
  expect(d.added[0].after).toBe("zone text DEFAULT 'main'::text NOT NULL")
  expect(d.removed).toMatchObject([
    { kind: 'removed', object: { key: 'column public.allocations.note' }, before: 'note text' }
  ])
  expect(d.changed).toEqual([
    expect.objectContaining({
      object: expect.objectContaining({ key: 'column public.tables.label' }),
      before: 'label text',
      after: "label text DEFAULT 'T'::text NOT NULL"
    }),
    expect.objectContaining({
      object: expect.objectContaining({ key: 'column public.tables.seats' }),
      before: 'seats integer NOT NULL',
      after: 'seats bigint NOT NULL'
    })
  ])
})

test('column order: a rebuilt table with reordered columns shows as a changed table', async () => {
  const d = await diffOf(`
    DROP TABLE public.allocations;
    DROP TABLE public.tables CASCADE;
    CREATE TABLE public.tables (id integer PRIMARY KEY, label text, seats integer NOT NULL);
    CREATE POLICY tables_read ON public.tables FOR SELECT TO anon USING (true);
  `)
  const table = d.changed.find(c => c.object.key === 'table public.tables')
  expect(table).toMatchObject({
    before: 'column order: id, seats, label',
    after: 'column order: id, label, seats'
  })
})

test('constraints: added, removed, and a deferrability change', async () => {
  const d = await diffOf(`
    ALTER TABLE public.tables ADD CONSTRAINT tables_seats_positive CHECK (seats > 0);
    ALTER TABLE public.allocations DROP CONSTRAINT allocations_table_id_fkey;
    ALTER TABLE public.allocations DROP CONSTRAINT allocations_no_overlap,
      ADD CONSTRAINT allocations_no_overlap EXCLUDE USING gist (table_id WITH =, during WITH &&)
      DEFERRABLE INITIALLY DEFERRED;
  `)
  expect(keys(d.added)).toEqual(['constraint public.tables.tables_seats_positive'])
  expect(keys(d.removed)).toEqual(['constraint public.allocations.allocations_table_id_fkey'])
  expect(d.changed).toEqual([
    expect.objectContaining({
      kind: 'changed',
      object: expect.objectContaining({
        key: 'constraint public.allocations.allocations_no_overlap'
      }),
      before: 'EXCLUDE USING gist (table_id WITH =, during WITH &&) NOT DEFERRABLE',
      after: 'EXCLUDE USING gist (table_id WITH =, during WITH &&) DEFERRABLE INITIALLY DEFERRED'
    })
  ])
})

test('indexes: a dropped index is removed, a new one added, a redefined one changed', async () => {
  const dropped = await diffOf('DROP INDEX public.allocations_during_idx')
  expect(dropped.removed).toMatchObject([
    {
      object: { key: 'index public.allocations.allocations_during_idx' },
      before: 'CREATE INDEX allocations_during_idx ON public.allocations USING gist (during)'
    }
  ])
  expect(dropped.added).toEqual([])
  expect(dropped.changed).toEqual([])

  const d = await diffOf(`
    CREATE INDEX tables_seats_idx ON public.tables (seats);
    DROP INDEX public.allocations_during_idx;
    CREATE INDEX allocations_during_idx ON public.allocations USING gist (table_id, during);
  `)
  expect(keys(d.added)).toEqual(['index public.tables.tables_seats_idx'])
  expect(keys(d.changed)).toEqual(['index public.allocations.allocations_during_idx'])
})

test('functions: CREATE OR REPLACE with a new body is a change, with a new hash', async () => {
  const d = await diffOf(`
    CREATE OR REPLACE FUNCTION public.capacity(t integer) RETURNS integer LANGUAGE sql STABLE AS
    $$ SELECT seats * 2 FROM public.tables WHERE id = t $$;
    CREATE FUNCTION public.capacity(t integer, extra integer) RETURNS integer LANGUAGE sql AS
    $$ SELECT public.capacity(t) + extra $$;
  `)
  expect(keys(d.added).filter(k => !k.startsWith('grant '))).toEqual([
    'function public.capacity(integer, integer)'
  ])
  // default privileges: EXECUTE to PUBLIC and the Supabase roles
  expect(keys(d.added)).toContain('grant function public.capacity(integer, integer) to anon')
  expect(keys(d.changed)).toEqual(['function public.capacity(integer)'])
  const change = d.changed[0]
  expect(change.before).toContain('SELECT seats FROM')
  expect(change.after).toContain('SELECT seats * 2 FROM')
  const old = base.objects.find(o => o.key === 'function public.capacity(integer)')
  expect(change.object.hash).toMatch(/^[0-9a-f]{64}$/)
  expect(change.object.hash).not.toBe(old?.hash)

  const text = renderDiff(d)
  expect(text).toContain('~ function public.capacity(integer)')
  expect(text).toContain(
    '    - AS $function$ SELECT seats FROM public.tables WHERE id = t $function$'
  )
  expect(text).toContain(
    '    + AS $function$ SELECT seats * 2 FROM public.tables WHERE id = t $function$'
  )
})

test('policies compare by table and name: roles, using and check', async () => {
  const d = await diffOf(`
    DROP POLICY tables_read ON public.tables;
    CREATE POLICY tables_read ON public.tables FOR SELECT TO anon, authenticated USING (seats > 0);
    CREATE POLICY tables_write ON public.tables FOR INSERT TO authenticated WITH CHECK (seats < 20);
  `)
  expect(d.changed).toMatchObject([
    {
      object: { key: 'policy public.tables.tables_read', table: 'tables', name: 'tables_read' },
      before:
        'CREATE POLICY tables_read ON public.tables AS PERMISSIVE FOR SELECT TO anon USING (true)',
      after:
        'CREATE POLICY tables_read ON public.tables AS PERMISSIVE FOR SELECT TO anon, authenticated USING ((seats > 0))'
    }
  ])
  expect(d.added).toMatchObject([
    {
      object: { key: 'policy public.tables.tables_write' },
      after:
        'CREATE POLICY tables_write ON public.tables AS PERMISSIVE FOR INSERT TO authenticated WITH CHECK ((seats < 20))'
    }
  ])
  const removed = await diffOf('DROP POLICY tables_read ON public.tables')
  expect(keys(removed.removed)).toEqual(['policy public.tables.tables_read'])
})

test('enabling RLS is a change of the rls object', async () => {
  const d = await diffOf('ALTER TABLE public.allocations ENABLE ROW LEVEL SECURITY')
  expect(d.added).toEqual([])
  expect(d.changed).toMatchObject([
    {
      object: { kind: 'rls', key: 'rls public.allocations' },
      before:
        'ALTER TABLE public.allocations DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY',
      after: 'ALTER TABLE public.allocations ENABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY'
    }
  ])
})

test('db-diff text lists added, removed and changed objects with definitions', async () => {
  const d = await diffOf(`
    CREATE INDEX tables_seats_idx ON public.tables (seats);
    DROP INDEX public.allocations_during_idx;
    ALTER TABLE public.tables ENABLE ROW LEVEL SECURITY;
  `)
  expect(renderDiff(d)).toBe(
    [
      'schema diff: 1 added, 1 removed, 1 changed',
      '',
      'added:',
      '+ index public.tables.tables_seats_idx',
      '    CREATE INDEX tables_seats_idx ON public.tables USING btree (seats)',
      '',
      'removed:',
      '- index public.allocations.allocations_during_idx',
      '    CREATE INDEX allocations_during_idx ON public.allocations USING gist (during)',
      '',
      'changed:',
      '~ rls public.tables',
      '    - ALTER TABLE public.tables DISABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY',
      '    + ALTER TABLE public.tables ENABLE ROW LEVEL SECURITY, NO FORCE ROW LEVEL SECURITY',
      ''
    ].join('\n')
  )
})

test('a diff against something that is not a snapshot names the argument', () => {
  expect(() => diffSnapshots(null as unknown as SchemaSnapshot, base)).toThrow(
    /"before" must be a schema snapshot with an objects array, got null/
  )
})
