/**
 * rollback-target: which migration the rollback reverts (--migration, else the newest applied) and its rollback
 * script (src/revert/target.ts). First in the rollback checks, so a missing script or a version that is not the
 * newest fails under its own name, before anything is read or changed.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { revertTarget } from '../revert/target.js'

declare module '../types.js' {
  interface CheckDetails {
    'rollback-target': RollbackTargetDetails
  }
}

export interface RollbackTargetDetails {
  version: string
  /** The migration file and its rollback script, relative to the repository root. */
  migration: string
  script: string
}

async function runRollbackTarget(ctx: StageContext): Promise<CheckOutcome<RollbackTargetDetails>> {
  const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion)
  if (target.error !== undefined)
    return { status: 'fail', summary: 'no rollback possible', reasons: [target.error] }
  const { migration: m, script } = target
  return {
    status: 'pass',
    summary: `${m.version} (${m.name}) with ${script.file}`,
    details: { version: m.version, migration: m.file, script: script.file }
  }
}

export const rollbackTargetCheck: Check<'rollback-target'> = {
  id: 'rollback-target',
  title: 'The migration to roll back and its script',
  run: runRollbackTarget
}
