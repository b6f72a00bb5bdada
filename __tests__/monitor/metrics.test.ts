/**
 * The runbook's metrics as shipped in migrations/runbook.yml, measured on the capacity schema with
 * confirmations made through confirm_hold_assignment_tx: the values must be the ones the data implies.
 */
import path from 'node:path'
import type pg from 'pg'
import {
  addTables,
  bookingWithHold,
  capacityDatabase,
  confirm,
  createBooking,
  createRestaurant
} from '../helpers/capacity.js'
import type { TestDatabase } from '../helpers/db.js'
import { environmentPolicy, loadPolicy } from '../../src/config/policy.js'
import { sampleMonitorCheck, type MonitorCheck } from '../../src/monitor/engine.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const RANGE = '[2026-12-01 18:00+00,2026-12-01 20:00+00)'
const production = environmentPolicy(
  loadPolicy(path.join(ROOT, 'migrations/runbook.yml')),
  'production'
)

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  ;({ db, client } = await capacityDatabase('monmetrics'))
})
afterAll(async () => {
  await db.drop()
})

async function measure(name: string, since: Date) {
  const check = production.monitor?.checks.find(c => c.name === name) as MonitorCheck | undefined
  if (!check) throw new Error(`runbook.yml has no monitor check ${name}`)
  return sampleMonitorCheck(client, check, production.probes, since, 30_000)
}

test('confirmations per hour, error rate, cache hit rate, conflicts caught and the hot query p95', async () => {
  const rid = await createRestaurant(client)
  const [t1, t2] = await addTables(client, rid, 2)
  const since = new Date(Date.now() - 3_600_000)

  const a = await bookingWithHold(client, rid, [t1], RANGE)
  expect((await confirm(client, a.holdId, a.bookingId, 'key-a')).status).toBe('confirmed')
  // The same table for the same time: the confirm function catches 23P01 and records it.
  const b = await bookingWithHold(client, rid, [t1], RANGE)
  const overlap = await confirm(client, b.holdId, b.bookingId, 'key-b')
  expect(overlap.error).toMatchObject({ code: 'allocation_overlap', sqlstate: '23P01' })
  // A hold that does not exist, under a key another booking already used.
  const c = await createBooking(client, rid, RANGE)
  const missing = await confirm(client, '00000000-0000-0000-0000-000000000000', c, 'key-a')
  expect(missing.error).toMatchObject({ code: 'hold_not_found' })
  const d = await bookingWithHold(client, rid, [t2], RANGE)
  expect((await confirm(client, d.holdId, d.bookingId, 'key-d')).status).toBe('confirmed')
  // A retry of booking a with its key is answered from the stored result: no new row.
  expect((await confirm(client, a.holdId, a.bookingId, 'key-a')).status).toBe('confirmed')

  // 4 recorded confirmations over one hour; 2 failed; keys a, b, a, d; 1 overlap.
  expect((await measure('confirmations-per-hour', since)).value).toBeCloseTo(4, 2)
  const errorRate = await measure('assignment-error-rate', since)
  expect(errorRate).toMatchObject({ value: 50, unit: '%', max: 5 })
  expect((await measure('confirm-cache-hit-rate', since)).value).toBe(25)
  const conflicts = await measure('overlap-conflicts', since)
  expect(conflicts).toMatchObject({ value: 1, unit: 'conflicts' })
  // Only the interval since `since` counts.
  expect((await measure('overlap-conflicts', new Date(Date.now() + 1000))).value).toBe(0)

  const p95 = await measure('overlap-probe-p95', since)
  expect(p95.error).toBeUndefined()
  expect(p95).toMatchObject({ unit: 'ms', max: 200 })
  expect(p95.value).toBeGreaterThanOrEqual(0)
  expect(p95.value).toBeLessThan(200)
})

test('the conflicts monitor ships with a spike rule; pg_stat_database_conflicts is not what it reads', () => {
  const conflicts = production.monitor?.checks.find(c => c.name === 'overlap-conflicts')
  expect(conflicts?.spike).toEqual({ factor: 3, 'min-count': 5 })
  expect(conflicts?.sql).toContain("'allocation_overlap'")
  expect(conflicts?.sql).not.toContain('pg_stat_database_conflicts')
  expect(production.monitor).toMatchObject({ windowMs: 48 * 3_600_000, onBreach: 'rollback' })
})
