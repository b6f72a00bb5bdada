import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { loadDeparser, loadParser } from '../../src/sql/parser.js'
import {
  deriveConflictQueries,
  findRollbackConflicts,
  runConflictChecks,
  violationLines
} from '../../src/conflicts/index.js'

let db: TestDatabase
let client: pg.Client
const opts = { timeoutMs: 30_000, sample: 5 }

beforeAll(async () => {
  await loadParser()
  await loadDeparser()
  db = await createTestDatabase('conflicts')
  client = await db.client()
  await client.query(`
    CREATE EXTENSION IF NOT EXISTS btree_gist WITH SCHEMA extensions;
    CREATE TABLE restaurants (id int PRIMARY KEY);
    INSERT INTO restaurants VALUES (1), (2);
    CREATE TABLE allocations (
      id int PRIMARY KEY, restaurant_id int, resource_id int, "window" tstzrange, shadow bool NOT NULL DEFAULT false,
      party int, note text);
    INSERT INTO allocations VALUES
      (1, 1, 10, '[2025-01-01 10:00Z,2025-01-01 11:00Z)', false, 2, 'a'),
      (2, 1, 10, '[2025-01-01 11:00Z,2025-01-01 12:00Z)', false, 2, 'b'),  -- touches 1: no conflict
      (3, 1, 10, '[2025-01-01 11:30Z,2025-01-01 11:45Z)', false, 0, null), -- inside 2: conflict
      (4, 1, 10, '[2025-01-01 09:00Z,2025-01-01 13:00Z)', true,  2, 'd'),  -- shadow: excluded by WHERE
      (5, 1, 11, '[2025-01-01 10:00Z,2025-01-01 11:00Z)', false, 2, 'a'),  -- other resource
      (6, 3, 11, 'empty', false, 2, 'f'),                                  -- empty overlaps nothing; FK broken
      (7, 2, 12, '[2025-01-01 10:00Z,2025-01-01 11:00Z]', false, 2, 'g'),
      (8, 2, 12, '[2025-01-01 11:00Z,2025-01-01 12:00Z)', false, 2, 'h');  -- inclusive end meets start: conflict
  `)
})
afterAll(() => db.drop())

const MIGRATION = 'migrations/20250101_m.sql'

test('EXCLUDE with = and && finds overlaps by sweep, honouring WHERE, empty ranges and bounds', async () => {
  const derived = deriveConflictQueries(
    MIGRATION,
    `ALTER TABLE allocations ADD CONSTRAINT allocations_no_overlap
       EXCLUDE USING gist (resource_id WITH =, "window" WITH &&) WHERE (NOT shadow);`
  )
  expect(derived.map(d => [d.kind, d.table, d.constraint, d.line])).toEqual([
    ['exclude', 'public.allocations', 'allocations_no_overlap', 1]
  ])
  const [r] = await runConflictChecks(client, derived, opts)
  expect(r.error).toBeUndefined()
  expect(r.count).toBe(2)
  expect(r.query).toContain('OVER w')
  expect(r.query).not.toMatch(/JOIN allocations/i)
  const pairs = r.sample.map(s => [
    (s.row as { id: number }).id,
    (s.conflicts_with as { id: number }).id
  ])
  expect(pairs).toEqual(
    expect.arrayContaining([
      [3, 2],
      [8, 7]
    ])
  )
})

test('UNIQUE, PRIMARY KEY, CHECK, FOREIGN KEY and NOT NULL each find their injected violations', async () => {
  const sql = [
    'ALTER TABLE allocations ADD CONSTRAINT u UNIQUE (restaurant_id, resource_id);',
    'ALTER TABLE allocations ADD CONSTRAINT un UNIQUE NULLS NOT DISTINCT (note);',
    "ALTER TABLE allocations ADD CONSTRAINT party_positive CHECK (party > 0 AND note <> 'zzz');",
    'ALTER TABLE allocations ADD CONSTRAINT fk FOREIGN KEY (restaurant_id) REFERENCES restaurants (id);',
    'ALTER TABLE allocations ALTER COLUMN note SET NOT NULL;',
    'ALTER TABLE allocations ADD COLUMN must int NOT NULL;',
    'ALTER TABLE allocations ADD COLUMN fine int NOT NULL DEFAULT 0;',
    'CREATE UNIQUE INDEX ux ON allocations (note) WHERE party > 1;'
  ].join('\n')
  const derived = deriveConflictQueries(MIGRATION, sql)
  const reports = await runConflictChecks(client, derived, opts)
  const byName = Object.fromEntries(reports.map(r => [r.constraint, r]))
  for (const r of reports) expect(r.error).toBeUndefined()
  expect(byName.u.count).toBe(2) // (1,10) four times, (2,12) twice
  expect(byName.u.sample).toContainEqual({
    key: { restaurant_id: 2, resource_id: 12 },
    rows: 2,
    ids: [{ id: 7 }, { id: 8 }]
  })
  expect(byName.un.count).toBe(1) // note 'a' twice; the single NULL is not a duplicate
  expect(byName.party_positive.count).toBe(1)
  expect(byName.party_positive.sample[0]).toEqual({
    row: { id: 3 },
    values: { party: 0, note: null }
  })
  expect(byName.fk.count).toBe(1)
  expect(byName.fk.sample[0]).toEqual({
    row: { id: 6 },
    key: { restaurant_id: 3 },
    references: 'public.restaurants (id)'
  })
  expect(byName['NOT NULL note'].count).toBe(1)
  expect(byName['NOT NULL must'].count).toBe(8)
  expect(byName['NOT NULL fine']).toBeUndefined()
  expect(byName.ux.count).toBe(1) // 'a' twice among party > 1
  // Each violation reads as one line: key columns with values, the row ids.
  const lines = reports.flatMap(violationLines)
  expect(lines).toEqual(
    expect.arrayContaining([
      'u: restaurant_id=2, resource_id=12 — 2 rows share this key: id 7, id 8',
      'party_positive: id 3 — party=0, note=NULL',
      'fk: id 6 — restaurant_id=3 has no row in public.restaurants (id)',
      'NOT NULL note: id 3 — note is NULL',
      'NOT NULL must: id 1 — has no value for the new NOT NULL column must (no DEFAULT)'
    ])
  )
})

test("an exclusion constraint the sweep does not cover names the key and each row's other values", async () => {
  const derived = deriveConflictQueries(
    MIGRATION,
    'ALTER TABLE allocations ADD CONSTRAINT one_resource EXCLUDE USING gist (restaurant_id WITH =, resource_id WITH <>);'
  )
  const [r] = await runConflictChecks(client, derived, opts)
  expect(r.error).toBeUndefined()
  expect(r.query).not.toContain('OVER w')
  expect(violationLines(r)).toEqual([
    'one_resource: restaurant_id=1 — id 5 (resource_id=11) conflicts with id 1 (resource_id=10)'
  ])
})

test('tables the migration creates, NOT VALID constraints and USING INDEX are skipped; VALIDATE is checked', () => {
  const derived = deriveConflictQueries(
    MIGRATION,
    `CREATE TABLE fresh (id int);
     ALTER TABLE fresh ADD CONSTRAINT c CHECK (id > 0);
     ALTER TABLE allocations ADD CONSTRAINT c2 CHECK (party > 0) NOT VALID;
     ALTER TABLE allocations ADD CONSTRAINT pk2 UNIQUE USING INDEX some_idx;
     ALTER TABLE allocations VALIDATE CONSTRAINT c2;`
  )
  expect(derived.map(d => [d.constraint, d.kind, d.line])).toEqual([['c2', 'check', 5]])
})

test('the rollback re-adding the stricter constraint finds rows written after the migration', async () => {
  const rollback = `ALTER TABLE allocations DROP CONSTRAINT IF EXISTS allocations_no_overlap_v2;
ALTER TABLE allocations ADD CONSTRAINT allocations_no_overlap
  EXCLUDE USING gist (resource_id WITH =, "window" WITH &&) WHERE (shadow = false);`
  const [r] = await findRollbackConflicts(client, 'migrations/rollback/x.sql', rollback, opts)
  expect([r.file, r.line, r.count]).toEqual(['migrations/rollback/x.sql', 2, 2])
})

test('a query over the timeout is reported, not thrown, and leaves the session usable', async () => {
  const derived = deriveConflictQueries(
    MIGRATION,
    'ALTER TABLE allocations ADD CONSTRAINT slow CHECK (pg_sleep(0.2) IS NULL);'
  )
  const [r] = await runConflictChecks(client, derived, { timeoutMs: 50, sample: 5 })
  expect(r.error).toMatch(/statement_timeout after 50 ms \(SQLSTATE 57014\)/)
  const { rows } = await client.query('SHOW transaction_read_only')
  expect(rows[0].transaction_read_only).toBe('off')
  await expect(runConflictChecks(client, derived, { timeoutMs: 0, sample: 5 })).rejects.toThrow(
    /"timeoutMs" is 0/
  )
})

test('the sweep finds exactly the rows a self-join finds on random data', async () => {
  await client.query(`
    CREATE TABLE r (id int PRIMARY KEY, k int, w tstzrange, dead bool);
    SELECT setseed(0.42);
    INSERT INTO r
    SELECT g, (random() * 20)::int,
      CASE WHEN random() < 0.03 THEN 'empty'::tstzrange
           WHEN random() < 0.03 THEN tstzrange(NULL, '2025-01-01'::timestamptz + (random() * 500)::int * interval '1 minute')
           WHEN random() < 0.03 THEN tstzrange('2025-01-01'::timestamptz + (random() * 5000)::int * interval '1 minute', NULL)
           ELSE (SELECT tstzrange(s, s + (1 + (random() * 30)::int) * interval '1 minute',
                    (ARRAY['[)', '[]', '(]', '()'])[1 + (random() * 3)::int])
                 FROM (SELECT '2025-01-01'::timestamptz + (random() * 5000)::int * interval '1 minute' AS s) x)
      END,
      random() < 0.2
    FROM generate_series(1, 3000) g;`)
  const derived = deriveConflictQueries(
    MIGRATION,
    'ALTER TABLE r ADD CONSTRAINT x EXCLUDE USING gist (k WITH =, w WITH &&) WHERE (NOT dead);'
  )
  const [r] = await runConflictChecks(client, derived, { timeoutMs: 30_000, sample: 10_000 })
  // Oracle: rows overlapping any row that sorts before them in the sweep's order (start, then ctid).
  const { rows } = await client.query(`
    SELECT DISTINCT b.id FROM r a JOIN r b ON a.k = b.k AND a.w && b.w AND a.id <> b.id
     WHERE NOT a.dead AND NOT b.dead
       AND (NOT lower_inf(a.w), coalesce(lower(a.w), 'epoch'), NOT lower_inc(a.w), a.ctid)
         < (NOT lower_inf(b.w), coalesce(lower(b.w), 'epoch'), NOT lower_inc(b.w), b.ctid)
     ORDER BY 1`)
  const oracle = rows.map(x => x.id)
  expect(oracle.length).toBeGreaterThan(50)
  expect(r.count).toBe(oracle.length)
  const found = r.sample.map(s => (s.row as { id: number }).id).sort((a, b) => a - b)
  expect(found).toEqual(oracle)
  // Every reported partner really overlaps the row.
  const check = await client.query(
    `SELECT count(*)::int AS bad FROM jsonb_to_recordset($1::jsonb) AS p("row" jsonb, conflicts_with jsonb)
       JOIN r a ON a.id = (p.row->>'id')::int JOIN r b ON b.id = (p.conflicts_with->>'id')::int
      WHERE NOT (a.k = b.k AND a.w && b.w AND NOT b.dead)`,
    [JSON.stringify(r.sample)]
  )
  expect(check.rows[0].bad).toBe(0)
})
