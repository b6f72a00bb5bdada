/**
 * Check.warmUp (stages/runner.ts): while the main session waits for a check that started early, the checks after
 * it warm up on that session. Best effort: a warm-up that throws changes no result, and none runs when the early
 * check is already done (it would only delay the next check). On a real database, with stand-in checks.
 */
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { runChecks } from '../../src/stages/runner.js'
import type { AnyCheck, CheckOutcome, StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
let ctx: StageContext

beforeEach(async () => {
  db = await createTestDatabase('warm_up')
  client = await db.client()
  ctx = makeContext({ client, url: db.url, stage: 'apply' })
})
afterEach(async () => {
  await closeContext(ctx)
  await db.drop()
})

const pass = (summary: string): CheckOutcome<never> =>
  ({ status: 'pass', summary }) as unknown as CheckOutcome<never>

const pid = async (c: pg.ClientBase): Promise<number> =>
  (await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid

/** A gate in front, the early check (a statement of `earlyMs` on its own session), then `last`. */
function stageOf(opts: { gateMs: number; earlyMs: number; last: Partial<AnyCheck> }) {
  const events: string[] = []
  const gate = {
    id: 'connection',
    title: 'gate',
    run: async (c: StageContext) => {
      await c.client.query(`SELECT pg_sleep(${opts.gateMs / 1000})`)
      return pass('gate passed')
    }
  }
  const early = {
    id: 'rehearsal',
    title: 'early',
    startEarly: async () => 'it touches nothing the gate guards',
    run: async (c: StageContext) => {
      events.push('early started')
      await c.client.query(`SELECT pg_sleep(${opts.earlyMs / 1000})`)
      events.push('early done')
      return pass('early passed')
    }
  }
  const last = {
    id: 'apply',
    title: 'last',
    run: async () => pass('last passed'),
    ...opts.last
  }
  return { events, checks: [gate, early, last] as unknown as AnyCheck[] }
}

test('a warm-up runs on the main session while the early check is still running', async () => {
  const mainPid = await pid(client)
  let warmedOn: number | undefined
  const { events, checks } = stageOf({
    gateMs: 0,
    earlyMs: 600,
    last: {
      warmUp: async (c: StageContext) => {
        events.push('warm-up')
        warmedOn = await pid(c.client)
      }
    }
  })
  const results = await runChecks(ctx, checks)
  expect(results.map(r => [r.id, r.status])).toEqual([
    ['connection', 'pass'],
    ['rehearsal', 'pass'],
    ['apply', 'pass']
  ])
  expect(warmedOn).toBe(mainPid)
  // Before the early check was done (its session may still have been opening: it had not settled).
  expect(events.indexOf('warm-up')).toBeGreaterThanOrEqual(0)
  expect(events.indexOf('warm-up')).toBeLessThan(events.indexOf('early done'))
})

test('a warm-up that throws changes nothing: the check after it still runs and passes', async () => {
  const { checks } = stageOf({
    gateMs: 0,
    earlyMs: 300,
    last: {
      warmUp: async (c: StageContext) => {
        // A failed statement on the main session, as a catalog read refused by the server would be.
        await c.client.query('SELECT * FROM no_such_table_for_the_warm_up')
      }
    }
  })
  const results = await runChecks(ctx, checks)
  expect(results.map(r => [r.id, r.status, r.summary])).toEqual([
    ['connection', 'pass', 'gate passed'],
    ['rehearsal', 'pass', 'early passed'],
    ['apply', 'pass', 'last passed']
  ])
})

test('no warm-up when the early check finished before its turn', async () => {
  let warmed = false
  const { checks } = stageOf({
    gateMs: 700,
    earlyMs: 0,
    last: {
      warmUp: async () => {
        warmed = true
      }
    }
  })
  const results = await runChecks(ctx, checks)
  expect(results.map(r => r.status)).toEqual(['pass', 'pass', 'pass'])
  expect(warmed).toBe(false)
})
