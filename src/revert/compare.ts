/**
 * After a revert: the schema now against the snapshot the apply recorded before the migration (audit log).
 * A database migrated by another tool has no snapshot: that is said, not treated as a difference.
 */
import type pg from 'pg'
import { schemaBefore } from '../plan/history.js'
import {
  diffSnapshots,
  isEmptyDiff,
  renderDiff,
  snapshotSchema,
  type SchemaSnapshot
} from '../schema/index.js'

export type BeforeComparison =
  | { snapshot: 'missing' }
  | { snapshot: 'compared'; equal: boolean; diffText: string; changedLines: string[] }

export async function compareWithBefore(
  client: pg.ClientBase,
  version: string
): Promise<BeforeComparison> {
  const before = (await schemaBefore(client, version)) as SchemaSnapshot | null
  if (!before) return { snapshot: 'missing' }
  const diff = diffSnapshots(before, await snapshotSchema(client))
  const diffText = renderDiff(diff)
  return {
    snapshot: 'compared',
    equal: isEmptyDiff(diff),
    diffText,
    changedLines: diffText.split('\n').filter(l => /^[+~-] /.test(l))
  }
}
