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
 * statement is left out. PGroonga's index options (`WITH (tokenizer = ..., normalizers = ...)`) likewise: its
 * stand-in's pgroonga access method is a hash index too.
 */
import type pg from 'pg'
import { parseRaw, scanTokens, type SqlStatement } from '../sql/parser.js'
import { STAND_IN_MARKER } from './stand-in.js'

/** The stand-ins whose index access methods are the server's hash indexes, by access method, with their options. */
const STAND_IN_INDEX_OPTIONS: Record<
  string,
  { standIn: 'vector' | 'pgroonga'; options: Set<string> }
> = {
  // pgvector 0.8.0: hnsw m/ef_construction, ivfflat lists.
  hnsw: { standIn: 'vector', options: new Set(['m', 'ef_construction']) },
  ivfflat: { standIn: 'vector', options: new Set(['lists']) },
  // PGroonga 3.2: `WITH (tokenizer = 'TokenBigram', normalizers = 'NormalizerNFKC150')` and the like.
  pgroonga: {
    standIn: 'pgroonga',
    options: new Set([
      'tokenizer',
      'normalizer',
      'normalizers',
      'token_filters',
      'plugins',
      'full_text_search_normalizer',
      'regexp_search_normalizer',
      'prefix_search_normalizer',
      'lexicon_type',
      'query_allow_column',
      'normalizers_mapping',
      'tokenizer_mapping',
      'index_flags_mapping'
    ])
  }
}

/** The stand-in whose options a CREATE INDEX's access method takes, when it is one of theirs. */
function indexStandIn(s: { accessMethod?: string }) {
  return Object.hasOwn(STAND_IN_INDEX_OPTIONS, s.accessMethod ?? '')
    ? STAND_IN_INDEX_OPTIONS[s.accessMethod as string]
    : undefined
}

/** The stand-in extension whose access method (a hash index on the throwaway server) this is, if any. */
export function standInOfAccessMethod(accessMethod: string): 'vector' | 'pgroonga' | undefined {
  return indexStandIn({ accessMethod })?.standIn
}

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
  const standIn = index && indexStandIn(index)
  if (!index || !standIn) return undefined
  const options = (index.options ?? []) as {
    DefElem?: { defname?: string; defnamespace?: string }
  }[]
  if (
    options.length === 0 ||
    !options.every(o => !o.DefElem?.defnamespace && standIn.options.has(o.DefElem?.defname ?? ''))
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

/** A CREATE INDEX using a stand-in's access method with options: the stand-in it needs, else undefined. */
function indexNeedingAdapting(s: SqlStatement): 'vector' | 'pgroonga' | undefined {
  if (s.kind !== 'IndexStmt') return undefined
  const index = (s.ast as { IndexStmt: { accessMethod?: string; options?: unknown[] } }).IndexStmt
  return (index.options?.length ?? 0) > 0 ? indexStandIn(index)?.standIn : undefined
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
  standIn: 'vector' | 'pgroonga' | 'pgsodium'
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
  if (!statements.some(s => indexNeedingAdapting(s) || isPgsodiumLabel(s))) return statements
  const { rows } = await client.query<{ name: string }>(
    `SELECT name FROM pg_catalog.pg_available_extensions
      WHERE name IN ('vector', 'pgroonga', 'pgsodium') AND comment LIKE $1 || '%'`,
    [STAND_IN_MARKER]
  )
  const standIns = new Set(rows.map(r => r.name))
  if (standIns.size === 0) return statements
  return statements.map(s => {
    if (standIns.has('pgsodium') && isPgsodiumLabel(s)) {
      onAdapted(s, { standIn: 'pgsodium', dropped: s.text })
      return { ...s, text: LEFT_OUT }
    }
    const standIn = indexNeedingAdapting(s)
    const rewrite =
      standIn && standIns.has(standIn) ? withoutStandInIndexOptions(s.text) : undefined
    if (!standIn || !rewrite) return s
    onAdapted(s, { standIn, dropped: rewrite.dropped })
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
      change.standIn !== 'pgsodium'
        ? `  ${file}:${s.line}: this server's ${change.standIn} is the throwaway stand-in, which takes no index options: ${done} without ${change.dropped}`
        : `  ${file}:${s.line}: this server's pgsodium is the throwaway stand-in, which cannot load a label provider (hosted Supabase's pgsodium is a C module): left out, not ${done}: ${change.dropped.split('\n')[0].slice(0, 100)}`
    )
}
