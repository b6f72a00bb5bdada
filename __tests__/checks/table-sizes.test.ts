import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { tableSizesCheck } from '../../src/checks/table-sizes.js'
import { describeTableSize, formatBytes, type TableSize } from '../../src/db/table-sizes.js'
import type { StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
const contexts: StageContext[] = []

function ctxFor(touchedTables: string[]): StageContext {
  const ctx = makeContext({ client, url: db.url, plan: { touchedTables } })
  contexts.push(ctx)
  return ctx
}

beforeAll(async () => {
  db = await createTestDatabase('preflight_sizes')
  client = await db.client()
  await client.query(`
    CREATE TABLE public.analyzed (id int PRIMARY KEY, note text);
    INSERT INTO public.analyzed SELECT g, repeat('x', 50) FROM generate_series(1, 5000) g;
    ANALYZE public.analyzed;
    CREATE TABLE public.never_analyzed (id int);
    INSERT INTO public.never_analyzed SELECT generate_series(1, 123);
    CREATE SCHEMA "Booking";
    CREATE TABLE "Booking"."Slots" (id int);
    CREATE TABLE public.parted (id int, day date) PARTITION BY RANGE (day);
    CREATE TABLE public.parted_2025 PARTITION OF public.parted FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
    INSERT INTO public.parted SELECT g, '2025-06-01' FROM generate_series(1, 40) g;
  `)
})

afterAll(async () => {
  await Promise.all(contexts.map(closeContext))
  await db.drop()
})

test('lists size and rows of each touched table, new tables as new, and always passes', async () => {
  const ctx = ctxFor([
    'public.analyzed',
    'public.never_analyzed',
    'public.created_later',
    'Booking.Slots',
    'public.parted'
  ])
  const outcome = await tableSizesCheck.run(ctx)
  expect(outcome.status).toBe('pass')
  const tables = outcome.details?.tables as TableSize[]
  const byName = Object.fromEntries(tables.map(t => [t.table, t]))

  const { rows } = await client.query(
    "SELECT pg_total_relation_size('public.analyzed')::bigint AS n"
  )
  expect(byName['public.analyzed']).toMatchObject({
    exists: true,
    kind: 'table',
    rows: 5000,
    rowsSource: 'estimate'
  })
  expect(byName['public.analyzed'].totalBytes).toBe(Number(rows[0].n))
  expect(byName['public.analyzed'].totalPretty).toMatch(/kB$/)

  // Never analyzed and small: counted exactly.
  expect(byName['public.never_analyzed']).toMatchObject({ rows: 123, rowsSource: 'count' })
  expect(byName['public.created_later']).toEqual({ table: 'public.created_later', exists: false })
  expect(byName['Booking.Slots']).toMatchObject({ exists: true, rows: 0, rowsSource: 'count' })
  // Partitioned: sizes and rows of the partitions.
  expect(byName['public.parted']).toMatchObject({
    exists: true,
    kind: 'partitioned table',
    rows: 40,
    rowsSource: 'count'
  })
  expect(byName['public.parted'].totalBytes).toBeGreaterThan(0)

  expect(outcome.summary).toMatch(/^4 existing tables \(\d+ kB in all\), 1 new$/)
  expect(describeTableSize(byName['public.created_later'])).toBe(
    'public.created_later: new (created by the pending migrations)'
  )
  expect(ctx.log.text()).toContain('table-sizes: public.never_analyzed: ')
})

test('foreign tables, views and materialized views are listed but their rows not counted', async () => {
  await client.query(`
    CREATE EXTENSION IF NOT EXISTS postgres_fdw WITH SCHEMA extensions;
    CREATE SERVER stripe_server FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'stripe.invalid', dbname 'stripe');
    CREATE FOREIGN TABLE public.stripe_customers (id text, email text) SERVER stripe_server OPTIONS (table_name 'customers');
    CREATE VIEW public.analyzed_notes AS SELECT note FROM public.analyzed;
    CREATE MATERIALIZED VIEW public.never_analyzed_ids AS SELECT id FROM public.never_analyzed;
  `)
  // Without a user mapping, reading the foreign table fails: table-sizes must not read it.
  await expect(client.query('SELECT count(*) FROM public.stripe_customers')).rejects.toThrow(
    /user mapping not found/
  )
  const outcome = await tableSizesCheck.run(
    ctxFor(['public.stripe_customers', 'public.analyzed_notes', 'public.never_analyzed_ids'])
  )
  expect(outcome.status).toBe('pass')
  const tables = outcome.details?.tables as TableSize[]
  expect(tables.map(t => [t.table, t.kind, t.rows, t.rowsSource])).toEqual([
    ['public.stripe_customers', 'foreign table', null, 'not counted'],
    ['public.analyzed_notes', 'view', null, 'not counted'],
    ['public.never_analyzed_ids', 'materialized view', null, 'not counted']
  ])
  expect(describeTableSize(tables[0])).toBe(
    'public.stripe_customers: foreign table: not counted, 0 bytes'
  )
})

test('no touched tables passes with nothing listed', async () => {
  const outcome = await tableSizesCheck.run(ctxFor([]))
  expect(outcome).toMatchObject({ status: 'pass', details: { tables: [] } })
})

test('formatBytes reads like pg_size_pretty', () => {
  expect([formatBytes(8192), formatBytes(16 * 1024), formatBytes(3 * 1024 * 1024 * 1024)]).toEqual([
    '8192 bytes',
    '16 kB',
    '3072 MB'
  ])
})
