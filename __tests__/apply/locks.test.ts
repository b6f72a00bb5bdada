/**
 * The apply lock's wait, on a real server: the waiting run names the session that holds the lock, read in the
 * statement that failed to take it (read a round trip later, a holder between its rehearsal and its apply was
 * "another session"), and gives up after advisory-lock-wait naming it again.
 */
import type pg from 'pg'
import {
  APPLY_LOCK_KEY,
  AdvisoryLockTimeout,
  acquireApplyLock,
  releaseApplyLock
} from '../../src/apply/locks.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

let db: TestDatabase
let holder: pg.Client
let waiter: pg.Client

beforeAll(async () => {
  db = await createTestDatabase('apply_locks')
  holder = await db.client()
  waiter = await db.client()
  await holder.query(`SET application_name = 'holder-app'`)
})
afterAll(async () => {
  await holder.end()
  await waiter.end()
  await db.drop()
})

const pidOf = (c: pg.Client) => (c as unknown as { processID: number }).processID

test('a free lock is taken at once, in one round trip, and released', async () => {
  const sent: string[] = []
  const query = waiter.query.bind(waiter)
  waiter.query = ((text: string, values?: unknown[]) => {
    sent.push(text)
    return query(text, values)
  }) as typeof waiter.query
  try {
    await acquireApplyLock(waiter, { waitMs: 0 })
  } finally {
    waiter.query = query
  }
  expect(sent).toHaveLength(1)
  const held = await holder.query(
    `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND pid = $2`,
    [APPLY_LOCK_KEY, pidOf(waiter)]
  )
  expect(held.rows[0].n).toBe(1)
  await releaseApplyLock(waiter)
})

test('held by another session: the wait names it, and the timeout names it again', async () => {
  await holder.query('SELECT pg_advisory_lock($1::bigint)', [APPLY_LOCK_KEY])
  try {
    const told: string[] = []
    const t0 = performance.now()
    const waiting = acquireApplyLock(waiter, { waitMs: 400, pollMs: 50, onWait: m => told.push(m) })
    await expect(waiting).rejects.toThrow(AdvisoryLockTimeout)
    await expect(waiting).rejects.toThrow(
      new RegExp(`holds the apply lock on this database: pid ${pidOf(holder)} \\(holder-app, user `)
    )
    expect(performance.now() - t0).toBeGreaterThanOrEqual(390)
    expect(told).toEqual([
      expect.stringMatching(
        new RegExp(
          `^the apply lock is held by pid ${pidOf(holder)} \\(holder-app, user \\S+\\): waiting up to 0 s`
        )
      )
    ])
  } finally {
    await holder.query('SELECT pg_advisory_unlock($1::bigint)', [APPLY_LOCK_KEY])
  }
})

test('released while another waits: the waiter takes it on its next try', async () => {
  await holder.query('SELECT pg_advisory_lock($1::bigint)', [APPLY_LOCK_KEY])
  const told: string[] = []
  const waiting = acquireApplyLock(waiter, { waitMs: 5_000, pollMs: 20, onWait: m => told.push(m) })
  await new Promise(r => setTimeout(r, 100))
  await holder.query('SELECT pg_advisory_unlock($1::bigint)', [APPLY_LOCK_KEY])
  await waiting
  expect(told).toHaveLength(1)
  await releaseApplyLock(waiter)
})
