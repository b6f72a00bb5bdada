/**
 * Indexes left INVALID by an interrupted CREATE INDEX CONCURRENTLY (a no-transaction migration that failed,
 * was cancelled or lost its session halfway). Rerunning the migration fails on "already exists" and the
 * index costs writes without serving reads: the fix is DROP INDEX CONCURRENTLY, then rerun.
 */
import type pg from 'pg'
import type { Migration } from '../plan/files.js'
import { parseSql, walk } from '../sql/parser.js'

export interface InvalidIndex {
  schema: string
  index: string
  table: string
}

/** INVALID indexes outside the system schemas, except those another session is building right now. */
export async function findInvalidIndexes(
  client: Pick<pg.Client, 'query'>
): Promise<InvalidIndex[]> {
  const res = await client.query(
    `SELECT n.nspname AS schema, c.relname AS index, t.relname AS "table"
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT i.indisvalid
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%'
        AND NOT EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.index_relid = i.indexrelid)
      ORDER BY 1, 2`
  )
  return res.rows as InvalidIndex[]
}

export function dropAdvice(ix: InvalidIndex): string {
  return `DROP INDEX CONCURRENTLY ${quote(ix.schema)}.${quote(ix.index)};`
}

function quote(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"'
}

/** Index names the pending migrations create (CREATE INDEX [CONCURRENTLY] name) -> file:line. The parser must be loaded. */
export function indexesCreated(pending: Pick<Migration, 'file' | 'sql'>[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of pending) {
    for (const s of parseSql(m.sql).statements) {
      walk(s.ast, (key, value) => {
        if (key === 'IndexStmt' && typeof value.idxname === 'string')
          out.set(value.idxname, `${m.file}:${s.line}`)
      })
    }
  }
  return out
}

/**
 * One line per INVALID index: `blocking` when a pending migration creates it again (that migration would fail
 * with "already exists"), `other` otherwise. `created` is indexesCreated of the pending migrations.
 */
export function invalidIndexReasons(
  invalid: InvalidIndex[],
  created: ReadonlyMap<string, string>
): { blocking: string[]; other: string[] } {
  const blocking: string[] = []
  const other: string[] = []
  for (const ix of invalid) {
    const where = created.get(ix.index)
    const what = `index ${ix.schema}.${ix.index} on ${ix.table} is INVALID (an interrupted CREATE INDEX CONCURRENTLY left it)`
    if (where)
      blocking.push(
        `${what}; ${where} creates it again and would fail with "already exists". Fix: ${dropAdvice(ix)} then rerun`
      )
    else
      other.push(
        `${what}: it slows writes and serves no query. Fix: ${dropAdvice(ix)} and recreate it`
      )
  }
  return { blocking, other }
}
