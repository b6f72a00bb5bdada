/**
 * What the throwaway server's stand-ins cannot take, and how the statements run there instead. pgvector's index
 * options: the vector stand-in's hnsw and ivfflat access methods use the server's hash index handler, which
 * accepts no reloption but fillfactor, so `CREATE INDEX ... USING hnsw (...) WITH (m = 16, ef_construction = 64)`
 * fails with `unrecognized parameter "m"` (and ivfflat's `WITH (lists = 100)` likewise): most Supabase projects
 * with embeddings write one. Reloptions can only be registered from C, so instead the statement runs without its
 * WITH clause, on a server whose vector is the stand-in (adaptToStandIns), never on one with the real pgvector.
 * pgsodium's security labels (Transparent Column Encryption, in `supabase db pull` dumps of older projects):
 * a label provider is registered from C too, so `SECURITY LABEL FOR pgsodium ...` fails with `security label
 * provider "pgsodium" is not loaded`; on a server whose pgsodium is the stand-in (which encrypts nothing) the
 * statement is left out.
 */
import type pg from 'pg'
import { parseRaw, scanTokens, type SqlStatement } from '../sql/parser.js'
import { STAND_IN_MARKER } from './stand-in.js'

/** pgvector's index options (0.8.0): hnsw m/ef_construction, ivfflat lists. */
const PGVECTOR_INDEX_OPTIONS = new Set(['m', 'ef_construction', 'lists'])

export interface IndexOptionsRewrite {
  /** The statement without its WITH (...) clause. */
  sql: string
  /** The clause left out, as written, e.g. `WITH (m = 16, ef_construction = 64)`. */
  dropped: string
}

/**
 * For one CREATE INDEX statement using hnsw or ivfflat whose WITH options are all pgvector's: the statement
 * without them. Otherwise (another statement, other options, a syntax error) undefined, and the statement
 * should run as written. Needs the parser loaded (loadParser() of src/sql/parser.ts).
 */
export function withoutStandInIndexOptions(statement: string): IndexOptionsRewrite | undefined {
  let stmts: { stmt: Record<string, { accessMethod?: string; options?: unknown[] }> }[]
  try {
    stmts = (parseRaw(statement) as { stmts?: typeof stmts }).stmts ?? []
  } catch {
    return undefined
  }
  const index = stmts.length === 1 ? stmts[0]?.stmt.IndexStmt : undefined
  if (!index || !['hnsw', 'ivfflat'].includes(index.accessMethod ?? '')) return undefined
  const options = (index.options ?? []) as {
    DefElem?: { defname?: string; defnamespace?: string }
  }[]
  if (
    options.length === 0 ||
    !options.every(
      o => !o.DefElem?.defnamespace && PGVECTOR_INDEX_OPTIONS.has(o.DefElem?.defname ?? '')
    )
  )
    return undefined
  // Token offsets are UTF-8 bytes: cut the bytes from WITH to its closing parenthesis.
  const bytes = Buffer.from(statement, 'utf8')
  const tokens = scanTokens(statement)
  let depth = 0
  for (const [i, t] of tokens.entries()) {
    if (t.text === '(') depth++
    else if (t.text === ')') depth--
    else if (depth === 0 && t.text.toLowerCase() === 'with' && tokens[i + 1]?.text === '(') {
      let inner = 0
      for (const close of tokens.slice(i + 1)) {
        if (close.text === '(') inner++
        else if (close.text === ')' && --inner === 0) {
          const before = bytes.subarray(0, t.start).toString('utf8')
          const after = bytes.subarray(close.end).toString('utf8')
          return {
            sql: before.replace(/\s+$/, '') + (after.match(/^\s*$/) ? '' : ' ' + after.trimStart()),
            dropped: bytes.subarray(t.start, close.end).toString('utf8')
          }
        }
      }
    }
  }
  return undefined
}

/** A CREATE INDEX using hnsw or ivfflat with options: the only statements adaptToStandIns may change. */
function mayNeedAdapting(s: SqlStatement): boolean {
  if (s.kind !== 'IndexStmt') return false
  const index = (s.ast as { IndexStmt: { accessMethod?: string; options?: unknown[] } }).IndexStmt
  return ['hnsw', 'ivfflat'].includes(index.accessMethod ?? '') && (index.options?.length ?? 0) > 0
}

/**
 * SECURITY LABEL FOR pgsodium, or with no provider (hosted Supabase's only one is pgsodium's): the statements
 * adaptToStandIns leaves out on a server whose pgsodium is the stand-in.
 */
function isPgsodiumLabel(s: SqlStatement): boolean {
  if (s.kind !== 'SecLabelStmt') return false
  const provider = (s.ast as { SecLabelStmt: { provider?: string } }).SecLabelStmt.provider
  return provider === undefined || provider === 'pgsodium'
}

/** Runs in a left-out statement's place: one command, no rows, so the batch's count of commands holds. */
const LEFT_OUT =
  '/* left out here: SECURITY LABEL (no label provider on the throwaway server) */ DO $mr$ BEGIN END $mr$'

/** What adaptToStandIns changed in one statement, for the log. */
export interface StandInChange {
  standIn: 'vector' | 'pgsodium'
  /** What was left out, as written. */
  dropped: string
}

/**
 * The statements to run in place of `statements` on this server: as written, unless a stand-in of the throwaway
 * server's cannot take them: pgvector's index options are left out where `vector` is the stand-in, pgsodium's
 * security labels where `pgsodium` is; `onAdapted` is told which. Asks the server only when a statement could
 * need it; outside a transaction, or where a failed query would not matter (it is one catalog read).
 */
export async function adaptToStandIns(
  client: Pick<pg.ClientBase, 'query'>,
  statements: SqlStatement[],
  onAdapted: (s: SqlStatement, change: StandInChange) => void
): Promise<SqlStatement[]> {
  if (!statements.some(s => mayNeedAdapting(s) || isPgsodiumLabel(s))) return statements
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM pg_catalog.pg_available_extensions
      WHERE name IN ('vector', 'pgsodium') AND comment LIKE $1 || '%'`,
    [STAND_IN_MARKER]
  )
  const standIns = new Set(rows.map(r => r.name))
  if (standIns.size === 0) return statements
  return statements.map(s => {
    if (standIns.has('pgsodium') && isPgsodiumLabel(s)) {
      onAdapted(s, { standIn: 'pgsodium', dropped: s.text })
      return { ...s, text: LEFT_OUT }
    }
    const rewrite =
      standIns.has('vector') && mayNeedAdapting(s) ? withoutStandInIndexOptions(s.text) : undefined
    if (!rewrite) return s
    onAdapted(s, { standIn: 'vector', dropped: rewrite.dropped })
    return { ...s, text: rewrite.sql }
  })
}

/**
 * `onAdapted` for adaptToStandIns that logs the statement's file:line and what was left out; `done` is what
 * happened to the statement (built by apply and revert, rehearsed by the rehearsal).
 */
export function standInNote(
  file: string,
  done: 'built' | 'rehearsed',
  log: (line: string) => void
) {
  return (s: SqlStatement, change: StandInChange) =>
    log(
      change.standIn === 'vector'
        ? `  ${file}:${s.line}: this server's vector is the throwaway stand-in, which takes no index options: ${done} without ${change.dropped}`
        : `  ${file}:${s.line}: this server's pgsodium is the throwaway stand-in, which cannot load a label provider (hosted Supabase's pgsodium is a C module): left out, not ${done}: ${change.dropped.split('\n')[0].slice(0, 100)}`
    )
}
