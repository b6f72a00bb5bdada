/**
 * Plain-text state of the tables a migration touches: the runbook's pre-migration-state.txt,
 * post-migration-constraints.txt and post-migration-tables.txt, read from the catalogs.
 *
 * Rows are counted only in local tables: a foreign table (Supabase's Stripe wrapper calls Stripe; without a user
 * mapping the read fails), a view or a materialized view is reported as not counted, and so is a table with
 * foreign partitions or children. A count that fails anyway is reported, not thrown. Call it outside a
 * transaction (a failed count would abort it).
 */
import type pg from 'pg'
import { exactRowCounts, FOREIGN_CHILDREN } from '../db/table-sizes.js'

export interface TableState {
  table: string
  exists: boolean
  /** relkind in words: table, partitioned table, foreign table, view, materialized view. */
  kind?: string
  rows?: number
  estimated?: boolean
  /**
   * Why rows were not counted: a foreign table (counting calls the remote service, or fails without a user
   * mapping), a view or materialized view (counting runs its query).
   */
  notCounted?: string
  /** The error of a count that failed anyway. */
  countError?: string
  totalBytes?: number
  totalSize?: string
  rls?: boolean
  constraints: { name: string; type: string; definition: string; deferrable: string }[]
  indexes: { name: string; definition: string }[]
}

const CONSTRAINT_TYPES: Record<string, string> = {
  c: 'CHECK',
  f: 'FOREIGN KEY',
  p: 'PRIMARY KEY',
  u: 'UNIQUE',
  x: 'EXCLUDE',
  t: 'TRIGGER',
  n: 'NOT NULL'
}

/** Exact counts up to this many estimated rows; estimates beyond (a count would scan the table). */
const EXACT_COUNT_LIMIT = 1_000_000

const KINDS: Record<string, string> = {
  r: 'table',
  p: 'partitioned table',
  f: 'foreign table',
  v: 'view',
  m: 'materialized view'
}

/** Relation kinds whose rows are never counted: reading them is not reading a local table. */
const NOT_COUNTED = new Set(['f', 'v', 'm'])

export async function readTableStates(
  client: pg.ClientBase,
  tables: string[]
): Promise<TableState[]> {
  if (tables.length === 0) return []
  // Two round trips for all the tables: the relations with their constraints and indexes, then the small ones'
  // counts in one. On a remote database a round trip costs far more than the catalog rows it reads.
  const rels = await client.query(
    `SELECT t.ord, c.oid, c.relkind::text AS relkind, c.reltuples::bigint AS estimate,
            pg_total_relation_size(c.oid) AS bytes,
            pg_size_pretty(pg_total_relation_size(c.oid)) AS size, c.relrowsecurity AS rls,
            format('%I.%I', n.nspname, c.relname) AS qname,
            ${FOREIGN_CHILDREN} AS foreign_children,
            (SELECT coalesce(json_agg(json_build_object(
                      'name', k.conname, 'type', k.contype, 'definition', pg_get_constraintdef(k.oid),
                      'deferrable', CASE WHEN k.condeferrable THEN (CASE WHEN k.condeferred THEN 'DEFERRABLE INITIALLY DEFERRED' ELSE 'DEFERRABLE INITIALLY IMMEDIATE' END) ELSE 'NOT DEFERRABLE' END)
                    ORDER BY k.conname), '[]')
               FROM pg_constraint k WHERE k.conrelid = c.oid) AS constraints,
            (SELECT coalesce(json_agg(json_build_object('name', ic.relname, 'definition', pg_get_indexdef(i.indexrelid))
                    ORDER BY ic.relname), '[]')
               FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid) AS indexes
       FROM unnest($1::text[]) WITH ORDINALITY AS t(name, ord)
       JOIN pg_class c ON c.oid = to_regclass(t.name)
       JOIN pg_namespace n ON n.oid = c.relnamespace`,
    [tables]
  )
  const byTable = new Map(rels.rows.map(r => [tables[Number(r.ord) - 1], r]))
  // The small tables are counted exactly, all in one round trip.
  const counted = rels.rows.filter(
    r =>
      !NOT_COUNTED.has(r.relkind) && !r.foreign_children && Number(r.estimate) < EXACT_COUNT_LIMIT
  )
  const counts = new Map<string, number | Error>()
  ;(
    await exactRowCounts(
      client,
      counted.map(r => r.qname)
    )
  ).forEach((n, i) => counts.set(counted[i].qname, n))
  const out: TableState[] = []
  for (const table of tables) {
    const r = byTable.get(table)
    if (!r) {
      out.push({ table, exists: false, constraints: [], indexes: [] })
      continue
    }
    const kind = KINDS[r.relkind] ?? r.relkind
    const estimate = Number(r.estimate)
    let rows: number | undefined = estimate
    let estimated = true
    let notCounted: string | undefined
    let countError: string | undefined
    if (NOT_COUNTED.has(r.relkind)) {
      notCounted = kind
      rows = undefined
    } else if (r.foreign_children) {
      notCounted = `${kind} with foreign partitions or children`
      rows = undefined
    } else if (estimate < EXACT_COUNT_LIMIT) {
      const count = counts.get(r.qname)
      if (typeof count === 'number') {
        rows = count
        estimated = false
      } else {
        countError = count?.message ?? 'not counted'
        rows = undefined
      }
    }
    out.push({
      table,
      exists: true,
      kind,
      rows,
      estimated,
      notCounted,
      countError,
      totalBytes: Number(r.bytes),
      totalSize: r.size,
      rls: r.rls,
      constraints: (r.constraints as TableState['constraints']).map(c => ({
        ...c,
        type: CONSTRAINT_TYPES[c.type] ?? c.type
      })),
      indexes: r.indexes
    })
  }
  return out
}

export function renderTableStates(
  title: string,
  states: TableState[],
  parts: { constraints: boolean; indexes: boolean; sizes: boolean }
): string {
  const lines = [`# ${title}`, `# taken ${new Date().toISOString()}`, '']
  if (states.length === 0) lines.push('(the pending migrations touch no existing table)')
  for (const s of states) {
    if (!s.exists) {
      lines.push(`${s.table}: does not exist`, '')
      continue
    }
    const rows = s.notCounted
      ? `${s.notCounted}: not counted`
      : s.countError !== undefined
        ? `rows not counted (the count failed: ${s.countError})`
        : `${s.rows}${s.estimated ? ' (estimate)' : ''} rows`
    lines.push(
      parts.sizes
        ? `${s.table}: ${rows}, ${s.totalSize} total, RLS ${s.rls ? 'on' : 'off'}`
        : `${s.table}:`
    )
    if (parts.constraints) {
      for (const c of s.constraints)
        lines.push(`  constraint ${c.name} ${c.type}: ${c.definition} [${c.deferrable}]`)
      if (s.constraints.length === 0) lines.push('  (no constraints)')
    }
    if (parts.indexes) for (const i of s.indexes) lines.push(`  index ${i.name}: ${i.definition}`)
    lines.push('')
  }
  return lines.join('\n')
}
