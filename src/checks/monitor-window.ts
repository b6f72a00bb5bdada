/**
 * monitor (stage monitor-window): the scheduled monitor. A job cannot watch for 48 hours, so a cron
 * workflow runs this stage every 30 minutes: it finds the deploys of the last monitor.window in the audit
 * log, takes one sample of each monitor check, stores it in migration_runbook.monitor_samples, redraws
 * each deploy's tracking comment with the window's charts so far, and on a breach acts by on-breach.
 */
import type { Check, CheckOutcome, MonitorSeries, StageContext } from '../types.js'
import { renderMonitorSection } from '../monitor/section.js'
import { sampleMonitorCheck, validateMonitorChecks, type MonitorCheck } from '../monitor/engine.js'
import type { MonitorDetails, MonitorWindowDetails } from '../monitor/details.js'
import { ensureHistoryTables } from '../plan/history.js'
import { findDeploys, type Deploy } from '../monitor/window.js'
import {
  insertSamples,
  previousSamples,
  readDeploySeries,
  type StoredSample
} from '../monitor/samples.js'
import { judgeSample } from '../monitor/evaluate.js'
import { publishDeploy, type Published } from '../monitor/publish.js'
import { githubTarget } from '../monitor/tracking.js'
import { formatDuration } from '../config/policy.js'
import { runUrl } from '../github/context.js'
import { deployLabel } from '../report/monitor-window-section.js'

/** Same id and same union as the in-job monitor (monitor.ts): this check fills MonitorWindowDetails. */
declare module '../types.js' {
  interface CheckDetails {
    monitor: MonitorDetails
  }
}

interface TakenSample {
  check: MonitorCheck
  value: number | null
  error?: string
  threshold: number | null
  unit: string
  breach?: string
  since: Date
}

/** One sample of every check, judged against its limits and the previous interval. */
async function takeSamples(
  ctx: StageContext,
  checks: MonitorCheck[],
  deploys: Deploy[],
  takenAt: Date
): Promise<TakenSample[]> {
  const previous = await previousSamples(ctx.client, ctx.env.name)
  const firstDeploy = deploys[0].deployedAt
  const out: TakenSample[] = []
  for (const check of checks) {
    const prev = previous.get(check.name)
    // The interval since the previous sample, never reaching back before the oldest watched deploy.
    const since = new Date(Math.max(prev?.takenAt.getTime() ?? 0, firstDeploy.getTime()))
    const s = await sampleMonitorCheck(
      ctx.client,
      check,
      ctx.env.probes,
      since,
      Math.min(ctx.env.statementTimeoutMs, 60_000)
    )
    const j = judgeSample({ name: check.name, ...s, spike: check.spike, since, takenAt }, prev)
    out.push({ check, ...s, threshold: j.threshold ?? s.min ?? null, breach: j.breach, since })
  }
  return out
}

function skip(summary: string, reasons: string[]): CheckOutcome<MonitorWindowDetails> {
  return { status: 'skip', summary, reasons, details: { series: [], breaches: [], deploys: [] } }
}

export async function runMonitorWindowCheck(
  ctx: StageContext
): Promise<CheckOutcome<MonitorWindowDetails>> {
  const m = ctx.env.monitor
  if (!m || m.checks.length === 0)
    return skip('no monitor checks configured', [
      `add monitor: { duration, interval, window, checks } for environment "${ctx.env.name}" in runbook.yml`
    ])
  const checks = m.checks as MonitorCheck[]
  const problems = validateMonitorChecks(checks, ctx.env.probes)
  if (problems.length > 0)
    return {
      status: 'fail',
      summary: 'invalid monitor configuration',
      reasons: problems,
      details: { series: [], breaches: [], deploys: [] }
    }
  await ensureHistoryTables(ctx.client)
  const takenAt = new Date()
  const deploys = await findDeploys(ctx.client, ctx.env.name, m.windowMs, takenAt)
  const window = formatDuration(m.windowMs)
  if (deploys.length === 0)
    return skip(`no deploy to ${ctx.env.name} in the last ${window}`, [
      `migration_runbook.audit_log has no migration applied to ${ctx.env.name} since ${new Date(takenAt.getTime() - m.windowMs).toISOString()}`
    ])
  ctx.log.info(
    `monitor-window: ${deploys.length} deploy(s) in the last ${window}: ${deploys.map(d => d.version).join(', ')}`
  )

  const taken = await takeSamples(ctx, checks, deploys, takenAt)
  const { runId } = ctx.facts
  const rows: StoredSample[] = deploys.flatMap(d =>
    taken.map(t => ({
      run: runId,
      environment: ctx.env.name,
      migration: d.version,
      check: t.check.name,
      value: t.value,
      threshold: t.threshold,
      unit: t.unit,
      breached: t.breach !== undefined,
      error: t.error,
      since: t.since,
      takenAt
    }))
  )
  await insertSamples(ctx.client, rows)
  const breaches = taken.flatMap(t => (t.breach ? [t.breach] : []))
  const errors = taken.flatMap(t => (t.error ? [`${t.check.name}: ${t.error}`] : []))
  for (const b of breaches) ctx.log.warn(`monitor breach: ${b}`)

  const order = checks.map(c => c.name)
  const target = githubTarget(ctx.facts.tokens.github, ctx.facts.environ)
  const published: Published[] = []
  const allSeries: MonitorSeries[] = []
  const warnings: string[] = []
  for (const d of deploys) {
    const series = await readDeploySeries(ctx.client, ctx.env.name, d.version, order)
    allSeries.push(
      ...series.map(s => (deploys.length > 1 ? { ...s, name: `${d.version} ${s.name}` } : s))
    )
    if ('missing' in target) continue
    const p = await publishDeploy(target, {
      environment: ctx.env.name,
      deploy: d,
      windowMs: m.windowMs,
      series,
      breaches,
      takenAt,
      runUrl: runUrl(ctx.facts.environ),
      onBreach: m.onBreach,
      rollbackWorkflow: m.rollbackWorkflow,
      // Only a measured breach acts: a broken monitor query is reported, not rolled back.
      measuredBreach: breaches.length > errors.length,
      newest: d === deploys[deploys.length - 1],
      others: deploys.filter(x => x !== d).map(deployLabel)
    })
    published.push(p)
    for (const w of p.warnings) {
      ctx.log.warn(w)
      warnings.push(w)
    }
  }
  if ('missing' in target) warnings.push(`nothing posted to GitHub: ${target.missing}`)
  ctx.evidence.write(
    'monitor-window.json',
    JSON.stringify({ takenAt, deploys, samples: rows, breaches, published }, null, 2) + '\n'
  )
  const details: MonitorWindowDetails = {
    series: allSeries,
    breaches,
    errors,
    deploys: deploys.map(d => ({ ...d, deployedAt: d.deployedAt.toISOString() })),
    windowMs: m.windowMs,
    onBreachPolicy: m.onBreach,
    published,
    warnings
  }
  const summaryTail = `${deploys.length} deploy(s) of the last ${window}, ${checks.length} check(s)`
  if (breaches.length > 0)
    return {
      status: m.onBreach === 'none' ? 'warn' : 'fail',
      summary: `breach in ${summaryTail}; on-breach: ${m.onBreach}`,
      reasons: [...breaches, ...warnings],
      details
    }
  return {
    status: warnings.length > 0 ? 'warn' : 'pass',
    summary: `sampled ${summaryTail}: within thresholds`,
    reasons: warnings,
    details
  }
}

export const monitorWindowCheck: Check<'monitor'> = {
  id: 'monitor',
  title: 'Scheduled monitor (deploys of the last monitor.window)',
  run: runMonitorWindowCheck,
  // Same id as monitor, and was never watched either (its samples run up to the statement timeout).
  long: true,
  sections: result => [{ name: 'monitor charts', priority: 8, text: renderMonitorSection(result) }]
}
