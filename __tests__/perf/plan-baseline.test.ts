import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { makeContext } from '../helpers/context.js'
import {
  comparePlanBaselines,
  loadPlanBaselines,
  persistPlanBaselines,
  recordPlanBaselines,
  type PlanBaseline
} from '../../src/perf/plan-baseline.js'
import { performanceCheck } from '../../src/checks/performance.js'
import type { Stage, StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
/** EXPLAIN (GENERIC_PLAN), used for statements with $n and no values, exists from PostgreSQL 16. */
let genericPlans: boolean

const POLICY = `environments:
  staging:
    probes:
      - name: lookup
        sql: select id, payload from public.items where restaurant_id = $1
        params: [7]
        runs: 3
        max-p95-ms: 5000
`

beforeAll(async () => {
  db = await createTestDatabase('post_baseline')
  client = await db.client()
  genericPlans =
    Number((await client.query('show server_version_num')).rows[0].server_version_num) >= 160000
  await client.query(`
    CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions;
    CREATE TABLE public.items (id int PRIMARY KEY, restaurant_id int NOT NULL, payload text NOT NULL, note text);
    INSERT INTO public.items SELECT g, g % 500, md5(g::text), null FROM generate_series(1, 20000) g;
    CREATE INDEX items_restaurant_idx ON public.items (restaurant_id);
    ANALYZE public.items;`)
  // A hot application query, as pg_stat_statements sees it: with a $1 placeholder and no values.
  for (let i = 0; i < 5; i++)
    await client.query('select count(*) from public.items where restaurant_id = $1', [i])
})
afterAll(async () => {
  await db.drop()
})

/** The comparison the performance check makes: this run's baselines, else the stored ones. */
function compareFor(ctx: StageContext) {
  return comparePlanBaselines(ctx.client, {
    environment: ctx.env.name,
    planCostThreshold: ctx.env.planCostThreshold,
    fromRun: ctx.shared.planBaselines
  })
}

function ctxFor(stage: Stage): StageContext {
  return makeContext({
    client,
    url: db.url,
    stage,
    policyYaml: POLICY,
    plan: { touchedTables: ['public.items'] }
  })
}

async function baselineTableExists(): Promise<boolean> {
  const r = await client.query(
    `select to_regclass('migration_runbook.plan_baselines') is not null as ok`
  )
  return r.rows[0].ok
}

test('validate records probes and top statements (generic plan for $n) in state and file, and changes nothing', async () => {
  const ctx = ctxFor('validate')
  const record = await recordPlanBaselines(ctx)
  const names = record.baselines.map(b => b.name)
  expect(names[0]).toBe('lookup')
  const statement = record.baselines.find(
    b => b.sql === 'select count(*) from public.items where restaurant_id = $1'
  )
  if (genericPlans) {
    expect(statement?.name).toMatch(/^statement:-?\d+$/)
    expect(statement?.indexes).toEqual(['items_restaurant_idx'])
  } else {
    // Before PG16 a $n statement without values cannot be explained: noted, not recorded.
    expect(statement).toBeUndefined()
    expect(record.notes.join('\n')).toContain('EXPLAIN (GENERIC_PLAN) needs PostgreSQL 16+')
  }
  expect(record.persisted).toBe(false)
  expect(ctx.shared.planBaselines).toBe(record.baselines)
  const file = JSON.parse(readFileSync(path.join(ctx.evidence.dir, 'plan-baseline.json'), 'utf8'))
  expect(file.baselines.map((b: PlanBaseline) => b.name)).toEqual(names)
  expect(await baselineTableExists()).toBe(false)
  const schema = await client.query(
    `select 1 from pg_namespace where nspname = 'migration_runbook'`
  )
  expect(schema.rowCount).toBe(0)
})

test('verify with no baseline anywhere: a note, nothing compared', async () => {
  const cmp = await compareFor(ctxFor('verify'))
  expect(cmp).toMatchObject({ source: 'none', regressions: [], reasons: [] })
  expect(cmp.notes[0]).toContain('no plan baseline recorded for environment "staging"')
})

test('apply persists; an unchanged schema shows no regression in a later verify', async () => {
  const applyCtx = ctxFor('apply')
  const record = await recordPlanBaselines(applyCtx, { persist: true })
  const stored = await loadPlanBaselines(client, 'staging')
  expect(stored?.map(b => b.name)).toEqual(record.baselines.map(b => b.name).sort())
  expect(stored?.find(b => b.name === 'lookup')).toMatchObject({
    params: [7],
    indexes: ['items_restaurant_idx']
  })

  const cmp = await compareFor(ctxFor('verify'))
  expect(cmp.source).toBe('table')
  expect(cmp.regressions.length).toBe(record.baselines.length)
  expect(cmp.regressions.every(r => !r.regressed)).toBe(true)
})

test('a dropped index is a plan regression in the separate verify job, and fails performance', async () => {
  await recordPlanBaselines(ctxFor('apply'), { persist: true })
  await client.query('DROP INDEX public.items_restaurant_idx') // the "migration"
  try {
    const ctx = ctxFor('verify')
    const out = await performanceCheck.run(ctx)
    expect(out.status).toBe('fail')
    expect(out.details!.baselineSource).toBe('table')
    const regressions = out.details!.planRegressions!
    const lookup = regressions.find(r => r.name === 'lookup')!
    expect(lookup).toMatchObject({
      regressed: true,
      beforeIndexes: ['items_restaurant_idx'],
      afterIndexes: []
    })
    expect(lookup.afterCost).toBeGreaterThan(lookup.beforeCost)
    // The probe, and (PG16+, where $n statements get a generic plan) the hot statement.
    expect(regressions.filter(r => r.regressed).length).toBeGreaterThanOrEqual(genericPlans ? 2 : 1)
    expect(out.reasons).toContainEqual(
      expect.stringContaining('plan "lookup": items no longer read through an index')
    )
    const text = readFileSync(path.join(ctx.evidence.dir, 'performance-test.txt'), 'utf8')
    expect(text).toContain('- lookup: REGRESSED')
  } finally {
    await client.query('CREATE INDEX items_restaurant_idx ON public.items (restaurant_id)')
  }
})

test('baselines of this run take precedence over the table; a statement that no longer plans regresses', async () => {
  const ctx = ctxFor('apply')
  await recordPlanBaselines(ctx) // state only
  await client.query('ALTER TABLE public.items RENAME COLUMN payload TO body')
  try {
    const cmp = await compareFor(ctx)
    expect(cmp.source).toBe('run')
    const lookup = cmp.regressions.find(r => r.name === 'lookup')!
    expect(lookup.regressed).toBe(true)
    expect(lookup.afterCost).toBeNaN()
    expect(cmp.reasons).toContainEqual(
      expect.stringContaining(
        'plan "lookup": no longer plans after the change: column "payload" does not exist'
      )
    )
  } finally {
    await client.query('ALTER TABLE public.items RENAME COLUMN body TO payload')
  }
})

test('no probes and no statements: recording still writes an empty plan-baseline.json', async () => {
  const ctx = makeContext({
    client,
    url: db.url,
    stage: 'validate',
    policyYaml: 'environments:\n  staging: {}\n'
  })
  const record = await recordPlanBaselines(ctx)
  expect(record.baselines).toEqual([])
  expect(record.notes).toContain('the pending migrations touch no tables; no statements to list')
  expect(existsSync(path.join(ctx.evidence.dir, 'plan-baseline.json'))).toBe(true)
})

test('validate: a probe with a second statement after it explains nothing and runs nothing', async () => {
  await client.query(
    'CREATE TABLE public.probe_guard (id int PRIMARY KEY, hit boolean NOT NULL DEFAULT false); INSERT INTO public.probe_guard VALUES (1)'
  )
  const policyYaml = `environments:
  staging:
    probes:
      - name: with-params
        sql: "select id from public.items where restaurant_id = $1; update public.probe_guard set hit = true"
        params: [7]
      - name: generic
        sql: "select id from public.items where restaurant_id = $1; update public.probe_guard set hit = true"
      - name: no-params
        sql: "select 1; update public.probe_guard set hit = true"
`
  const ctx = makeContext({ client, url: db.url, stage: 'validate', policyYaml })
  const record = await recordPlanBaselines(ctx)
  expect(record.baselines.map(b => b.name)).not.toContain('with-params')
  expect(record.baselines.map(b => b.name)).not.toContain('generic')
  expect(record.baselines.map(b => b.name)).not.toContain('no-params')
  expect(record.notes.join('\n')).toContain('no-params: EXPLAIN failed')
  expect(record.notes.join('\n')).toContain('with-params: EXPLAIN failed')
  expect(record.notes.join('\n')).toContain(
    genericPlans
      ? 'generic: EXPLAIN failed'
      : 'generic: has $n parameters and EXPLAIN (GENERIC_PLAN) needs'
  )
  const guard = await client.query('select hit from public.probe_guard')
  expect(guard.rows).toEqual([{ hit: false }])
  await client.query('DROP TABLE public.probe_guard')
})

test('apply with nothing to record: no table is made where none is, and stored baselines are cleared', async () => {
  const fresh = await createTestDatabase('plan_baseline_none')
  try {
    const c = await fresh.client()
    await persistPlanBaselines(c, 'staging', [])
    const made = await c.query(
      `select to_regclass('migration_runbook.plan_baselines') is not null as ok`
    )
    expect(made.rows[0].ok).toBe(false)
  } finally {
    await fresh.drop()
  }
  // Here the table holds an earlier apply's baselines: an apply with none left replaces them with none.
  const before = await client.query(
    `select count(*)::int as n from migration_runbook.plan_baselines where environment = 'staging'`
  )
  expect(before.rows[0].n).toBeGreaterThan(0)
  await persistPlanBaselines(client, 'staging', [])
  const after = await client.query(
    `select count(*)::int as n from migration_runbook.plan_baselines where environment = 'staging'`
  )
  expect(after.rows[0].n).toBe(0)
})
