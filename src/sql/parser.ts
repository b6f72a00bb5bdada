/**
 * The real PostgreSQL parser (libpg_query, compiled to WASM) and the few things every module needs from it:
 * a file split into statements with line/column, the statement's AST, and syntax errors located at file:line:col.
 *
 * libpg_query reports statement locations in UTF-8 bytes and syntax-error cursors in characters; everything
 * this module returns is in characters, lines and columns are 1-based.
 */
import { loadModule, parseSync, scanSync, parsePlPgSQLSync } from 'libpg-query'

let loaded: Promise<void> | undefined

/** Loads the WASM parser once (~10 ms). Every other function here needs it. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule()
  return loaded
}

/** A parse-tree node: `{ AlterTableStmt: {...} }` and so on. Kept loose: the tree is walked generically. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AstNode = Record<string, any>

export interface SqlStatement {
  index: number
  /** The statement's text, from its first token to its end (without the trailing semicolon). */
  text: string
  /** Character offsets into the file. */
  start: number
  end: number
  line: number
  column: number
  /** The statement node, e.g. `{ CreateStmt: {...} }`. */
  ast: AstNode
  /** The node's type name, e.g. 'CreateStmt'. */
  kind: string
}

export class SqlSyntaxError extends Error {
  override name = 'SqlSyntaxError'
  constructor(
    message: string,
    readonly offset: number,
    readonly line: number,
    readonly column: number
  ) {
    super(message)
  }
}

export interface ParsedSql {
  statements: SqlStatement[]
  error?: SqlSyntaxError
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(Math.max(offset, 0), text.length)
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: end - lineStart + 1 }
}

/** Maps UTF-8 byte offsets to character offsets for one text. */
function byteToCharMapper(text: string): (byteOffset: number) => number {
  const buf = Buffer.from(text, 'utf8')
  if (buf.length === text.length) return b => b
  return b => buf.subarray(0, b).toString('utf8').length
}

function isComment(tokenName: string): boolean {
  return tokenName === 'SQL_COMMENT' || tokenName === 'C_COMMENT'
}

/**
 * Parses a whole SQL file. On a syntax error returns no statements and the error located in the file
 * (libpg_query rejects the whole string, so one error is all a file gets).
 */
export function parseSql(sql: string): ParsedSql {
  let tree: { stmts?: { stmt: AstNode; stmt_location?: number; stmt_len?: number }[] }
  try {
    tree = parseSync(sql) as typeof tree
  } catch (e) {
    const err = e as Error & { sqlDetails?: { cursorPosition?: number; message?: string } }
    const offset = Math.max(0, (err.sqlDetails?.cursorPosition ?? 1) - 0)
    const { line, column } = lineColumn(sql, offset)
    return {
      statements: [],
      error: new SqlSyntaxError(err.sqlDetails?.message ?? err.message, offset, line, column)
    }
  }
  const toChar = byteToCharMapper(sql)
  const totalBytes = Buffer.byteLength(sql, 'utf8')
  // First non-comment token at or after each statement's start: where the statement "is" for a reader.
  const tokens = scanSync(sql).tokens.filter(t => !isComment(t.tokenName))
  const statements: SqlStatement[] = []
  let ti = 0
  for (const [index, s] of (tree.stmts ?? []).entries()) {
    const startByte = s.stmt_location ?? 0
    const endByte =
      s.stmt_len === undefined || s.stmt_len === 0 ? totalBytes : startByte + s.stmt_len
    while (ti < tokens.length && tokens[ti].start < startByte) ti++
    const firstByte =
      ti < tokens.length && tokens[ti].start < endByte ? tokens[ti].start : startByte
    const start = toChar(firstByte)
    const end = toChar(endByte)
    const { line, column } = lineColumn(sql, start)
    const kind = Object.keys(s.stmt)[0] ?? 'Unknown'
    statements.push({
      index,
      text: sql.slice(start, end).trim(),
      start,
      end,
      line,
      column,
      ast: s.stmt,
      kind
    })
  }
  return { statements }
}

/** Parses a PL/pgSQL function body (CREATE FUNCTION ... LANGUAGE plpgsql). Throws on error. */
export function parsePlpgsql(createFunctionSql: string): unknown {
  return parsePlPgSQLSync(createFunctionSql)
}

/** Visits every object node of a parse tree (depth first). */
export function walk(node: unknown, visit: (key: string, value: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit)
    return
  }
  if (node === null || typeof node !== 'object') return
  for (const [key, value] of Object.entries(node as AstNode)) {
    if (value !== null && typeof value === 'object') {
      if (!Array.isArray(value)) visit(key, value)
      walk(value, visit)
    }
  }
}

/** schema.name of a RangeVar node (unqualified names are taken as public). */
export function qualifiedName(rangeVar: AstNode): string {
  return `${rangeVar.schemaname ?? 'public'}.${rangeVar.relname}`
}

/** Every relation a statement names (tables it alters, creates, references, reads). */
export function relationsOf(stmt: AstNode): string[] {
  const out = new Set<string>()
  walk(stmt, (key, value) => {
    if ((key === 'RangeVar' || key === 'relation') && typeof value.relname === 'string')
      out.add(qualifiedName(value))
  })
  return [...out].sort()
}

/** Extensions a statement creates (CREATE EXTENSION). */
export function extensionsCreated(stmt: AstNode): string[] {
  const create = stmt.CreateExtensionStmt
  return create?.extname ? [String(create.extname)] : []
}

/** The string values of a list of String nodes (names, e.g. funcname, opclass). */
export function names(list: AstNode[] | undefined): string[] {
  return (list ?? []).map(n => n.String?.sval ?? n.String?.str ?? '').filter(Boolean)
}
