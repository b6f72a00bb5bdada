/**
 * A migration file as the engine runs it: statements from the real parser, each with its file:line,
 * and the refusals that apply before anything runs (syntax errors, transaction control in the file).
 */
import { parseSql, relationsOf, type SqlStatement } from '../sql/parser.js'
import type { SqlFile } from '../plan/files.js'

export class MigrationFileError extends Error {
  override name = 'MigrationFileError'
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly column = 1
  ) {
    super(message)
  }
}

const TRANSACTION_KINDS = new Set(['TransactionStmt'])

/** Statements of a file, or a MigrationFileError naming file:line:column. Needs loadParser() first. */
export function statementsOf(file: SqlFile): SqlStatement[] {
  const parsed = parseSql(file.sql)
  if (parsed.error) {
    const e = parsed.error
    throw new MigrationFileError(
      `${file.file}:${e.line}:${e.column}: ${e.message}`,
      file.file,
      e.line,
      e.column
    )
  }
  for (const s of parsed.statements) {
    if (TRANSACTION_KINDS.has(s.kind)) {
      throw new MigrationFileError(
        `${file.file}:${s.line}: transaction control ("${firstLine(s.text)}") is not allowed in a migration file: ` +
          'the runbook wraps each migration in its own transaction (a stray COMMIT would make the rest run unprotected). ' +
          'Remove it; for CREATE INDEX CONCURRENTLY put "-- migration-runbook: no-transaction" on the first line instead.',
        file.file,
        s.line,
        s.column
      )
    }
  }
  return parsed.statements
}

export function firstLine(text: string, max = 80): string {
  const line = text.split('\n', 1)[0].trim()
  return line.length > max ? line.slice(0, max - 1) + '…' : line
}

/** Every relation the statements of these files touch (for lock checks and state capture). */
export function touchedRelations(statements: SqlStatement[]): string[] {
  const out = new Set<string>()
  for (const s of statements) for (const r of relationsOf(s.ast)) out.add(r)
  return [...out].sort()
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
