/** A structured diff of two schema snapshots: objects matched by key, compared by definition. */
import { byCodePoint, type SchemaObject, type SchemaSnapshot } from './snapshot.js'

export interface SchemaChange {
  kind: 'added' | 'removed' | 'changed'
  /** The new object, or the old one when removed. */
  object: SchemaObject
  before?: string
  after?: string
  /**
   * 'column-order': only the order of the table's surviving columns changed. PostgreSQL adds a column at the end,
   * so a rollback that re-adds a dropped column cannot restore its place: revert/compare.ts tells it apart.
   */
  aspect?: 'column-order'
  /** Column-order changes: the columns that moved (not in the longest run both orders share), in their new order. */
  moved?: string[]
}

export interface SchemaDiff {
  added: SchemaChange[]
  removed: SchemaChange[]
  changed: SchemaChange[]
}

function checkSnapshot(name: string, s: unknown): SchemaSnapshot {
  const objects = (s as SchemaSnapshot | null)?.objects
  if (!Array.isArray(objects)) {
    throw new Error(
      `diffSnapshots: "${name}" must be a schema snapshot with an objects array, got ${s === null ? 'null' : typeof s}`
    )
  }
  return s as SchemaSnapshot
}

export function diffSnapshots(before: SchemaSnapshot, after: SchemaSnapshot): SchemaDiff {
  const old = new Map(checkSnapshot('before', before).objects.map(o => [o.key, o]))
  const now = new Map(checkSnapshot('after', after).objects.map(o => [o.key, o]))
  const diff: SchemaDiff = { added: [], removed: [], changed: [] }

  for (const [key, o] of now) {
    const was = old.get(key)
    if (!was) diff.added.push({ kind: 'added', object: o, after: o.definition })
    else if (was.definition !== o.definition || was.hash !== o.hash) {
      diff.changed.push({ kind: 'changed', object: o, before: was.definition, after: o.definition })
    }
  }
  for (const [key, o] of old) {
    if (!now.has(key)) diff.removed.push({ kind: 'removed', object: o, before: o.definition })
  }
  diff.changed.push(...columnOrderChanges(before.objects, after.objects, now))

  const byKey = (a: SchemaChange, b: SchemaChange) =>
    byCodePoint(a.object.key, b.object.key) || byCodePoint(a.before ?? '', b.before ?? '')
  diff.added.sort(byKey)
  diff.removed.sort(byKey)
  diff.changed.sort(byKey)
  return diff
}

/** table key -> column names in position order */
function columnOrder(objects: SchemaObject[]): Map<string, string[]> {
  const cols = new Map<string, SchemaObject[]>()
  for (const o of objects) {
    if (o.kind !== 'column') continue
    const table = `table ${o.schema}.${o.table}`
    const list = cols.get(table) ?? []
    list.push(o)
    cols.set(table, list)
  }
  const out = new Map<string, string[]>()
  for (const [table, list] of cols) {
    out.set(
      table,
      list.sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map(c => c.name)
    )
  }
  return out
}

/**
 * A table whose surviving columns now come in another order (it was rebuilt) is reported as a
 * change of the table. Added or dropped columns alone do not count: they are their own changes.
 */
function columnOrderChanges(
  before: SchemaObject[],
  after: SchemaObject[],
  now: Map<string, SchemaObject>
): SchemaChange[] {
  const old = columnOrder(before)
  const changes: SchemaChange[] = []
  for (const [table, cols] of columnOrder(after)) {
    const was = old.get(table)
    const o = now.get(table)
    if (!was || !o) continue
    const common = new Set(was.filter(c => cols.includes(c)))
    const a = was.filter(c => common.has(c))
    const b = cols.filter(c => common.has(c))
    if (a.join('\u0000') !== b.join('\u0000')) {
      changes.push({
        kind: 'changed',
        object: o,
        before: `column order: ${a.join(', ')}`,
        after: `column order: ${b.join(', ')}`,
        aspect: 'column-order',
        moved: movedColumns(a, b)
      })
    }
  }
  return changes
}

/** The names of `after` outside a longest common subsequence of `before` and `after`: the ones that moved. */
function movedColumns(before: string[], after: string[]): string[] {
  const n = before.length
  const m = after.length
  // lcs[i][j]: the longest common subsequence of before[i..] and after[j..] (a table has at most 1,600 columns).
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] =
        before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const kept = new Set<string>()
  for (let i = 0, j = 0; i < n && j < m;) {
    if (before[i] === after[j]) {
      kept.add(after[j])
      i++
      j++
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) i++
    else j++
  }
  return after.filter(c => !kept.has(c))
}

export function isEmptyDiff(d: SchemaDiff): boolean {
  return d.added.length === 0 && d.removed.length === 0 && d.changed.length === 0
}
