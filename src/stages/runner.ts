/** Runs a stage's checks in order. A failed gate stops what follows; the rest are reported as skipped. */
import type { AnyCheck, CheckOutcome, CheckResult, RunStatus, StageContext } from '../types.js'
import { describeError } from '../db/connect.js'
import { withLockDiagnosis } from '../db/lock-wait.js'

/** A check that did not run, and why (a gate before it failed, the run was cancelled). */
export function notRun(check: AnyCheck, why: string): CheckResult {
  // Asserted: TypeScript cannot match an object to a union of this many check ids (no details here anyway).
  return {
    id: check.id,
    title: check.title,
    status: 'skip',
    summary: `not run: ${why}`,
    durationMs: 0,
    reasons: [],
    details: {},
    annotations: []
  } as CheckResult
}

/**
 * A lock timeout needs one statement to wait the whole lock_timeout, so a watcher that starts at half of it still
 * sees the wait: checks shorter than that (most of them) open no extra session.
 */
function watchTiming(lockTimeoutMs: number): { delayMs: number; pollMs: number } {
  return {
    delayMs: Math.max(50, Math.floor(lockTimeoutMs / 2)),
    pollMs: Math.max(20, Math.min(100, Math.floor(lockTimeoutMs / 6)))
  }
}

const MARK = { pass: '✔', warn: '!', fail: '✖', skip: '-', cancelled: '⊘' } as const

export async function runChecks(
  ctx: StageContext,
  checks: readonly AnyCheck[],
  results: CheckResult[] = []
): Promise<CheckResult[]> {
  let stoppedBy: string | undefined
  for (const check of checks) {
    if (ctx.signal.aborted && !stoppedBy) stoppedBy = 'the run was cancelled'
    if (stoppedBy) {
      results.push(notRun(check, stoppedBy))
      continue
    }
    ctx.log.info(`▶ ${check.id}: ${check.title}`)
    const t0 = performance.now()
    let result: CheckResult
    try {
      // A lock timeout in a check names the relation and who blocks it, not just "lock timeout".
      // Checks that run for minutes by design are not watched (the watcher polls every 100 ms).
      const runCheck = (): Promise<CheckOutcome> => check.run(ctx)
      const outcome = check.long
        ? await runCheck()
        : await withLockDiagnosis(ctx.client, ctx.connect, runCheck, {
            label: `check "${check.id}"`,
            ...watchTiming(ctx.env.lockTimeoutMs)
          })
      // The one place a check's own details type meets the union of all results: id and details belong together.
      result = {
        id: check.id,
        title: check.title,
        ...outcome,
        reasons: (outcome.reasons ?? []).map(r => ctx.redactor.redact(r)),
        summary: ctx.redactor.redact(outcome.summary),
        details: outcome.details ?? {},
        annotations: outcome.annotations ?? [],
        durationMs: Math.round(performance.now() - t0)
      } as CheckResult
    } catch (e) {
      // A check that throws is a failed check, never a crash: the report is still written.
      const message = ctx.redactor.redact(describeError(e))
      result = {
        id: check.id,
        title: check.title,
        status: 'fail',
        summary: `error: ${message.split('\n')[0]}`,
        reasons: [message],
        details: {},
        annotations: [],
        durationMs: Math.round(performance.now() - t0)
      } as CheckResult
    }
    if (ctx.signal.aborted) {
      // Whatever the check made of its cancelled statement (a failure, a rollback), the truth is: cancelled.
      result = {
        ...result,
        status: 'cancelled',
        summary: `cancelled after ${result.durationMs} ms (${String(ctx.signal.reason?.message ?? 'signal')}); its work was rolled back`,
        reasons: [
          `cancelled while running: ${result.summary}`,
          ...result.reasons.filter(r => r !== result.summary)
        ],
        annotations: []
      }
    }
    ctx.log.info(`${MARK[result.status]} ${check.id}: ${result.summary} (${result.durationMs} ms)`)
    for (const r of result.reasons)
      (result.status === 'fail' ? ctx.log.error : ctx.log.warn).call(ctx.log, `  ${r}`)
    results.push(result)
    if (result.status === 'fail') stoppedBy = `${check.id} failed`
    if (result.status === 'cancelled') stoppedBy = 'the run was cancelled'
  }
  return results
}

export function overallStatus(results: CheckResult[]): RunStatus {
  if (results.some(r => r.status === 'cancelled')) return 'cancelled'
  if (results.some(r => r.status === 'fail')) return 'failed'
  if (results.some(r => r.status === 'warn')) return 'warned'
  return 'passed'
}
