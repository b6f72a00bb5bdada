/**
 * A migration file as the engine runs it: statements from the real parser, each with its file:line,
 * and the refusals that apply before anything runs (syntax errors, transaction control in the file,
 * CONCURRENTLY statements that cannot run the way the file is written).
 *
 * What the Supabase CLI does with the same file (measured with supabase 2.117.0, `db push --db-url`, on
 * PostgreSQL 17; pkg/migration/file.go ExecBatch): it splits the file into statements and sends them, then
 * its history insert, as one pipelined batch with a single Sync. That is an implicit transaction, not a
 * BEGIN: a failure undoes the batch, but a COMMIT, ROLLBACK or CONCURRENTLY statement in the file ends it
 * where it stands and the rest runs in a new one. Hence:
 * - `BEGIN; ... COMMIT;` around the whole file means what the runbook's own transaction means: accepted,
 *   the statements between run in the runbook's transaction (lines as in the file);
 * - any other transaction control would apply part of the file on its own (or record a file whose work
 *   was rolled back): refused, saying what the CLI would do;
 * - a file of only CONCURRENTLY statements runs outside a transaction (see transactionModeOf in
 *   src/plan/files.ts); CONCURRENTLY mixed with other statements, without a no-transaction marker, is
 *   refused: under the CLI a later failure leaves it half applied and unrecorded.
 */
import {
  concurrentlyClause,
  names,
  parseSql,
  walk,
  type AstNode,
  type SqlStatement
} from '../sql/parser.js'
import { findNoTransactionMarker, type SqlFile } from '../plan/files.js'

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

const BEGIN_KINDS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START'])
const SAVEPOINT_KINDS = new Set([
  'TRANS_STMT_SAVEPOINT',
  'TRANS_STMT_RELEASE',
  'TRANS_STMT_ROLLBACK_TO'
])
const TWO_PHASE_KINDS = new Set([
  'TRANS_STMT_PREPARE',
  'TRANS_STMT_COMMIT_PREPARED',
  'TRANS_STMT_ROLLBACK_PREPARED'
])

/** A transaction-control statement that is refused, and why (the message names no file or line). */
export interface TransactionProblem {
  statement: SqlStatement
  message: string
}

/** A file's statements seen through its transaction control. */
export interface TransactionShape {
  /** What runs: the file's statements, without a whole-file BEGIN ... COMMIT. */
  statements: SqlStatement[]
  /** The BEGIN and COMMIT around the whole file, when it is written that way. */
  wrapper?: { begin: SqlStatement; commit: SqlStatement }
  /** Refused transaction control, in file order. */
  problems: TransactionProblem[]
}

function transactionKind(s: SqlStatement): string {
  return String((s.ast as AstNode).TransactionStmt?.kind ?? '')
}

function isPlainCommit(s: SqlStatement): boolean {
  return transactionKind(s) === 'TRANS_STMT_COMMIT' && !s.ast.TransactionStmt.chain
}

const KEEP_ONE =
  'Keep one BEGIN ... COMMIT around the whole file (or none: the runbook runs each migration in its own transaction), or split the file into one migration per transaction.'

const LEFT_HALF_APPLIED =
  'so if a later statement fails, what ran before stays applied while the version is not recorded, and the next push fails on it'

/**
 * Why a transaction-control statement is refused, or undefined for the BEGIN that opens the file and the
 * COMMIT that ends it. What the Supabase CLI would do was measured with supabase 2.117.0 (db push --db-url).
 */
function problemMessage(s: SqlStatement, all: SqlStatement[]): string | undefined {
  const kind = transactionKind(s)
  const quoted = `transaction control ("${firstLine(s.text, 40)}")`
  const first = all[0]
  const last = all[all.length - 1]
  const opensFile = s === first && BEGIN_KINDS.has(kind)
  // A COMMIT or ROLLBACK after the opening BEGIN: the problem, if any, is that statement, not the BEGIN.
  const laterEnd = all.some(
    x =>
      x.index > s.index && ['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK'].includes(transactionKind(x))
  )
  if (SAVEPOINT_KINDS.has(kind)) {
    return (
      `${quoted}: savepoints are not supported in a migration file (outside a BEGIN the Supabase CLI fails with "SAVEPOINT can only be used in transaction blocks"; inside one, ROLLBACK TO undoes statements the history still lists). ` +
      'Remove it: the migration already runs as one transaction, all or nothing.'
    )
  }
  if (TWO_PHASE_KINDS.has(kind)) {
    return `${quoted}: two-phase commit has no place in a migration file (a prepared transaction holds its locks until someone commits it by hand). Remove it.`
  }
  if (kind === 'TRANS_STMT_ROLLBACK') {
    return (
      (s === last
        ? `${quoted} at the end of the file: the Supabase CLI would run the statements, roll them back and still record the version as applied (its history insert runs after the ROLLBACK), so nothing of this file would be in the database. `
        : `${quoted} in the middle of the file: the Supabase CLI would undo the statements before it, carry on, and record the version as applied. `) +
      'Use COMMIT, or remove the statements that are meant to be undone.'
    )
  }
  if (BEGIN_KINDS.has(kind)) {
    if (opensFile && laterEnd) return undefined
    if (opensFile) {
      return (
        `${quoted} with no COMMIT after it: the Supabase CLI would leave the transaction open, run this migration, every later one and their history rows inside it, report success, and lose all of it when it disconnects. ` +
        'End the file with COMMIT (or remove the BEGIN).'
      )
    }
    return `${quoted} in the middle of the file: the Supabase CLI would commit the statements before it on their own, ${LEFT_HALF_APPLIED}. ${KEEP_ONE}`
  }
  // COMMIT / END
  if (s.ast.TransactionStmt?.chain) {
    return `${quoted}: AND CHAIN opens a new transaction that the Supabase CLI would record the version in and leave open. Use a plain COMMIT at the end of the file.`
  }
  if (s === last && BEGIN_KINDS.has(transactionKind(first)) && first !== last) return undefined
  // It closes a BEGIN in the middle of the file: that BEGIN is the problem, and is reported.
  const opener = all.filter(x => x.index < s.index && x.kind === 'TransactionStmt').pop()
  if (opener && opener !== first && BEGIN_KINDS.has(transactionKind(opener))) return undefined
  if (s === last) {
    return (
      `${quoted} at the end of a file that does not start with BEGIN: under the Supabase CLI it only ends the implicit transaction its batch runs in (PostgreSQL warns "there is no transaction in progress"). ` +
      'Remove it, or put BEGIN at the start of the file.'
    )
  }
  return `${quoted} in the middle of the file: the Supabase CLI would commit the statements before it on their own, ${LEFT_HALF_APPLIED}. ${KEEP_ONE}`
}

/**
 * The transaction shape of a file's statements: a whole-file `BEGIN; ... COMMIT;` (also `BEGIN TRANSACTION`,
 * `START TRANSACTION`, `END`, any case, comments anywhere) is unwrapped; any other transaction control is a
 * problem. `marker` is the file's no-transaction marker, if any: it contradicts a wrapper.
 */
export function transactionShape(all: SqlStatement[], marker?: string): TransactionShape {
  const control = all.filter(s => s.kind === 'TransactionStmt')
  if (control.length === 0) return { statements: all, problems: [] }
  const first = all[0]
  const last = all[all.length - 1]
  const wrapped =
    control.length === 2 &&
    control[0] === first &&
    control[1] === last &&
    BEGIN_KINDS.has(transactionKind(first)) &&
    isPlainCommit(last)
  if (wrapped) {
    const problems: TransactionProblem[] = []
    if ((first.ast.TransactionStmt.options ?? []).length > 0) {
      problems.push({
        statement: first,
        message: `transaction control ("${firstLine(first.text, 60)}"): transaction options are not supported; the runbook runs the migration in its own transaction with the server's defaults (READ COMMITTED, read-write). Write a plain BEGIN.`
      })
    }
    if (marker) {
      problems.push({
        statement: first,
        message: `the file is wrapped in BEGIN ... COMMIT and also marked "${marker}" to run outside a transaction: the two contradict. Remove the marker to run it as one transaction, or the BEGIN and COMMIT to run it statement by statement.`
      })
    }
    return { statements: all.slice(1, -1), wrapper: { begin: first, commit: last }, problems }
  }
  const problems: TransactionProblem[] = []
  for (const s of control) {
    const message = problemMessage(s, all)
    if (message) problems.push({ statement: s, message })
  }
  return { statements: all, problems }
}

/**
 * Why a file's CONCURRENTLY statement is refused, or undefined. `statements` are what runs (unwrapped);
 * `wrapped` whether the file had BEGIN ... COMMIT around it; `marker` its no-transaction marker.
 */
export function concurrentlyProblem(
  statements: SqlStatement[],
  wrapped: boolean,
  marker: string | undefined
): TransactionProblem | undefined {
  const concurrent = statements.filter(s => concurrentlyClause(s.ast) !== undefined)
  if (concurrent.length === 0) return undefined
  const s = concurrent[0]
  const clause = concurrentlyClause(s.ast) as string
  if (wrapped) {
    return {
      statement: s,
      message: `${clause} cannot run inside the file's BEGIN ... COMMIT: PostgreSQL refuses it in a transaction block, and the Supabase CLI fails the same way ("${clause} cannot run inside a transaction block"). Remove the BEGIN and COMMIT and give it a migration of its own.`
    }
  }
  if (marker || concurrent.length === statements.length) return undefined
  return {
    statement: s,
    message:
      `${clause} shares the file with other statements and the file has no no-transaction marker. ` +
      `The Supabase CLI sends a file's statements as one batch: ${clause} would commit the statements before it on their own and the ones after it run in a new transaction, so a later failure leaves the file half applied and not recorded, and the next push fails on what was applied. ` +
      'Move the CONCURRENTLY statements into a migration of their own (a file of only CONCURRENTLY statements runs outside a transaction by itself), or put "-- migration-runbook: no-transaction" on the first line to run this file statement by statement.'
  }
}

/**
 * Statements of a file as they run, or a MigrationFileError naming file:line:column. A whole-file
 * BEGIN ... COMMIT is taken off (the runbook's transaction stands for it); the statements keep their lines.
 * Needs loadParser() first.
 */
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
  const marker = findNoTransactionMarker(file.sql, file.noTransactionMarkers)?.comment
  const shape = transactionShape(parsed.statements, marker)
  const problem =
    shape.problems[0] ?? concurrentlyProblem(shape.statements, shape.wrapper !== undefined, marker)
  if (problem) {
    const s = problem.statement
    throw new MigrationFileError(
      `${file.file}:${s.line}: ${problem.message}`,
      file.file,
      s.line,
      s.column
    )
  }
  return shape.statements
}

/** A well-formed file's transaction shape with its no-transaction marker; undefined when it does not parse. */
function shapeOf(file: SqlFile): { shape: TransactionShape; marker?: string } | undefined {
  const parsed = parseSql(file.sql)
  if (parsed.error) return undefined
  const marker = findNoTransactionMarker(file.sql, file.noTransactionMarkers)?.comment
  return { shape: transactionShape(parsed.statements, marker), marker }
}

/**
 * Whether the file has transaction control of its own that statementsOf refuses (a BEGIN ... COMMIT in the
 * middle, a savepoint, a ROLLBACK...), and is otherwise well formed. Needs loadParser() first.
 */
export function hasOwnTransactionControl(file: SqlFile): boolean {
  return (shapeOf(file)?.shape.problems.length ?? 0) > 0
}

/**
 * The statements of a file that statementsOf refuses only for a CONCURRENTLY statement beside others (no marker,
 * no BEGIN ... COMMIT around it, no transaction control of its own), else undefined. The Supabase CLI runs such a
 * file, committing what comes before the CONCURRENTLY statement: a deployed one is replayed statement by
 * statement (apply.ts, replayingDeployed), a pending one stays refused. Needs loadParser() first.
 */
export function concurrentlyBesideOthers(file: SqlFile): SqlStatement[] | undefined {
  const found = /concurrently/i.test(file.sql) ? shapeOf(file) : undefined
  if (!found || found.shape.problems.length > 0 || found.shape.wrapper) return undefined
  return concurrentlyProblem(found.shape.statements, false, found.marker)
    ? found.shape.statements
    : undefined
}

/**
 * The statements of an applied file, for reading what it did (verify's expectations), never for running: as
 * statementsOf, except that a file with transaction control of its own, applied as written (by the Supabase CLI,
 * or replayed into a baseline), is read as written with its BEGIN, COMMIT and END left out, and one with CONCURRENTLY
 * beside other statements as it ran.
 */
export function appliedStatementsOf(file: SqlFile): SqlStatement[] {
  if (!hasOwnTransactionControl(file)) return concurrentlyBesideOthers(file) ?? statementsOf(file)
  return parseSql(file.sql).statements.filter(s => s.kind !== 'TransactionStmt')
}

export function firstLine(text: string, max = 80): string {
  const line = text.split('\n', 1)[0].trim()
  return line.length > max ? line.slice(0, max - 1) + '…' : line
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}

/** The run's limits: a statement that may change one is followed by the runbook's own values again. */
const GUARDED = /\b(lock_timeout|statement_timeout)\b/i

/**
 * In a DO block's body (one string to the parser): what may set a name the text does not spell. EXECUTE
 * FUNCTION/PROCEDURE is CREATE TRIGGER's clause, not dynamic SQL (a real project's DO blocks that create triggers
 * were all flagged).
 */
const DYNAMIC_IN_BODY = /\bexecute\b(?!\s+(?:function|procedure)\b)|\bcall\b|set_config|\\|u&/i

/** Whether the tree calls set_config with a first argument that is not a string literal. */
function setsComputedName(ast: AstNode): boolean {
  let computed = false
  walk(ast, (key, value) => {
    if (computed || key !== 'FuncCall') return
    if (names(value.funcname).pop()?.toLowerCase() !== 'set_config') return
    if (typeof value.args?.[0]?.A_Const?.sval?.sval !== 'string') computed = true
  })
  return computed
}

/**
 * Whether a statement may change lock_timeout or statement_timeout for the rest of the transaction: a SET or
 * RESET of either, RESET ALL, or one that names either anywhere in its tree (set_config('lock_timeout', ...),
 * a SET inside a DO block). Also, since what they set cannot be read from the text: a CALL (a procedure may SET
 * anything), a set_config whose name is not a literal, and a DO block whose body runs dynamic SQL (EXECUTE),
 * calls set_config or a procedure, or holds an escape. A false positive only costs setting the runbook's values
 * again; a function that SETs, called from a query, is still not seen.
 */
export function mayChangeTimeouts(s: SqlStatement): boolean {
  if (s.kind === 'VariableSetStmt') {
    const v = (s.ast as { VariableSetStmt: { kind?: string } }).VariableSetStmt
    if (v.kind === 'VAR_RESET_ALL') return true
  }
  if (s.kind === 'CallStmt') return true
  if (s.kind === 'DoStmt' && DYNAMIC_IN_BODY.test(s.text)) return true
  if (/set_config/i.test(s.text) && setsComputedName(s.ast)) return true
  // Cheap first: the tree's names and strings come from the text, so a name the text does not spell (with no
  // escape that could spell it: E'\x5f', U&'\005f') is not in the tree. A seed file of 20,000 INSERTs: -130 ms.
  if (!/\\|u&/i.test(s.text) && !GUARDED.test(s.text)) return false
  return GUARDED.test(JSON.stringify(s.ast))
}
