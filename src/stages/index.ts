/** Each stage is a fixed list of checks (DESIGN §4). A failed gate stops what follows. */
import type { Check, Stage } from '../types.js'
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
import { monitorCheck } from '../checks/monitor.js'
import { rollbackCheck } from '../checks/rollback.js'
import { monitorWindowCheck } from '../checks/monitor-window.js'
import { flagsCheck } from '../checks/flags.js'
import { smokeCheck } from '../checks/smoke.js'

/** validate: changes nothing; decides whether apply may run. */
export const VALIDATE_CHECKS: Check[] = [
  connectionCheck,
  flagsCheck,
  poolerCheck,
  backupCheck,
  driftCheck,
  longTransactionsCheck,
  lockHoldersCheck,
  tableSizesCheck,
  extensionsCheck,
  lintCheck,
  conflictsCheck,
  rehearsalCheck,
  testsPreflightCheck
]

export const STAGE_CHECKS: Record<Stage, Check[]> = {
  validate: VALIDATE_CHECKS,
  apply: [
    ...VALIDATE_CHECKS,
    applyCheck,
    verifyCheck,
    flagsCheck,
    smokeCheck,
    schemaDiffCheck,
    testsCheck,
    performanceCheck
  ],
  verify: [
    connectionCheck,
    driftCheck,
    verifyCheck,
    flagsCheck,
    smokeCheck,
    schemaDiffCheck,
    testsCheck,
    performanceCheck
  ],
  rollback: [connectionCheck, poolerCheck, driftCheck, rollbackCheck],
  monitor: [connectionCheck, driftCheck, monitorCheck],
  // No drift gate: a scheduled run must keep watching while a later PR is being prepared.
  'monitor-window': [connectionCheck, monitorWindowCheck]
}
