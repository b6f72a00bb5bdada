/**
 * table-sizes: how big each touched table is (total size with indexes and TOAST, rows) so reviewers can
 * judge lock and rewrite cost. Informational: always passes. Partitioned tables sum their partitions; rows
 * of foreign tables, views and materialized views are never counted (see db/table-sizes.ts).
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import {
  describeTableSize,
  formatBytes,
  readTableSizes,
  type TableSize
} from '../db/table-sizes.js'

/** What the table-sizes check reports (CheckResult.details); forecast.table-sizes reads it back. */
declare module '../types.js' {
  interface CheckDetails {
    'table-sizes': TableSizesDetails
  }
}

export interface TableSizesDetails {
  tables: TableSize[]
}

export async function runTableSizes(ctx: StageContext): Promise<CheckOutcome<TableSizesDetails>> {
  // What the statements name, and what they lock without naming it as a relation (DROP POLICY ... ON t, the table
  // a dropped foreign key references): lint found those, and lock-holders looks at the same list.
  const touched = [...new Set([...ctx.plan.touchedTables, ...(ctx.shared.lockedUnnamed ?? [])])]
  const tables = await readTableSizes(ctx.client, touched)
  for (const t of tables) ctx.log.info(`table-sizes: ${describeTableSize(t)}`)
  const existing = tables.filter(t => t.exists)
  const totalBytes = existing.reduce((sum, t) => sum + (t.totalBytes ?? 0), 0)
  const fresh = tables.length - existing.length
  const summary =
    tables.length === 0
      ? 'the pending migrations touch no table'
      : `${existing.length} existing table${existing.length === 1 ? '' : 's'} (${formatBytes(totalBytes)} in all)${fresh ? `, ${fresh} new` : ''}`
  return { status: 'pass', summary, details: { tables } }
}

export const tableSizesCheck: Check<'table-sizes'> = {
  id: 'table-sizes',
  title: 'Sizes of touched tables',
  run: runTableSizes
}
