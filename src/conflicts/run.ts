/**
 * Runs violation queries, each in its own READ ONLY transaction under SET LOCAL statement_timeout, always
 * rolled back: the check reads, never writes, and a slow query is cut off instead of holding the target.
 *
 * A constraint that reads a column the pending migrations add reads, for every existing row, the value adding
 * the column gives it: its DEFAULT (not volatile, so one value) or NULL. When no such value is known before the
 * migration runs (a volatile DEFAULT, an identity or generated column, a type or function the migrations
 * create, a column the migrations write), the constraint is left to the rehearsal, which runs the ALTER on the
 * rows in a rolled-back transaction.
 */
import { describeError } from '../db/connect.js'
import { setTimeoutsSql } from '../db/timeouts.js'
import type pg from 'pg'
import type { ConflictReport } from '../types.js'
import { deriveConflictQueries, type DerivedConstraint, type NewColumn } from './derive.js'
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
  if (!Number.isInteger(opts.sample) || opts.sample < 0 || opts.sample > 10_000) {
    throw new Error(
      `conflicts option "sample" is ${opts.sample}; allowed: a whole number from 0 to 10000`
    )
  }
}

/** The name parts of a function as [schema or null, name]. */
function functionName(parts: string[]): [string | null, string] {
  return parts.length > 1 ? [parts[parts.length - 2], parts[parts.length - 1]] : [null, parts[0]]
}

/**
 * The values existing rows get for the added columns `d` reads that its tables do not have yet, or why they
 * have no value known before the migration runs (the constraint is left to the rehearsal).
 */
async function newColumnValues(
  client: pg.Client,
  d: DerivedConstraint
): Promise<{ columns: { name: string; value: string }[] } | { rehearsal: string }> {
  const absent: NewColumn[] = []
  for (const c of d.newColumns ?? []) {
    // Already there (ADD COLUMN IF NOT EXISTS): the rows hold their own values.
    const { rowCount } = await client.query(
      `SELECT 1 FROM pg_attribute
        WHERE attrelid = to_regclass($1) AND attname = $2 AND attnum > 0 AND NOT attisdropped`,
      [c.table, c.name]
    )
    if (!rowCount) absent.push(c)
  }
  const columns: { name: string; value: string }[] = []
  for (const c of absent) {
    const added = `${c.name} (added at ${c.file}:${c.line})`
    if (c.table !== d.table)
      return { rehearsal: `it references ${c.table}.${added}, which does not exist yet` }
    if (c.unknown) return { rehearsal: c.unknown }
    const { rows } = await client.query<{ domain_default: boolean }>(
      `SELECT typtype = 'd' AND typdefaultbin IS NOT NULL AS domain_default
         FROM pg_type WHERE oid = to_regtype($1)`,
      [c.type]
    )
    if (rows.length === 0) return { rehearsal: `the type ${c.type} of ${added} does not exist yet` }
    if (c.default === undefined && rows[0].domain_default)
      return { rehearsal: `${added} takes the DEFAULT of its domain ${c.type}` }
    for (const call of c.calls) {
      const [schema, name] = functionName(call)
      // Every function of that name (any overload, any schema when unqualified): the most volatile counts.
      const { rows: fn } = await client.query<{ volatility: string | null }>(
        `SELECT max(p.provolatile::text) AS volatility
           FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE p.proname = $1 AND ($2::text IS NULL OR n.nspname = $2)`,
        [name, schema]
      )
      const volatility = fn[0]?.volatility
      if (!volatility)
        return {
          rehearsal: `the DEFAULT of ${added} calls ${call.join('.')}(), which does not exist yet`
        }
      if (volatility === 'v')
        return {
          rehearsal: `the DEFAULT ${c.default} of ${added} is volatile: each existing row gets its own value when the ALTER runs`
        }
    }
    columns.push({ name: c.name, value: c.value })
  }
  return { columns }
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
  if (d.rehearsal) return { ...report, rehearsal: d.rehearsal }
  const started = performance.now()
  await client.query('BEGIN READ ONLY')
  try {
    await client.query(setTimeoutsSql('LOCAL', { statementMs: opts.timeoutMs }))
    const values = await newColumnValues(client, d)
    if ('rehearsal' in values) {
      report.rehearsal = values.rehearsal
      return report
    }
    const rowId = rowIdSql(await primaryKeyColumns(client, d.table))
    const refColumns =
      d.spec.kind === 'foreign-key' && d.spec.refColumns.length === 0
        ? await primaryKeyColumns(client, d.spec.refTable)
        : undefined
    report.query = violationSql(d, {
      rowId,
      refColumns,
      sample: opts.sample,
      newColumns: values.columns
    })
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
