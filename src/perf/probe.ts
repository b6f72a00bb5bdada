/**
 * One performance probe: EXPLAIN (ANALYZE, BUFFERS) once, then the plain statement `runs` times. Each run is
 * timed on the server: clock_timestamp() read just before it and just after it, the runs sent in batches (two
 * round trips for a hot query). That is the query's time as an application next to the database sees it,
 * without the round trip from wherever the runbook runs: timed on the client, a runner 250 ms from the database
 * measured a 0.5 ms query at 253 ms and failed its 200 ms threshold after the migrations were applied (through
 * a latency proxy). Text the parser cannot vouch for as one statement is timed on the client, a round trip per
 * run, as before. Every execution sits in a transaction that is rolled back, so a probe never changes data, and
 * under a statement_timeout, so a runaway probe cannot hang the stage.
 */
import type pg from 'pg'
import type { EnvironmentPolicy, ProbeSpec } from '../config/policy.js'
import type { ProbeResult } from '../types.js'
import { extendedQuery, quoteLiteral } from '../db/connect.js'
import { setTimeoutsSql } from '../db/timeouts.js'
import { loadParser, parseSql, scanTokens, TextIndex } from '../sql/parser.js'
import { explain, explainableSql, type PlanNode } from './explain.js'
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
  /** Time of each plain run, ms: on the server (one batch), or on the client when the text could not be batched. */
  samplesMs: number[]
  timedOn?: TimedOn
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

const statementTimeout = (timeoutMs: number) => setTimeoutsSql('LOCAL', { statementMs: timeoutMs })

/** BEGIN and the transaction's statement_timeout, in one round trip. */
const beginWithTimeout = (timeoutMs: number) => `BEGIN; ${statementTimeout(timeoutMs)}`

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

/** Where a probe's runs were timed: see the module's comment. */
export type TimedOn = 'server' | 'client'

export interface TimedRuns {
  samplesMs: number[]
  timedOn: TimedOn
}

/**
 * The probe's text with each `$n` written as the literal of its value (an untyped literal, resolved by its
 * context as the untyped parameter would be; null as NULL), for a batch of the simple protocol. Undefined when
 * the parser cannot vouch for exactly one statement, or the values do not fill the placeholders one to one: a
 * batch must not run a second statement (`; COMMIT; ...` would escape the rolled-back transaction), and the
 * server's own error about the values is the one to report.
 */
export async function inlinedStatement(
  sql: string,
  params: readonly unknown[]
): Promise<string | undefined> {
  await loadParser()
  const text = explainableSql(sql)
  const parsed = parseSql(text)
  if (parsed.error || parsed.statements.length !== 1) return undefined
  const index = new TextIndex(text)
  const used = new Set<number>()
  let out = ''
  let at = 0
  for (const token of scanTokens(text)) {
    if (token.tokenName !== 'PARAM') continue
    const n = Number(token.text.slice(1))
    if (!Number.isInteger(n) || n < 1 || n > params.length) return undefined
    used.add(n)
    const value = params[n - 1]
    const literal = quoteLiteral(value === null || value === undefined ? null : String(value))
    out += text.slice(at, index.charOffset(token.start)) + literal
    at = index.charOffset(token.end)
  }
  if (used.size !== params.length) return undefined
  return out + text.slice(at)
}

/** The server's clock in ms, read by one statement of a batch. */
const CLOCK = 'SELECT (extract(epoch FROM pg_catalog.clock_timestamp()) * 1000)::float8 AS mr_t'
const SAVEPOINT = 'migration_runbook_probe'

/**
 * At most this many result rows held at once: a batch keeps every run's rows until it ends, and a probe may
 * return many (runs go up to 1,000). Timed one at a time, each run's rows were dropped before the next.
 */
export const PROBE_BATCH_ROWS = 20_000

/**
 * `runs` executions of `text`, each between two reads of the server's clock, in simple-protocol batches of one
 * transaction, rolled back by the last batch. The first batch is one run, which shows how many rows a run
 * returns; the next take as many runs as PROBE_BATCH_ROWS allows: all the rest for a hot query (two round trips
 * in all), one each for a probe that returns a table. Read-only: all runs share the read-only transaction.
 * Otherwise each run is rolled back to a savepoint before the next, so each sees the data as it was. On an
 * error the server skips the rest of the batch; the transaction is then rolled back on its own.
 */
async function serverTimedRuns(
  client: Queryable,
  text: string,
  runs: number,
  timeoutMs: number,
  readOnly: boolean
): Promise<number[]> {
  const samples: number[] = []
  let perBatch = 1
  try {
    while (samples.length < runs) {
      const n = Math.min(perBatch, runs - samples.length)
      // The first batch opens the transaction; the last one rolls it back.
      const statements =
        samples.length === 0
          ? [
              'BEGIN',
              statementTimeout(timeoutMs),
              ...(readOnly ? ['SET TRANSACTION READ ONLY'] : [])
            ]
          : []
      const clocks: number[] = []
      for (let i = 0; i < n; i++) {
        if (!readOnly) statements.push(`SAVEPOINT ${SAVEPOINT}`)
        clocks.push(statements.push(CLOCK) - 1)
        statements.push(text)
        statements.push(CLOCK)
        if (!readOnly) statements.push(`ROLLBACK TO SAVEPOINT ${SAVEPOINT}`)
      }
      const last = samples.length + n === runs
      if (last) statements.push('ROLLBACK')
      // A newline before each `;`: a probe ending in a -- comment must not swallow it.
      const results = (await client.query(statements.join('\n;\n'))) as unknown as {
        rows: { mr_t?: unknown }[]
      }[]
      for (const before of clocks)
        samples.push(
          Number(results[before + 2].rows[0].mr_t) - Number(results[before].rows[0].mr_t)
        )
      const rows = Math.max(1, results[clocks[0] + 1].rows.length)
      perBatch = Math.max(1, Math.floor(PROBE_BATCH_ROWS / rows))
    }
  } catch (e) {
    // The batch that failed opened the transaction or found it open: the server skipped its ROLLBACK.
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  }
  return samples
}

/**
 * Times `runs` executions of the probe (see the module's comment): on the server, in batches, when the parser
 * vouches for the text; else on the client, one round trip per run.
 *
 * Read-only first: a probe that writes, or calls what writes, is refused by the server at its first write,
 * before it changed anything; it is then timed in a read-write transaction, each run undone before the next.
 */
export async function timeStatement(
  client: Queryable,
  sql: string,
  params: unknown[],
  runs: number,
  timeoutMs: number
): Promise<TimedRuns> {
  if (runs < 1) return { samplesMs: [], timedOn: 'server' }
  const text = await inlinedStatement(sql, params)
  if (text === undefined)
    return {
      samplesMs: await clientTimedRuns(client, sql, params, runs, timeoutMs),
      timedOn: 'client'
    }
  let samplesMs: number[]
  try {
    samplesMs = await serverTimedRuns(client, text, runs, timeoutMs, true)
  } catch (e) {
    if ((e as { code?: string }).code !== READ_ONLY_SQL_TRANSACTION) throw e
    samplesMs = await serverTimedRuns(client, text, runs, timeoutMs, false)
  }
  return { samplesMs, timedOn: 'server' }
}

/**
 * Wall times on the client, one query per run, nothing else inside the timing; all runs share one read-only
 * transaction, or (a probe that writes, refused at its first run) each run has a transaction of its own, rolled
 * back (one run's ROLLBACK and the next one's BEGIN share a round trip).
 */
async function clientTimedRuns(
  client: Queryable,
  sql: string,
  params: unknown[],
  runs: number,
  timeoutMs: number
): Promise<number[]> {
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
    const timed = await timeStatement(client, spec.sql, params, spec.runs, timeoutMs)
    plan.samplesMs = timed.samplesMs.map(round3)
    plan.timedOn = timed.timedOn
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
