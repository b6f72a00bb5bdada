/**
 * The violation query of each derived constraint. Every query returns one row: `total` (how many rows or
 * keys violate) and `sample` (a jsonb array of at most `sample` examples, with row ids).
 *
 * Exclusion constraints (`=` columns and one `&&` range) use a sort-based sweep instead of a self-join:
 * rows are partitioned by the `=` columns and ordered by where their range starts; a row overlaps an
 * earlier one exactly when it starts before the furthest end seen so far in its partition. Ends compare with
 * their bounds: [1,2) and [2,3) touch without overlapping, [1,2] and [2,3) overlap; empty ranges overlap
 * nothing; an unbounded end is past everything. One sort instead of a quadratic join per partition.
 *
 * Samples are built with json (not jsonb) so objects keep the constraint's column order: a reviewer reads
 * `resource_id=…, restaurant_id=…` in the order the constraint declares them (jsonb sorts keys by length).
 */
import type { ConstraintSpec, DerivedConstraint } from './derive.js'
import { quoteIdent } from '../db/connect.js'
import { regclassName as quoteTable } from '../db/sessions.js'

export interface QueryContext {
  /** SQL of a jsonb row identity over alias `t`, e.g. jsonb_build_object('id', t."id"). */
  rowId: string
  /** Referenced columns of a foreign key whose REFERENCES named none (the referenced table's primary key). */
  refColumns?: string[]
  sample: number
  /**
   * Columns the constrained table does not have yet (the pending migrations add them), each with the SQL of the
   * value every existing row gets: the constraint reads them as if they were there.
   */
  newColumns?: { name: string; value: string }[]
}

/** A SQL string literal. */
function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`
}

/** The name a column or expression is shown under: "resource_id" -> resource_id; an expression as written. */
export function columnLabel(expr: string): string {
  return /^"(?:[^"]|"")*"$/.test(expr) ? expr.slice(1, -1).replace(/""/g, '"') : expr
}

/**
 * The constrained table's rows as the constraint reads them (alias them `t`): the table, or, when the pending
 * migrations add columns it reads, the table with those columns set to the value each existing row gets. A
 * simple subquery the planner pulls up: scans, indexes and ctid lookups stay those of the table.
 */
function rowsOf(table: string, ctx: QueryContext): string {
  if (!ctx.newColumns?.length) return quoteTable(table)
  const added = ctx.newColumns.map(c => `${c.value} AS ${quoteIdent(c.name)}`)
  return `(SELECT t.ctid, t.*, ${added.join(', ')} FROM ${quoteTable(table)} t)`
}

/** json_build_object('id', t."id") for the primary key columns, else the physical row address. */
export function rowIdSql(pkColumns: string[]): string {
  if (pkColumns.length === 0) return `json_build_object('ctid', t.ctid::text)`
  return `json_build_object(${pkColumns.map(c => `${literal(c)}, t.${quoteIdent(c)}`).join(', ')})`
}

/** json_build_object of labels and SQL values, in the given order. */
function jsonObject(pairs: [label: string, sql: string][]): string {
  return `json_build_object(${pairs.map(([l, v]) => `${literal(l)}, ${v}`).join(', ')})`
}

function wrap(violations: string, sample: number): string {
  return `WITH v AS MATERIALIZED (\n${violations}\n)
SELECT (SELECT count(*) FROM v) AS total,
       (SELECT coalesce(json_agg(x), '[]'::json) FROM (SELECT * FROM v LIMIT ${sample}) x) AS sample`
}

/** The sweep for EXCLUDE (c1 WITH =, ..., r WITH &&) [WHERE p]. */
export function exclusionSweepSql(
  table: string,
  spec: Extract<ConstraintSpec, { kind: 'exclude' }>,
  ctx: QueryContext
): string {
  const eq = spec.elements.filter(e => e.operator === '=')
  const range = spec.elements.find(e => e.operator === '&&')
  if (!range) throw new Error('exclusionSweepSql needs one && element')
  const keys = eq.map((e, i) => `${e.expr} AS k${i}`)
  const keyNames = eq.map((_, i) => `k${i}`)
  const notNull = [
    ...eq.map(e => `${e.expr} IS NOT NULL`),
    `${range.expr} IS NOT NULL`,
    `NOT isempty(${range.expr})`
  ]
  const partition = keyNames.length ? `PARTITION BY ${keyNames.join(', ')} ` : ''
  const sameKeys = keyNames.map(k => `a.${k} = s.${k}`)
  // The = columns' values the two rows share: where the reviewer looks for the booking to move.
  const keyObject = jsonObject(eq.map((e, i) => [columnLabel(e.expr), `p.k${i}`]))
  return `WITH candidates AS NOT MATERIALIZED (
  SELECT t.ctid AS row_ctid, ${[...keys, `${range.expr} AS r`].join(', ')}
  FROM ${rowsOf(table, ctx)} t
  WHERE (${spec.where ?? 'true'}) AND ${notNull.join(' AND ')}
), sweep AS (
  SELECT row_ctid, ${[...keyNames, 'r'].join(', ')},
         count(*) OVER w AS prev_n,
         bool_or(upper_inf(r)) OVER w AS prev_inf,
         max(upper(r)) OVER w AS prev_max,
         max(upper(r)) FILTER (WHERE upper_inc(r)) OVER w AS prev_max_inc
  FROM candidates
  WINDOW w AS (${partition}ORDER BY lower(r) NULLS FIRST, lower_inc(r) DESC, row_ctid
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
), conflicts AS MATERIALIZED (
  SELECT row_ctid, ${[...keyNames, 'r'].join(', ')} FROM sweep
  WHERE prev_n > 0 AND (lower_inf(r) OR prev_inf OR lower(r) < prev_max OR (lower_inc(r) AND lower(r) <= prev_max_inc))
), sampled AS (
  SELECT * FROM conflicts ORDER BY row_ctid LIMIT ${ctx.sample}
), pairs AS (
  SELECT DISTINCT ON (s.row_ctid) s.row_ctid, a.row_ctid AS with_ctid, s.r, a.r AS with_r${keyNames.map(k => `, s.${k}`).join('')}
  FROM sampled s JOIN candidates a ON ${[...sameKeys, 'a.r && s.r', 'a.row_ctid <> s.row_ctid'].join(' AND ')}
  ORDER BY s.row_ctid, lower(a.r) NULLS FIRST, a.row_ctid
)
SELECT (SELECT count(*) FROM conflicts) AS total,
       (SELECT coalesce(json_agg(json_build_object(
                 'key', ${keyObject},
                 'row', (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = p.row_ctid),
                 'range', p.r::text,
                 'conflicts_with', (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = p.with_ctid),
                 'other_range', p.with_r::text) ORDER BY p.row_ctid), '[]'::json)
          FROM pairs p) AS sample`
}

/** Any exclusion constraint: pairs under all its operators (a self-join; used when the sweep does not apply). */
export function exclusionSelfJoinSql(
  table: string,
  spec: Extract<ConstraintSpec, { kind: 'exclude' }>,
  ctx: QueryContext
): string {
  const cols = spec.elements.map((e, i) => `${e.expr} AS k${i}`)
  const conds = spec.elements.map(
    (e, i) =>
      `a.k${i} OPERATOR(${e.operator.includes('.') ? e.operator : 'pg_catalog.' + e.operator}) b.k${i}`
  )
  // = columns hold the same value in both rows (the key); the other columns are shown per row.
  const labelled = spec.elements.map((e, i) => ({
    eq: e.operator === '=',
    label: columnLabel(e.expr),
    k: `k${i}`
  }))
  const key = jsonObject(labelled.filter(x => x.eq).map(x => [x.label, `b.${x.k}`]))
  const values = (alias: string): string =>
    jsonObject(labelled.filter(x => !x.eq).map(x => [x.label, `${alias}.${x.k}`]))
  return wrap(
    `  SELECT DISTINCT ON (b.row_ctid) ${key} AS "key",
         (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = b.row_ctid) AS "row",
         ${values('b')} AS "values",
         (SELECT ${ctx.rowId} FROM ${rowsOf(table, ctx)} t WHERE t.ctid = a.row_ctid) AS conflicts_with,
         ${values('a')} AS other_values
  FROM (SELECT t.ctid AS row_ctid, ${cols.join(', ')} FROM ${rowsOf(table, ctx)} t WHERE (${spec.where ?? 'true'})) a
  JOIN (SELECT t.ctid AS row_ctid, ${cols.join(', ')} FROM ${rowsOf(table, ctx)} t WHERE (${spec.where ?? 'true'})) b
    ON a.row_ctid < b.row_ctid AND ${conds.join(' AND ')}
  ORDER BY b.row_ctid, a.row_ctid`,
    ctx.sample
  )
}

/** Whether the sweep applies: `=` columns plus exactly one `&&` range. */
export function sweepApplies(spec: Extract<ConstraintSpec, { kind: 'exclude' }>): boolean {
  return (
    spec.elements.filter(e => e.operator === '&&').length === 1 &&
    spec.elements.every(e => e.operator === '=' || e.operator === '&&')
  )
}

function uniqueSql(
  table: string,
  spec: Extract<ConstraintSpec, { kind: 'unique' | 'primary-key' }>,
  ctx: QueryContext
): string {
  const keys = spec.columns.map((c, i) => `${c} AS k${i}`)
  const keyNames = spec.columns.map((_, i) => `k${i}`)
  const key = jsonObject(spec.columns.map((c, i) => [columnLabel(c), keyNames[i]]))
  // NULLs are distinct (never duplicates) unless NULLS NOT DISTINCT; a primary key's NULLs are a not-null check.
  const filter = [
    spec.where ? `(${spec.where})` : 'true',
    ...(spec.nullsNotDistinct ? [] : spec.columns.map(c => `${c} IS NOT NULL`))
  ]
  return wrap(
    `  SELECT ${key} AS "key",
         count(*) AS "rows", (array_agg(id ORDER BY id::text))[1:5] AS ids
  FROM (SELECT ${ctx.rowId} AS id, ${keys.join(', ')} FROM ${rowsOf(table, ctx)} t WHERE ${filter.join(' AND ')}) g
  GROUP BY ${keyNames.join(', ')} HAVING count(*) > 1`,
    ctx.sample
  )
}

function checkSql(
  table: string,
  spec: Extract<ConstraintSpec, { kind: 'check' }>,
  ctx: QueryContext
): string {
  const values = jsonObject(spec.columns.map(c => [c, `t.${quoteIdent(c)}`]))
  // NOT (expr) is NULL when expr is NULL: a CHECK passes on NULL, and so does this filter.
  return wrap(
    `  SELECT ${ctx.rowId} AS "row"${spec.columns.length ? `, ${values} AS "values"` : ''}
  FROM ${rowsOf(table, ctx)} t WHERE NOT (${spec.expr})`,
    ctx.sample
  )
}

function foreignKeySql(
  table: string,
  spec: Extract<ConstraintSpec, { kind: 'foreign-key' }>,
  ctx: QueryContext
): string {
  const refColumns = spec.refColumns.length ? spec.refColumns : (ctx.refColumns ?? [])
  if (refColumns.length !== spec.columns.length) {
    throw new Error(
      `foreign key on ${table} has ${spec.columns.length} column(s) but ${spec.refTable} has ${refColumns.length} key column(s)`
    )
  }
  const fk = spec.columns.map(c => `t.${quoteIdent(c)}`)
  const match = fk.map((c, i) => `p.${quoteIdent(refColumns[i])} = ${c}`)
  const missing = `${fk.map(c => `${c} IS NOT NULL`).join(' AND ')} AND NOT EXISTS (SELECT 1 FROM ${quoteTable(spec.refTable)} p WHERE ${match.join(' AND ')})`
  // MATCH FULL also rejects keys that are partly NULL.
  const partial =
    spec.matchFull && fk.length > 1
      ? ` OR num_nulls(${fk.join(', ')}) BETWEEN 1 AND ${fk.length - 1}`
      : ''
  const key = jsonObject(spec.columns.map((c, i) => [c, fk[i]]))
  const references = `${spec.refTable} (${refColumns.join(', ')})`
  return wrap(
    `  SELECT ${ctx.rowId} AS "row", ${key} AS "key", ${literal(references)} AS "references"
  FROM ${rowsOf(table, ctx)} t WHERE (${missing})${partial}`,
    ctx.sample
  )
}

function notNullSql(
  table: string,
  spec: Extract<ConstraintSpec, { kind: 'not-null' }>,
  ctx: QueryContext
): string {
  // A new NOT NULL column without a default has no value in any existing row.
  const where = spec.newColumn ? 'true' : `t.${quoteIdent(spec.column)} IS NULL`
  const newColumn = spec.newColumn ? `, true AS new_column` : ''
  return wrap(
    `  SELECT ${ctx.rowId} AS "row", ${literal(spec.column)} AS "column"${newColumn} FROM ${rowsOf(table, ctx)} t WHERE ${where}`,
    ctx.sample
  )
}

/** The violation query of a derived constraint. */
export function violationSql(d: DerivedConstraint, ctx: QueryContext): string {
  const spec = d.spec
  switch (spec.kind) {
    case 'exclude':
      return sweepApplies(spec)
        ? exclusionSweepSql(d.table, spec, ctx)
        : exclusionSelfJoinSql(d.table, spec, ctx)
    case 'unique':
    case 'primary-key':
      return uniqueSql(d.table, spec, ctx)
    case 'check':
      return checkSql(d.table, spec, ctx)
    case 'foreign-key':
      return foreignKeySql(d.table, spec, ctx)
    case 'not-null':
      return notNullSql(d.table, spec, ctx)
  }
}
