/**
 * Edits to migrations the Supabase CLI applied. Its history rows carry no checksum, but `supabase db push` records
 * the statements it ran (schema_migrations.statements): an applied file whose statements now parse to something
 * else was edited after it was applied. Compared as parse trees (locations left out), so whitespace, comments and
 * the splitting into statements do not count; a text that does not parse is not judged.
 */
import type pg from 'pg'
import { withLfLineEnds, type Migration } from './files.js'
import { loadParser, parseSql } from '../sql/parser.js'

/** The statements recorded for these versions (rows with none recorded are left out). */
export async function readRecordedStatements(
  client: pg.ClientBase,
  versions: readonly string[]
): Promise<Map<string, string[]>> {
  if (versions.length === 0) return new Map()
  const exists = await client.query(
    `SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
             WHERE attrelid = to_regclass('supabase_migrations.schema_migrations')
               AND attname = 'statements' AND NOT attisdropped) AS ok`
  )
  if (!exists.rows[0]?.ok) return new Map()
  const res = await client.query<{ version: string; statements: string[] }>(
    `SELECT version, statements FROM supabase_migrations.schema_migrations
      WHERE version = ANY ($1::text[]) AND statements IS NOT NULL AND cardinality(statements) > 0`,
    [versions]
  )
  return new Map(res.rows.map(r => [r.version, r.statements]))
}

/**
 * Keys of the parse tree that are offsets in the text, not meaning: every such key of @pgsql/types (location,
 * name_location, list_start and list_end, rexpr_list_start and rexpr_list_end, stmt_len).
 */
const POSITION_KEY = /(^|_)location$|(^|_)list_(start|end)$|^stmt_len$/

/** The statements of a text as parse trees without their positions; undefined when it does not parse. */
function trees(sql: string): string[] | undefined {
  const parsed = parseSql(sql)
  if (parsed.error) return undefined
  return parsed.statements.map(s =>
    JSON.stringify(s.ast, (key, value) => (POSITION_KEY.test(key) ? undefined : value))
  )
}

/** Between two statements of a file: spacing, semicolons and comments, nothing that runs. */
const GAP = /^(?:\s|;|--[^\n]*|\/\*[\s\S]*?\*\/)*$/

/**
 * Whether the recorded statements are the file's own text, in order, with nothing but spacing, semicolons and
 * comments around them: the usual case, decided without parsing (a project adopted from the Supabase CLI has
 * hundreds of applied files; parsing them all costs seconds). Anything else is left to the parse trees.
 */
function sameText(sql: string, ran: readonly string[]): boolean {
  let at = 0
  for (const statement of ran) {
    const s = statement.trim().replace(/;$/, '')
    const found = sql.indexOf(s, at)
    if (found < 0 || !GAP.test(sql.slice(at, found))) return false
    at = found + s.length
  }
  return GAP.test(sql.slice(at))
}

/**
 * One message per applied file whose statements differ from those recorded when it was applied. The parser is
 * loaded only when a file's text alone does not settle it.
 */
export async function editedSinceApplied(
  migrations: readonly Migration[],
  recorded: ReadonlyMap<string, string[]>
): Promise<string[]> {
  const out: string[] = []
  for (const m of migrations) {
    const ran = recorded.get(m.version)
    if (!ran) continue
    // CRLF and LF line ends are the same text (a Windows checkout of a file pushed from Linux, and back).
    const sql = withLfLineEnds(m.sql)
    const statements = ran.map(withLfLineEnds)
    if (sameText(sql, statements)) continue
    await loadParser()
    const now = trees(sql)
    const then = trees(statements.map(s => s.trim().replace(/;\s*$/, '')).join(';\n'))
    if (!now || !then) continue
    if (now.length === then.length && now.every((t, i) => t === then[i])) continue
    const at = now.findIndex((t, i) => t !== then[i])
    const where =
      at >= 0 && at < now.length
        ? `statement ${at + 1} of ${now.length} (line ${parseSql(sql).statements[at].line})`
        : `${now.length} statement(s) on disk, ${then.length} when applied`
    out.push(
      `${m.file} differs from the statements the Supabase CLI recorded when it applied it (supabase_migrations.schema_migrations.statements): ${where}; an applied migration is not run again, so the edit never reaches this database. Write a new migration instead of editing an applied one`
    )
  }
  return out
}
