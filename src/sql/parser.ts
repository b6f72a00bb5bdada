/**
 * The real PostgreSQL parser (libpg_query, compiled to WASM) and the few things every module needs from it:
 * a file split into statements with line/column, the statement's AST, and syntax errors located at file:line:col.
 *
 * libpg_query reports statement locations in UTF-8 bytes and syntax-error cursors in characters; everything
 * this module returns is in characters, lines and columns are 1-based.
 */
import { setFlagsFromString } from 'node:v8'

type LibPgQuery = typeof import('libpg-query')

let loaded: Promise<void> | undefined
let lib: LibPgQuery | undefined

/**
 * Loads the WASM parser once, on first use: importing libpg-query compiles and instantiates its 1.7 MB of
 * WASM, which commands that parse no SQL (`--help`, `init`) must not pay for. Every other function here
 * that parses needs it.
 */
export function loadParser(): Promise<void> {
  if (!loaded) keepWasmOnBaselineTier()
  loaded ??= import('libpg-query').then(async m => {
    await m.loadModule()
    lib = m
  })
  return loaded
}

/**
 * V8 runs WASM compiled by its baseline compiler (Liftoff) and recompiles hot functions with TurboFan on a
 * background thread. libpg_query's parser function is huge: that recompile costs ~0.5-1 s of CPU, competes with
 * the run for a small runner's cores, and the process cannot exit before it is done. Measured with the built
 * CLI, `lint migrations` (wall / CPU): Node 24 1.1 / 0.97 s with tier-up, 0.28 / 0.27 s without; `apply` of the
 * two capacity migrations with every gate on Node 24: 1.57 / 2.1 s and 1.33 / 0.83 s. Liftoff code is slower
 * only on volumes no run parses (5.6 MB of SQL in one process: 15% longer). V8 reads the flags when it compiles
 * a module, so they are set before the parser's; they are process-wide, and the parser is the tool's only WASM.
 * (`--liftoff-only`, the entry points' flag before, is ignored at run time by Node 24's V8.)
 */
function keepWasmOnBaselineTier(): void {
  setFlagsFromString('--no-wasm-tier-up')
  setFlagsFromString('--no-wasm-dynamic-tiering')
}

/** The loaded parser, or an error saying loadParser() was not awaited (a programming error). */
function parser(): LibPgQuery {
  if (!lib) throw new Error('the SQL parser is not loaded: await loadParser() first')
  return lib
}

/** Whether loadParser() has finished (parseSql would report a parser that is not loaded as a syntax error). */
export function parserLoaded(): boolean {
  return lib !== undefined
}

type DeparseSync = typeof import('pgsql-parser').deparseSync

let deparserLoading: Promise<void> | undefined
let deparseSync: DeparseSync | undefined

/**
 * Loads the deparser once, on first use: 500 kB of JavaScript (~35 ms to compile and run at start-up) that a run
 * needs only to rewrite a statement for a shadow copy or to write a constraint's expression into a query.
 */
export function loadDeparser(): Promise<void> {
  deparserLoading ??= import('pgsql-parser').then(m => {
    deparseSync = m.deparseSync
  })
  return deparserLoading
}

/** deparse() before loadDeparser() has finished. */
export class DeparserNotLoaded extends Error {
  override name = 'DeparserNotLoaded'
  constructor() {
    super('the SQL deparser is not loaded: await loadDeparser() first')
  }
}

/** The SQL text of a parse tree (libpg_query's deparser: SQL that Postgres reads back as the same tree). */
export function deparse(node: AstNode): string {
  if (!deparseSync) throw new DeparserNotLoaded()
  return deparseSync(node as never)
}

/**
 * Runs a pure function that may deparse: when it turns out to need the deparser, loads it and runs the function
 * again. Most runs derive nothing that needs it, and never load it.
 */
export async function withDeparser<T>(fn: () => T): Promise<T> {
  if (!deparseSync) {
    try {
      return fn()
    } catch (e) {
      if (!(e instanceof DeparserNotLoaded)) throw e
    }
    await loadDeparser()
  }
  return fn()
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

/** 1-based line and column of a character offset. One lookup: for many in one text, build a TextIndex. */
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

/** Index of the last element of a sorted array that is <= value (-1 if none). */
function lastAtOrBelow(sorted: ArrayLike<number>, value: number): number {
  let lo = 0
  let hi = sorted.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid] <= value) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/**
 * Positions in one text, built in one pass so every lookup is a binary search: where each line starts, and
 * where UTF-8 byte offsets (the parser's locations) and character offsets part. Slicing the text from its
 * start for every statement made lint quadratic in the file's size.
 */
export class TextIndex {
  /** Character offset of the start of each line. */
  private readonly lineStarts: number[] = [0]
  /** After each non-ASCII character: its end as a byte offset and as a character offset. */
  private readonly byteMarks: number[] = []
  private readonly charMarks: number[] = []

  constructor(readonly text: string) {
    let bytes = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.lineStarts.push(i + 1)
      if (c < 0x80) {
        bytes += 1
        continue
      }
      // A surrogate pair is one 4-byte character; a lone surrogate is written as U+FFFD (3 bytes).
      const pair = c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00
      bytes += pair ? 4 : c < 0x800 ? 2 : 3
      if (pair) i++
      this.byteMarks.push(bytes)
      this.charMarks.push(i + 1)
    }
  }

  /** Character offset of a UTF-8 byte offset (clamped to the text). */
  charOffset(byteOffset: number): number {
    const k = lastAtOrBelow(this.byteMarks, byteOffset)
    const char = k < 0 ? byteOffset : this.charMarks[k] + (byteOffset - this.byteMarks[k])
    return Math.min(Math.max(char, 0), this.text.length)
  }

  /** 1-based line and column of a character offset (clamped to the text). */
  lineColumn(charOffset: number): { line: number; column: number } {
    const at = Math.min(Math.max(charOffset, 0), this.text.length)
    const k = lastAtOrBelow(this.lineStarts, at)
    return { line: k + 1, column: at - this.lineStarts[k] + 1 }
  }

  /** The text of a 1-based line, without its newline ('' past the end). */
  lineText(line: number): string {
    if (line < 1 || line > this.lineStarts.length) return ''
    const next = this.lineStarts[line]
    return this.text.slice(this.lineStarts[line - 1], next === undefined ? undefined : next - 1)
  }
}

/**
 * The first character at or after `from` (and before `to`) that is not whitespace or a comment, as the
 * PostgreSQL scanner skips them: `--` to the end of the line, `/* ... *\/` nested. `from` when there is none.
 * Done by hand because scanning the whole file into tokens cost more than parsing it.
 */
export function skipSpaceAndComments(sql: string, from: number, to: number): number {
  let i = from
  while (i < to) {
    const c = sql[i]
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i++
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < to && sql[i] !== '\n' && sql[i] !== '\r') i++
    } else if (c === '/' && sql[i + 1] === '*') {
      let depth = 1
      i += 2
      while (i < to && depth > 0) {
        if (sql[i] === '/' && sql[i + 1] === '*') {
          depth++
          i += 2
        } else if (sql[i] === '*' && sql[i + 1] === '/') {
          depth--
          i += 2
        } else i++
      }
    } else {
      return i
    }
  }
  return from
}

/**
 * Parsed texts, least recently used first. A run parses each pending file in many places (the plan, lint,
 * conflicts, extensions, the rehearsal, apply, verify), and parsing was the run's largest CPU cost. Bounded by
 * the text's size; results that parsed are frozen (see deepFreeze), so they can be shared.
 */
const parsedTexts = new Map<string, ParsedSql>()
const PARSED_TEXTS_MAX_CHARS = 4_000_000
let parsedTextChars = 0

/**
 * Freezes a parse result and everything in it: a caller that changed a shared tree would change it for every
 * later caller, so it fails instead (ESM is strict mode). A caller that rewrites a tree clones it first.
 */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value]
  while (stack.length > 0) {
    const v = stack.pop()
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue
    Object.freeze(v)
    for (const child of Object.values(v)) if (typeof child === 'object') stack.push(child)
  }
  return value
}

/**
 * Parses a whole SQL file. On a syntax error returns no statements and the error located in the file
 * (libpg_query rejects the whole string, so one error is all a file gets). A text parsed before returns the
 * same (frozen) result.
 */
export function parseSql(sql: string): ParsedSql {
  const known = parsedTexts.get(sql)
  if (known) {
    // Most recently used last.
    parsedTexts.delete(sql)
    parsedTexts.set(sql, known)
    return known
  }
  const parsed = parseText(sql)
  if (parsed.error || sql.length > PARSED_TEXTS_MAX_CHARS) return parsed
  parsedTexts.set(sql, deepFreeze(parsed))
  parsedTextChars += sql.length
  for (const [text] of parsedTexts) {
    if (parsedTextChars <= PARSED_TEXTS_MAX_CHARS) break
    parsedTexts.delete(text)
    parsedTextChars -= text.length
  }
  return parsed
}

/** Whether a text is empty or whitespace only (a comment is not: it is SQL that runs as no statement). */
export function isBlankSql(sql: string): boolean {
  return /^[ \t\n\r\f\v]*$/.test(sql)
}

function parseText(sql: string): ParsedSql {
  // libpg_query refuses an empty text ("Query cannot be empty"); PostgreSQL runs it as no statement at all, and
  // `supabase migration new` writes such files.
  if (isBlankSql(sql)) return { statements: [] }
  let tree: { stmts?: { stmt: AstNode; stmt_location?: number; stmt_len?: number }[] }
  try {
    tree = parser().parseSync(sql) as typeof tree
  } catch (e) {
    const err = e as Error & { sqlDetails?: { cursorPosition?: number; message?: string } }
    const offset = Math.max(0, (err.sqlDetails?.cursorPosition ?? 1) - 0)
    const { line, column } = new TextIndex(sql).lineColumn(offset)
    return {
      statements: [],
      error: new SqlSyntaxError(err.sqlDetails?.message ?? err.message, offset, line, column)
    }
  }
  const positions = new TextIndex(sql)
  const totalBytes = Buffer.byteLength(sql, 'utf8')
  const statements: SqlStatement[] = []
  for (const [index, s] of (tree.stmts ?? []).entries()) {
    const startByte = s.stmt_location ?? 0
    const endByte =
      s.stmt_len === undefined || s.stmt_len === 0 ? totalBytes : startByte + s.stmt_len
    const end = positions.charOffset(endByte)
    // The statement's first token, past the comments before it: where the statement "is" for a reader.
    const start = skipSpaceAndComments(sql, positions.charOffset(startByte), end)
    const { line, column } = positions.lineColumn(start)
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

/** One scanner token; `start`/`end` are UTF-8 byte offsets into the scanned text. */
export type ScanToken = import('libpg-query').ScanToken

/**
 * The scanner's tokens of `sql` (it also works on SQL that does not parse). Throws on what it cannot scan (an
 * unterminated quote). Through this module so the WASM is loaded once, on first use, for every caller.
 */
export function scanTokens(sql: string): ScanToken[] {
  return parser().scanSync(sql).tokens
}

/** A statement's raw parse result (`{ stmts: [...] }`), for callers that read the tree as libpg_query gives it. */
export function parseRaw(sql: string): unknown {
  return parser().parseSync(sql)
}

/** Parses a PL/pgSQL function body (CREATE FUNCTION ... LANGUAGE plpgsql). Throws on error. */
export function parsePlpgsql(createFunctionSql: string): unknown {
  return parser().parsePlPgSQLSync(createFunctionSql)
}

/** Visits every object node of a parse tree (depth first). */
export function walk(node: unknown, visit: (key: string, value: AstNode) => void): void {
  if (Array.isArray(node)) {
    for (const n of node) walk(n, visit)
    return
  }
  if (node === null || typeof node !== 'object') return
  // for...in, not Object.entries: no array per node (a parse tree is plain JSON, with no inherited keys).
  for (const key in node as AstNode) {
    const value = (node as AstNode)[key]
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

/**
 * The CONCURRENTLY clause that keeps a statement out of any transaction block (PostgreSQL refuses it inside
 * one: "... cannot run inside a transaction block"), e.g. 'CREATE INDEX CONCURRENTLY'; else undefined.
 */
export function concurrentlyClause(stmt: AstNode): string | undefined {
  if (stmt.IndexStmt?.concurrent) return 'CREATE INDEX CONCURRENTLY'
  if (stmt.DropStmt?.concurrent) return 'DROP INDEX CONCURRENTLY'
  if ((stmt.ReindexStmt?.params ?? []).some((o: AstNode) => o.DefElem?.defname === 'concurrently'))
    return 'REINDEX CONCURRENTLY'
  const detach = (stmt.AlterTableStmt?.cmds ?? []).some(
    (c: AstNode) =>
      c.AlterTableCmd?.subtype === 'AT_DetachPartition' &&
      c.AlterTableCmd.def?.PartitionCmd?.concurrent
  )
  return detach ? 'DETACH PARTITION CONCURRENTLY' : undefined
}
