/**
 * One performance probe: EXPLAIN (ANALYZE, BUFFERS) once, then the plain statement `runs` times, timed on the
 * client (the latency the application sees). Every execution sits in a transaction that is rolled back, so a
 * probe never changes data, and under a statement_timeout, so a runaway probe cannot hang the stage.
 */
import type pg from 'pg'
import type { EnvironmentPolicy, ProbeSpec } from '../config/policy.js'
import type { ProbeResult } from '../types.js'
import { explain, explainableSql, extendedQuery, type PlanNode } from './explain.js'
import { elapsedMs, percentile, round3 } from './stats.js'

type Queryable = Pick<pg.Client, 'query'>

/** What details.plans holds per probe. */
export interface ProbePlan {
  name: string
  sql: string
  params: unknown[]
  /** EXPLAIN ANALYZE's own figures (server side, one run). */
  executionTimeMs?: number
  planningTimeMs?: number
  totalCost?: number
  indexes: string[]
  plan?: PlanNode
  /** Client-side wall time of each plain run, ms. */
  samplesMs: number[]
  error?: { message: string; code?: string; position?: string }
}

export interface ProbeRun {
  result: ProbeResult
  plan: ProbePlan
}

/** "public.foo_idx" and "foo_idx" name the same index for the expectation (plans carry bare names). */
export function bareIndexName(name: string): string {
  const dot = name.lastIndexOf('.')
  return (dot >= 0 ? name.slice(dot + 1) : name).replace(/^"|"$/g, '')
}

/** BEGIN and the transaction's statement_timeout, in one round trip. */
const beginWithTimeout = (timeoutMs: number) =>
  `BEGIN; SET LOCAL statement_timeout = ${Math.max(0, Math.round(timeoutMs))}`

/** `fn` in a transaction opened by `begin` (see beginWithTimeout), always rolled back. */
async function inRolledBackTransaction<T>(
  client: Queryable,
  begin: string,
  fn: () => Promise<T>
): Promise<T> {
  await client.query(begin)
  try {
    return await fn()
  } finally {
    await client.query('ROLLBACK')
  }
}

/** SQLSTATE of a write in a read-only transaction. */
const READ_ONLY_SQL_TRANSACTION = '25006'

/**
 * Times `runs` executions of the probe in a transaction opened by `begin` and rolled back at the end, with
 * `between` (when given) sent before each run after the first. Samples are pushed to `samples` as they are taken.
 */
async function timedRuns(
  client: Queryable,
  query: pg.QueryConfig,
  runs: number,
  begin: string,
  samples: number[],
  between?: string
): Promise<number[]> {
  return inRolledBackTransaction(client, begin, async () => {
    for (let i = 0; i < runs; i++) {
      if (i > 0 && between) await client.query(between)
      const start = process.hrtime.bigint()
      await client.query(query)
      samples.push(elapsedMs(start))
    }
    return samples
  })
}

/**
 * Wall times of `runs` executions of the probe; one query per run, nothing else inside the timing.
 *
 * All runs share one read-only transaction, rolled back: no round trip between two runs (on a hosted database
 * 20 runs paid 20 more round trips, ~0.6 s at 30 ms). A probe that writes, or calls what writes, is refused by
 * the server at its first run, before it changed anything; it is then timed with a transaction of its own per
 * run, rolled back, so each run sees the data as it was (one run's ROLLBACK and the next one's BEGIN share a
 * round trip).
 */
export async function timeStatement(
  client: Queryable,
  sql: string,
  params: unknown[],
  runs: number,
  timeoutMs: number
): Promise<number[]> {
  if (runs < 1) return []
  const query = extendedQuery(explainableSql(sql), params)
  const begin = beginWithTimeout(timeoutMs)
  const shared: number[] = []
  try {
    return await timedRuns(client, query, runs, `${begin}; SET TRANSACTION READ ONLY`, shared)
  } catch (e) {
    if (shared.length > 0 || (e as { code?: string }).code !== READ_ONLY_SQL_TRANSACTION) throw e
  }
  return timedRuns(client, query, runs, begin, [], `ROLLBACK; ${begin}`)
}

export async function runProbe(
  client: Queryable,
  spec: ProbeSpec,
  timeoutMs: number
): Promise<ProbeRun> {
  const params = spec.params ?? []
  const expected = spec['expect-index']
  const plan: ProbePlan = { name: spec.name, sql: spec.sql, params, indexes: [], samplesMs: [] }
  const result: ProbeResult = {
    name: spec.name,
    runs: spec.runs,
    p50Ms: NaN,
    p95Ms: NaN,
    maxP95Ms: spec['max-p95-ms'],
    indexesUsed: [],
    ...(expected ? { expectedIndex: expected } : {}),
    pass: false
  }
  try {
    // EXPLAIN ANALYZE first: it also warms the cache the timed runs then read.
    const explained = await inRolledBackTransaction(client, beginWithTimeout(timeoutMs), () =>
      explain(client, spec.sql, params, { analyze: true })
    )
    plan.executionTimeMs = explained.executionTimeMs
    plan.planningTimeMs = explained.planningTimeMs
    plan.totalCost = explained.totalCost
    plan.indexes = explained.indexes
    plan.plan = explained.plan
    plan.samplesMs = (await timeStatement(client, spec.sql, params, spec.runs, timeoutMs)).map(
      round3
    )
  } catch (e) {
    const err = e as Error & { code?: string; position?: string }
    plan.error = { message: err.message, code: err.code, position: err.position }
    return { result, plan }
  }
  result.indexesUsed = plan.indexes
  result.p50Ms = round3(percentile(plan.samplesMs, 50))
  result.p95Ms = round3(percentile(plan.samplesMs, 95))
  const indexOk = !expected || plan.indexes.includes(bareIndexName(expected))
  result.pass = result.p95Ms <= result.maxP95Ms && indexOk
  return { result, plan }
}

/** Why a probe failed, one line each (empty when it passed). */
export function probeReasons(run: ProbeRun): string[] {
  const { result, plan } = run
  if (plan.error) {
    const code = plan.error.code ? ` (SQLSTATE ${plan.error.code})` : ''
    return [`probe "${result.name}" failed to run: ${plan.error.message}${code}`]
  }
  const reasons: string[] = []
  if (result.p95Ms > result.maxP95Ms) {
    reasons.push(
      `probe "${result.name}": p95 ${result.p95Ms} ms over ${result.runs} runs exceeds max-p95-ms ${result.maxP95Ms}`
    )
  }
  if (result.expectedIndex && !result.indexesUsed.includes(bareIndexName(result.expectedIndex))) {
    const used = result.indexesUsed.length ? result.indexesUsed.join(', ') : 'no index'
    reasons.push(
      `probe "${result.name}": expected index ${result.expectedIndex} is not used (plan uses ${used})`
    )
  }
  return reasons
}

/** Per-run bound: generous against the threshold, never above the environment's statement timeout. */
export function probeTimeoutMs(
  spec: ProbeSpec,
  env: Pick<EnvironmentPolicy, 'statementTimeoutMs'>
): number {
  return Math.min(env.statementTimeoutMs, Math.max(10_000, spec['max-p95-ms'] * 100))
}
