/**
 * A schema snapshot replayed as DDL on another database: the throwaway database shaped like the target
 * (--baseline-from), without pg_dump (which refuses newer servers and is absent from the embedded package).
 *
 * Objects go in dependency-friendly phases (schemas, extensions, types, sequences, functions with body checks
 * off, tables with their columns, constraints, indexes, views, then RLS, policies, triggers, grants); whatever
 * still fails for want of another object is retried until a pass makes no progress. Schemas the destination
 * already has besides public (the Supabase stand-in's auth, storage, ...) keep their own objects: only the
 * policies, triggers and grants the project put on them are replayed.
 */
import type pg from 'pg'
import type { SchemaObject, SchemaSnapshot } from './snapshot.js'
import { describeError } from '../db/connect.js'

export interface ReplayStatement {
  key: string
  /** The snapshot's schema of the object: decides whether a failure matters. */
  schema: string
  sql: string
}

export interface ReplayResult {
  applied: number
  /** Objects the destination already had (duplicate errors). */
  existing: number
  /** Objects that could not be created, with Postgres's error. */
  failed: { key: string; error: string }[]
}

/** duplicate schema, object, table, function, column, alias: the destination has the object already. */
const DUPLICATE = new Set(['42P06', '42710', '42P07', '42723', '42701', '42P16'])

/**
 * Runs one statement under a savepoint of the open transaction: 'done', 'exists' (a duplicate-object error: the
 * destination already has it), or the error, with the transaction still usable either way.
 */
export async function runInSavepoint(
  client: pg.Client,
  sql: string
): Promise<'done' | 'exists' | { error: unknown }> {
  await client.query('SAVEPOINT replay_statement')
  try {
    await client.query(sql)
    await client.query('RELEASE SAVEPOINT replay_statement')
    return 'done'
  } catch (e) {
    await client.query('ROLLBACK TO SAVEPOINT replay_statement')
    const code = (e as { code?: string }).code
    return code && DUPLICATE.has(code) ? 'exists' : { error: e }
  }
}
/** Kinds replayed even on schemas the destination owns: what a project adds to auth.users, storage.objects. */
const ON_FOREIGN_TABLES = new Set(['policy', 'trigger', 'grant', 'rls'])

/** A table's CREATE statement with its columns (the snapshot keeps them as separate objects). */
function tableStatement(table: SchemaObject, columns: SchemaObject[]): string {
  const head =
    /^CREATE (?:FOREIGN |UNLOGGED )?TABLE (?:"(?:[^"]|"")*"|[^ ."]+)\.(?:"(?:[^"]|"")*"|[^ ."]+)/.exec(
      table.definition
    )
  if (!head || / PARTITION OF /.test(table.definition)) return table.definition
  const rest = table.definition.slice(head[0].length)
  const cols = [...columns]
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
    .map(c => c.definition)
  return `${head[0]} (${cols.join(', ')})${rest}`
}

function quoteName(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"'
}

/** The snapshot as an ordered list of statements; `ownedSchemas` are those the destination already provides. */
export function replayStatements(
  snapshot: SchemaSnapshot,
  ownedSchemas: Set<string>
): ReplayStatement[] {
  const objs = snapshot.objects.filter(
    o => !ownedSchemas.has(o.schema) || ON_FOREIGN_TABLES.has(o.kind)
  )
  const byKind = (kind: SchemaObject['kind']) => objs.filter(o => o.kind === kind)
  const out: ReplayStatement[] = []
  const add = (o: SchemaObject, sql: string) => out.push({ key: o.key, schema: o.schema, sql })
  for (const o of byKind('schema')) add(o, `CREATE SCHEMA IF NOT EXISTS ${quoteName(o.name)}`)
  for (const o of byKind('extension'))
    add(o, `CREATE EXTENSION IF NOT EXISTS ${quoteName(o.name)} WITH SCHEMA ${quoteName(o.schema)}`)
  for (const o of byKind('type')) add(o, o.definition)
  const owned: string[] = []
  for (const o of byKind('sequence')) {
    const m = / OWNED BY (.+)$/.exec(o.definition)
    add(o, m ? o.definition.slice(0, m.index) : o.definition)
    if (m) owned.push(`ALTER SEQUENCE ${o.schema}.${quoteName(o.name)} OWNED BY ${m[1]}`)
  }
  for (const o of byKind('function')) add(o, o.definition)
  const columns = byKind('column')
  for (const t of byKind('table'))
    add(
      t,
      tableStatement(
        t,
        columns.filter(c => c.schema === t.schema && c.table === t.table)
      )
    )
  const constraints = byKind('constraint')
  // Foreign keys last: they need the referenced key in place.
  const fkLast = [...constraints].sort(
    (a, b) =>
      Number(a.definition.startsWith('FOREIGN KEY')) -
      Number(b.definition.startsWith('FOREIGN KEY'))
  )
  const tableName = (o: SchemaObject) => `${quoteName(o.schema)}.${quoteName(o.table ?? '')}`
  for (const c of fkLast)
    add(c, `ALTER TABLE ${tableName(c)} ADD CONSTRAINT ${quoteName(c.name)} ${c.definition}`)
  const constraintNames = new Set(constraints.map(c => `${c.schema}.${c.name}`))
  for (const i of byKind('index'))
    if (!constraintNames.has(`${i.schema}.${i.name}`))
      add(i, i.definition.replace(/ \/\* INVALID \*\/$/, ''))
  for (const v of byKind('view')) add(v, v.definition)
  for (const o of byKind('rls')) add(o, o.definition)
  for (const o of byKind('policy')) add(o, o.definition)
  for (const o of byKind('trigger')) add(o, o.definition)
  for (const o of byKind('grant'))
    add(o, o.definition.replace(/ \/\* WITH GRANT OPTION: .* \*\/$/, ''))
  owned.forEach((sql, i) => out.push({ key: `sequence owner ${i}`, schema: '', sql }))
  return out
}

/**
 * Runs the statements in the open transaction, each under a savepoint, passing over the list again while a pass
 * makes progress (an object created later may be what an earlier one needed).
 */
export async function replay(
  client: pg.Client,
  statements: ReplayStatement[]
): Promise<ReplayResult> {
  // Function bodies may name tables created after them.
  await client.query('SET LOCAL check_function_bodies = off')
  let pending = statements
  let applied = 0
  let existing = 0
  let errors = new Map<string, string>()
  for (let pass = 0; pending.length > 0 && pass < 6; pass++) {
    const next: ReplayStatement[] = []
    errors = new Map()
    for (const s of pending) {
      const outcome = await runInSavepoint(client, s.sql)
      if (outcome === 'done') applied++
      else if (outcome === 'exists') existing++
      else {
        next.push(s)
        errors.set(s.key, describeError(outcome.error))
      }
    }
    if (next.length === pending.length) {
      pending = next
      break
    }
    pending = next
  }
  return {
    applied,
    existing,
    failed: pending.map(s => ({ key: s.key, error: errors.get(s.key) ?? '' }))
  }
}
