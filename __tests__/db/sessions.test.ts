import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { longTransactionsCheck } from '../../src/checks/long-transactions.js'
import { lockHoldersCheck } from '../../src/checks/lock-holders.js'
import {
  maskQuerySecrets,
  describeSession,
  formatAge,
  type LockHolder,
  type SessionInfo
} from '../../src/db/sessions.js'
import type { StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
const contexts: StageContext[] = []

const POLICY = `
environments:
  staging:
    long-transaction-limit: 200ms
  production:
    long-transaction-limit: 200ms
  relaxed:
    long-transaction-limit: 1h
  quiet:
    long-transaction-limit: 200ms
    long-transactions: 'off'
    lock-holders: 'off'
`

function ctxFor(environment: string, touchedTables: string[] = []): StageContext {
  const ctx = makeContext({
    client,
    url: db.url,
    policyYaml: POLICY,
    environment,
    plan: { touchedTables }
  })
  contexts.push(ctx)
  return ctx
}

/** Another real session with an open transaction that has run `sql`. */
async function openTransaction(sql: string): Promise<pg.Client> {
  const other = await db.client()
  await other.query("SET application_name = 'held-open'")
  await other.query('BEGIN')
  await other.query(sql)
  return other
}

beforeAll(async () => {
  db = await createTestDatabase('preflight_sessions')
  client = await db.client()
  await client.query('CREATE TABLE public.bookings (id int PRIMARY KEY, note text)')
  await client.query('CREATE TABLE public.rooms (id int PRIMARY KEY)')
})

afterAll(async () => {
  await Promise.all(contexts.map(closeContext))
  await db.drop()
})

describe('long-transactions', () => {
  test('passes when no other session has a transaction open', async () => {
    const outcome = await longTransactionsCheck.run(ctxFor('staging'))
    expect(outcome.status).toBe('pass')
  })

  test('lists a transaction older than the limit: warn on staging, fail on production', async () => {
    const other = await openTransaction('SELECT 1 AS "a very specific query"')
    try {
      // Age the transaction past the 200ms limit.
      await client.query('SELECT pg_sleep(0.3)')
      const staging = await longTransactionsCheck.run(ctxFor('staging'))
      expect(staging.status).toBe('warn')
      const sessions = staging.details?.sessions as SessionInfo[]
      expect(sessions).toHaveLength(1)
      expect(sessions[0]).toMatchObject({
        user: 'postgres',
        application: 'held-open',
        state: 'idle in transaction'
      })
      expect(sessions[0].ageMs).toBeGreaterThanOrEqual(200)
      expect(sessions[0].query).toContain('a very specific query')
      expect(staging.reasons?.[0]).toMatch(/^pid \d+, user postgres, application held-open, age /)

      const production = await longTransactionsCheck.run(ctxFor('production'))
      expect(production.status).toBe('fail')

      // The same transaction is younger than a 1h limit.
      const relaxed = await longTransactionsCheck.run(ctxFor('relaxed'))
      expect(relaxed.status).toBe('pass')
    } finally {
      await other.query('ROLLBACK')
    }
  })

  test('off skips without looking', async () => {
    const outcome = await longTransactionsCheck.run(ctxFor('quiet'))
    expect(outcome.status).toBe('skip')
  })

  test('our own open transaction does not count', async () => {
    await client.query('BEGIN')
    try {
      await client.query('SELECT pg_sleep(0.3)')
      const outcome = await longTransactionsCheck.run(ctxFor('production'))
      expect(outcome.status).toBe('pass')
    } finally {
      await client.query('ROLLBACK')
    }
  })
})

describe('lock-holders', () => {
  test('passes when nobody holds a lock on the touched tables', async () => {
    const outcome = await lockHoldersCheck.run(
      ctxFor('production', ['public.bookings', 'public.not_yet'])
    )
    expect(outcome.status).toBe('pass')
  })

  test('a session holding a lock on a touched table fails production and warns staging', async () => {
    const long =
      'SELECT count(*) FROM bookings WHERE note IS NULL OR note <> ' + `'${'x'.repeat(300)}'`
    const other = await openTransaction(long)
    try {
      const production = await lockHoldersCheck.run(
        ctxFor('production', ['public.bookings', 'public.rooms'])
      )
      expect(production.status).toBe('fail')
      const holders = production.details?.sessions as LockHolder[]
      expect(holders).toHaveLength(1)
      expect(holders[0]).toMatchObject({
        tables: ['public.bookings'],
        modes: ['AccessShareLock'],
        application: 'held-open'
      })
      expect(holders[0].query).toHaveLength(200)
      expect(production.reasons?.[0]).toContain('holds AccessShareLock on public.bookings')

      const staging = await lockHoldersCheck.run(ctxFor('staging', ['public.bookings']))
      expect(staging.status).toBe('warn')

      // A lock on another table is not our business.
      const rooms = await lockHoldersCheck.run(ctxFor('production', ['public.rooms']))
      expect(rooms.status).toBe('pass')

      expect((await lockHoldersCheck.run(ctxFor('quiet', ['public.bookings']))).status).toBe('skip')
    } finally {
      await other.query('ROLLBACK')
    }
  })

  test('a busy table is not a blocker: short statements that come and go do not fail the gate', async () => {
    // Each statement holds RowExclusiveLock for about 30 ms, back to back: every sample sees a holder,
    // never the same transaction twice.
    const writer = await db.client()
    let stop = false
    let n = 0
    const busy = (async () => {
      while (!stop) {
        await writer.query(
          `INSERT INTO public.bookings (id, note) SELECT $1, pg_sleep(0.03)::text`,
          [1000 + n++]
        )
      }
    })()
    try {
      await new Promise(r => setTimeout(r, 50))
      const outcome = await lockHoldersCheck.run(ctxFor('production', ['public.bookings']))
      expect(outcome.status).toBe('pass')
      expect(outcome.details?.sessions).toEqual([])
    } finally {
      stop = true
      await busy
      await writer.query('DELETE FROM public.bookings WHERE id >= 1000')
      await writer.end()
    }
    expect(n).toBeGreaterThan(5)
  })

  test('our own locks do not count', async () => {
    await client.query('BEGIN')
    try {
      await client.query('LOCK TABLE public.bookings IN ACCESS EXCLUSIVE MODE')
      const outcome = await lockHoldersCheck.run(ctxFor('production', ['public.bookings']))
      expect(outcome.status).toBe('pass')
    } finally {
      await client.query('ROLLBACK')
    }
  })
})

test('formatAge and describeSession are short and readable', () => {
  expect([formatAge(350), formatAge(65_000), formatAge(3_723_000)]).toEqual([
    '350ms',
    '1m 5s',
    '1h 2m 3s'
  ])
  const line = describeSession({
    pid: 42,
    user: 'app',
    application: null,
    state: 'active',
    backendType: 'client backend',
    ageMs: 1000,
    age: '1s',
    query: 'SELECT\n  1'
  })
  expect(line).toBe('pid 42, user app, application (none), age 1s: SELECT 1')
})

test('query previews hide role passwords and passwords in connection strings', () => {
  expect(maskQuerySecrets(`ALTER ROLE app PASSWORD 'it''s secret'; select 1`)).toBe(
    `ALTER ROLE app PASSWORD '***'; select 1`
  )
  expect(maskQuerySecrets(`create role x login password $p$hunter2$p$`)).toBe(
    `create role x login password '***'`
  )
  expect(maskQuerySecrets(`select dblink('postgresql://u:hunter2@h/db', 'x')`)).toBe(
    `select dblink('postgresql://u:***@h/db', 'x')`
  )
})
