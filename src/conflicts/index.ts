/** Data that would violate the constraints a script adds: derive the queries, run them, render the evidence. */
export { deriveConflictQueries, deparseExpr, quoteIdent, quoteTable } from './derive.js'
export type { ConstraintSpec, DerivedConstraint, DeriveOptions, ExcludeElement } from './derive.js'
export {
  exclusionSelfJoinSql,
  exclusionSweepSql,
  rowIdSql,
  sweepApplies,
  violationSql
} from './queries.js'
export {
  findRollbackConflicts,
  renderViolations,
  runConflictCheck,
  runConflictChecks
} from './run.js'
export type { RunOptions } from './run.js'
