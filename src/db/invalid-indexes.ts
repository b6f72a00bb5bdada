/**
 * Indexes left INVALID by an interrupted CREATE INDEX CONCURRENTLY (a no-transaction migration that failed,
 * was cancelled or lost its session halfway). Rerunning the migration fails on "already exists" and the
 * index costs writes without serving reads: the fix is DROP INDEX CONCURRENTLY, then rerun.
 */
import type pg from 'pg'

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
