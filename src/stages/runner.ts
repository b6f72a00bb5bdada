/** Runs a stage's checks in order. A failed gate stops what follows; the rest are reported as skipped. */
import type { Check, CheckResult, RunStatus, StageContext } from '../types.js'
import { describePgError } from '../db/connect.js'

export async function runChecks(
  ctx: StageContext,
  checks: Check[],
  results: CheckResult[] = []
): Promise<CheckResult[]> {
  let stoppedBy: string | undefined
  for (const check of checks) {
    if (stoppedBy) {
      results.push({
        id: check.id,
        title: check.title,
        status: 'skip',
        summary: `not run: ${stoppedBy} failed`,
        durationMs: 0,
        reasons: [],
        details: {},
        annotations: []
      })
      continue
    }
    ctx.log.info(`▶ ${check.id}: ${check.title}`)
    const t0 = performance.now()
    let result: CheckResult
    try {
      const outcome = await check.run(ctx)
      result = {
        id: check.id,
        title: check.title,
        ...outcome,
        reasons: (outcome.reasons ?? []).map(r => ctx.redactor.redact(r)),
        summary: ctx.redactor.redact(outcome.summary),
        details: outcome.details ?? {},
        annotations: outcome.annotations ?? [],
        durationMs: Math.round(performance.now() - t0)
      }
    } catch (e) {
      // A check that throws is a failed check, never a crash: the report is still written.
      const message = ctx.redactor.redact(describePgError(e))
      result = {
        id: check.id,
        title: check.title,
        status: 'fail',
        summary: `error: ${message.split('\n')[0]}`,
        reasons: [message],
        details: { error: message },
        annotations: [],
        durationMs: Math.round(performance.now() - t0)
      }
    }
    const mark = { pass: '✔', warn: '!', fail: '✖', skip: '-' }[result.status]
    ctx.log.info(`${mark} ${check.id}: ${result.summary} (${result.durationMs} ms)`)
    for (const r of result.reasons)
      (result.status === 'fail' ? ctx.log.error : ctx.log.warn).call(ctx.log, `  ${r}`)
    results.push(result)
    if (result.status === 'fail') stoppedBy = check.id
  }
  return results
}

export function overallStatus(results: CheckResult[]): RunStatus {
  if (results.some(r => r.status === 'fail')) return 'failed'
  if (results.some(r => r.status === 'warn')) return 'warned'
  return 'passed'
}
