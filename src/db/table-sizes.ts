/**
 * How big each table is (total size with indexes and TOAST, rows): the table-sizes check reports it for the
 * touched tables so reviewers can judge lock and rewrite cost. Partitioned tables sum their partitions.
 * Rows of foreign tables, views and materialized views are never counted (a foreign table's count calls the
 * remote service, or fails without a user mapping; a view's runs its query), nor those of a table with foreign
 * partitions or children.
 */
import type pg from 'pg'
import { regclassName } from './sessions.js'

type Queryable = Pick<pg.Client, 'query'>

/**
 * SQL: whether the relation `c` has foreign partitions or children, at any depth (counting its rows would read
 * them: a remote service, or a failure without a user mapping). Shared with report/state.ts.
 */
export const FOREIGN_CHILDREN = `(WITH RECURSIVE tree(oid) AS (
               SELECT i.inhrelid FROM pg_inherits i WHERE i.inhparent = c.oid
               UNION SELECT i.inhrelid FROM pg_inherits i JOIN tree ON i.inhparent = tree.oid)
             SELECT coalesce(bool_or(k.relkind = 'f'), false)
               FROM tree JOIN pg_class k ON k.oid = tree.oid)`

/** Never-analyzed tables up to this size get an exact count(*) instead of "unknown". */
export const COUNT_MAX_BYTES = 16 * 1024 * 1024

export interface TableSize {
  table: string
  /** false: the table does not exist yet (a pending migration creates it). */
  exists: boolean
  kind?: string
  totalBytes?: number
  totalPretty?: string
  rows?: number | null
  /** 'not counted': a foreign table, a view or materialized view, or a table with foreign partitions. */
  rowsSource?: 'estimate' | 'count' | 'unknown' | 'not counted'
}

/** Relation kinds whose rows are not counted nor estimated. */
const NOT_COUNTED = new Set(['f', 'v', 'm'])

const KINDS: Record<string, string> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
  S: 'sequence'
}

/**
 * Exact row counts of relations (names as SQL, quoted), in one round trip: count(*) of each in one SELECT list.
 * When that fails (one table refuses SELECT), each is counted on its own, so the error is the table's own.
 */
export async function exactRowCounts(
  db: Queryable,
  relations: string[]
): Promise<(number | Error)[]> {
  if (relations.length === 0) return []
  try {
    const { rows } = await db.query(
      `SELECT ${relations.map((r, i) => `(SELECT count(*) FROM ${r})::bigint AS n${i}`).join(', ')}`
    )
    return relations.map((_, i) => Number(rows[0][`n${i}`]))
  } catch {
    const out: (number | Error)[] = []
    for (const r of relations) {
      try {
        const { rows } = await db.query(`SELECT count(*)::bigint AS n FROM ${r}`)
        out.push(Number(rows[0].n))
      } catch (e) {
        out.push(e as Error)
      }
    }
    return out
  }
}

export async function readTableSizes(db: Queryable, tables: string[]): Promise<TableSize[]> {
  if (tables.length === 0) return []
  const { rows } = await db.query(
    `SELECT u.name, c.oid::regclass::text AS regclass, c.relkind::text,
            s.total_bytes, pg_size_pretty(s.total_bytes) AS total_pretty, s.reltuples, s.never_analyzed,
            ${FOREIGN_CHILDREN} AS foreign_children
       FROM unnest($1::text[]) WITH ORDINALITY AS u(name, i)
       LEFT JOIN pg_class c ON c.oid = to_regclass(($2::text[])[u.i])
       LEFT JOIN LATERAL (
         SELECT sum(pg_total_relation_size(t.relid))::bigint AS total_bytes,
                sum(greatest(pc.reltuples, 0))::float8 AS reltuples,
                bool_or(pc.reltuples < 0 AND pc.relkind <> 'p') AS never_analyzed
           -- pg_partition_tree is empty for a plain table: take the relation itself, or a partitioned table's leaves.
           FROM (SELECT c.oid AS relid WHERE c.relkind <> 'p'
                 UNION
                 SELECT relid FROM pg_partition_tree(c.oid) WHERE isleaf) t
           JOIN pg_class pc ON pc.oid = t.relid
       ) s ON c.oid IS NOT NULL
      ORDER BY u.i`,
    [tables, tables.map(regclassName)]
  )
  const out: TableSize[] = []
  // Never-analyzed tables small enough to count, counted together once their sizes are known.
  const toCount: { size: TableSize; regclass: string }[] = []
  for (const r of rows) {
    if (r.regclass === null) {
      out.push({ table: r.name, exists: false })
      continue
    }
    const totalBytes = Number(r.total_bytes ?? 0)
    const size: TableSize = {
      table: r.name,
      exists: true,
      kind: KINDS[r.relkind] ?? r.relkind,
      totalBytes,
      totalPretty: r.total_pretty ?? '0 bytes',
      rows: Math.round(Number(r.reltuples ?? 0)),
      rowsSource: 'estimate'
    }
    if (NOT_COUNTED.has(r.relkind) || r.foreign_children) {
      size.rows = null
      size.rowsSource = 'not counted'
      if (r.foreign_children) size.kind = `${size.kind} with foreign partitions or children`
    } else if (r.never_analyzed) {
      if (totalBytes <= COUNT_MAX_BYTES && (r.relkind === 'r' || r.relkind === 'p')) {
        toCount.push({ size, regclass: r.regclass })
      } else {
        size.rows = null
        size.rowsSource = 'unknown'
      }
    }
    out.push(size)
  }
  const counts = await exactRowCounts(
    db,
    toCount.map(c => c.regclass)
  )
  counts.forEach((n, i) => {
    // A count that fails fails the read, as it did table by table.
    if (n instanceof Error) throw n
    toCount[i].size.rows = n
    toCount[i].size.rowsSource = 'count'
  })
  return out
}

/** Like pg_size_pretty: 8192 bytes, 16 kB, 3 MB. */
export function formatBytes(n: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB']
  let value = n
  let unit = 0
  while (value >= 10 * 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${Math.round(value)} ${units[unit]}`
}

export function describeTableSize(t: TableSize): string {
  if (!t.exists) return `${t.table}: new (created by the pending migrations)`
  if (t.rowsSource === 'not counted') return `${t.table}: ${t.kind}: not counted, ${t.totalPretty}`
  const rows =
    t.rows === null || t.rows === undefined
      ? 'rows unknown (never analyzed)'
      : `${t.rows} rows${t.rowsSource === 'estimate' ? ' (estimate)' : ''}`
  return `${t.table}: ${t.totalPretty}, ${rows}`
}
