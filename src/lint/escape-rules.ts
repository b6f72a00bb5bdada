/**
 * escapes-transaction and partial-rollback: SQL whose effects ROLLBACK does not undo. The rehearsal runs every
 * pending migration on the target inside a transaction it rolls back, so such a statement would do its work
 * for real during validation; lint (a gate before the rehearsal and apply) stops it first.
 *
 * Everything here reads the real parser's tree: statements (CopyStmt, AlterSystemStmt, ...) and function calls
 * (FuncCall), in top-level statements, in SQL and PL/pgSQL function bodies, DO blocks and EXECUTE '<constant>'.
 */
import { names, parseSql, scanTokens, TextIndex, walk, type AstNode } from '../sql/parser.js'

export type EscapeRule = 'escapes-transaction' | 'partial-rollback'

export interface EscapeHit {
  rule: EscapeRule
  message: string
  /** UTF-8 byte offset into the SQL that was parsed, when the tree has one (a FuncCall does, a CopyStmt not). */
  location?: number
}

const NOT_UNDONE = 'ROLLBACK cannot undo'
const SERVER_FILES = `the database server's filesystem is outside the database, where ROLLBACK does not reach`

/** Built-in functions (pg_catalog): flagged unqualified or as pg_catalog.name, never in another schema. */
const CORE_FUNCTIONS: Record<string, string> = {
  lo_import: `reads a file from the database server's filesystem into a large object: ${SERVER_FILES}`,
  lo_export: `writes a large object to a file on the database server: ${NOT_UNDONE} the file it wrote`,
  pg_read_file: `reads a file on the database server: ${SERVER_FILES}`,
  pg_read_binary_file: `reads a file on the database server: ${SERVER_FILES}`,
  pg_stat_file: `reads file metadata on the database server: ${SERVER_FILES}`,
  pg_ls_dir: `lists a directory on the database server: ${SERVER_FILES}`,
  pg_ls_logdir: `lists the server's log directory: ${SERVER_FILES}`,
  pg_ls_waldir: `lists the server's WAL directory: ${SERVER_FILES}`,
  pg_ls_tmpdir: `lists the server's temporary directory: ${SERVER_FILES}`,
  pg_ls_archive_statusdir: `lists the server's WAL archive status directory: ${SERVER_FILES}`,
  pg_terminate_backend: `ends another session (its transaction is aborted, its client disconnected): ${NOT_UNDONE} that`,
  pg_cancel_backend: `cancels another session's running query: ${NOT_UNDONE} the cancellation`,
  pg_reload_conf: `makes the server reload its configuration files for every session: ${NOT_UNDONE} a reload`
}

/**
 * Extension functions (adminpack, dblink): they live where the extension was created, so they are also flagged
 * in the schemas extensions are put in (Supabase: extensions; plain PostgreSQL: public).
 */
const EXTENSION_SCHEMAS = new Set(['pg_catalog', 'extensions', 'public'])
const EXTENSION_FUNCTIONS: Record<string, string> = {
  pg_file_write: `writes a file on the database server: ${NOT_UNDONE} the write`,
  pg_file_rename: `renames a file on the database server: ${NOT_UNDONE} the rename`,
  pg_file_unlink: `deletes a file on the database server: ${NOT_UNDONE} the deletion`,
  pg_file_sync: `flushes a file on the database server to disk: ${SERVER_FILES}`,
  pg_logdir_ls: `lists the server's log directory: ${SERVER_FILES}`
}
const DBLINK_CONNECT = `opens a connection to another database that outlives this transaction: what is sent through it leaves the database, and ${NOT_UNDONE} it`
const DBLINK_RUN = `runs SQL over a separate connection, in a transaction of its own that commits by itself: ${NOT_UNDONE} what it did`

function dblinkMessage(fn: string): string {
  return fn === 'dblink_connect' || fn === 'dblink_connect_u' ? DBLINK_CONNECT : DBLINK_RUN
}

/** Link-making foreign data wrappers: a server of theirs reaches another PostgreSQL. */
const REMOTE_WRAPPERS = new Set(['postgres_fdw', 'dblink_fdw'])

/** Statement kinds that run their expressions now (not a definition kept for later, e.g. a view or a DEFAULT). */
const RUNS_NOW = new Set([
  'SelectStmt',
  'InsertStmt',
  'UpdateStmt',
  'DeleteStmt',
  'MergeStmt',
  'CallStmt',
  'CopyStmt',
  'CreateTableAsStmt'
])

/** A string constant as the parser sees it (A_Const sval), else undefined. */
function stringConstant(node: AstNode | undefined): string | undefined {
  const c = node?.A_Const
  return typeof c?.sval?.sval === 'string' ? c.sval.sval : undefined
}

/** The function a FuncCall calls and its schema ('' when unqualified). */
function calledFunction(call: AstNode): { schema: string; fn: string } | undefined {
  const parts = names(call.funcname)
  if (parts.length === 1) return { schema: '', fn: parts[0] }
  if (parts.length === 2) return { schema: parts[0], fn: parts[1] }
  return undefined
}

function has(table: Record<string, string>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key)
}

function escapingCall(schema: string, fn: string): string | undefined {
  if ((schema === '' || schema === 'pg_catalog') && has(CORE_FUNCTIONS, fn))
    return CORE_FUNCTIONS[fn]
  if (schema !== '' && !EXTENSION_SCHEMAS.has(schema)) return undefined
  if (has(EXTENSION_FUNCTIONS, fn)) return EXTENSION_FUNCTIONS[fn]
  if (fn === 'dblink' || fn.startsWith('dblink_')) return dblinkMessage(fn)
  return undefined
}

/** The Supabase PostgREST reload (NOTIFY pgrst, 'reload schema'): meant to be sent when the migration commits. */
const POSTGREST_CHANNEL = 'pgrst'

function partialCall(schema: string, fn: string, call: AstNode): string | undefined {
  if (schema !== '' && schema !== 'pg_catalog') return undefined
  const first = stringConstant(call.args?.[0])
  const named = first === undefined ? '' : `'${first}'`
  if (fn === 'nextval')
    return `nextval(${named}) takes sequence values that ROLLBACK does not give back: the rehearsal, rolled back on the target, still advances the sequence`
  if (fn === 'setval')
    return `setval(${named}${named ? ', ...' : ''}) is not undone by ROLLBACK: the rehearsal, rolled back on the target, still moves the sequence, and so does a failed apply`
  if (fn === 'pg_notify' && first !== POSTGREST_CHANNEL)
    return notifyMessage(`pg_notify(${named}${named ? ', ...' : ''})`)
  return undefined
}

function notifyMessage(what: string): string {
  return `${what} is delivered when the migration commits and listeners act on it: the rollback script cannot take it back (outside a transaction it is sent at once)`
}

/**
 * Hits in one statement's tree. `runsNow`: the statement is executed by the migration (top level, a DO block),
 * not kept for later (a function body): partial-rollback is only about what the migration itself runs.
 */
export function escapeHits(ast: AstNode, runsNow = true): EscapeHit[] {
  const [kind] = Object.keys(ast)
  const s = ast[kind] ?? {}
  const out: EscapeHit[] = []
  const escape = (message: string, location?: number): void => {
    out.push({ rule: 'escapes-transaction', message, location })
  }
  switch (kind) {
    case 'CopyStmt': {
      const dir = s.is_from ? 'FROM' : 'TO'
      if (s.is_program)
        escape(
          `COPY ... ${dir} PROGRAM runs a shell command on the database server as the postgres OS user: ${NOT_UNDONE} what the command did (the rehearsal would run it for real)`
        )
      else if (typeof s.filename === 'string')
        escape(
          s.is_from
            ? `COPY ... FROM '${s.filename}' reads a file on the database server: ${SERVER_FILES} (use COPY FROM STDIN from the client)`
            : `COPY ... TO '${s.filename}' writes a file on the database server: ${NOT_UNDONE} the file it wrote (use COPY TO STDOUT to the client)`
        )
      break
    }
    case 'CreateForeignServerStmt':
      if (REMOTE_WRAPPERS.has(s.fdwname))
        escape(
          `CREATE SERVER ${s.servername} FOREIGN DATA WRAPPER ${s.fdwname} links the database to another server: what is sent through it leaves this database, where ROLLBACK does not reach`
        )
      break
    case 'CreateUserMappingStmt':
      escape(
        `CREATE USER MAPPING stores credentials for remote server ${s.servername}: the connections made with them leave this database, where ROLLBACK does not reach`
      )
      break
    case 'CreateSubscriptionStmt':
      escape(
        `CREATE SUBSCRIPTION ${s.subname} connects to the publisher and creates a replication slot there: ${NOT_UNDONE} the slot on the other server (and PostgreSQL refuses it in a transaction block)`
      )
      break
    case 'AlterSystemStmt':
      escape(
        `ALTER SYSTEM${s.setstmt?.name ? ` (${s.setstmt.name})` : ''} rewrites postgresql.auto.conf on the server: ${NOT_UNDONE} the file change (and PostgreSQL refuses it in a transaction block)`
      )
      break
    case 'CreatedbStmt':
      escape(
        `CREATE DATABASE ${s.dbname} creates a database outside this one: ${NOT_UNDONE} it (and PostgreSQL refuses it in a transaction block)`
      )
      break
    case 'DropdbStmt':
      escape(
        `DROP DATABASE ${s.dbname} removes a whole database and its files: ${NOT_UNDONE} it (and PostgreSQL refuses it in a transaction block)`
      )
      break
    case 'NotifyStmt':
      if (runsNow && s.conditionname !== POSTGREST_CHANNEL)
        out.push({ rule: 'partial-rollback', message: notifyMessage(`NOTIFY ${s.conditionname}`) })
      break
  }
  const partial =
    runsNow && RUNS_NOW.has(kind) && !(kind === 'CreateTableAsStmt' && s.into?.skipData)
  walk(s, (key, node) => {
    if (key !== 'FuncCall') return
    const called = calledFunction(node)
    if (!called) return
    const escapes = escapingCall(called.schema, called.fn)
    const shown = `${called.schema ? called.schema + '.' : ''}${called.fn}()`
    if (escapes) escape(`${shown} ${escapes}`, node.location)
    else if (partial) {
      const message = partialCall(called.schema, called.fn, node)
      if (message) out.push({ rule: 'partial-rollback', message, location: node.location })
    }
  })
  return out
}

/**
 * A hit in a function body (SQL or PL/pgSQL, BEGIN ATOMIC) as reported: a warning, not the rule's error.
 * Defining a function runs nothing; the body runs when the function is called, which the migration may never
 * do. A DO block and a top-level statement run now and keep the error.
 */
export function functionBodyHit(hit: EscapeHit): {
  rule: EscapeRule
  message: string
  severity: 'warning'
} {
  return {
    rule: hit.rule,
    message: `in a function body (runs when the function is called: during this migration only if the migration calls it, e.g. through a trigger): ${hit.message}`,
    severity: 'warning'
  }
}

/** A hit in a PL/pgSQL body: the statement's lineno, and where in the body's text it is when that is known. */
export interface BodyHit extends EscapeHit {
  lineno: number
  /** Text as written in the body that contains the hit, and the hit's character offset in it. */
  source?: string
  offset?: number
}

interface Expr {
  /** The text PL/pgSQL kept (PLpgSQL_expr.query). */
  query: string
  parseMode: number
}

/** The character offset in `text` of a UTF-8 byte offset. */
function charAt(text: string, byteOffset: number | undefined): number {
  return typeof byteOffset === 'number' ? new TextIndex(text).charOffset(byteOffset) : 0
}

/**
 * A PL/pgSQL expression as SQL the parser accepts, with how it is written in the body: a statement (mode 0;
 * PERFORM is kept as "SELECT ..."), an expression (mode 2), or an assignment `target := expr` (modes 3-5).
 */
function exprSql(e: Expr): { sql: string; source: string; shift: number } | undefined {
  if (e.parseMode === 0) {
    return { sql: e.query, source: e.query, shift: 0 }
  }
  if (e.parseMode === 2) return { sql: `SELECT ${e.query}`, source: e.query, shift: 7 }
  if (e.parseMode >= 3 && e.parseMode <= 5) {
    // The expression after the assignment operator (:= or =), found with the SQL scanner.
    let tokens: { start: number; end: number }[]
    try {
      tokens = scanTokens(e.query)
    } catch {
      return undefined
    }
    const bytes = Buffer.from(e.query, 'utf8')
    const op = tokens.find(t => {
      const text = bytes.subarray(t.start, t.end).toString('utf8')
      return text === ':=' || text === '='
    })
    if (!op) return undefined
    const rest = bytes.subarray(op.end).toString('utf8')
    return { sql: `SELECT ${rest}`, source: e.query, shift: 7 - charAt(e.query, op.end) }
  }
  return undefined
}

/**
 * A word the SQL of every hit contains: the keyword of a flagged statement (COPY, CREATE SERVER, CREATE USER
 * MAPPING, CREATE SUBSCRIPTION, ALTER SYSTEM, CREATE/DROP DATABASE, NOTIFY) or part of a flagged function's
 * name (pg_, lo_, dblink, nextval, setval); U& can spell any identifier. Most expressions in a PL/pgSQL body
 * (`v_total := v_total + 1`) have none, and each parse of one costs a call into the parser.
 */
const MAY_HIT =
  /copy|server|mapping|subscription|system|database|notify|nextval|setval|pg_|lo_|dblink|u&/i

/** The hits of SQL text embedded in a body (an expression, or an EXECUTE'd constant). */
function sqlHits(sql: string, runsNow: boolean): EscapeHit[] {
  if (!MAY_HIT.test(sql)) return []
  const parsed = parseSql(sql)
  if (parsed.error) return []
  return parsed.statements.flatMap(s => escapeHits(s.ast, runsNow))
}

/** `'copy ...'` (any string constant the parser accepts) -> its value, else undefined. */
function constantOf(expr: Expr | undefined): string | undefined {
  if (!expr || expr.parseMode !== 2) return undefined
  const parsed = parseSql(`SELECT ${expr.query}`)
  const target = parsed.statements[0]?.ast.SelectStmt?.targetList
  if (parsed.error || parsed.statements.length !== 1 || target?.length !== 1) return undefined
  return stringConstant(target[0].ResTarget?.val)
}

/** Dynamic SQL of a PL/pgSQL statement: EXECUTE, FOR ... IN EXECUTE, RETURN QUERY EXECUTE, OPEN ... FOR EXECUTE. */
const DYNAMIC: Record<string, string> = {
  PLpgSQL_stmt_dynexecute: 'query',
  PLpgSQL_stmt_dynfors: 'query',
  PLpgSQL_stmt_return_query: 'dynquery',
  PLpgSQL_stmt_open: 'dynquery'
}

/**
 * Hits in a PL/pgSQL tree (parsePlpgsql): every SQL statement and expression it holds, and the constant strings
 * it EXECUTEs. `runsNow`: a DO block (true) or a function body (false).
 */
export function plpgsqlEscapeHits(tree: unknown, runsNow: boolean): BodyHit[] {
  const out: BodyHit[] = []
  const expression = (e: Expr, lineno: number, dynamic: boolean): void => {
    if (typeof e.query !== 'string') return
    const executed = dynamic ? constantOf(e) : undefined
    if (executed !== undefined) {
      // Executed text is not written as such in the body: the hit is at the constant's start.
      for (const h of sqlHits(executed, runsNow))
        out.push({ ...h, location: undefined, lineno, source: e.query, offset: 0 })
      return
    }
    const sql = exprSql(e)
    if (!sql) return
    for (const h of sqlHits(sql.sql, runsNow)) {
      const offset = Math.max(charAt(sql.sql, h.location) - sql.shift, 0)
      out.push({ ...h, location: undefined, lineno, source: sql.source, offset })
    }
  }
  const visit = (node: unknown, lineno: number, dynamicKey?: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, lineno)
      return
    }
    if (node === null || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node as AstNode)) {
      if (value === null || typeof value !== 'object') continue
      if (key === 'PLpgSQL_expr') {
        expression(value as Expr, lineno, dynamicKey !== undefined)
        continue
      }
      if (key.startsWith('PLpgSQL_stmt_') && !Array.isArray(value)) {
        const line = typeof value.lineno === 'number' ? value.lineno : lineno
        const dyn = DYNAMIC[key]
        for (const [k, v] of Object.entries(value as AstNode))
          visit(v, line, k === dyn ? k : undefined)
        continue
      }
      visit(value, lineno, dynamicKey)
    }
  }
  visit(tree, 1)
  // PERFORM is kept as "SELECT ...": the hit is found in the body after "perform".
  for (const h of out) {
    if (h.source?.startsWith('SELECT ') && h.offset !== undefined) {
      h.source = h.source.slice(7)
      h.offset = Math.max(h.offset - 7, 0)
    }
  }
  return out
}
