/**
 * The lock forecast: how long a statement will hold its lock on the full table, scaled from the time it took
 * on the rows it was rehearsed on. Index builds (and constraints that build one) grow as n·log n, scans and
 * rewrites (CHECK / FOREIGN KEY validation, column type changes) as n, catalog-only changes not at all.
 */
import type { AstNode } from '../sql/parser.js'

export type ForecastModel = 'n log n' | 'n' | 'constant'

/** One statement's forecast: the check's details.forecast[] and the PR comment's table. */
export interface LockForecast {
  file: string
  line: number
  /** The statement's first line. */
  statement: string
  lock: string
  table: string
  /** Rows the forecast is made for (this database's, or the ones named by rowsSource). */
  tableRows: number
  /** Rows of the table on the database this run rehearsed on. */
  liveRows: number
  /** Rows the statement ran on: the shadow copy's (a sample when `sampled`), or the live table's. */
  rehearsedRows: number
  sampled: boolean
  /** shadow: rehearsed on a copy in a scratch schema; live: on the table itself. */
  rehearsedOn: 'shadow' | 'live'
  measuredMs: number
  model: ForecastModel
  forecastMs: number
  budgetMs: number
  overBudget: boolean
  /** Where tableRows comes from. */
  rowsSource: string
  /** The environment the forecast is for (the run's own unless named otherwise). */
  forecastFor: string
}

const INDEX_CONSTRAINTS = new Set(['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_EXCLUSION'])
const SCANNING_CONSTRAINTS = new Set(['CONSTR_CHECK', 'CONSTR_FOREIGN'])
/** ALTER TABLE subcommands that read or rewrite every row. */
const SCANNING_SUBCOMMANDS = new Set([
  'AT_ValidateConstraint',
  'AT_AlterColumnType',
  'AT_SetNotNull',
  'AT_SetAccessMethod',
  'AT_SetLogged',
  'AT_SetUnLogged'
])

const RANK: Record<ForecastModel, number> = { constant: 0, n: 1, 'n log n': 2 }
const worst = (a: ForecastModel, b: ForecastModel) => (RANK[a] >= RANK[b] ? a : b)

function alterTableModel(stmt: AstNode): ForecastModel {
  let model: ForecastModel = 'constant'
  for (const c of stmt.cmds ?? []) {
    const cmd = c.AlterTableCmd ?? {}
    const con = cmd.def?.Constraint
    if (cmd.subtype === 'AT_AddConstraint' && con) {
      // USING INDEX adopts a built index; NOT VALID skips the scan.
      if (INDEX_CONSTRAINTS.has(con.contype) && !con.indexname) model = worst(model, 'n log n')
      else if (SCANNING_CONSTRAINTS.has(con.contype) && !con.skip_validation)
        model = worst(model, 'n')
    } else if (SCANNING_SUBCOMMANDS.has(cmd.subtype)) {
      model = worst(model, 'n')
    }
  }
  return model
}

/** How the statement's time grows with the table's rows. */
export function forecastModel(ast: AstNode): ForecastModel {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  switch (kind) {
    case 'IndexStmt':
    case 'ReindexStmt':
    case 'ClusterStmt':
      return 'n log n'
    case 'AlterTableStmt':
      return alterTableModel(s)
    case 'RefreshMatViewStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
      return 'n'
    default:
      return 'constant'
  }
}

const nLogN = (n: number) => n * Math.log2(Math.max(n, 2))

/**
 * measuredMs on `rehearsedRows` scaled to `tableRows`. Fewer than 2 rehearsed rows cannot be scaled: the
 * measured time is returned (an empty table's statement is all fixed cost).
 */
export function scaleForecast(
  measuredMs: number,
  rehearsedRows: number,
  tableRows: number,
  model: ForecastModel
): number {
  if (model === 'constant' || rehearsedRows < 2 || tableRows === rehearsedRows) return measuredMs
  const factor = model === 'n' ? tableRows / rehearsedRows : nLogN(tableRows) / nLogN(rehearsedRows)
  return measuredMs * factor
}

/** "ACCESS EXCLUSIVE" from "AccessExclusiveLock", as the PostgreSQL documentation names the modes. */
export function lockName(mode: string): string {
  return mode
    .replace(/Lock$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toUpperCase()
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  return `${Math.floor(ms / 60_000)}m ${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`
}

/** The terminal's and the reasons' one line per forecast. */
export function describeForecast(f: LockForecast): string {
  const on =
    f.rehearsedOn === 'shadow'
      ? `${f.rehearsedRows} rows of a shadow copy${f.sampled ? ` (a sample of ${f.liveRows})` : ''}`
      : `${f.rehearsedRows} rows of the live table`
  const verdict = f.overBudget
    ? `over the lock budget of ${formatMs(f.budgetMs)}`
    : `within the lock budget of ${formatMs(f.budgetMs)}`
  return `${f.file}:${f.line} "${f.statement}" will hold ${lockName(f.lock)} on ${f.table} for about ${formatMs(f.forecastMs)} with ${f.tableRows} rows (${f.rowsSource}; model ${f.model}; measured ${formatMs(f.measuredMs)} on ${on}): ${verdict}`
}
