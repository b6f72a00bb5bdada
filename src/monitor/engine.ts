/**
 * The monitor engine: the environment's health checks sampled every interval for a duration. Each check is
 * either SQL returning one row with a numeric `value`, or `probe: <name>`, the p95 (ms) of a performance probe
 * measured in that interval. A value above `max` or below `min`, or a sample that errors, is a breach: the
 * loop stops at the first one.
 *
 * SQL checks can scope themselves to the interval just watched: each sample runs with
 * current_setting('migration_runbook.since') (timestamptz, the previous sample) and
 * current_setting('migration_runbook.interval_ms') set, in a transaction that is rolled back.
 */
import type pg from 'pg'
import type { MonitorSeries } from '../types.js'
import type { MonitorCheckSpec, ProbeSpec } from '../config/policy.js'
import { extendedQuery } from '../db/connect.js'
import { timeoutSetting } from '../db/timeouts.js'
import { timeStatement } from '../perf/probe.js'
import { percentile, round3 } from '../perf/stats.js'
import { cancellableSleep, CancelledError } from '../cancel.js'

type Queryable = Pick<pg.Client, 'query'>

/** A monitor check as the loop reads it: SQL, or a probe name (a schema addition proposed for policy.ts). */
export type MonitorCheck = Omit<MonitorCheckSpec, 'sql'> & { sql?: string; probe?: string }

export interface MonitorOptions {
  durationMs: number
  intervalMs: number
  checks: MonitorCheck[]
  probes: ProbeSpec[]
  /** Bound for each statement of a sample. */
  statementTimeoutMs: number
  /** A cancelled run stops watching at once and keeps the samples taken so far. */
  signal?: AbortSignal
}

export interface MonitorRun {
  series: MonitorSeries[]
  breaches: string[]
  samples: number
  errors: string[]
}

export interface Sample {
  value: number | null
  error?: string
}

function errorText(e: unknown): string {
  const err = e as Error & { code?: string }
  return `${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`
}

/** Checks names and probe references before anything runs; the error names the check and what is allowed. */
export function validateMonitorChecks(checks: MonitorCheck[], probes: ProbeSpec[]): string[] {
  const problems: string[] = []
  const names = new Set<string>()
  for (const c of checks) {
    if (names.has(c.name))
      problems.push(`monitor check "${c.name}" is defined twice; names must be unique`)
    names.add(c.name)
    if (c.probe !== undefined) {
      if (!probes.some(p => p.name === c.probe)) {
        const allowed = probes.map(p => p.name).join(', ') || '(no probes defined)'
        problems.push(
          `monitor check "${c.name}" has probe "${c.probe}", which is not a probe of this environment; allowed: ${allowed}`
        )
      }
    } else if (!c.sql || !c.sql.trim()) {
      problems.push(`monitor check "${c.name}" has neither sql nor probe; give one of them`)
    }
  }
  return problems
}

async function sampleSql(
  client: Queryable,
  check: MonitorCheck,
  since: Date,
  opts: MonitorOptions
): Promise<Sample> {
  await client.query('BEGIN')
  try {
    await client.query(
      `SELECT set_config('statement_timeout', $1, true), set_config('migration_runbook.since', $2, true),
              set_config('migration_runbook.interval_ms', $3, true)`,
      [
        String(timeoutSetting(opts.statementTimeoutMs)),
        since.toISOString(),
        String(opts.intervalMs)
      ]
    )
    // One statement only: a COMMIT in the text cannot end the rolled-back transaction.
    const res = await client.query(extendedQuery(check.sql!, check.params ?? []))
    if (res.rows.length === 0) return { value: null }
    if (!res.fields.some(f => f.name === 'value')) {
      const cols = res.fields.map(f => f.name).join(', ')
      return {
        value: null,
        error: `returned columns (${cols}); expected one numeric column named value`
      }
    }
    const raw = res.rows[0].value
    if (raw === null || raw === undefined) return { value: null }
    const value = Number(raw)
    if (!Number.isFinite(value))
      return { value: null, error: `returned value ${JSON.stringify(raw)}, which is not a number` }
    return { value }
  } catch (e) {
    return { value: null, error: errorText(e) }
  } finally {
    await client.query('ROLLBACK').catch(() => undefined)
  }
}

async function sampleProbe(
  client: Queryable,
  probe: ProbeSpec,
  opts: MonitorOptions
): Promise<Sample> {
  try {
    const { samplesMs } = await timeStatement(
      client,
      probe.sql,
      probe.params ?? [],
      probe.runs,
      opts.statementTimeoutMs
    )
    return { value: round3(percentile(samplesMs, 95)) }
  } catch (e) {
    return { value: null, error: errorText(e) }
  }
}

function limits(check: MonitorCheck, probes: ProbeSpec[]): { max?: number; min?: number } {
  // A probe check without its own max inherits the probe's p95 threshold.
  const probe = check.probe ? probes.find(p => p.name === check.probe) : undefined
  const max = check.max ?? probe?.['max-p95-ms']
  return {
    ...(max !== undefined ? { max } : {}),
    ...(check.min !== undefined ? { min: check.min } : {})
  }
}

function breachText(s: MonitorSeries, value: number, at: string): string | undefined {
  const unit = s.unit ? ` ${s.unit}` : ''
  if (s.max !== undefined && value > s.max)
    return `${s.name}: ${value}${unit} at ${at} is above max ${s.max}${unit}`
  if (s.min !== undefined && value < s.min)
    return `${s.name}: ${value}${unit} at ${at} is below min ${s.min}${unit}`
  return undefined
}

/**
 * Samples every check once per interval, the first one interval after the start, for `durationMs`.
 * Samples never overlap (each waits for the previous one) and the loop ends on its own: at the deadline,
 * at the sample cap, or at the first breach.
 */
export async function runMonitor(client: Queryable, opts: MonitorOptions): Promise<MonitorRun> {
  if (!(opts.intervalMs > 0))
    throw new Error(`monitor interval is ${opts.intervalMs} ms; allowed: more than 0`)
  const unit = (c: MonitorCheck): string => c.unit || (c.probe ? 'ms' : '')
  const series: MonitorSeries[] = opts.checks.map(c => ({
    name: c.name,
    unit: unit(c),
    ...limits(c, opts.probes),
    points: [],
    breached: false
  }))
  const breaches: string[] = []
  const errors: string[] = []
  const start = Date.now()
  const deadline = start + opts.durationMs
  const maxSamples = Math.max(1, Math.floor(opts.durationMs / opts.intervalMs))
  let since = new Date(start)
  let next = start + opts.intervalMs
  let samples = 0
  while (samples < maxSamples && (samples === 0 || next <= deadline)) {
    try {
      await cancellableSleep(next - Date.now(), opts.signal)
    } catch (e) {
      if (e instanceof CancelledError) break
      throw e
    }
    const at = new Date()
    for (const [i, check] of opts.checks.entries()) {
      const probe = check.probe ? opts.probes.find(p => p.name === check.probe) : undefined
      const s = probe
        ? await sampleProbe(client, probe, opts)
        : await sampleSql(client, check, since, opts)
      const atText = at.toISOString()
      series[i].points.push({ at: atText, value: s.value })
      if (s.error) {
        series[i].breached = true
        errors.push(`${check.name} at ${atText}: ${s.error}`)
        breaches.push(`${check.name}: sample at ${atText} failed: ${s.error}`)
        continue
      }
      const b = s.value === null ? undefined : breachText(series[i], s.value, atText)
      if (b) {
        series[i].breached = true
        breaches.push(b)
      }
    }
    samples++
    since = at
    if (breaches.length > 0) break
    next += opts.intervalMs
    // A sample slower than the interval: skip the missed ticks rather than sampling back to back.
    if (next < Date.now()) next = Date.now() + opts.intervalMs
  }
  return { series, breaches, samples, errors }
}

function fmtValue(v: number | null): string {
  return v === null ? '-' : String(round3(v))
}

export function renderMonitorText(run: MonitorRun, intervalMs: number): string {
  const out = [`# Monitor: ${run.samples} sample(s), every ${intervalMs} ms`, '']
  for (const s of run.series) {
    const limit = [
      s.max !== undefined ? `max ${s.max}` : '',
      s.min !== undefined ? `min ${s.min}` : ''
    ]
      .filter(Boolean)
      .join(', ')
    out.push(
      `## ${s.name} (${s.unit || 'value'}${limit ? `; ${limit}` : ''})${s.breached ? ' BREACHED' : ''}`
    )
    for (const p of s.points) out.push(`${p.at}  ${fmtValue(p.value)}`)
    out.push('')
  }
  if (run.breaches.length) out.push('## Breaches', ...run.breaches.map(b => `- ${b}`))
  return out.join('\n') + '\n'
}

/**
 * One sample of one check over since..now, with its unit and static limits: what the scheduled monitor
 * (stage monitor-window) takes once per run.
 */
export async function sampleMonitorCheck(
  client: Queryable,
  check: MonitorCheck,
  probes: ProbeSpec[],
  since: Date,
  statementTimeoutMs: number
): Promise<Sample & { unit: string; max?: number; min?: number }> {
  const opts: MonitorOptions = {
    durationMs: 0,
    intervalMs: Math.max(1, Date.now() - since.getTime()),
    checks: [check],
    probes,
    statementTimeoutMs
  }
  const probe = check.probe ? probes.find(p => p.name === check.probe) : undefined
  const s = probe
    ? await sampleProbe(client, probe, opts)
    : await sampleSql(client, check, since, opts)
  return { ...s, unit: check.unit || (check.probe ? 'ms' : ''), ...limits(check, probes) }
}
