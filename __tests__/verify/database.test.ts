/**
 * A migration's verify script on a real server: BEGIN, the script and ROLLBACK in one round trip, the failing
 * statement named by file:line, nothing it did kept, and the session usable afterwards.
 */
import type pg from 'pg'
import { createTestDatabase, recordQueries, type TestDatabase } from '../helpers/db.js'
import { runVerifyScript } from '../../src/verify/database.js'
import { loadParser } from '../../src/sql/parser.js'
import type { SqlFile } from '../../src/plan/files.js'

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('verify_script')
  client = await db.client()
  await client.query('CREATE TABLE public.items (id int PRIMARY KEY)')
})
afterAll(() => db.drop())

const script = (sql: string): SqlFile => ({
  file: 'migrations/verify/20250101000000_items.sql',
  path: '/dev/null',
  sql,
  checksum: 'x'
})

const SIGNAL_TABLE = `SELECT to_regclass('public.verify_left_this') IS NOT NULL AS left`

test('a passing script: one round trip, rolled back, the session idle and unchanged', async () => {
  const sent = recordQueries(client)
  const result = await runVerifyScript(
    client,
    script(
      'CREATE TABLE public.verify_left_this (x int);\nSELECT 1 FROM public.items LIMIT 1;\nSET search_path = nowhere;\n'
    ),
    5_000
  )
  expect(result).toBeNull()
  expect(sent).toHaveLength(1)
  expect(sent[0].split('\n;\n')).toEqual([
    expect.stringMatching(/^-- migration-runbook: verify .*\nBEGIN$/),
    'SET LOCAL statement_timeout = 5000',
    'CREATE TABLE public.verify_left_this (x int)',
    'SELECT 1 FROM public.items LIMIT 1',
    'SET search_path = nowhere',
    'ROLLBACK'
  ])
  expect((await client.query(SIGNAL_TABLE)).rows[0].left).toBe(false)
  expect((await client.query('SHOW search_path')).rows[0].search_path).not.toBe('nowhere')
  expect((client as unknown as { getTransactionStatus(): string }).getTransactionStatus()).toBe('I')
})

test('a failing script names file:line and Postgres code, keeps nothing, leaves the session usable', async () => {
  const result = await runVerifyScript(
    client,
    script(
      "CREATE TABLE public.verify_left_this (x int);\n\nDO $$ BEGIN\n  RAISE EXCEPTION 'items_price_positive is missing';\nEND $$;\nSELECT 1;\n"
    ),
    5_000
  )
  expect(result).toBe(
    'migrations/verify/20250101000000_items.sql:3: items_price_positive is missing (SQLSTATE P0001)'
  )
  expect((await client.query(SIGNAL_TABLE)).rows[0].left).toBe(false)
  expect((client as unknown as { getTransactionStatus(): string }).getTransactionStatus()).toBe('I')
})

test("the script runs under verify's statement_timeout", async () => {
  const result = await runVerifyScript(client, script('SELECT pg_sleep(2);\n'), 100)
  expect(result).toMatch(
    /20250101000000_items\.sql:1: canceling statement due to statement timeout \(SQLSTATE 57014\)/
  )
  expect((await client.query('SELECT 1 AS ok')).rows[0].ok).toBe(1)
})
