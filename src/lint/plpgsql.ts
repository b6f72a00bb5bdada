/**
 * PL/pgSQL bodies (CREATE FUNCTION/PROCEDURE ... LANGUAGE plpgsql, DO blocks): parsed with libpg_query's
 * PL/pgSQL parser; the SQL statements embedded in them are parsed again and checked for LOCK TABLE and DDL.
 * Lines are the file's: the body's first line plus the PL/pgSQL statement's lineno.
 */
import {
  names,
  parsePlpgsql,
  parseSql,
  scanTokens,
  walk,
  type AstNode,
  type ParsedSql,
  type SqlStatement,
  TextIndex
} from '../sql/parser.js'
import { escapeHits, functionBodyHit, plpgsqlEscapeHits, type BodyHit } from './escape-rules.js'
import { userTypesAsText } from './plpgsql-user-types.js'
import { isDdl, type RawFinding } from './statement-rules.js'

interface Body {
  text: string
  /** Character offset of the body in the file. */
  start: number
  isDo: boolean
  /** Whether the body is written verbatim in the file at `start` (dollar-quoted), not in a quoted string. */
  exact: boolean
}

function optionValue(options: AstNode[] | undefined, name: string): AstNode | undefined {
  return (options ?? []).map(o => o.DefElem).find(d => d?.defname === name)?.arg
}

/** The PL/pgSQL body of a statement, if it has one. */
function plpgsqlBody(stmt: SqlStatement): Body | undefined {
  let text: string | undefined
  let isDo = false
  if (stmt.kind === 'CreateFunctionStmt') {
    const s = stmt.ast.CreateFunctionStmt
    const language = optionValue(s.options, 'language')?.String?.sval
    if (language?.toLowerCase() !== 'plpgsql') return undefined
    text = names(optionValue(s.options, 'as')?.List?.items)[0]
  } else if (stmt.kind === 'DoStmt') {
    const s = stmt.ast.DoStmt
    const language = optionValue(s.args, 'language')?.String?.sval ?? 'plpgsql'
    if (language.toLowerCase() !== 'plpgsql') return undefined
    text = optionValue(s.args, 'as')?.String?.sval
    isDo = true
  }
  if (text === undefined) return undefined
  // Dollar-quoted bodies appear verbatim in the statement; a quoted one ('' escapes) falls back to the statement start.
  const at = stmt.text.indexOf(text)
  return { text, start: stmt.start + Math.max(at, 0), isDo, exact: at >= 0 }
}

/** The body of CREATE FUNCTION/PROCEDURE ... LANGUAGE sql written as a string (BEGIN ATOMIC is in the tree). */
function sqlFunctionBody(stmt: SqlStatement): Body | undefined {
  if (stmt.kind !== 'CreateFunctionStmt') return undefined
  const s = stmt.ast.CreateFunctionStmt
  const language = optionValue(s.options, 'language')?.String?.sval
  if (language?.toLowerCase() !== 'sql') return undefined
  const text = names(optionValue(s.options, 'as')?.List?.items)[0]
  if (text === undefined) return undefined
  const at = stmt.text.indexOf(text)
  return { text, start: stmt.start + Math.max(at, 0), isDo: false, exact: at >= 0 }
}

/**
 * escapes-transaction in a SQL function body (partial-rollback is not: the body runs later, on each call), as
 * a warning (functionBodyHit): parsed as SQL, located in the file when the body is dollar-quoted, else at the
 * statement's start.
 */
function sqlBodyFindings(file: TextIndex, stmt: SqlStatement, body: Body): RawFinding[] {
  const parsed = parseSql(body.text)
  // A body that does not parse is the server's to refuse (it checks SQL bodies when creating the function).
  if (parsed.error) return []
  const bodyIndex = new TextIndex(body.text)
  return parsed.statements.flatMap(s =>
    escapeHits(s.ast, false).map(h => {
      const at =
        body.exact && typeof h.location === 'number'
          ? body.start + bodyIndex.charOffset(h.location)
          : body.exact
            ? body.start + s.start
            : stmt.start
      return { ...functionBodyHit(h), ...file.lineColumn(at), anchorLine: stmt.line }
    })
  )
}

/** Where a hit in a PL/pgSQL body is: in the text as written when found there, else its statement's line. */
function bodyHitPosition(
  file: TextIndex,
  body: Body,
  bodyLine: number,
  hit: BodyHit
): { line: number; column: number } {
  if (body.exact && hit.source !== undefined) {
    let from = 0
    for (let l = 1; l < hit.lineno && from >= 0; l++) {
      const nl = body.text.indexOf('\n', from)
      from = nl < 0 ? -1 : nl + 1
    }
    const found = from < 0 ? -1 : body.text.indexOf(hit.source, from)
    if (found >= 0) return file.lineColumn(body.start + found + (hit.offset ?? 0))
  }
  const line = bodyLine + hit.lineno - 1
  return { line, column: file.lineText(line).search(/\S/) + 1 || 1 }
}

/** `'drop table x'` -> `drop table x` (a constant EXECUTE string), else undefined. */
function constantString(expr: string): string | undefined {
  const m = /^\s*'((?:[^']|'')*)'\s*$/.exec(expr)
  return m ? m[1].replace(/''/g, "'") : undefined
}

/**
 * Where a PL/pgSQL syntax error is: the token named in the message, else the body's start. The offline compiler
 * gives no position, and the token often appears more than once (`syntax error at or near "COALESCE"` in a body
 * with a valid COALESCE before the broken one). It reports an error once it has read past it, so the statement
 * is compiled again with its body cut just before the next occurrence: the first occurrence whose cut still
 * fails with the same message is the one. `stmt` is the statement (its text and file offset); without it, or
 * when no cut reproduces the error, the first occurrence is named.
 */
function locateBodyError(
  message: string,
  body: Body,
  stmt?: Pick<SqlStatement, 'text' | 'start'>
): number {
  const near = /at or near "([^"]*)"/.exec(message)?.[1]
  if (message.includes('at end of input')) return body.start + body.text.trimEnd().length
  if (near === undefined) return body.start
  let occurrences: number[]
  try {
    const bytes = Buffer.from(body.text, 'utf8')
    occurrences = scanTokens(body.text)
      .filter(
        t => bytes.subarray(t.start, t.end).toString('utf8').toLowerCase() === near.toLowerCase()
      )
      .map(t => bytes.subarray(0, t.start).toString('utf8').length)
  } catch {
    // the body does not even scan: the body's start is all we can say
    return body.start
  }
  if (occurrences.length === 0) return body.start
  if (occurrences.length === 1 || !stmt || !body.exact) return body.start + occurrences[0]
  const at = body.start - stmt.start
  const rest = stmt.text.slice(at + body.text.length)
  for (const [i, start] of occurrences.slice(0, -1).entries()) {
    try {
      parsePlpgsql(stmt.text.slice(0, at) + body.text.slice(0, occurrences[i + 1]) + '\n' + rest)
    } catch (e) {
      if ((e as Error).message === message) return body.start + start
    }
  }
  // No cut before a later occurrence fails the same way: the last one is where it breaks.
  return body.start + occurrences[occurrences.length - 1]
}

/** A SQL statement run by a DO block (written in it, or EXECUTEd as a constant string). */
export interface InnerStatement {
  /** Parsed from `sql`: its offsets and the tree's locations are into `sql`. */
  statement: SqlStatement
  sql: string
  /** The file's character offset of a character offset into `sql`; undefined when `sql` is not in the file as written. */
  fileOffset: (offset: number) => number | undefined
  /** The PL/pgSQL statement's line in the file and its first column: the fallback position. */
  line: number
  column: number
}

/** Character offset in the body where the n-th (1-based) line starts, or -1. */
function lineStart(text: string, lineno: number): number {
  let from = 0
  for (let l = 1; l < lineno && from >= 0; l++) {
    const nl = text.indexOf('\n', from)
    from = nl < 0 ? -1 : nl + 1
  }
  return from
}

/** EXECUTE's constant: '...' (with '' for ') or $tag$...$tag$, and the map of its text back to the written one. */
function executeConstant(
  expr: string
): { sql: string; written: (offset: number) => number; lead: number } | undefined {
  const lead = expr.length - expr.trimStart().length
  const quoted = constantString(expr)
  if (quoted !== undefined) {
    // Each ' of the value is written twice: count them before the offset.
    return {
      sql: quoted,
      lead: lead + 1,
      written: c => c + (quoted.slice(0, c).match(/'/g)?.length ?? 0)
    }
  }
  const m = /^\s*(\$[A-Za-z_]*\$)([\s\S]*)\1\s*$/.exec(expr)
  return m ? { sql: m[2], lead: lead + m[1].length, written: c => c } : undefined
}

/**
 * The statements a DO block runs, with the way back to their place in the file. `tree` is the block's
 * PL/pgSQL parse tree; `body` its text as found in the statement.
 */
function doBlockStatements(
  file: TextIndex,
  body: Body,
  bodyLine: number,
  tree: unknown,
  parsedBefore: ReadonlyMap<string, ParsedSql>
): InnerStatement[] {
  const out: InnerStatement[] = []
  walk(tree, (key, node) => {
    if (typeof node.lineno !== 'number') return
    const written =
      key === 'PLpgSQL_stmt_execsql'
        ? node.sqlstmt?.PLpgSQL_expr?.query
        : key === 'PLpgSQL_stmt_dynexecute'
          ? node.query?.PLpgSQL_expr?.query
          : undefined
    if (typeof written !== 'string') return
    const constant =
      key === 'PLpgSQL_stmt_dynexecute'
        ? executeConstant(written)
        : { sql: written, lead: 0, written: (c: number) => c }
    if (!constant) return
    const parsed = parsedBefore.get(constant.sql) ?? parseSql(constant.sql)
    if (parsed.error) return // reported by plpgsqlFindings
    const from = lineStart(body.text, node.lineno)
    const found = body.exact && from >= 0 ? body.text.indexOf(written, from) : -1
    const line = bodyLine + node.lineno - 1
    const column = file.lineText(line).search(/\S/) + 1 || 1
    const fileOffset = (c: number): number | undefined =>
      found < 0 ? undefined : body.start + found + constant.lead + constant.written(c)
    for (const statement of parsed.statements)
      out.push({ statement, sql: constant.sql, fileOffset, line, column })
  })
  return out
}

/**
 * Findings for the PL/pgSQL body of `stmt` (none when it has no PL/pgSQL body). `file` is the index of the
 * file's text, built once per file: positions are looked up, never counted from the file's start.
 */
export function plpgsqlFindings(file: TextIndex, stmt: SqlStatement): RawFinding[] {
  return plpgsqlAnalysis(file, stmt).findings
}

/** plpgsqlFindings, and for a DO block the statements it runs (to get the same rules as the file's). */
export function plpgsqlAnalysis(
  file: TextIndex,
  stmt: SqlStatement
): { findings: RawFinding[]; inner: InnerStatement[] } {
  const findings = plpgsqlBodyFindings(file, stmt)
  const body = plpgsqlBody(stmt)
  if (!body?.isDo || !findings.tree) return { findings: findings.out, inner: [] }
  const bodyLine = file.lineColumn(body.start).line
  return {
    findings: findings.out,
    inner: doBlockStatements(file, body, bodyLine, findings.tree, findings.parsed)
  }
}

/** A PL/pgSQL error of the grammar (a real error), not one that depends on types the offline compiler lacks. */
function grammarError(message: string): boolean {
  return /syntax error|at end of input|unterminated|end of function/i.test(message)
}

/**
 * parsePlpgsql, retried when the offline compiler refuses what depends on types it cannot know: with no catalog
 * it takes a type it does not know (an enum, a domain, an extension's type) for a composite, and refuses
 * `RETURNS public.freq[]` ("cannot return type record[]"), `SELECT a, b INTO v_role, v_at` with v_role an enum
 * ("record variable cannot be part of multiple-item INTO list"), `v_frequency := ...` ("is not a scalar
 * variable"), all of which the server accepts. The statement is checked again with those types written as text
 * (userTypesAsText: return type, parameters, declarations), then with each variable still refused as a scalar
 * declared as text, at most MAX_SCALAR_GUESSES times; the escape and SQL analyses that follow do not depend on
 * variable types. What is thrown survives the retries: a grammar error when one is found (a real one, never
 * hidden behind a guess), else the first error of the rewritten statement.
 */
function parseGuessingScalars(text: string): unknown {
  try {
    return parsePlpgsql(text)
  } catch (e) {
    if (grammarError((e as Error).message)) throw e
    const retyped = userTypesAsText(text)
    if (retyped === undefined) return guessScalars(text, e)
    try {
      return parsePlpgsql(retyped)
    } catch (retypedError) {
      return guessScalars(retyped, retypedError)
    }
  }
}

/** Parses `text` (which failed with `error`) declaring each variable refused as a scalar as text. */
function guessScalars(text: string, error: unknown): unknown {
  let current = text
  let last = error
  for (let guesses = 0; ; guesses++) {
    const message = (last as Error).message
    if (grammarError(message)) throw last
    const variable = /"([^"]+)" is not a scalar variable/.exec(message)?.[1]
    const next =
      variable && guesses < MAX_SCALAR_GUESSES ? declaredAsText(current, variable) : current
    if (next === current) throw error
    current = next
    try {
      return parsePlpgsql(current)
    } catch (e) {
      last = e
    }
  }
}

const MAX_SCALAR_GUESSES = 8

/**
 * The text with the first declaration of `variable` after DECLARE (`name type;`, `:=`, DEFAULT, NOT NULL, on
 * one line) typed text; the text as it was when there is none.
 */
function declaredAsText(text: string, variable: string): string {
  const start = text.search(/\bdeclare\b/i)
  if (start < 0) return text
  const name = variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const declaration = new RegExp(
    `(\\s${name}\\s+)(?!constant\\b)([^;:=\\n]+?)(\\s*(?:;|:=|=|\\bdefault\\b|\\bnot\\s+null\\b|\\bcollate\\b))`,
    'i'
  )
  return (
    text.slice(0, start) +
    text
      .slice(start)
      .replace(
        declaration,
        (_all, head: string, _type: string, tail: string) => `${head}text${tail}`
      )
  )
}

function plpgsqlBodyFindings(
  file: TextIndex,
  stmt: SqlStatement
): { out: RawFinding[]; tree?: unknown; parsed: Map<string, ParsedSql> } {
  // The embedded statements parsed here, kept for doBlockStatements (parsing is most of lint's time).
  const parsedSql = new Map<string, ParsedSql>()
  const body = plpgsqlBody(stmt)
  if (!body) {
    const sqlBody = sqlFunctionBody(stmt)
    return { out: sqlBody ? sqlBodyFindings(file, stmt, sqlBody) : [], parsed: parsedSql }
  }
  const anchorLine = stmt.line
  let tree: unknown
  try {
    tree = parseGuessingScalars(stmt.text)
  } catch (e) {
    const message = (e as Error).message
    const { line, column } = file.lineColumn(locateBodyError(message, body, stmt))
    // The offline PL/pgSQL compiler has no catalog: what depends on types (a composite or user-defined type
    // in SELECT ... INTO a, b) can be refused here and accepted by the server. Only grammar errors are errors;
    // the rest is a warning, and the rehearsal compiles the body on the server.
    const grammar = grammarError(message)
    return {
      out: [
        {
          rule: 'syntax-error',
          line,
          column,
          message: grammar
            ? `in the PL/pgSQL body: ${message}`
            : `in the PL/pgSQL body, the offline parser (no catalog) reports: ${message}; the rehearsal checks it on the server`,
          anchorLine,
          ...(grammar ? {} : { severity: 'warning' as const })
        }
      ],
      parsed: parsedSql
    }
  }
  const bodyLine = file.lineColumn(body.start).line
  const out: RawFinding[] = []
  const where = body.isDo ? 'a DO block' : 'a function body'
  // What escapes the transaction: a DO block runs now (partial-rollback too, an error as at top level), a
  // function body on every call (a warning: defining the function runs nothing).
  for (const hit of plpgsqlEscapeHits(tree, body.isDo)) {
    const reported = body.isDo
      ? { rule: hit.rule, message: `in ${where}: ${hit.message}` }
      : functionBodyHit(hit)
    out.push({ ...reported, ...bodyHitPosition(file, body, bodyLine, hit), anchorLine })
  }
  walk(tree, (key, node) => {
    if (!key.startsWith('PLpgSQL_stmt_') || typeof node.lineno !== 'number') return
    const sql =
      key === 'PLpgSQL_stmt_execsql'
        ? node.sqlstmt?.PLpgSQL_expr?.query
        : key === 'PLpgSQL_stmt_dynexecute'
          ? constantString(node.query?.PLpgSQL_expr?.query ?? '')
          : undefined
    if (typeof sql !== 'string') return
    const line = bodyLine + node.lineno - 1
    const column = file.lineText(line).search(/\S/) + 1 || 1
    const parsed = parseSql(sql)
    parsedSql.set(sql, parsed)
    if (parsed.error) {
      out.push({
        rule: 'syntax-error',
        line,
        column,
        message: `in the PL/pgSQL body: ${parsed.error.message}`,
        anchorLine
      })
      return
    }
    // A DO block in a migration is part of the migration: its DDL is the point, not a hazard (its statements
    // get the file's lock rules through plpgsqlAnalysis).
    if (body.isDo) return
    for (const s of parsed.statements) {
      if (s.kind === 'LockStmt') {
        out.push({
          rule: 'lock-in-function',
          line,
          column,
          message: `LOCK TABLE inside ${where}: ${s.text}`,
          anchorLine
        })
      } else if (s.kind === 'RefreshMatViewStmt') {
        // Refreshing a view from a function (a cron job) is routine; only the plain form blocks its readers.
        if (!s.ast.RefreshMatViewStmt.concurrent)
          out.push({
            rule: 'ddl-in-function',
            line,
            column,
            message: `REFRESH MATERIALIZED VIEW without CONCURRENTLY inside ${where}: each call holds ACCESS EXCLUSIVE on the view while it refreshes, so its readers wait; use REFRESH MATERIALIZED VIEW CONCURRENTLY (the view needs a unique index)`,
            anchorLine
          })
      } else if (isDdl(s.kind)) {
        out.push({
          rule: 'ddl-in-function',
          line,
          column,
          message: `DDL inside ${where}: ${s.text.split('\n')[0]}`,
          anchorLine
        })
      }
    }
  })
  return { out, tree, parsed: parsedSql }
}
