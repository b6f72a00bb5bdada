/**
 * rollback-rehearsal: the rollback script applied on the live tables inside a transaction that is always
 * rolled back, under the environment's lock budget (src/rehearse/engine.ts, no shadow copies, no forecast).
 * A script that fails here has changed nothing.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { rehearseFiles, type FileRehearsal } from '../rehearse/engine.js'
import { revertTarget } from '../revert/target.js'

declare module '../types.js' {
  interface CheckDetails {
    'rollback-rehearsal': RollbackRehearsalDetails
  }
}

export interface RollbackRehearsalDetails {
  version: string
  rehearsal?: FileRehearsal
}

async function runRollbackRehearsal(
  ctx: StageContext
): Promise<CheckOutcome<RollbackRehearsalDetails>> {
  // rollback-conflicts, the gate before this one, refused a missing target with its reason.
  const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion)
  if (target.error !== undefined)
    return { status: 'fail', summary: 'no rollback possible', reasons: [target.error] }
  const { migration: m, script } = target
  const [rehearsal] = await rehearseFiles(ctx.client, [{ version: m.version, file: script }], {
    lockBudgetMs: ctx.env.lockBudgetMs,
    lockTimeoutMs: ctx.env.lockTimeoutMs,
    log: ctx.log,
    lockRetries: {
      retries: ctx.env.applyRetries,
      backoffMs: ctx.env.retryBackoffMs,
      signal: ctx.signal
    },
    applyLock: {
      waitMs: ctx.env.advisoryLockWaitMs,
      signal: ctx.signal,
      onWait: message => ctx.log.info(`rollback rehearsal: ${message}`)
    }
  })
  const details: RollbackRehearsalDetails = { version: m.version, rehearsal }
  // Over the lock budget only fails where rehearsal-over-budget is fail, as before the split.
  if (rehearsal?.error && !(rehearsal.overBudget && ctx.env.rehearsalOverBudget !== 'fail'))
    return {
      status: 'fail',
      summary: 'the rollback fails in rehearsal; nothing was changed',
      reasons: [rehearsal.error],
      details
    }
  const over = rehearsal?.overBudget
    ? ` (over the lock budget; rehearsal-over-budget: ${ctx.env.rehearsalOverBudget})`
    : ''
  return {
    status: 'pass',
    summary: `${script.file} rehearsed in ${rehearsal?.durationMs ?? 0} ms, rolled back${over}`,
    details
  }
}

export const rollbackRehearsalCheck: Check<'rollback-rehearsal'> = {
  id: 'rollback-rehearsal',
  title: 'Rehearse the rollback in a rolled-back transaction',
  run: runRollbackRehearsal
}
