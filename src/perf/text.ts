/** performance-test.txt: every probe with its plan in full, the top statements and the plan comparison. */
import { probeReasons, type ProbeRun } from './probe.js'
import type { TopStatements } from './statements.js'
import type { PlanComparison } from './plan-baseline.js'

/** A duration for the text, or n/a (a probe that errored has none). */
export function fmtMs(ms: number | undefined): string {
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
      `runs: ${result.runs}  p50: ${fmtMs(result.p50Ms)}  p95: ${fmtMs(result.p95Ms)}  max-p95: ${result.maxP95Ms} ms (${plan.timedOn === 'client' ? 'wall time on the client, a round trip per run' : 'time on the server'})`
    )
    out.push(
      `EXPLAIN ANALYZE: execution ${fmtMs(plan.executionTimeMs)}, planning ${fmtMs(plan.planningTimeMs)}, estimated cost ${plan.totalCost}`
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
