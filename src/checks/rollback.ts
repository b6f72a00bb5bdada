/**
 * rollback: the chosen migration's rollback script run for real (src/revert/revert.ts): under the apply lock,
 * in one transaction with the environment's timeouts, its history row removed and an audit row written in the
 * same transaction. Runs after rollback-conflicts and rollback-rehearsal passed; schema-equals-before follows.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import type { StatementTiming } from '../apply/apply.js'
import { revertMigration } from '../revert/revert.js'
import { revertTarget } from '../revert/target.js'

declare module '../types.js' {
  interface CheckDetails {
    rollback: RollbackDetails
  }
}

export interface RollbackDetails {
  version: string
  /** The rollback script, relative to the repository root. */
  script: string
  durationMs: number
  attempts: number
  statements: StatementTiming[]
}

async function runRollback(ctx: StageContext): Promise<CheckOutcome<RollbackDetails>> {
  const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion)
  if (target.error !== undefined)
    return { status: 'fail', summary: 'no rollback possible', reasons: [target.error] }
  const { migration: m, script } = target
  let reverted
  try {
    reverted = await revertMigration(ctx.client, m, script, {
      environment: ctx.config.environment,
      runId: ctx.facts.runId,
      gitSha: ctx.facts.git.sha,
      actor: ctx.facts.git.actor,
      lockTimeoutMs: ctx.env.lockTimeoutMs,
      statementTimeoutMs: ctx.env.statementTimeoutMs,
      retries: ctx.env.applyRetries,
      retryBackoffMs: ctx.env.retryBackoffMs,
      advisoryLockWaitMs: ctx.env.advisoryLockWaitMs,
      log: ctx.log,
      signal: ctx.signal,
      redact: text => ctx.redactor.redact(text)
    })
  } catch (e) {
    return {
      status: 'fail',
      summary: 'rollback failed; nothing was changed',
      reasons: [(e as Error).message]
    }
  }
  ctx.shared.rolledBack = { version: m.version, name: m.name }
  return {
    status: 'pass',
    summary: `rolled back ${m.version} in ${reverted.durationMs} ms; its history row is removed`,
    details: {
      version: m.version,
      script: script.file,
      durationMs: reverted.durationMs,
      attempts: reverted.attempts,
      statements: reverted.statements
    }
  }
}

export const rollbackCheck: Check<'rollback'> = {
  id: 'rollback',
  title: 'Roll back the newest migration',
  run: runRollback
}
