/** Data that would violate the constraints a script adds: derive the queries, run them, render the evidence. */
export { deriveConflictQueries, deriveForMigrations, deparseExpr } from './derive.js'
export type {
  AddedColumns,
  ConstraintSpec,
  DerivedConstraint,
  DeriveOptions,
  ExcludeElement,
  NewColumn
} from './derive.js'
export {
  exclusionSelfJoinSql,
  exclusionSweepSql,
  rowIdSql,
  sweepApplies,
  violationSql
} from './queries.js'
export { findRollbackConflicts, runConflictCheck, runConflictChecks } from './run.js'
export {
  checkedByRehearsal,
  describeViolation,
  formatRange,
  formatRowId,
  renderViolations,
  violatedReason,
  violationLines
} from './render.js'
export type { RunOptions } from './run.js'
