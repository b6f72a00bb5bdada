/**
 * timeStatement: the timed runs of a probe. Read-only probes share one read-only transaction (no round trip
 * between runs); a probe that writes is refused there at its first run and timed with a transaction per run.
 * Either way nothing it does stays.
 */
import type pg from 'pg'
import { timeStatement } from '../../src/perf/probe.js'
import { createTestDatabase, recordQueries, type TestDatabase } from '../helpers/db.js'

let db: TestDatabase
let client: pg.Client
let sent: string[] = []

beforeAll(async () => {
  db = await createTestDatabase('perf_probe')
  client = await db.client()
  await client.query(`
    CREATE TABLE public.items (id int PRIMARY KEY, restaurant_id int NOT NULL);
    INSERT INTO public.items SELECT g, g % 50 FROM generate_series(1, 1000) g;
    CREATE SEQUENCE public.ticket;`)
  sent = recordQueries(client)
}, 120_000)

afterAll(async () => {
  await db?.drop()
})

test('a read-only probe: every run in one read-only transaction, no round trip between two runs', async () => {
  sent.length = 0
  const samples = await timeStatement(
    client,
    'select count(*) from public.items where restaurant_id = $1',
    [7],
    5,
    10_000
  )
  expect(samples).toHaveLength(5)
  expect(samples.every(ms => ms > 0)).toBe(true)
  // BEGIN (read only, with the timeout), the five runs, ROLLBACK: 7 round trips, where one transaction per
  // run took 11.
  expect(sent).toHaveLength(7)
  expect(sent[0]).toMatch(/^BEGIN; SET LOCAL statement_timeout = 10000; SET TRANSACTION READ ONLY$/)
  expect(sent.at(-1)).toBe('ROLLBACK')
})

test.each([
  ['deletes rows', 'delete from public.items where restaurant_id = 3'],
  ['calls nextval', "select nextval('public.ticket')"]
])('a probe that %s is timed with a transaction per run, and changes nothing', async (_, sql) => {
  sent.length = 0
  const samples = await timeStatement(client, sql, [], 3, 10_000)
  expect(samples).toHaveLength(3)
  // Refused once in the read-only transaction, then three runs, each in its own rolled-back transaction.
  expect(sent.filter(q => q.includes('ROLLBACK'))).toHaveLength(4)
  const left = await client.query(
    `SELECT (SELECT count(*)::int FROM public.items WHERE restaurant_id = 3) AS rows,
              (SELECT last_value FROM public.ticket) AS last, (SELECT is_called FROM public.ticket) AS called`
  )
  expect(left.rows[0].rows).toBe(20)
  // nextval is not transactional: the three runs advanced the sequence, the refused one did not.
  if (sql.includes('nextval')) expect(left.rows[0]).toMatchObject({ last: '3', called: true })
})

test('a probe that fails for another reason fails as before, its transaction rolled back', async () => {
  await expect(
    timeStatement(client, 'select * from public.no_such_table', [], 3, 10_000)
  ).rejects.toMatchObject({ code: '42P01' })
  const state = await client.query('SELECT 1 AS ok')
  expect(state.rows[0].ok).toBe(1)
})
