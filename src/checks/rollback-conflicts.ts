/**
 * rollback-conflicts: the first gate of the rollback stage. Chooses what to revert (the newest applied, or
 * --migration) and refuses when it cannot be reverted; then looks for rows written since the migration that the
 * constraints its rollback script re-adds (the old, stricter ones) would reject. Nothing is changed.
 */
import type { Check, CheckOutcome, CheckResultOf, ConflictReport, StageContext } from '../types.js'
import { statementsOf } from '../apply/statements.js'
import {
  findRollbackConflicts,
  renderViolations,
  violatedReason,
  violationLines
} from '../conflicts/index.js'
import { renderConflictsTable } from '../conflicts/render.js'
import { revertTarget } from '../revert/target.js'

declare module '../types.js' {
  interface CheckDetails {
    'rollback-conflicts': RollbackConflictsDetails
  }
}

export interface RollbackConflictsDetails {
  /** The version to revert; absent when there is none (the reason is the check's). */
  version?: string
  /** Its rollback script, relative to the repository root. */
  script?: string
  /** One per constraint the script re-adds: the rows that violate it, or why it could not be checked. */
  conflicts: ConflictReport[]
}

/** Evidence: written whenever anything is to report, a constraint that could not be checked included. */
export const ROLLBACK_VIOLATIONS_FILE = 'pre-rollback-violations.txt'

async function runRollbackConflicts(
  ctx: StageContext
): Promise<CheckOutcome<RollbackConflictsDetails>> {
  const target = revertTarget(ctx.plan, ctx.facts.rollbackVersion)
  if (target.error !== undefined)
    return {
      status: 'fail',
      summary: 'no rollback possible',
      reasons: [target.error],
      details: { conflicts: [] }
    }
  const { migration: m, script } = target
  // A script the parser refuses fails here, before anything is read or changed.
  statementsOf(script)
  const conflicts = await findRollbackConflicts(ctx.client, script.file, script.sql, {
    timeoutMs: ctx.env.conflictsTimeoutMs,
    sample: ctx.env.conflictsSample
  })
  const blocking = conflicts.filter(c => c.count > 0)
  const unchecked = conflicts.filter(c => c.error)
  for (const c of unchecked)
    ctx.log.warn(
      `rollback: ${c.file}:${c.line} ${c.constraint} on ${c.table} not checked: ${c.error}`
    )
  for (const c of blocking) for (const line of violationLines(c)) ctx.log.error(`  ${line}`)
  // An unchecked constraint is listed too: the rehearsal still catches a real violation, but the reviewer
  // should see why it was not listed.
  if (blocking.length > 0 || unchecked.length > 0)
    ctx.evidence.write(
      ROLLBACK_VIOLATIONS_FILE,
      renderViolations([...blocking, ...unchecked], ctx.env.conflictsSample)
    )
  const details: RollbackConflictsDetails = { version: m.version, script: script.file, conflicts }
  if (blocking.length > 0)
    return {
      status: 'fail',
      summary:
        'rows written since the migration violate what the rollback re-adds; nothing was changed',
      reasons: blocking.map(c => violatedReason(c, 'row(s)', ROLLBACK_VIOLATIONS_FILE)),
      details
    }
  const notChecked = unchecked.length
    ? `; ${unchecked.length} could not be checked (the rehearsal runs them)`
    : ''
  return {
    status: 'pass',
    summary:
      conflicts.length === 0
        ? `${m.version}: the rollback re-adds no constraint to check`
        : `${m.version}: no row violates the ${conflicts.length} constraint(s) the rollback re-adds${notChecked}`,
    details
  }
}

export const rollbackConflictsCheck: Check<'rollback-conflicts'> = {
  id: 'rollback-conflicts',
  title: 'Rows in the way of what the rollback re-adds',
  run: runRollbackConflicts,
  sections: (result: CheckResultOf<'rollback-conflicts'>) => [
    {
      name: 'rollback conflicts',
      priority: 4,
      text: renderConflictsTable(
        '#### Rows that would violate what the rollback re-adds',
        result.details.conflicts ?? []
      )
    }
  ]
}
