/**
 * A file's statements as one batch (src/apply/batch.ts), on a real server: each statement timed where it ran,
 * the failing one named, statement_timeout still per statement, and the separator safe from line comments.
 */
import type pg from 'pg'
import { loadParser, parseSql } from '../../src/sql/parser.js'
import { batchText, BatchStatementError, runBatch } from '../../src/apply/batch.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('apply_batch')
  client = await db.client()
}, 60_000)

afterAll(async () => {
  await db?.drop()
})

afterEach(async () => {
  await client.query('ROLLBACK').catch(() => undefined)
})

const statements = (sql: string) => parseSql(sql).statements

test('each statement gets its own duration, measured on the server', async () => {
  await client.query('BEGIN')
  const ms = await runBatch(
    client,
    statements(
      'CREATE TABLE public.t (id int);\nSELECT pg_sleep(0.3);\nINSERT INTO public.t VALUES (1);\n'
    )
  )
  expect(ms).toHaveLength(3)
  // The sleep is the second statement's, not spread over the batch.
  expect(ms[1]).toBeGreaterThanOrEqual(290)
  expect(ms[0]).toBeLessThan(ms[1])
  expect(ms[2]).toBeLessThan(ms[1])
  const rows = await client.query('SELECT count(*)::int AS n FROM public.t')
  expect(rows.rows[0].n).toBe(1)
})

test('a failing statement is named by its index, with Postgres own error and the ones before it timed', async () => {
  await client.query('BEGIN')
  const batch = statements(
    'CREATE TABLE public.u (id int PRIMARY KEY);\nINSERT INTO public.u VALUES (1);\nINSERT INTO public.u VALUES (1);\nINSERT INTO public.u VALUES (2);\n'
  )
  const error = await runBatch(client, batch).then(
    () => undefined,
    (e: unknown) => e
  )
  expect(error).toBeInstanceOf(BatchStatementError)
  const e = error as BatchStatementError
  expect(e.index).toBe(2)
  expect(e.completedMs).toHaveLength(2)
  expect((e.cause as { code?: string }).code).toBe('23505')
  expect(e.message).toContain('duplicate key value violates unique constraint')
  // The server stopped there: the fourth statement did not run (the transaction is aborted, as one by one).
  await client.query('ROLLBACK')
  const left = await client.query(`SELECT to_regclass('public.u') AS t`)
  expect(left.rows[0].t).toBeNull()
})

test('statement_timeout holds for each statement of the batch, not for the batch', async () => {
  await client.query(`BEGIN; SET LOCAL statement_timeout = 400`)
  // 2 × 250 ms: over 400 ms together, each under it.
  const ms = await runBatch(client, statements('SELECT pg_sleep(0.25);\nSELECT pg_sleep(0.25);\n'))
  expect(ms).toHaveLength(2)
  await client.query('ROLLBACK')

  await client.query(`BEGIN; SET LOCAL statement_timeout = 200`)
  const error = await runBatch(
    client,
    statements('SELECT 1;\nSELECT pg_sleep(0.6);\nSELECT 2;\n')
  ).then(
    () => undefined,
    (e: unknown) => e as BatchStatementError
  )
  expect(error?.index).toBe(1)
  expect((error?.cause as { code?: string }).code).toBe('57014')
})

test('a statement ending in a line comment does not swallow the next one', async () => {
  const batch = statements(
    "SELECT 1 -- a comment with no newline before the semicolon\n;\nSELECT 'after' AS x;\n"
  )
  expect(batch[0].text).toContain('-- a comment')
  expect(batchText(batch)).toContain('-- a comment with no newline before the semicolon\n;')
  await client.query('BEGIN')
  expect(await runBatch(client, batch)).toHaveLength(2)
})

test('one round trip for the whole file', async () => {
  let sent = 0
  const counted = new Proxy(client, {
    get(target, key, receiver) {
      if (key === 'query')
        return (...args: unknown[]) => {
          sent++
          return (target.query as (...a: unknown[]) => unknown).apply(target, args)
        }
      return Reflect.get(target, key, receiver)
    }
  })
  await client.query('BEGIN')
  await runBatch(
    counted,
    statements(
      Array.from({ length: 20 }, (_, i) => `CREATE TABLE public.r${i} (id int);`).join('\n')
    )
  )
  expect(sent).toBe(1)
})
