/**
 * The one way timeouts are set, read back from a real server: a value that rounds to 0 must not become
 * PostgreSQL's "no limit", and a timeout set this way does cancel a statement.
 */
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { setTimeoutsSql, timeoutSetting } from '../../src/db/timeouts.js'

let db: TestDatabase

beforeAll(async () => {
  db = await createTestDatabase('timeouts')
})
afterAll(() => db.drop())

test('a budget spent down below half a millisecond is 1 ms on the server, not 0 (no limit)', async () => {
  const c = await db.client()
  // The read itself runs under the 1 ms limit: on a busy machine it may be cancelled (57014), so it is tried
  // again. A limit of 0 (none) would never cancel it, and would read back as 0.
  let read: Record<string, unknown> | undefined
  for (let attempt = 0; attempt < 50 && !read; attempt++) {
    await c.query('BEGIN')
    await c.query(setTimeoutsSql('LOCAL', { lockMs: 0.2, statementMs: 0.49 }))
    read = await c
      .query(
        `SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS stmt`
      )
      .then(
        r => r.rows[0],
        (e: { code?: string }) => {
          if (e.code !== '57014') throw e
          return undefined
        }
      )
    await c.query('ROLLBACK')
  }
  await c.end()
  expect(read).toEqual({ lock: '1ms', stmt: '1ms' })
})

test('LOCAL ends with the transaction; SESSION stays; fractions are rounded', async () => {
  const c = await db.client()
  await c.query(setTimeoutsSql('SESSION', { lockMs: 1234.4, statementMs: 7000 }))
  await c.query(`BEGIN; ${setTimeoutsSql('LOCAL', { statementMs: 250.6 })}`)
  const inside = await c.query(
    `SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS stmt`
  )
  await c.query('ROLLBACK')
  const after = await c.query(
    `SELECT current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS stmt`
  )
  expect(inside.rows[0]).toEqual({ lock: '1234ms', stmt: '251ms' })
  expect(after.rows[0]).toEqual({ lock: '1234ms', stmt: '7s' })
})

test('a statement over the timeout set this way is cancelled (57014)', async () => {
  const c = await db.client()
  await c.query(`BEGIN; ${setTimeoutsSql('LOCAL', { statementMs: 50 })}`)
  await expect(c.query('SELECT pg_sleep(5)')).rejects.toMatchObject({ code: '57014' })
  await c.query('ROLLBACK')
})

test('0 (no limit in PostgreSQL), a negative number or NaN is refused, naming the value', () => {
  for (const ms of [0, -5, Number.NaN]) {
    expect(() => timeoutSetting(ms)).toThrow(
      `a timeout of ${ms} ms; allowed: a positive number of milliseconds (0 would mean no limit in PostgreSQL)`
    )
  }
  expect(setTimeoutsSql('LOCAL', {})).toBe('')
})
