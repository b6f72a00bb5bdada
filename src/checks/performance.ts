/**
 * performance: the environment's probes against their p95 thresholds and expected indexes, the heaviest
 * pg_stat_statements queries on the touched tables, and plan regression against the recorded baseline.
 * Evidence: performance-test.txt (every plan in full).
 */
import type {
  Check,
  CheckOutcome,
  CheckResultOf,
  PlanRegression,
  ProbeResult,
  StageContext
} from '../types.js'
import { code, cell, collapse, ms } from '../report/format.js'
import {
  probeReasons,
  probeTimeoutMs,
  runProbe,
  type ProbePlan,
  type ProbeRun
} from '../perf/probe.js'
import { topStatements, type TopStatement } from '../perf/statements.js'
import { comparePlanBaselines, type PlanComparison } from '../perf/plan-baseline.js'
import { fmtMs, renderPerformanceText } from '../perf/text.js'

/** What the performance check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    performance: PerformanceDetails
  }
}

export interface PerformanceDetails {
  probes: ProbeResult[]
  /** Each probe's EXPLAIN ANALYZE and timings, in the order of probes. */
  plans: ProbePlan[]
  topStatements: TopStatement[]
  planRegressions: PlanRegression[]
  /** Where the plan baselines came from: this run, the table (an earlier apply), or nowhere. */
  baselineSource: PlanComparison['source']
  notes: string[]
}

export async function runPerformance(ctx: StageContext): Promise<CheckOutcome<PerformanceDetails>> {
  const runs: ProbeRun[] = []
  for (const spec of ctx.env.probes) {
    const run = await runProbe(ctx.client, spec, probeTimeoutMs(spec, ctx.env))
    ctx.log.info(
      `probe ${spec.name}: p50 ${fmtMs(run.result.p50Ms)}, p95 ${fmtMs(run.result.p95Ms)} (max ${spec['max-p95-ms']} ms), indexes ${run.result.indexesUsed.join(', ') || 'none'}`
    )
    runs.push(run)
  }
  const top = await topStatements(ctx.client, ctx.plan.touchedTables)
  const comparison = await comparePlanBaselines(ctx.client, {
    environment: ctx.env.name,
    planCostThreshold: ctx.env.planCostThreshold,
    fromRun: ctx.shared.planBaselines
  })
  ctx.evidence.write(
    'performance-test.txt',
    renderPerformanceText(ctx.env.name, runs, top, comparison)
  )

  const reasons = [...runs.flatMap(probeReasons), ...comparison.reasons]
  const notes = [...(top.note ? [top.note] : []), ...comparison.notes]
  const details: PerformanceDetails = {
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

/** The probes' timings and the plan regressions, collapsed. */
export function renderPerformanceSection(check: CheckResultOf<'performance'> | undefined): string {
  const probes = check?.details.probes ?? []
  const regressions = check?.details.planRegressions ?? []
  if (probes.length === 0 && regressions.length === 0) return ''
  const lines: string[] = []
  if (probes.length > 0) {
    lines.push(
      '| | Probe | Runs | p50 | p95 | Max p95 | Indexes used |',
      '|---|---|---:|---:|---:|---:|---|'
    )
    for (const p of probes) {
      const indexes = p.indexesUsed.map(i => code(i)).join(', ') || '_none (seq scan)_'
      const expected =
        p.expectedIndex && !p.indexesUsed.includes(p.expectedIndex)
          ? ` (expected ${code(p.expectedIndex)})`
          : ''
      lines.push(
        `| ${p.pass ? '✅' : '❌'} | ${cell(p.name)} | ${p.runs} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.maxP95Ms)} | ${indexes}${expected} |`
      )
    }
  }
  const regressed = regressions.filter(r => r.regressed)
  if (regressed.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push('**Plan regressions**', '')
    for (const r of regressed) {
      lines.push(
        `- ${cell(r.name)}: cost ${r.beforeCost} → ${r.afterCost}; indexes ${r.beforeIndexes.join(', ') || 'none'} → ${r.afterIndexes.join(', ') || 'none'}`
      )
    }
  }
  if (lines.length === 0) return ''
  const failed = probes.filter(p => !p.pass).length
  return collapse(
    `Performance (${probes.length} probe${probes.length === 1 ? '' : 's'}, ${failed} over threshold, ` +
      `${regressed.length} plan regression${regressed.length === 1 ? '' : 's'})`,
    lines.join('\n')
  )
}

export const performanceCheck: Check<'performance'> = {
  id: 'performance',
  title: 'Performance probes and plan regression',
  run: runPerformance,
  sections: result => [{ name: 'performance', priority: 7, text: renderPerformanceSection(result) }]
}
