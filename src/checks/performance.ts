/**
 * performance: the environment's probes against their p95 thresholds and expected indexes, the heaviest
 * pg_stat_statements queries on the touched tables, and plan regression against the recorded baseline.
 * Evidence: performance-test.txt (every plan in full); details: { probes, plans, topStatements, planRegressions }.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import type { EnvironmentPolicy, ProbeSpec } from '../config/policy.js'
import { probeReasons, runProbe, type ProbeRun } from '../perf/probe.js'
import { topStatements, type TopStatements } from '../perf/statements.js'
import { comparePlanBaselines, type PlanComparison } from './plan-baseline.js'

/** Per-run bound: generous against the threshold, never above the environment's statement timeout. */
export function probeTimeoutMs(spec: ProbeSpec, env: EnvironmentPolicy): number {
  return Math.min(env.statementTimeoutMs, Math.max(10_000, spec['max-p95-ms'] * 100))
}

function fmt(ms: number | undefined): string {
  return ms === undefined || Number.isNaN(ms) ? 'n/a' : `${ms} ms`
}

export function renderPerformanceText(
  environment: string,
  runs: ProbeRun[],
  top: TopStatements,
  comparison: PlanComparison
): string {
  const out: string[] = [`# Performance test (environment ${environment})`, '']
  out.push(`## Probes (${runs.length})`, '')
  if (runs.length === 0) out.push('No probes configured in runbook.yml for this environment.', '')
  for (const { result, plan } of runs) {
    out.push(`### ${result.name}: ${result.pass ? 'PASS' : 'FAIL'}`)
    out.push(`sql: ${plan.sql.trim()}`)
    out.push(`params: ${JSON.stringify(plan.params)}`)
    if (plan.error) {
      out.push(
        `error: ${plan.error.message}${plan.error.code ? ` (SQLSTATE ${plan.error.code})` : ''}`,
        ''
      )
      continue
    }
    out.push(
      `runs: ${result.runs}  p50: ${fmt(result.p50Ms)}  p95: ${fmt(result.p95Ms)}  max-p95: ${result.maxP95Ms} ms (client wall time)`
    )
    out.push(
      `EXPLAIN ANALYZE: execution ${fmt(plan.executionTimeMs)}, planning ${fmt(plan.planningTimeMs)}, estimated cost ${plan.totalCost}`
    )
    out.push(
      `indexes used: ${result.indexesUsed.join(', ') || '(none)'}${result.expectedIndex ? `  expected: ${result.expectedIndex}` : ''}`
    )
    out.push(`samples (ms): ${plan.samplesMs.join(' ')}`)
    for (const r of probeReasons({ result, plan })) out.push(`reason: ${r}`)
    out.push(
      'plan (EXPLAIN ANALYZE, BUFFERS, FORMAT JSON):',
      JSON.stringify(plan.plan, null, 2),
      ''
    )
  }
  out.push('## Top statements on the touched tables (pg_stat_statements)', '')
  if (top.note) out.push(top.note)
  for (const s of top.statements) {
    out.push(
      `- calls ${s.calls}, total ${s.totalExecMs.toFixed(1)} ms, mean ${s.meanExecMs.toFixed(3)} ms, tables ${s.tables.join(', ')}: ${s.query.replace(/\s+/g, ' ').trim()}`
    )
  }
  out.push('', `## Plan regression (baseline from ${comparison.source})`, '')
  for (const n of comparison.notes) out.push(`note: ${n}`)
  for (const r of comparison.regressions) {
    out.push(
      `- ${r.name}: ${r.regressed ? 'REGRESSED' : 'ok'}, cost ${r.beforeCost} -> ${r.afterCost}, indexes [${r.beforeIndexes.join(', ')}] -> [${r.afterIndexes.join(', ')}]`
    )
  }
  for (const r of comparison.reasons) out.push(`reason: ${r}`)
  return out.join('\n') + '\n'
}

export async function runPerformance(ctx: StageContext): Promise<CheckOutcome> {
  const runs: ProbeRun[] = []
  for (const spec of ctx.env.probes) {
    const run = await runProbe(ctx.client, spec, probeTimeoutMs(spec, ctx.env))
    ctx.log.info(
      `probe ${spec.name}: p50 ${fmt(run.result.p50Ms)}, p95 ${fmt(run.result.p95Ms)} (max ${spec['max-p95-ms']} ms), indexes ${run.result.indexesUsed.join(', ') || 'none'}`
    )
    runs.push(run)
  }
  const top = await topStatements(ctx.client, ctx.plan.touchedTables)
  const comparison = await comparePlanBaselines(ctx)
  ctx.evidence.write(
    'performance-test.txt',
    renderPerformanceText(ctx.env.name, runs, top, comparison)
  )

  const reasons = [...runs.flatMap(probeReasons), ...comparison.reasons]
  const notes = [...(top.note ? [top.note] : []), ...comparison.notes]
  const details = {
    probes: runs.map(r => r.result),
    plans: runs.map(r => r.plan),
    topStatements: top.statements,
    planRegressions: comparison.regressions,
    baselineSource: comparison.source,
    notes
  }
  if (runs.length === 0 && comparison.regressions.length === 0 && top.statements.length === 0) {
    return {
      status: 'skip',
      summary: 'no probes configured and no plan baseline to compare',
      reasons: notes,
      details
    }
  }
  const failedProbes = runs.filter(r => !r.result.pass).length
  const regressed = comparison.regressions.filter(r => r.regressed).length
  const worst = runs.reduce((m, r) => (r.result.p95Ms > m ? r.result.p95Ms : m), 0)
  const summary =
    `${runs.length - failedProbes}/${runs.length} probes within thresholds` +
    (runs.length ? ` (worst p95 ${worst} ms)` : '') +
    `, ${regressed} plan regression(s) of ${comparison.regressions.length} compared` +
    (top.available ? `, ${top.statements.length} top statement(s)` : '')
  return { status: reasons.length > 0 ? 'fail' : 'pass', summary, reasons, details }
}

export const performanceCheck: Check = {
  id: 'performance',
  title: 'Performance probes and plan regression',
  run: runPerformance
}
