/**
 * A schema against the snapshot the apply recorded before the migration (audit log): after a revert, and for the
 * rehearsed revert before it commits. A database migrated by another tool has no snapshot: that is said, not
 * treated as a difference. Column order alone is told apart: PostgreSQL adds a column at the end, so a rollback
 * that re-adds a dropped column cannot put it back in its place.
 */
import type pg from 'pg'
import { schemaBefore } from '../plan/history.js'
import {
  diffSnapshots,
  renderDiff,
  snapshotSchema,
  type SchemaChange,
  type SchemaSnapshot
} from '../schema/index.js'

export interface SnapshotComparison {
  /** No difference at all (column order included). */
  equal: boolean
  /** db-diff.txt's text. */
  diffText: string
  /** One line per difference other than column order: what a reviewer must fix. */
  differences: string[]
  /** One line per table whose columns only come in another order. */
  columnOrder: string[]
}

export type BeforeComparison =
  { snapshot: 'missing' } | ({ snapshot: 'compared' } & SnapshotComparison)

/** At most this many characters of a definition in a difference line; the whole is in db-diff.txt. */
const MAX_DEFINITION = 160

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > MAX_DEFINITION ? `${line.slice(0, MAX_DEFINITION - 1)}…` : line
}

/** A changed object in one line: what changed, not only which object. */
function describeChange(c: SchemaChange): string {
  if (c.aspect === 'column-order') {
    const moved = c.moved ?? []
    return `~ ${c.object.key}: column order differs (${moved.join(', ')} ${moved.length === 1 ? 'is' : 'are'} now in another place)`
  }
  const before = c.before ?? ''
  const after = c.after ?? ''
  if (before.includes('\n') || after.includes('\n'))
    return `~ ${c.object.key}: definition differs (db-diff.txt shows the lines)`
  return `~ ${c.object.key}: was ${clip(before)}; now ${clip(after)}`
}

export function compareSnapshots(before: SchemaSnapshot, now: SchemaSnapshot): SnapshotComparison {
  const diff = diffSnapshots(before, now)
  const orderOnly = diff.changed.filter(c => c.aspect === 'column-order')
  const differences = [
    ...diff.added.map(c => `+ ${c.object.key}: not there before`),
    ...diff.removed.map(c => `- ${c.object.key}: there before, missing now`),
    ...diff.changed.filter(c => c.aspect !== 'column-order').map(describeChange)
  ]
  return {
    equal: differences.length === 0 && orderOnly.length === 0,
    diffText: renderDiff(diff),
    differences,
    columnOrder: orderOnly.map(describeChange)
  }
}

export async function compareWithBefore(
  client: pg.ClientBase,
  version: string,
  now?: SchemaSnapshot
): Promise<BeforeComparison> {
  const before = (await schemaBefore(client, version)) as SchemaSnapshot | null
  if (!before) return { snapshot: 'missing' }
  return {
    snapshot: 'compared',
    ...compareSnapshots(before, now ?? (await snapshotSchema(client)))
  }
}

/** Why column order alone does not fail a rollback, for the reasons a reviewer reads. */
export const COLUMN_ORDER_NOTE =
  'PostgreSQL adds a column at the end of its table, so a rollback that re-adds a dropped column cannot restore its place; ' +
  'only SELECT * and INSERT without a column list see the difference'
