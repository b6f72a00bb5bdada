/**
 * The database side of verify: a migration's verify/ script run in a transaction that is always rolled
 * back, the search_path the migrations' unqualified names resolved in, and which objects the schema
 * snapshots hold (for derive's name resolution).
 */
import type pg from 'pg'
import type { SqlFile } from '../plan/files.js'
import { statementsOf } from '../apply/statements.js'
import { setTimeoutsStatements } from '../db/timeouts.js'
import { sendBatch } from '../apply/batch.js'
import type { SchemaSnapshot } from '../schema/index.js'
import type { ObjectClass } from './derived.js'

/**
 * Runs a verify script in a transaction that is rolled back; returns the error message or null. The BEGIN, the
 * script and the ROLLBACK go in one round trip (batch.ts); the server stops at a failing statement.
 */
export async function runVerifyScript(
  client: pg.Client,
  file: SqlFile,
  statementTimeoutMs: number
): Promise<string | null> {
  const statements = statementsOf(file)
  let rolledBack = false
  try {
    const outcome = await sendBatch(client, statements, {
      label: `migration-runbook: verify ${file.file}`,
      prologue: ['BEGIN', ...setTimeoutsStatements('LOCAL', { statementMs: statementTimeoutMs })],
      gap: [],
      epilogue: ['ROLLBACK']
    })
    if (outcome.error === undefined) {
      rolledBack = true
      return null
    }
    const err = outcome.error as Error & { code?: string }
    const at = outcome.failedIndex === undefined ? '' : `:${statements[outcome.failedIndex].line}`
    return `${file.file}${at}: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`
  } finally {
    if (!rolledBack) await client.query('ROLLBACK').catch(() => undefined)
  }
}

/**
 * The search_path a session of this database starts with (database and role settings), existing schemas only:
 * where the migrations' unqualified names went unless they set their own. The migrations may have changed
 * this session's search_path: the value is read as RESET would restore it.
 */
export async function startingSearchPath(client: pg.Client): Promise<string[]> {
  // One round trip: the reset, the read and the rollback that undoes the reset.
  try {
    const results = (await client.query(
      `BEGIN;
       SELECT set_config('search_path', reset_val, true) FROM pg_settings WHERE name = 'search_path';
       SELECT current_schemas(false)::text[] AS path;
       ROLLBACK`
    )) as unknown as pg.QueryResult<{ path: string[] }>[]
    return results[2].rows[0].path
  } catch {
    await client.query('ROLLBACK').catch(() => undefined)
    return ['public']
  }
}

/** Which objects exist in any of the snapshots: resolves unqualified names over a search_path. */
export function existsIn(snapshots: SchemaSnapshot[]) {
  const seen = new Set<string>()
  for (const s of snapshots) {
    for (const schema of s.schemas) seen.add(`schema ${schema}.${schema}`)
    for (const o of s.objects) {
      if (o.kind === 'function') seen.add(`function ${o.schema}.${o.name.split('(')[0]}`)
      else if (['table', 'view', 'sequence', 'index'].includes(o.kind))
        seen.add(`relation ${o.schema}.${o.name}`)
    }
  }
  return (kind: ObjectClass, schema: string, name: string) => seen.has(`${kind} ${schema}.${name}`)
}
