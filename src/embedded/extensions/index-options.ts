/**
 * The one thing the vector stand-in cannot take: pgvector's index options. Its hnsw and ivfflat access
 * methods use the server's hash index handler, which accepts no reloption but fillfactor, so
 * `CREATE INDEX ... USING hnsw (...) WITH (m = 16, ef_construction = 64)` fails with
 * `unrecognized parameter "m"` (and ivfflat's `WITH (lists = 100)` likewise). Reloptions can only be
 * registered from C, so instead the statement can be run without its WITH clause, on a database whose
 * vector is the stand-in (standInExtensionsIn), never on one with the real pgvector.
 */
import { parseRaw, scanTokens } from '../../sql/parser.js'

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
