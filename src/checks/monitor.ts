/**
 * monitor: the environment's health checks watched for monitor.duration, sampled every monitor.interval
 * (the engine is src/monitor/engine.ts). A breach fails the stage; details.onBreach tells the stage table
 * whether to roll back (monitorAsksRollback).
 */
import {
  findCheck,
  type Check,
  type CheckOutcome,
  type CheckResult,
  type CheckResultOf,
  type StageContext
} from '../types.js'
import { renderMonitorSection } from '../monitor/section.js'
import {
  renderMonitorText,
  runMonitor,
  validateMonitorChecks,
  type MonitorCheck
} from '../monitor/engine.js'
import type { MonitorDetails, MonitorWatchDetails } from '../monitor/details.js'

/** What the monitor checks report; the scheduled one (monitor-window.ts) shares the id and the union. */
declare module '../types.js' {
  interface CheckDetails {
    monitor: MonitorDetails
  }
}

export async function runMonitorCheck(
  ctx: StageContext
): Promise<CheckOutcome<MonitorWatchDetails>> {
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
  const details: MonitorWatchDetails = {
    series: run.series,
    intervalMs: m.intervalMs,
    durationMs: m.durationMs,
    samples: run.samples,
    breaches: run.breaches,
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

/** The in-job watch's result (only it carries onBreach; the scheduled monitor's is onBreachPolicy). */
function isWatch(
  result: CheckResultOf<'monitor'>
): result is CheckResultOf<'monitor'> & { details: Partial<MonitorWatchDetails> } {
  return 'onBreach' in result.details
}

/**
 * Whether a monitor result asks the stage to roll back: only a measured threshold breach with on-breach
 * rollback. A monitor query that fails (a typo, a table not there yet) fails the stage but must not revert
 * a migration on its own.
 */
export function monitorAsksRollback(results: readonly CheckResult[]): boolean {
  const monitor = findCheck(results, 'monitor')
  if (monitor?.status !== 'fail' || !isWatch(monitor)) return false
  if (monitor.details.onBreach !== 'rollback') return false
  const breaches = monitor.details.breaches?.length ?? 0
  const errors = monitor.details.errors?.length ?? 0
  return breaches - errors > 0
}

export const monitorCheck: Check<'monitor'> = {
  id: 'monitor',
  title: 'Post-deploy health monitor',
  run: runMonitorCheck,
  // Samples for the whole monitor duration: not watched for lock waits.
  long: true,
  sections: result => [{ name: 'monitor charts', priority: 8, text: renderMonitorSection(result) }]
}
