/**
 * The `lint` check: every pending migration, rollback and verify script through the real Postgres parser and
 * the rules of src/lint/, plus a scan of the other files under the migrations folder for pasted passwords.
 * Applied migrations (history) are never linted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import type { Annotation, Check, CheckOutcome, LintFinding, StatementLock } from '../types.js'
import { loadParser } from '../sql/parser.js'
import { findNoTransactionMarker, type Migration } from '../plan/files.js'
import { activeFindings, lintSql, policyTablesOf } from '../lint/engine.js'
import { RULES } from '../lint/rules.js'
import { findConnectionPasswords } from '../lint/secrets.js'
import { catalogVolatility, type Volatility } from '../lint/volatility.js'

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
  existingTables?: Set<string>,
  functionVolatility?: ReadonlyMap<string, Volatility>
): LintSetResult {
  const policyTables = new Set<string>()
  for (const m of pending) for (const t of policyTablesOf(m.sql)) policyTables.add(t)
  const createdTables = new Set<string>()
  const createdIndexes = new Map<string, string>()
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
      noTransactionMarkers: m.noTransactionMarkers
    })
    for (const t of main.created) createdTables.add(t)
    for (const [i, t] of main.indexes) createdIndexes.set(i, t)
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
          noTransactionMarkers: m.noTransactionMarkers
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

/** Text files under `dir` other than the given SQL files (runbook.yml, notes, ...), relative to cwd. */
function otherFiles(dir: string, skip: Set<string>): string[] {
  const out: string[] = []
  const visit = (d: string): void => {
    let entries: string[]
    try {
      entries = readdirSync(d)
    } catch {
      return
    }
    for (const e of entries) {
      const p = path.join(d, e)
      const st = statSync(p)
      if (st.isDirectory()) visit(p)
      else if (st.isFile() && st.size < 2_000_000 && !skip.has(path.resolve(p))) out.push(p)
    }
  }
  visit(dir)
  return out
}

/** Password findings in the non-migration files of the migrations folder (history files are left alone). */
export function scanOtherFiles(migrationsDir: string, allMigrations: Migration[]): LintFinding[] {
  const skip = new Set<string>()
  for (const m of allMigrations)
    for (const f of [m, m.rollback, m.verify]) if (f) skip.add(path.resolve(f.path))
  const findings: LintFinding[] = []
  for (const p of otherFiles(migrationsDir, skip)) {
    const text = readFileSync(p, 'utf8')
    if (text.includes('\u0000')) continue
    for (const hit of findConnectionPasswords(text)) {
      findings.push({
        rule: 'connection-string-password',
        severity: 'error',
        file: path.relative(process.cwd(), p) || p,
        line: hit.line,
        column: hit.column,
        message: `a connection string with a password (${hit.masked}) is written in the file`,
        advice: RULES['connection-string-password'].advice
      })
    }
  }
  return findings
}

async function existingTablesOf(client: pg.Client): Promise<Set<string>> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm', 'f')`
  )
  return new Set(rows.map(r => r.name))
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

/** The outcome of a lint run: fail on any active error, warn on any active warning. */
export function lintOutcome(result: LintSetResult): CheckOutcome {
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
    reasons: [...errors, ...warnings].map(
      f => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`
    ),
    details: {
      findings: result.findings,
      locks: result.locks,
      files: result.files,
      statements: result.statements
    },
    annotations: active.map(toAnnotation)
  }
}

export const lintCheck: Check = {
  id: 'lint',
  title: 'Lint pending migrations',
  run: async ctx => {
    await loadParser()
    const pending = ctx.plan.pending
    let existing: Set<string> | undefined
    try {
      existing = await existingTablesOf(ctx.client)
    } catch (e) {
      ctx.log.warn(
        `lint: could not read the table list (${(e as Error).message}); every table not created in the change counts as existing`
      )
    }
    let volatility: Map<string, Volatility> | undefined
    try {
      volatility = await catalogVolatility(ctx.client)
    } catch (e) {
      ctx.log.warn(
        `lint: could not read function volatility from pg_proc (${(e as Error).message}); functions outside the built-in list count as volatile`
      )
    }
    const result = lintMigrations(pending, existing, volatility)
    result.findings.push(...scanOtherFiles(ctx.plan.migrationsDir, ctx.plan.migrations))
    for (const f of result.findings) {
      const line = `lint ${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`
      if (f.suppressed !== undefined) ctx.log.info(`${line} (suppressed: ${f.suppressed})`)
      else if (f.severity === 'error') ctx.log.error(line)
      else if (f.severity === 'warning') ctx.log.warn(line)
      else ctx.log.info(line)
    }
    for (const l of result.locks)
      ctx.log.info(`lock ${l.file}:${l.line} ${l.lock} on ${l.table}: ${l.statement}`)
    return lintOutcome(result)
  }
}
