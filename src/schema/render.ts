/** Text forms of snapshots and diffs: post-migration-schema.sql and db-diff.txt. Deterministic. */
import { quoteIdent } from '../db/connect.js'
import { isEmptyDiff, type SchemaChange, type SchemaDiff } from './diff.js'
import type { SchemaObject, SchemaSnapshot } from './snapshot.js'

/** 'CREATE [FOREIGN |UNLOGGED ]TABLE schema.table' at the start of a table definition. */
const TABLE_HEAD =
  /^CREATE (?:FOREIGN |UNLOGGED )?TABLE (?:"(?:[^"]|"")*"|[^ ."]+)\.(?:"(?:[^"]|"")*"|[^ ."]+)/

const SECTION_ORDER = ['schema', 'extension', 'type', 'sequence', 'function'] as const

const SECTION_TITLES: Record<(typeof SECTION_ORDER)[number], string> = {
  schema: 'Schemas',
  extension: 'Extensions',
  type: 'Types',
  sequence: 'Sequences',
  function: 'Functions'
}

/**
 * Readable DDL-ish text of a snapshot: schemas, extensions, types, sequences, functions, then each
 * table with its columns, constraints, indexes, RLS, policies and triggers, then views and grants.
 * The time the snapshot was taken is left out so the same schema always renders the same bytes.
 */
export function renderSnapshotSql(s: SchemaSnapshot): string {
  const counts = new Map<string, number>()
  for (const o of s.objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1)
  const countText = [...counts.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')
  const out: string[] = [
    '-- Schema snapshot (migration-runbook), read from the catalogs',
    `-- server: PostgreSQL ${s.serverVersion}`,
    `-- schemas: ${s.schemas.join(', ') || '(none)'}`,
    `-- objects: ${countText || 'none'}`,
    ''
  ]

  for (const kind of SECTION_ORDER) {
    const list = s.objects.filter(o => o.kind === kind)
    if (list.length === 0) continue
    out.push(`-- ${SECTION_TITLES[kind]}`)
    for (const o of list) out.push(statement(o.definition))
    out.push('')
  }

  const byTable = groupByTable(s.objects)
  for (const t of s.objects.filter(o => o.kind === 'table')) {
    out.push(`-- Table ${t.schema}.${t.name}`, ...renderTable(t, byTable.get(tableId(t)) ?? []), '')
  }

  const views = s.objects.filter(o => o.kind === 'view')
  for (const v of views) {
    out.push(`-- View ${v.schema}.${v.name}`, statement(v.definition))
    for (const o of byTable.get(tableId(v)) ?? []) {
      if (o.kind === 'index' || o.kind === 'trigger') out.push(statement(o.definition))
    }
    out.push('')
  }

  const grants = s.objects.filter(o => o.kind === 'grant')
  if (grants.length > 0) {
    out.push('-- Grants (the owners\u2019 own rights not shown)')
    for (const g of grants) out.push(statement(g.definition))
    out.push('')
  }
  return out.join('\n')
}

function tableId(o: SchemaObject): string {
  return `${o.schema}\u0000${o.table ?? o.name}`
}

function groupByTable(objects: SchemaObject[]): Map<string, SchemaObject[]> {
  const map = new Map<string, SchemaObject[]>()
  for (const o of objects) {
    if (o.table === undefined || o.kind === 'table' || o.kind === 'grant') continue
    const id = tableId(o)
    const list = map.get(id) ?? []
    list.push(o)
    map.set(id, list)
  }
  return map
}

function renderTable(t: SchemaObject, parts: SchemaObject[]): string[] {
  const columns = parts
    .filter(o => o.kind === 'column')
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
  const constraints = parts.filter(o => o.kind === 'constraint')
  const body = [
    ...columns.map(c => `  ${c.definition}`),
    ...constraints.map(c => `  CONSTRAINT ${sqlIdent(c.name)} ${c.definition}`)
  ]
  const head = TABLE_HEAD.exec(t.definition)?.[0] ?? t.definition
  const tail = t.definition.slice(head.length)
  const lines = [`${head} (`, body.join(',\n'), `)${tail};`]

  // Indexes that back a constraint of the same name come with the constraint.
  const constraintNames = new Set(constraints.map(c => c.name))
  for (const o of parts) {
    if (o.kind === 'index' && !constraintNames.has(o.name)) lines.push(statement(o.definition))
  }
  for (const o of parts) {
    if (o.kind === 'rls' && !o.definition.includes('DISABLE ROW LEVEL SECURITY, NO FORCE')) {
      lines.push(statement(o.definition))
    }
  }
  for (const kind of ['policy', 'trigger']) {
    for (const o of parts) if (o.kind === kind) lines.push(statement(o.definition))
  }
  return lines
}

/**
 * Keywords PostgreSQL refuses as a constraint's name unquoted (kwlist.h: RESERVED_KEYWORD and
 * TYPE_FUNC_NAME_KEYWORD; a name is a ColId).
 */
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate ' +
    'collation column concurrently constraint create cross current_catalog current_date current_role ' +
    'current_schema current_time current_timestamp current_user default deferrable desc distinct do else end ' +
    'except false fetch for foreign freeze from full grant group having ilike in initially inner intersect into ' +
    'is isnull join lateral leading left like limit localtime localtimestamp natural not notnull null offset on ' +
    'only or order outer overlaps placing primary references returning right select session_user similar some ' +
    'symmetric system_user table tablesample then to trailing true union unique user using variadic verbose ' +
    'when where window with'
  ).split(' ')
)

/** A name as SQL writes it: as is when PostgreSQL reads it back unquoted (as quote_ident), else quoted. */
function sqlIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : quoteIdent(name)
}

function statement(definition: string): string {
  return `${definition};`
}

/**
 * db-diff.txt: '+' added, '-' removed, '~' changed with the old and the new definition (a line diff
 * for multi-line definitions such as function bodies); 'no schema changes' when empty.
 */
export function renderDiff(d: SchemaDiff): string {
  if (isEmptyDiff(d)) return 'no schema changes\n'
  const out = [
    `schema diff: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed`
  ]
  if (d.added.length > 0) {
    out.push('', 'added:')
    for (const c of d.added) out.push(`+ ${c.object.key}`, indent(c.after ?? '', '    '))
  }
  if (d.removed.length > 0) {
    out.push('', 'removed:')
    for (const c of d.removed) out.push(`- ${c.object.key}`, indent(c.before ?? '', '    '))
  }
  if (d.changed.length > 0) {
    out.push('', 'changed:')
    for (const c of d.changed) out.push(...renderChange(c))
  }
  return out.join('\n') + '\n'
}

function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map(l => prefix + l)
    .join('\n')
}

function renderChange(c: SchemaChange): string[] {
  const before = c.before ?? ''
  const after = c.after ?? ''
  const lines = [`~ ${c.object.key}`]
  if (!before.includes('\n') && !after.includes('\n')) {
    lines.push(`    - ${before}`, `    + ${after}`)
    return lines
  }
  return lines.concat(lineDiff(before.split('\n'), after.split('\n')))
}

/** Above this many cells the LCS table is not worth it: print both versions whole. */
const MAX_LCS_CELLS = 4_000_000
const CONTEXT = 2

/** A small LCS line diff with two lines of context around each change. */
function lineDiff(a: string[], b: string[]): string[] {
  if (a.length * b.length > MAX_LCS_CELLS) {
    return [...a.map(l => `    - ${l}`), ...b.map(l => `    + ${l}`)]
  }
  const n = a.length
  const m = b.length
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  const ops: { op: ' ' | '-' | '+'; line: string }[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push({ op: ' ', line: a[i] })
      i++
      j++
    } else if (i < n && (j === m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push({ op: '-', line: a[i++] })
    } else {
      ops.push({ op: '+', line: b[j++] })
    }
  }
  const near = ops.map((_, k) =>
    ops.slice(Math.max(0, k - CONTEXT), k + CONTEXT + 1).some(o => o.op !== ' ')
  )
  const out: string[] = []
  let skipped = false
  ops.forEach((o, k) => {
    if (!near[k]) {
      if (!skipped) out.push('    ...')
      skipped = true
      return
    }
    skipped = false
    out.push(`    ${o.op} ${o.line}`)
  })
  return out
}
