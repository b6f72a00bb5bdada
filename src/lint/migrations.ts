/**
 * Lints a set of pending migrations in version order, each with its rollback and verify script (a table an
 * earlier migration of the change creates is new to the later ones; in a folder's history it is not), and sums
 * the findings up: fail on any active error, warn on any active warning. Used by the lint check and by the
 * offline `lint` command.
 */
import type { Annotation, CheckStatus, LintFinding, StatementLock } from '../types.js'
import { findNoTransactionMarker, type Migration } from '../plan/files.js'
import { activeFindings, lintSql, policyTablesOf } from './engine.js'
import type { LintCatalog } from './catalog.js'
import type { ForeignKey } from './locks.js'

export interface LintSetResult {
  findings: LintFinding[]
  locks: StatementLock[]
  files: number
  statements: number
}

/**
 * Lints pending migrations in order, each with its rollback and verify script. The parser must be loaded.
 * With the target's catalog (existing tables, function volatility) the rules use it instead of assumptions.
 */
export function lintMigrations(
  pending: Migration[],
  catalog: Omit<LintCatalog, 'warnings'> = {},
  opts: {
    /**
     * A folder's history, not one change: each migration runs after the ones before it have been deployed, so
     * the tables and indexes they created have rows by then and get the lock rules (what `lint <folder>` means).
     */
    history?: boolean
  } = {}
): LintSetResult {
  const { existingTables, functionVolatility } = catalog
  // Tables that already have a policy on the target: enabling row level security on them again is no finding.
  const policyTables = new Set<string>(catalog.policyTables)
  for (const m of pending) for (const t of policyTablesOf(m.sql)) policyTables.add(t)
  const createdTables = new Set<string>()
  const createdIndexes = new Map<string, string>()
  // The target's foreign keys, then each migration's changes to them: the tables a later DROP locks through them.
  let foreignKeys: readonly ForeignKey[] = catalog.foreignKeys ?? []
  const out: LintSetResult = { findings: [], locks: [], files: 0, statements: 0 }
  for (const m of pending) {
    const before = new Set(createdTables)
    const indexesBefore = new Map(createdIndexes)
    const main = lintSql(m.file, m.sql, {
      kind: 'migration',
      noTransaction: m.noTransaction,
      existingTables,
      createdTables: before,
      createdIndexes: indexesBefore,
      policyTables,
      functionVolatility,
      noTransactionMarkers: m.noTransactionMarkers,
      foreignKeys
    })
    foreignKeys = main.foreignKeys
    if (!opts.history) {
      for (const t of main.created) createdTables.add(t)
      for (const [i, t] of main.indexes) createdIndexes.set(i, t)
    }
    const sidecars = [
      m.rollback && { f: m.rollback, kind: 'rollback' as const },
      m.verify && { f: m.verify, kind: 'verify' as const }
    ].filter(x => !!x)
    // Sidecars run after the migration: what it created exists by then.
    const results = [
      main,
      ...sidecars.map(({ f, kind }) =>
        lintSql(f.file, f.sql, {
          kind,
          noTransaction: findNoTransactionMarker(f.sql, m.noTransactionMarkers) !== undefined,
          existingTables: existingTables && new Set([...existingTables, ...main.created]),
          createdTables: before,
          createdIndexes: new Map([...indexesBefore, ...main.indexes]),
          functionVolatility,
          noTransactionMarkers: m.noTransactionMarkers,
          foreignKeys: main.foreignKeys
        })
      )
    ]
    for (const r of results) {
      out.findings.push(...r.findings)
      out.locks.push(...r.locks)
      out.statements += r.statements
      out.files++
    }
  }
  return out
}

/** The SQL texts lintMigrations lints: each pending migration, its rollback and its verify script. */
export function lintedSql(pending: readonly Migration[]): string[] {
  return pending.flatMap(m => [m.sql, m.rollback?.sql, m.verify?.sql].filter(s => s !== undefined))
}

export function toAnnotation(f: LintFinding): Annotation {
  return {
    level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice',
    file: f.file,
    line: f.line,
    column: f.column,
    title: `lint: ${f.rule}`,
    message: `${f.message}. ${f.advice}`
  }
}

/** A lint run summed up: the check's status, its one-line summary, one reason per active finding. */
export interface LintSummary {
  status: Extract<CheckStatus, 'pass' | 'warn' | 'fail'>
  summary: string
  reasons: string[]
  annotations: Annotation[]
}

/** Fail on any active error, warn on any active warning; suppressed findings are counted, not judged. */
export function summarizeLint(result: LintSetResult): LintSummary {
  const active = activeFindings(result.findings)
  const errors = active.filter(f => f.severity === 'error')
  const warnings = active.filter(f => f.severity === 'warning')
  const suppressed = result.findings.length - active.length
  const status = errors.length ? 'fail' : warnings.length ? 'warn' : 'pass'
  const summary =
    `${result.files} file(s), ${result.statements} statement(s): ${errors.length} error(s), ${warnings.length} warning(s)` +
    (suppressed ? `, ${suppressed} suppressed` : '')
  return {
    status,
    summary,
    // An error stops the run: its line says the fix too (a warning's is in the annotation and the SARIF help).
    reasons: [
      ...errors.map(
        f => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}. Fix: ${f.advice}`
      ),
      ...warnings.map(f => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`)
    ],
    annotations: active.map(toAnnotation)
  }
}
