/**
 * Runs violation queries, each in its own READ ONLY transaction under SET LOCAL statement_timeout, always
 * rolled back: the check reads, never writes, and a slow query is cut off instead of holding the target.
 */
import { describeError } from '../db/connect.js'
import { setTimeoutsSql } from '../db/timeouts.js'
import type pg from 'pg'
import type { ConflictReport } from '../types.js'
import { deriveConflictQueries, type DerivedConstraint } from './derive.js'
import { rowIdSql, violationSql } from './queries.js'
import { withDeparser } from '../sql/parser.js'

export interface RunOptions {
  timeoutMs: number
  sample: number
}

async function primaryKeyColumns(client: pg.Client, table: string): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT a.attname AS name
       FROM pg_index i
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n) ON true
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
      WHERE i.indrelid = to_regclass($1) AND i.indisprimary
      ORDER BY k.n`,
    [table]
  )
  return rows.map(r => r.name)
}

function checkOptions(opts: RunOptions): void {
  if (!Number.isInteger(opts.timeoutMs) || opts.timeoutMs < 1) {
    throw new Error(
      `conflicts option "timeoutMs" is ${opts.timeoutMs}; allowed: a positive whole number of milliseconds`
    )
  }
  if (!Number.isInteger(opts.sample) || opts.sample < 1 || opts.sample > 10_000) {
    throw new Error(
      `conflicts option "sample" is ${opts.sample}; allowed: a whole number from 1 to 10000`
    )
  }
}

/** Runs one derived constraint's violation query. */
export async function runConflictCheck(
  client: pg.Client,
  d: DerivedConstraint,
  opts: RunOptions
): Promise<ConflictReport> {
  checkOptions(opts)
  const report: ConflictReport = {
    file: d.file,
    line: d.line,
    table: d.table,
    constraint: d.constraint,
    kind: d.kind,
    count: 0,
    sample: [],
    query: '',
    durationMs: 0
  }
  const started = performance.now()
  await client.query('BEGIN READ ONLY')
  try {
    await client.query(setTimeoutsSql('LOCAL', { statementMs: opts.timeoutMs }))
    const rowId = rowIdSql(await primaryKeyColumns(client, d.table))
    const refColumns =
      d.spec.kind === 'foreign-key' && d.spec.refColumns.length === 0
        ? await primaryKeyColumns(client, d.spec.refTable)
        : undefined
    report.query = violationSql(d, { rowId, refColumns, sample: opts.sample })
    const { rows } = await client.query<{ total: string; sample: Record<string, unknown>[] }>(
      report.query
    )
    report.count = Number(rows[0].total)
    report.sample = rows[0].sample
  } catch (e) {
    report.error = describeError(e, { statementTimeoutMs: opts.timeoutMs })
  } finally {
    await client.query('ROLLBACK')
    report.durationMs = Math.round(performance.now() - started)
  }
  return report
}

/** Runs every derived constraint's violation query, one after the other. */
export async function runConflictChecks(
  client: pg.Client,
  derived: DerivedConstraint[],
  opts: RunOptions
): Promise<ConflictReport[]> {
  const out: ConflictReport[] = []
  for (const d of derived) out.push(await runConflictCheck(client, d, opts))
  return out
}

/**
 * For the rollback stage: rows (written since the migration) that the constraints a rollback script re-adds
 * would reject. The parser must be loaded.
 */
export async function findRollbackConflicts(
  client: pg.Client,
  file: string,
  sql: string,
  opts: RunOptions
): Promise<ConflictReport[]> {
  return runConflictChecks(client, await withDeparser(() => deriveConflictQueries(file, sql)), opts)
}
