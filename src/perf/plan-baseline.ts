/**
 * Plan regression across a migration. Before the change, the plans (EXPLAIN, no ANALYZE: nothing runs) of the
 * environment's probes and of the heaviest pg_stat_statements queries on the touched tables are recorded;
 * after it, the same statements are explained again and compared: estimated cost up by more than
 * env.planCostThreshold (a ratio), or a table that was read through an index now read without one, is a
 * regression. Swapping one index for another on the same table is not (a migration that adds a better
 * index changes index use on purpose); the before/after index lists show it.
 *
 * validate changes nothing, so it keeps baselines in the run (SharedFacts.planBaselines) and
 * plan-baseline.json only; apply also persists them into migration_runbook.plan_baselines, which verify
 * (a later job) reads.
 */
import type pg from 'pg'
import type { PlanRegression } from '../types.js'
import type { ProbeSpec } from '../config/policy.js'
import type { EvidenceWriter } from '../report/evidence.js'
import type { Logger } from '../report/logger.js'
import {
  explain,
  hasPlaceholders,
  indexedRelations,
  serverVersionNum,
  type PlanNode
} from './explain.js'
import { topStatements } from './statements.js'
import { quoteLiteral, quoteTextArray } from '../db/connect.js'

type Queryable = Pick<pg.Client, 'query'>

const GENERIC_PLAN_MIN_VERSION = 160000
const TOP_STATEMENTS = 10

export interface PlanBaseline {
  name: string
  sql: string
  params: unknown[]
  totalCost: number
  indexes: string[]
  plan: PlanNode
  recordedAt: string
}

export interface BaselineRecord {
  baselines: PlanBaseline[]
  /** Statements that could not be explained, one line each. */
  notes: string[]
  persisted: boolean
}

export interface PlanComparison {
  /** Where the baselines came from: this run (SharedFacts.planBaselines), the table (an earlier apply), or nowhere. */
  source: 'run' | 'table' | 'none'
  regressions: PlanRegression[]
  /** One line per regression. */
  reasons: string[]
  notes: string[]
}

export const PLAN_BASELINES_DDL = `
CREATE SCHEMA IF NOT EXISTS migration_runbook;
CREATE TABLE IF NOT EXISTS migration_runbook.plan_baselines (
  environment text NOT NULL,
  name text NOT NULL,
  sql text NOT NULL,
  params jsonb NOT NULL DEFAULT '[]'::jsonb,
  total_cost float8 NOT NULL,
  indexes text[] NOT NULL DEFAULT '{}',
  plan jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (environment, name)
);
`

/** pg_stat_statements text has $n placeholders and no values: only a generic plan can be explained. */
function needsGenericPlan(sql: string, params: unknown[]): boolean {
  return params.length === 0 && hasPlaceholders(sql)
}

async function explainBaseline(
  client: Queryable,
  sql: string,
  params: unknown[],
  version: number
): Promise<{ totalCost: number; indexes: string[]; plan: PlanNode } | { skip: string }> {
  const generic = needsGenericPlan(sql, params)
  if (generic && version < GENERIC_PLAN_MIN_VERSION) {
    return {
      skip: `has $n parameters and EXPLAIN (GENERIC_PLAN) needs PostgreSQL 16+ (server ${version})`
    }
  }
  const e = await explain(client, sql, params, { generic })
  return { totalCost: e.totalCost, indexes: e.indexes, plan: e.plan }
}

function errorText(e: unknown): string {
  const err = e as Error & { code?: string }
  return `${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`
}

/**
 * What the baselines are recorded from and where they go: the parts of a run this needs (a stage context
 * has them all, so the apply and rehearsal checks pass theirs).
 */
export interface BaselineRecording {
  client: Queryable
  /** The environment: its name (the stored rows' key) and its probes. */
  env: { name: string; probes: ProbeSpec[] }
  /** The tables the pending migrations touch: the hot statements on them get a baseline too. */
  plan: { touchedTables: string[] }
  evidence: EvidenceWriter
  log: Logger
  /** Where the run keeps the baselines for its performance check (SharedFacts.planBaselines). */
  shared: { planBaselines?: PlanBaseline[] }
}

/** Explains the probes and the top statements on `touchedTables` now (EXPLAIN, nothing runs). */
export async function explainPlanBaselines(
  client: Queryable,
  probes: ProbeSpec[],
  touchedTables: string[]
): Promise<{ baselines: PlanBaseline[]; notes: string[]; recordedAt: string }> {
  const version = await serverVersionNum(client)
  const candidates: { name: string; sql: string; params: unknown[] }[] = probes.map(p => ({
    name: p.name,
    sql: p.sql,
    params: p.params ?? []
  }))
  const notes: string[] = []
  const top = await topStatements(client, touchedTables, TOP_STATEMENTS)
  if (top.note) notes.push(top.note)
  const probeSql = new Set(candidates.map(c => c.sql.trim()))
  for (const s of top.statements) {
    // A probe run earlier shows up in pg_stat_statements too; one baseline is enough.
    if (probeSql.has(s.query.trim())) continue
    candidates.push({ name: `statement:${s.queryid}`, sql: s.query, params: [] })
  }

  const baselines: PlanBaseline[] = []
  const recordedAt = new Date().toISOString()
  for (const c of candidates) {
    try {
      const r = await explainBaseline(client, c.sql, c.params, version)
      if ('skip' in r) {
        notes.push(`${c.name}: ${r.skip}; no baseline`)
        continue
      }
      baselines.push({ ...c, ...r, recordedAt })
    } catch (e) {
      notes.push(`${c.name}: EXPLAIN failed, no baseline: ${errorText(e)}`)
    }
  }
  return { baselines, notes, recordedAt }
}

/**
 * Explains the baselines now, hands them to the run's later checks (shared.planBaselines) and writes
 * plan-baseline.json (and, with persist, the table).
 */
export async function recordPlanBaselines(
  run: BaselineRecording,
  opts: { persist?: boolean } = {}
): Promise<BaselineRecord> {
  const { baselines, notes, recordedAt } = await explainPlanBaselines(
    run.client,
    run.env.probes,
    run.plan.touchedTables
  )
  run.shared.planBaselines = baselines
  run.evidence.writeJson('plan-baseline.json', {
    environment: run.env.name,
    recordedAt,
    baselines,
    notes
  })
  run.log.info(
    `plan baseline: ${baselines.length} statement(s) explained${notes.length ? `, ${notes.length} note(s)` : ''}`
  )
  if (opts.persist) await persistPlanBaselines(run.client, run.env.name, baselines)
  return { baselines, notes, persisted: opts.persist === true }
}

/**
 * Replaces the environment's stored baselines (creating the table if missing), in one transaction sent as one
 * round trip: a hosted database is 10–100 ms away per query, and there is a row per probe.
 */
export async function persistPlanBaselines(
  client: Queryable,
  environment: string,
  baselines: PlanBaseline[]
): Promise<void> {
  // Nothing to store and nothing stored (a first apply whose probes name tables it creates): no DDL to run.
  if (baselines.length === 0 && !(await baselineTableExists(client))) return
  // Untyped literals take their column's type, as parameters would.
  const rows = baselines.map(
    b =>
      `(${[
        quoteLiteral(environment),
        quoteLiteral(b.name),
        quoteLiteral(b.sql),
        quoteLiteral(JSON.stringify(b.params)),
        quoteLiteral(String(b.totalCost)),
        quoteTextArray(b.indexes),
        quoteLiteral(JSON.stringify(b.plan)),
        quoteLiteral(b.recordedAt)
      ].join(', ')})`
  )
  const statements = [
    'BEGIN',
    // Serialised so two first runs do not race on CREATE TABLE IF NOT EXISTS.
    `SELECT pg_advisory_xact_lock(hashtext('migration_runbook.ddl'))`,
    PLAN_BASELINES_DDL.trim().replace(/;$/, ''),
    `DELETE FROM migration_runbook.plan_baselines WHERE environment = ${quoteLiteral(environment)}`,
    ...(rows.length
      ? [
          `INSERT INTO migration_runbook.plan_baselines (environment, name, sql, params, total_cost, indexes, plan, recorded_at)
         VALUES ${rows.join(',\n')}`
        ]
      : []),
    'COMMIT'
  ]
  try {
    await client.query(statements.join(';\n'))
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  }
}

async function baselineTableExists(client: Queryable): Promise<boolean> {
  const { rows } = await client.query<{ ok: boolean }>(
    `SELECT to_regclass('migration_runbook.plan_baselines') IS NOT NULL AS ok`
  )
  return rows[0]?.ok === true
}

/** The environment's stored baselines; null when the table does not exist (reads only, creates nothing). */
export async function loadPlanBaselines(
  client: Queryable,
  environment: string
): Promise<PlanBaseline[] | null> {
  if (!(await baselineTableExists(client))) return null
  const res = await client.query(
    `SELECT name, sql, params, total_cost, indexes, plan, recorded_at
       FROM migration_runbook.plan_baselines WHERE environment = $1 ORDER BY name`,
    [environment]
  )
  return res.rows.map(r => ({
    name: r.name,
    sql: r.sql,
    params: Array.isArray(r.params) ? r.params : [],
    totalCost: Number(r.total_cost),
    indexes: r.indexes ?? [],
    plan: r.plan,
    recordedAt: new Date(r.recorded_at).toISOString()
  }))
}

/** One baseline against its plan now. */
export function comparePlan(
  before: Pick<PlanBaseline, 'name' | 'totalCost' | 'indexes' | 'plan'>,
  after: { totalCost: number; indexes: string[]; plan: PlanNode },
  threshold: number
): { regression: PlanRegression; reasons: string[] } {
  const reasons: string[] = []
  if (before.totalCost > 0 && after.totalCost > before.totalCost * threshold) {
    const ratio = (after.totalCost / before.totalCost).toFixed(1)
    reasons.push(
      `plan "${before.name}": estimated cost rose ${ratio}x (${before.totalCost} -> ${after.totalCost}), over the ${threshold}x threshold`
    )
  }
  const nowIndexed = new Set(indexedRelations(after.plan))
  const lost = indexedRelations(before.plan).filter(r => !nowIndexed.has(r))
  if (lost.length > 0) {
    const was = before.indexes.join(', ') || 'an index'
    const now = after.indexes.join(', ') || 'no index'
    reasons.push(
      `plan "${before.name}": ${lost.join(', ')} no longer read through an index (was ${was}, now ${now})`
    )
  }
  return {
    regression: {
      name: before.name,
      beforeCost: before.totalCost,
      afterCost: after.totalCost,
      beforeIndexes: before.indexes,
      afterIndexes: after.indexes,
      regressed: reasons.length > 0
    },
    reasons
  }
}

/** What the plans are compared against: this run's baselines if it recorded some, else the stored ones. */
export interface BaselineComparison {
  /** The environment whose stored baselines are read when the run recorded none. */
  environment: string
  /** env.planCostThreshold: the cost ratio above which a plan regressed. */
  planCostThreshold: number
  /** This run's baselines (SharedFacts.planBaselines), when an earlier check recorded them. */
  fromRun?: PlanBaseline[]
}

/** Explains every baseline again (this run's, else the stored ones) and lists what regressed. */
export async function comparePlanBaselines(
  client: Queryable,
  input: BaselineComparison
): Promise<PlanComparison> {
  let source: PlanComparison['source'] = 'run'
  let baselines = input.fromRun
  if (!baselines) {
    const stored = await loadPlanBaselines(client, input.environment)
    source = stored && stored.length > 0 ? 'table' : 'none'
    baselines = stored ?? []
  }
  const notes: string[] = []
  if (source === 'none') {
    notes.push(
      `no plan baseline recorded for environment "${input.environment}" (the apply stage records one before it changes anything)`
    )
  }
  const version = baselines.length > 0 ? await serverVersionNum(client) : 0
  const regressions: PlanRegression[] = []
  const reasons: string[] = []
  for (const b of baselines) {
    try {
      const now = await explainBaseline(client, b.sql, b.params, version)
      if ('skip' in now) {
        notes.push(`${b.name}: ${now.skip}; not compared`)
        continue
      }
      const c = comparePlan(b, now, input.planCostThreshold)
      regressions.push(c.regression)
      reasons.push(...c.reasons)
    } catch (e) {
      // The statement no longer plans (a dropped column or table): the application's query is broken.
      regressions.push({
        name: b.name,
        beforeCost: b.totalCost,
        afterCost: NaN,
        beforeIndexes: b.indexes,
        afterIndexes: [],
        regressed: true
      })
      reasons.push(`plan "${b.name}": no longer plans after the change: ${errorText(e)}`)
    }
  }
  return { source, regressions, reasons, notes }
}
