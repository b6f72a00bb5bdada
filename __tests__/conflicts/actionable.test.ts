/**
 * Violations a person can act on: for the real capacity migration and its rollback, on real rows, the
 * evidence files, the log, the reasons and the PR comment name the constraint's key columns with their
 * values, both rows' primary keys and both ranges.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { capacityDatabase, createRestaurant, type CapacityDatabase } from '../helpers/capacity.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { conflictsCheck } from '../../src/checks/conflicts.js'
import { rollbackConflictsCheck } from '../../src/checks/rollback-conflicts.js'
import { describeViolation, formatRange } from '../../src/conflicts/render.js'
import { discoverMigrations } from '../../src/plan/files.js'
import { renderReportMarkdown } from '../../src/report/markdown.js'
import { loadParser } from '../../src/sql/parser.js'
import type {
  Check,
  CheckDetails,
  CheckId,
  CheckOutcome,
  CheckResult,
  Report,
  StageContext
} from '../../src/types.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const MIGRATION = '20251113203000'
const A = '00000000-0000-4000-8000-0000000000a1'
const B = '00000000-0000-4000-8000-0000000000b2'
const SHADOW = '00000000-0000-4000-8000-0000000000c3'
const RESOURCE = '00000000-0000-4000-8000-00000000f00d'
const FLAG = '00000000-0000-4000-8000-0000000000f1'

const dbs: CapacityDatabase[] = []
const contexts: StageContext[] = []

beforeAll(() => loadParser())
afterAll(async () => {
  await Promise.all(contexts.map(closeContext))
  await Promise.all(dbs.map(d => d.db.drop()))
})

async function database(prefix: string, migrated: boolean): Promise<pg.Client> {
  const cap = await capacityDatabase(prefix, { migrated })
  dbs.push(cap)
  // Ranges print in the session's zone: pin it so the expected text is exact.
  await cap.client.query(`SET TimeZone = 'UTC'`)
  return cap.client
}

function context(client: pg.Client, url: string, stage: 'validate' | 'rollback'): StageContext {
  const migrations = discoverMigrations('migrations', ROOT)
  const applied = migrations.filter(m => stage === 'rollback' || m.version < MIGRATION)
  const ctx = makeContext({
    client,
    url,
    stage,
    plan: {
      migrations,
      history: applied.map(m => ({ version: m.version, name: m.name, checksum: null })),
      pending: migrations.filter(m => !applied.includes(m))
    }
  })
  contexts.push(ctx)
  return ctx
}

function evidence(ctx: StageContext, file: string): string {
  return readFileSync(path.join(ctx.config.artifactsDir, ctx.config.environment, file), 'utf8')
}

function asReport(ctx: StageContext, result: CheckResult): Report {
  return {
    tool: 'migration-runbook',
    version: 'test',
    environment: ctx.config.environment,
    stage: ctx.config.stage,
    status: 'failed',
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: 1,
    target: { host: 'localhost', port: 5432, database: 'db' },
    pending: [],
    applied: [],
    checks: [result]
  }
}

/** The runner's result of `check` from its outcome. */
function result<K extends CheckId>(
  check: Check<K>,
  outcome: CheckOutcome<CheckDetails[K]>
): CheckResult {
  return {
    id: check.id,
    title: check.title,
    durationMs: 1,
    ...outcome,
    reasons: outcome.reasons ?? [],
    details: outcome.details ?? {},
    annotations: outcome.annotations ?? []
  } as CheckResult
}

test('pre-migration-violations.txt names the key, both ids and both ranges of each overlapping pair', async () => {
  const client = await database('actionable_pre', false)
  const url = dbs.at(-1)!.db.url
  const r1 = await createRestaurant(client, 'R1')
  // A database that lost the old constraint holds overlapping live rows (the migration's IF EXISTS case).
  await client.query('ALTER TABLE allocations DROP CONSTRAINT allocations_no_overlap')
  await client.query(
    `INSERT INTO allocations (id, restaurant_id, resource_type, resource_id, "window", shadow) VALUES
       ($1, $4, 'table', $5, '[2025-11-20 18:00Z,2025-11-20 20:00Z)', false),
       ($2, $4, 'table', $5, '[2025-11-20 19:00Z,2025-11-20 21:00Z)', false),
       ($3, $4, 'table', $5, '[2025-11-20 17:00Z,2025-11-20 23:00Z)', true)`,
    [A, B, SHADOW, r1, RESOURCE]
  )
  await client.query(
    `INSERT INTO feature_flag_overrides (id, restaurant_id, flag_key, flag_value)
     VALUES ($1, $2, 'allocator.adjacency_mode', 'diagonal')`,
    [FLAG, r1]
  )
  const ctx = context(client, url, 'validate')
  expect(ctx.plan.pending.map(m => m.version)).toEqual([MIGRATION])
  const outcome = await conflictsCheck.run(ctx)
  expect(outcome.status).toBe('fail')

  const overlap = `allocations_no_overlap: resource_id=${RESOURCE}, restaurant_id=${r1}, resource_type=table — id ${B} [2025-11-20 19:00, 21:00) UTC overlaps id ${A} [2025-11-20 18:00, 20:00) UTC`
  const check = `feature_flag_overrides_adjacency_mode_check: id ${FLAG} — flag_key=allocator.adjacency_mode, flag_value=diagonal`
  const text = evidence(ctx, 'pre-migration-violations.txt')
  expect(text).toContain(`  ${overlap}\n`)
  expect(text).toContain(`  ${check}\n`)
  expect(text).not.toContain(SHADOW) // WHERE (NOT shadow)

  // The terminal table shows reasons; the log lists every sampled violation.
  expect(outcome.reasons).toEqual(
    expect.arrayContaining([expect.stringContaining(`e.g. ${overlap}`)])
  )
  expect(ctx.log.lines.some(l => l.endsWith(`ERROR   ${overlap}`))).toBe(true)

  const md = renderReportMarkdown(asReport(ctx, result(conflictsCheck, outcome)))
  expect(md).toContain(
    `- \`resource_id=${RESOURCE}, restaurant_id=${r1}, resource_type=table — id ${B} [2025-11-20 19:00, 21:00) UTC overlaps id ${A} [2025-11-20 18:00, 20:00) UTC\``
  )
})

test('pre-rollback-violations.txt names the rows the re-added old constraint would reject; nothing changes', async () => {
  const client = await database('actionable_rb', true)
  const url = dbs.at(-1)!.db.url
  const r1 = await createRestaurant(client, 'R1')
  const r2 = await createRestaurant(client, 'R2')
  // Allowed by the new constraint (different restaurants), rejected by the old one (same resource_id).
  await client.query(
    `INSERT INTO allocations (id, restaurant_id, resource_type, resource_id, "window") VALUES
       ($1, $3, 'table', $5, '[2025-11-20 18:00Z,2025-11-20 20:00Z)'),
       ($2, $4, 'table', $5, '[2025-11-20 19:30Z,2025-11-21 00:15Z)')`,
    [A, B, r1, r2, RESOURCE]
  )
  const ctx = context(client, url, 'rollback')
  const outcome = await rollbackConflictsCheck.run(ctx)
  expect(outcome.status).toBe('fail')
  const line = `allocations_no_overlap: resource_id=${RESOURCE} — id ${B} [2025-11-20 19:30, 2025-11-21 00:15) UTC overlaps id ${A} [2025-11-20 18:00, 20:00) UTC`
  const text = evidence(ctx, 'pre-rollback-violations.txt')
  expect(text).toContain(
    'migrations/rollback/20251113203000_capacity_overlap_and_confirm_cache.sql:15 exclude allocations_no_overlap on public.allocations: 1 row(s) overlapping an earlier row'
  )
  expect(text).toContain(`  ${line}\n`)
  expect(outcome.reasons?.[0]).toContain(`e.g. ${line}`)
  expect(ctx.log.lines.some(l => l.endsWith(`ERROR   ${line}`))).toBe(true)
  const md = renderReportMarkdown(asReport(ctx, result(rollbackConflictsCheck, outcome)))
  expect(md).toContain('#### Rows that would violate what the rollback re-adds')
  expect(md).toContain(`id ${B} [2025-11-20 19:30, 2025-11-21 00:15) UTC overlaps id ${A}`)
  // Nothing was rolled back: the new, tenant-scoped constraint is still there.
  const { rows } = await client.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'allocations_no_overlap'`
  )
  expect(rows[0].def).toContain('restaurant_id WITH =')
})

test('ranges read as people write them; other shapes stay JSON', () => {
  expect(formatRange('["2025-11-20 18:00:00+00","2025-11-20 20:00:00+00")')).toBe(
    '[2025-11-20 18:00, 20:00) UTC'
  )
  expect(formatRange('["2025-11-20 18:00:30+01","2025-11-21 02:00:00+01"]')).toBe(
    '[2025-11-20 18:00:30, 2025-11-21 02:00] UTC+01'
  )
  expect(formatRange('["2025-03-30 01:00:00+01","2025-03-30 04:00:00+02")')).toBe(
    '[2025-03-30 01:00+01, 04:00+02)'
  )
  expect(formatRange('[,"2025-11-20 20:00:00+00")')).toBe('[-infinity, 2025-11-20 20:00) UTC')
  expect(formatRange('[4,8)')).toBe('[4,8)')
  expect(formatRange('empty')).toBe('empty')
  expect(describeViolation({ kind: 'exclude' }, { id: 1, table_id: 'T1' })).toBe(
    '{"id":1,"table_id":"T1"}'
  )
})
