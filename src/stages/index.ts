/**
 * The stage table: each stage is a fixed list of checks (DESIGN.md, "Stages"). A failed gate stops what
 * follows. A stage may declare a follow-up: checks that run next, on the same target, when its results ask
 * for it (monitor: a threshold breach with on-breach rollback runs the rollback checks).
 */
import type { AnyCheck, CheckResult, Stage } from '../types.js'
import { connectionCheck } from '../checks/connection.js'
import { poolerCheck } from '../checks/pooler.js'
import { backupCheck } from '../checks/backup.js'
import { driftCheck } from '../checks/drift.js'
import { longTransactionsCheck } from '../checks/long-transactions.js'
import { lockHoldersCheck } from '../checks/lock-holders.js'
import { tableSizesCheck } from '../checks/table-sizes.js'
import { extensionsCheck } from '../checks/extensions.js'
import { lintCheck } from '../checks/lint.js'
import { conflictsCheck } from '../checks/conflicts.js'
import { rehearsalCheck } from '../checks/rehearsal.js'
import { applyCheck } from '../checks/apply.js'
import { verifyCheck } from '../checks/verify.js'
import { schemaDiffCheck } from '../checks/schema-diff.js'
import { testsCheck } from '../checks/tests.js'
import { testsPreflightCheck } from '../checks/tests-preflight.js'
import { performanceCheck } from '../checks/performance.js'
import { monitorAsksRollback, monitorCheck } from '../checks/monitor.js'
import { rollbackCheck } from '../checks/rollback.js'
import { rollbackConflictsCheck } from '../checks/rollback-conflicts.js'
import { rollbackTargetCheck } from '../checks/rollback-target.js'
import { rollbackRehearsalCheck } from '../checks/rollback-rehearsal.js'
import { schemaEqualsBeforeCheck } from '../checks/schema-equals-before.js'
import { monitorWindowCheck } from '../checks/monitor-window.js'
import { flagsCheck } from '../checks/flags.js'
import { smokeCheck } from '../checks/smoke.js'

/**
 * validate: changes nothing; decides whether apply may run. The first eight are concurrent and run side by side
 * (the runner's small pool); lock-holders comes after them, when no other session of the run reads a table.
 */
export const VALIDATE_CHECKS: readonly AnyCheck[] = [
  connectionCheck,
  flagsCheck,
  poolerCheck,
  backupCheck,
  driftCheck,
  longTransactionsCheck,
  extensionsCheck,
  lintCheck,
  lockHoldersCheck,
  tableSizesCheck,
  conflictsCheck,
  rehearsalCheck,
  testsPreflightCheck
]

/** After a deploy (apply) and on its own (verify): the database as the migrations left it, and the app on it. */
export const POST_DEPLOY_CHECKS: readonly AnyCheck[] = [
  verifyCheck,
  flagsCheck,
  smokeCheck,
  schemaDiffCheck,
  testsCheck,
  performanceCheck
]

/** rollback: the newest applied migration's rollback script, checked, rehearsed and run. */
export const ROLLBACK_CHECKS: readonly AnyCheck[] = [
  rollbackTargetCheck,
  rollbackConflictsCheck,
  rollbackRehearsalCheck,
  rollbackCheck,
  schemaEqualsBeforeCheck
]

export interface FollowUp {
  /** Whether the stage's results ask for the follow-up. */
  when: (results: readonly CheckResult[]) => boolean
  /** Logged when it starts. */
  why: string
  checks: readonly AnyCheck[]
}

export interface StageDefinition {
  checks: readonly AnyCheck[]
  followUp?: FollowUp
}

export const STAGE_TABLE: Record<Stage, StageDefinition> = {
  validate: { checks: VALIDATE_CHECKS },
  apply: { checks: [...VALIDATE_CHECKS, applyCheck, ...POST_DEPLOY_CHECKS] },
  verify: { checks: [connectionCheck, driftCheck, ...POST_DEPLOY_CHECKS] },
  rollback: { checks: [connectionCheck, poolerCheck, driftCheck, ...ROLLBACK_CHECKS] },
  monitor: {
    checks: [connectionCheck, driftCheck, monitorCheck],
    followUp: {
      when: monitorAsksRollback,
      why: 'monitor breached its thresholds and on-breach is rollback: rolling back',
      checks: ROLLBACK_CHECKS
    }
  },
  // No drift gate: a scheduled run must keep watching while a later PR is being prepared.
  'monitor-window': { checks: [connectionCheck, monitorWindowCheck] }
}

/** Every check a stage can run, once each: the report finds a result's renderers here. */
export const ALL_CHECKS: readonly AnyCheck[] = [
  ...new Set(Object.values(STAGE_TABLE).flatMap(s => [...s.checks, ...(s.followUp?.checks ?? [])]))
]
