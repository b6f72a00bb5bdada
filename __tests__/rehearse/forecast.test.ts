/**
 * The lock forecast on a small capacity database (10,000 allocations): a full shadow copy on production, a live
 * rehearsal on staging that forecasts production from production's row counts named in runbook.yml.
 */
import { rmSync } from 'node:fs'
import { scaleForecast } from '../../src/rehearse/forecast.js'
import { capacityRepo, check, forecastOf, liveConstraint, type CapacityRepo } from './helpers.js'

let repo: CapacityRepo

const POLICY = [
  'version: 1',
  'environments:',
  '  staging:',
  '    lock-budget: 20s',
  '    forecast: { rows-from: production }',
  '  production:',
  '    production: true',
  '    lock-budget: 30s',
  '    backup: { off: true, reason: "a test database" }',
  '    table-rows: { public.allocations: 1000000 }',
  ''
].join('\n')

beforeAll(async () => {
  repo = await capacityRepo('shadow_forecast', 10)
  repo.writePolicy(POLICY)
}, 300_000)

afterAll(async () => {
  await repo?.db.drop()
  if (repo) rmSync(repo.root, { recursive: true, force: true })
})

test('production: a table below shadow-max-rows is copied whole; its forecast is what was measured', async () => {
  const before = await liveConstraint(repo.client)
  const run = await repo.validate('production')
  const rehearsal = check(run.report, 'rehearsal')
  expect(rehearsal.details.rehearsalMode).toBe('shadow')
  const f = forecastOf(rehearsal, 'public.allocations', 'AccessExclusiveLock')
  expect(f).toMatchObject({
    rehearsedOn: 'shadow',
    sampled: false,
    liveRows: 10_000,
    rehearsedRows: 10_000,
    tableRows: 10_000,
    model: 'n log n',
    budgetMs: 30_000,
    forecastFor: 'production'
  })
  expect(f.forecastMs).toBe(f.measuredMs)
  // The live table was only read: no lock on it stronger than what writers take.
  const [migration] = rehearsal.details.migrations ?? []
  expect(migration.error).toBeUndefined()
  const onLive = migration.locks.filter(l => l.relation === 'allocations')
  expect(onLive.map(l => l.mode)).toEqual(['AccessShareLock'])
  expect(migration.locks.some(l => /^mr_shadow_\d+\.allocations$/.test(l.relation))).toBe(true)
  expect(await liveConstraint(repo.client)).toBe(before)
}, 120_000)

test('staging rehearses live and forecasts production from production’s table-rows in runbook.yml', async () => {
  const run = await repo.validate('staging')
  const rehearsal = check(run.report, 'rehearsal')
  expect(rehearsal.details.rehearsalMode).toBe('live')
  const [migration] = rehearsal.details.migrations ?? []
  // Live: the rehearsal held ACCESS EXCLUSIVE on the live table (what staging accepts).
  expect(migration.locks).toContainEqual({ relation: 'allocations', mode: 'AccessExclusiveLock' })
  const f = forecastOf(rehearsal, 'public.allocations', 'AccessExclusiveLock')
  expect(f).toMatchObject({
    rehearsedOn: 'live',
    sampled: false,
    liveRows: 10_000,
    rehearsedRows: 10_000,
    tableRows: 1_000_000,
    model: 'n log n',
    // Production's budget: the forecast is for production.
    budgetMs: 30_000,
    forecastFor: 'production'
  })
  expect(f.rowsSource).toContain('environments.production.table-rows')
  // measuredMs is rounded in the details: the forecast was scaled from the unrounded time.
  const expected = scaleForecast(f.measuredMs, 10_000, 1_000_000, 'n log n')
  expect(Math.abs(f.forecastMs - expected) / expected).toBeLessThan(0.01)
  expect(f.forecastMs).toBeGreaterThan(f.measuredMs * 100)
  expect(run.markdown).toContain('| 1,000,000 |')
  expect(run.markdown).toContain(
    "Row counts for production: production's row counts named in runbook.yml (environments.production.table-rows)."
  )
}, 120_000)
