/**
 * Lock timeouts outside the migration's own statements name who blocked them: two real sessions, one holding
 * ACCESS EXCLUSIVE in an open transaction, the other reading under lock_timeout.
 */
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import {
  LockWaitError,
  describeLockWait,
  snapshotLockWait,
  withLockDiagnosis
} from '../../src/db/lock-wait.js'
import { describeError } from '../../src/db/connect.js'

let db: TestDatabase
let observerOpened = 0

beforeAll(async () => {
  db = await createTestDatabase('lock_wait')
  const c = await db.client()
  await c.query('CREATE TABLE allocations (id int PRIMARY KEY); INSERT INTO allocations VALUES (1)')
})
afterAll(() => db.drop())

async function session(applicationName: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: db.url, application_name: applicationName })
  await c.connect()
  return c
}

/** What withLockDiagnosis opens for its watcher; counted so the test sees it is opened and closed. */
async function open(): Promise<pg.Client> {
  observerOpened++
  return session('lock-wait-observer')
}

/** A session holding ACCESS EXCLUSIVE on allocations in an open transaction; released by ROLLBACK. */
async function holder(applicationName: string): Promise<{ c: pg.Client; pid: number }> {
  const c = await session(applicationName)
  const { rows } = await c.query('SELECT pg_backend_pid() AS pid')
  await c.query('BEGIN')
  await c.query('LOCK TABLE public.allocations IN ACCESS EXCLUSIVE MODE')
  return { c, pid: rows[0].pid }
}

async function waiter(): Promise<pg.Client> {
  const c = await session('migration-runbook-waiter')
  await c.query(`SET lock_timeout = '300ms'`)
  return c
}

async function failure(p: Promise<unknown>): Promise<LockWaitError> {
  try {
    await p
  } catch (e) {
    return e as LockWaitError
  }
  throw new Error('expected the read to time out')
}

async function sessionsNamed(name: string): Promise<number> {
  const c = await db.client()
  const { rows } = await c.query(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1',
    [name]
  )
  await c.end()
  return rows[0].n
}

test('a read that times out behind another migration-runbook run names it, its lock and its statement', async () => {
  const h = await holder('migration-runbook')
  const w = await waiter()
  try {
    const err = await failure(
      withLockDiagnosis(w, open, () => w.query('SELECT count(*) FROM public.allocations'), {
        label: 'check "drift"'
      })
    )
    expect(err).toBeInstanceOf(LockWaitError)
    expect(err.code).toBe('55P03') // Postgres's own fields are kept
    expect(err.message).toContain(
      `lock timeout in check "drift" waiting for AccessShareLock on public.allocations: blocked by pid ${h.pid} (application "migration-runbook", another migration-runbook run is active, user postgres, holding AccessExclusiveLock) idle in transaction for `
    )
    expect(err.message).toContain(
      'last ran "LOCK TABLE public.allocations IN ACCESS EXCLUSIVE MODE" — canceling statement due to lock timeout'
    )
    expect(describeError(err)).toContain('(SQLSTATE 55P03)')
    expect(err.snapshot).toMatchObject({ mode: 'AccessShareLock', relation: 'public.allocations' })
  } finally {
    await h.c.query('ROLLBACK')
    await h.c.end()
    await w.end()
  }
  expect(await sessionsNamed('lock-wait-observer')).toBe(0) // the watcher closed its session
})

test('a blocker that is not a migration-runbook run is named without that claim; its running statement shows', async () => {
  const h = await holder('psql')
  const busy = h.c.query('SELECT pg_sleep(1.5)') // active while it holds the lock
  const w = await waiter()
  try {
    const err = await failure(
      withLockDiagnosis(w, open, () => w.query('SELECT * FROM public.allocations'), {
        label: 'check "verify"'
      })
    )
    expect(err.message).toContain(
      `lock timeout in check "verify" waiting for AccessShareLock on public.allocations: blocked by pid ${h.pid} (application "psql", user postgres, holding AccessExclusiveLock) running "SELECT pg_sleep(1.5)" — canceling statement due to lock timeout`
    )
    expect(err.message).not.toContain('another migration-runbook run')
  } finally {
    await busy
    await h.c.query('ROLLBACK')
    await h.c.end()
    await w.end()
  }
})

test('snapshotLockWait sees the wait only while it lasts', async () => {
  const h = await holder('psql')
  const w = await waiter()
  const observer = await session('lock-wait-test')
  try {
    const { rows } = await w.query('SELECT pg_backend_pid() AS pid')
    await w.query(`SET lock_timeout = '5s'`)
    const read = w.query('SELECT * FROM public.allocations').catch(e => e)
    let snapshot
    for (let i = 0; i < 50 && !snapshot?.blockers.length; i++) {
      snapshot = await snapshotLockWait(observer, rows[0].pid)
      if (!snapshot?.blockers.length) await new Promise(r => setTimeout(r, 20))
    }
    expect(snapshot).toMatchObject({
      locktype: 'relation',
      mode: 'AccessShareLock',
      relation: 'public.allocations',
      blockers: [
        {
          pid: h.pid,
          applicationName: 'psql',
          state: 'idle in transaction',
          heldModes: ['AccessExclusiveLock'],
          waiting: false
        }
      ]
    })
    expect(describeLockWait(snapshot!, 'check "x"')).toMatch(
      /^lock timeout in check "x" waiting for AccessShareLock on public\.allocations: blocked by pid \d+ \(application "psql"/
    )
    await h.c.query('ROLLBACK')
    expect(await read).toMatchObject({ rows: [{ id: 1 }] })
    expect(await snapshotLockWait(observer, rows[0].pid)).toBeUndefined()
  } finally {
    await h.c.end()
    await w.end()
    await observer.end()
  }
})

test('a wait shorter than the watcher delay still names the ACCESS EXCLUSIVE holder, after the fact', async () => {
  const h = await holder('psql')
  const w = await waiter()
  try {
    await w.query(`SET lock_timeout = '20ms'`)
    const err = await failure(
      withLockDiagnosis(w, open, () => w.query('SELECT * FROM public.allocations'), {
        label: 'check "drift"',
        delayMs: 5_000
      })
    )
    expect(err).toBeInstanceOf(LockWaitError)
    expect(err.message).toContain(
      `lock timeout in check "drift" (the wait ended before it could be observed); sessions holding ACCESS EXCLUSIVE locks now: pid ${h.pid} (application "psql", user postgres, holding AccessExclusiveLock on public.allocations)`
    )
  } finally {
    await h.c.query('ROLLBACK')
    await h.c.end()
    await w.end()
  }
})

test('values and other errors pass through unchanged, and quick work opens no session', async () => {
  const w = await waiter()
  try {
    const before = observerOpened
    expect(await withLockDiagnosis(w, open, async () => 42)).toBe(42)
    expect(observerOpened).toBe(before)
    const original = await failure(
      withLockDiagnosis(w, open, () => w.query('SELECT 1/0'), { label: 'check "x"' })
    )
    expect(original).not.toBeInstanceOf(LockWaitError)
    expect(original).toMatchObject({ code: '22012' })
    // Slow work without any lock wait: watched, and the value still comes back.
    const slow = await withLockDiagnosis(w, open, () =>
      w.query('SELECT true AS ok FROM pg_sleep(0.3)')
    )
    expect(slow.rows[0].ok).toBe(true)
    expect(observerOpened).toBe(before + 1)
  } finally {
    await w.end()
  }
  expect(await sessionsNamed('lock-wait-observer')).toBe(0)
})
