/**
 * PL/pgSQL bodies (CREATE FUNCTION/PROCEDURE ... LANGUAGE plpgsql, DO blocks): parsed with libpg_query's
 * PL/pgSQL parser; the SQL statements embedded in them are parsed again and checked for LOCK TABLE and DDL.
 * Lines are the file's: the body's first line plus the PL/pgSQL statement's lineno.
 */
import { scanSync } from 'libpg-query'
import {
  names,
  parsePlpgsql,
  parseSql,
  walk,
  type AstNode,
  type SqlStatement,
  TextIndex
} from '../sql/parser.js'
import { escapeHits, plpgsqlEscapeHits, type BodyHit } from './escape-rules.js'
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
 * escapes-transaction in a SQL function body (partial-rollback is not: the body runs later, on each call):
 * parsed as SQL, located in the file when the body is dollar-quoted, else at the statement's start.
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
      return {
        rule: h.rule,
        ...file.lineColumn(at),
        message: `in a function body: ${h.message}`,
        anchorLine: stmt.line
      }
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

/** Where a PL/pgSQL syntax error is: the token named in the message, else the body's start. */
function locateBodyError(message: string, body: Body): number {
  const near = /at or near "([^"]*)"/.exec(message)?.[1]
  if (message.includes('at end of input')) return body.start + body.text.trimEnd().length
  if (near === undefined) return body.start
  try {
    const bytes = Buffer.from(body.text, 'utf8')
    const token = scanSync(body.text).tokens.find(
      t => bytes.subarray(t.start, t.end).toString('utf8').toLowerCase() === near.toLowerCase()
    )
    if (token) return body.start + bytes.subarray(0, token.start).toString('utf8').length
  } catch {
    // the body does not even scan: the body's start is all we can say
  }
  return body.start
}

/**
 * Findings for the PL/pgSQL body of `stmt` (none when it has no PL/pgSQL body). `file` is the index of the
 * file's text, built once per file: positions are looked up, never counted from the file's start.
 */
export function plpgsqlFindings(file: TextIndex, stmt: SqlStatement): RawFinding[] {
  const body = plpgsqlBody(stmt)
  if (!body) {
    const sqlBody = sqlFunctionBody(stmt)
    return sqlBody ? sqlBodyFindings(file, stmt, sqlBody) : []
  }
  const anchorLine = stmt.line
  let tree: unknown
  try {
    tree = parsePlpgsql(stmt.text)
  } catch (e) {
    const message = (e as Error).message
    const { line, column } = file.lineColumn(locateBodyError(message, body))
    // The offline PL/pgSQL compiler has no catalog: what depends on types (a composite or user-defined type
    // in SELECT ... INTO a, b) can be refused here and accepted by the server. Only grammar errors are errors;
    // the rest is a warning, and the rehearsal compiles the body on the server.
    const grammar = /syntax error|at end of input|unterminated|end of function/i.test(message)
    return [
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
    ]
  }
  const bodyLine = file.lineColumn(body.start).line
  const out: RawFinding[] = []
  const where = body.isDo ? 'a DO block' : 'a function body'
  // What escapes the transaction: a DO block runs now (partial-rollback too), a function body on every call.
  for (const hit of plpgsqlEscapeHits(tree, body.isDo)) {
    out.push({
      rule: hit.rule,
      ...bodyHitPosition(file, body, bodyLine, hit),
      message: `in ${where}: ${hit.message}`,
      anchorLine
    })
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
    // A DO block in a migration is part of the migration: its DDL is the point, not a hazard.
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
  return out
}
