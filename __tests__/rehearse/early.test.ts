/**
 * When the rehearsal may start before the gates (rehearse/early.ts): definition-only statements, on relations
 * that do not exist on the target yet. Read with the real parser, confirmed on a real database.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { loadParser } from '../../src/sql/parser.js'
import { createsOnlyNewObjects, definitionOnlyRelations } from '../../src/rehearse/early.js'
import type { Migration } from '../../src/plan/files.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { BASELINE, MIGRATION } from './helpers.js'

let db: TestDatabase
let client: pg.Client

const migration = (sql: string, version = '20250101000000'): Migration => ({
  version,
  name: 'm',
  file: `migrations/${version}_m.sql`,
  path: `/nowhere/${version}_m.sql`,
  sql,
  checksum: 'x',
  noTransaction: false
})

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('rehearse_early')
  client = await db.client()
  await client.query(
    `CREATE TABLE public.items (id int PRIMARY KEY, name text);
     CREATE SCHEMA app;
     CREATE TABLE app.orders (id int PRIMARY KEY);`
  )
}, 120_000)

afterAll(async () => {
  await db?.drop()
})

test('the capacity migrations, on a fresh database, only create new objects and change those', async () => {
  const files = [BASELINE, MIGRATION].map((f, i) =>
    migration(readFileSync(path.join('migrations', f), 'utf8'), `2025110${i}000000`)
  )
  const relations = definitionOnlyRelations(files)
  expect(relations).toEqual(
    expect.arrayContaining(['public.allocations', 'public.restaurants', 'public.bookings'])
  )
  expect(await createsOnlyNewObjects(client, files)).toBe(true)
  // The second alone changes tables the first creates: once those exist, it does not qualify.
  await client.query('BEGIN')
  try {
    await client.query(files[0].sql)
    expect(await createsOnlyNewObjects(client, [files[1]])).toBe(false)
  } finally {
    await client.query('ROLLBACK')
  }
})

test.each([
  ['rows written', 'CREATE TABLE public.n1 (id int); INSERT INTO public.n1 VALUES (1);'],
  ['a DO block', 'DO $$ BEGIN PERFORM 1; END $$;'],
  ['a SELECT (it may call anything)', 'SELECT public.refresh_everything();'],
  ['a grant on every table of a schema', 'GRANT SELECT ON ALL TABLES IN SCHEMA public TO anon;'],
  [
    'default privileges',
    'ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO anon;'
  ],
  ['a drop with CASCADE', 'DROP FUNCTION public.f() CASCADE;'],
  ['a search_path change', 'SET search_path = app; CREATE TABLE t (id int);'],
  ['CREATE SCHEMA with elements', 'CREATE SCHEMA s2 CREATE TABLE t2 (id int);'],
  ['a role', 'CREATE ROLE r_early;'],
  ['a file that does not parse', 'CREATE TABLE (;']
])('not definition-only: %s', async (_what, sql) => {
  expect(definitionOnlyRelations([migration(sql)])).toBeUndefined()
  expect(await createsOnlyNewObjects(client, [migration(sql)])).toBe(false)
})

test.each([
  ['a column added to an existing table', 'ALTER TABLE public.items ADD COLUMN sku text;'],
  [
    'a new table with a foreign key to an existing one (it locks that table)',
    'CREATE TABLE public.item_tags (item_id int REFERENCES public.items (id));'
  ],
  ['an index on an existing table', 'CREATE INDEX items_name_idx ON public.items (name);'],
  ['a policy on an existing table', 'CREATE POLICY p ON public.items USING (true);'],
  ['a grant on an existing table', 'GRANT SELECT ON public.items TO PUBLIC;'],
  [
    'an unqualified name the search_path finds outside public',
    'ALTER TABLE orders ADD COLUMN note text;'
  ]
])('an existing relation: %s', async (_what, sql) => {
  await client.query('SET search_path = app, public')
  try {
    expect(definitionOnlyRelations([migration(sql)])).toBeDefined()
    expect(await createsOnlyNewObjects(client, [migration(sql)])).toBe(false)
  } finally {
    await client.query('RESET search_path')
  }
})

test('new tables, their indexes, policies, grants, functions and types: may start early', async () => {
  const sql = `CREATE TYPE public.mood AS ENUM ('ok', 'meh');
CREATE TABLE public.notes (id int PRIMARY KEY, item_id int, mood public.mood);
CREATE INDEX notes_item_idx ON public.notes (item_id);
ALTER TABLE public.notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY notes_read ON public.notes FOR SELECT USING (true);
GRANT SELECT ON public.notes TO PUBLIC;
CREATE FUNCTION public.note_count() RETURNS bigint LANGUAGE sql AS 'SELECT 1::bigint';
GRANT EXECUTE ON FUNCTION public.note_count() TO PUBLIC;
COMMENT ON TABLE public.notes IS 'notes';
CREATE EXTENSION IF NOT EXISTS btree_gist;`
  expect(definitionOnlyRelations([migration(sql)])).toEqual(['public.notes'])
  expect(await createsOnlyNewObjects(client, [migration(sql)])).toBe(true)
  expect(await createsOnlyNewObjects(client, [])).toBe(false)
})
