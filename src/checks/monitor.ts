/**
 * monitor: the environment's health checks sampled every interval for a duration. Each check is either SQL
 * returning one row with a numeric `value`, or `probe: <name>`, the p95 (ms) of a performance probe measured
 * in that interval. A value above `max` or below `min`, or a sample that errors, is a breach: the loop stops
 * and the stage fails (details.onBreach tells the runner whether to roll back).
 *
 * SQL checks can scope themselves to the interval just watched: each sample runs with
 * current_setting('migration_runbook.since') (timestamptz, the previous sample) and
 * current_setting('migration_runbook.interval_ms') set, in a transaction that is rolled back.
 */
import type pg from 'pg'
import type { Check, CheckOutcome, MonitorSeries, StageContext } from '../types.js'
import type { MonitorCheckSpec, ProbeSpec } from '../config/policy.js'
import { extendedQuery } from '../perf/explain.js'
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

interface Sample {
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
      [String(opts.statementTimeoutMs), since.toISOString(), String(opts.intervalMs)]
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
    const samples = await timeStatement(
      client,
      probe.sql,
      probe.params ?? [],
      probe.runs,
      opts.statementTimeoutMs
    )
    return { value: round3(percentile(samples, 95)) }
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

/** Text safe inside a mermaid double-quoted string. */
function mermaidText(text: string): string {
  return text.replace(/["\n\r`]/g, ' ').trim()
}

/**
 * One mermaid xychart-beta per series (GitHub renders them), with the threshold as a second line.
 * Missing values are drawn as 0 (xychart has no gaps) and the title says so.
 */
export function renderMonitorChart(series: MonitorSeries[]): string {
  const charts: string[] = []
  for (const s of series) {
    if (s.points.length === 0) continue
    const values = s.points.map(p => (p.value === null ? 0 : round3(p.value)))
    const gaps = s.points.some(p => p.value === null)
    const labels = s.points.map(p => `"${p.at.slice(11, 19)}"`)
    const limit = s.max ?? s.min
    const top = Math.max(...values, limit ?? 0)
    const yMax = top > 0 ? round3(top * 1.1) : 1
    const yMin = Math.min(0, ...values)
    const title = `${s.name}${s.unit ? ` (${s.unit})` : ''}${s.breached ? ' - BREACHED' : ''}${gaps ? ' - missing samples drawn as 0' : ''}`
    const lines = [
      '```mermaid',
      'xychart-beta',
      `  title "${mermaidText(title)}"`,
      `  x-axis [${labels.join(', ')}]`,
      `  y-axis "${mermaidText(s.unit || 'value')}" ${yMin} --> ${yMax}`,
      `  line [${values.join(', ')}]`
    ]
    if (limit !== undefined) lines.push(`  line [${values.map(() => limit).join(', ')}]`)
    lines.push('```')
    charts.push(lines.join('\n'))
  }
  return charts.join('\n\n')
}

export async function runMonitorCheck(ctx: StageContext): Promise<CheckOutcome> {
  const m = ctx.env.monitor
  if (!m || m.checks.length === 0) {
    return {
      status: 'skip',
      summary: 'no monitor checks configured',
      reasons: [
        `add monitor: { duration, interval, checks } for environment "${ctx.env.name}" in runbook.yml`
      ],
      details: { series: [], intervalMs: m?.intervalMs ?? 0, breaches: [] }
    }
  }
  const checks = m.checks as MonitorCheck[]
  const problems = validateMonitorChecks(checks, ctx.env.probes)
  if (problems.length > 0) {
    return {
      status: 'fail',
      summary: 'invalid monitor configuration',
      reasons: problems,
      details: { series: [], intervalMs: m.intervalMs, breaches: [] }
    }
  }
  ctx.log.info(`monitor: ${checks.length} check(s) every ${m.intervalMs} ms for ${m.durationMs} ms`)
  const run = await runMonitor(ctx.client, {
    durationMs: m.durationMs,
    intervalMs: m.intervalMs,
    checks,
    probes: ctx.env.probes,
    statementTimeoutMs: Math.min(ctx.env.statementTimeoutMs, Math.max(m.intervalMs, 5_000)),
    signal: ctx.signal
  })
  ctx.evidence.write('monitor.txt', renderMonitorText(run, m.intervalMs))
  for (const b of run.breaches) ctx.log.warn(`monitor breach: ${b}`)
  const details = {
    series: run.series,
    intervalMs: m.intervalMs,
    durationMs: m.durationMs,
    samples: run.samples,
    breaches: run.breaches,
    /** Samples that failed to run (also breaches): a broken query is no reason to roll back. */
    errors: run.errors,
    onBreach: m.onBreach
  }
  if (run.breaches.length > 0) {
    const action = m.onBreach === 'rollback' ? '; on-breach: rollback' : ''
    return {
      status: 'fail',
      summary: `threshold breached after ${run.samples} sample(s)${action}`,
      reasons: run.breaches,
      details
    }
  }
  return {
    status: 'pass',
    summary: `${checks.length} check(s) within thresholds over ${run.samples} sample(s)`,
    details
  }
}

export const monitorCheck: Check = {
  id: 'monitor',
  title: 'Post-deploy health monitor',
  run: runMonitorCheck
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
