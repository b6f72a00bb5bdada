/**
 * EXPLAIN in JSON and what the checks read from it: total cost, timings, and the indexes a plan uses.
 * Plans are kept as Postgres returns them (the `Plan` tree of EXPLAIN (FORMAT JSON)).
 */
import type pg from 'pg'
import { loadParser, parseSql } from '../sql/parser.js'
import { extendedQuery } from '../db/connect.js'

type Queryable = Pick<pg.Client, 'query'>

/** One node of an EXPLAIN (FORMAT JSON) tree; only the keys read here are typed. */
export interface PlanNode {
  'Node Type': string
  'Total Cost'?: number
  'Index Name'?: string
  'Relation Name'?: string
  Plans?: PlanNode[]
  [key: string]: unknown
}

export interface Explained {
  /** The root node. */
  plan: PlanNode
  totalCost: number
  /** Only with analyze. */
  executionTimeMs?: number
  planningTimeMs?: number
  indexes: string[]
}

export interface ExplainOptions {
  /** Runs the statement (EXPLAIN ANALYZE, BUFFERS). Callers wrap it in a rolled-back transaction. */
  analyze?: boolean
  /** EXPLAIN (GENERIC_PLAN) for text with $n placeholders and no values (PostgreSQL 16+). */
  generic?: boolean
}

const INDEX_NODES = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan'])
/** Nodes that read a relation through an index (a Bitmap Index Scan names only the index, its heap parent the table). */
const INDEXED_READS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Heap Scan'])

/** Statement text as EXPLAIN accepts it: one statement, no trailing semicolon. */
export function explainableSql(sql: string): string {
  return sql.trim().replace(/;\s*$/, '')
}

/** True when the text has $1-style placeholders (pg_stat_statements normalises constants to them). */
export function hasPlaceholders(sql: string): boolean {
  return /\$\d+/.test(sql)
}

export async function explain(
  client: Queryable,
  sql: string,
  params: unknown[] = [],
  opts: ExplainOptions = {}
): Promise<Explained> {
  const options = ['FORMAT JSON']
  if (opts.analyze) options.unshift('ANALYZE', 'BUFFERS')
  if (opts.generic) options.unshift('GENERIC_PLAN')
  const text = `EXPLAIN (${options.join(', ')}) ${explainableSql(sql)}`
  // A second statement after the first would run un-explained (in validate, which must change nothing).
  // The extended protocol refuses one; a generic plan binds no values, so it needs the simple protocol
  // and the parser's word that there is one statement (a syntax error anywhere runs nothing either way).
  if (opts.generic) await refuseMultipleStatements(sql)
  const res = opts.generic
    ? await client.query(text)
    : await client.query(extendedQuery(text, params))
  const doc = parseExplainRow(res.rows[0])
  const plan = doc.Plan as PlanNode
  return {
    plan,
    totalCost: Number(plan['Total Cost'] ?? 0),
    executionTimeMs: typeof doc['Execution Time'] === 'number' ? doc['Execution Time'] : undefined,
    planningTimeMs: typeof doc['Planning Time'] === 'number' ? doc['Planning Time'] : undefined,
    indexes: indexesUsed(plan)
  }
}

async function refuseMultipleStatements(sql: string): Promise<void> {
  await loadParser()
  const parsed = parseSql(sql)
  if (!parsed.error && parsed.statements.length > 1) {
    throw new Error(
      `EXPLAIN takes one statement; the text has ${parsed.statements.length}: ${explainableSql(sql).slice(0, 80)}`
    )
  }
}

/** node-postgres returns the json column parsed (or as text on some setups). */
function parseExplainRow(row: Record<string, unknown> | undefined): Record<string, unknown> {
  const value = row ? row['QUERY PLAN'] : undefined
  const parsed = typeof value === 'string' ? JSON.parse(value) : value
  if (!Array.isArray(parsed) || !parsed[0]?.Plan) throw new Error('EXPLAIN returned no JSON plan')
  return parsed[0] as Record<string, unknown>
}

function visit(node: PlanNode | undefined, fn: (n: PlanNode) => void): void {
  if (!node || typeof node !== 'object') return
  fn(node)
  for (const child of node.Plans ?? []) visit(child, fn)
}

/** Names of every index an Index Scan, Index Only Scan or Bitmap Index Scan in the tree uses, sorted. */
export function indexesUsed(plan: PlanNode): string[] {
  const out = new Set<string>()
  visit(plan, n => {
    if (INDEX_NODES.has(n['Node Type']) && typeof n['Index Name'] === 'string')
      out.add(n['Index Name'])
  })
  return [...out].sort()
}

/** Relations the plan reads through an index (to tell "index swapped" from "index lost"). */
export function indexedRelations(plan: PlanNode): string[] {
  const out = new Set<string>()
  visit(plan, n => {
    if (INDEXED_READS.has(n['Node Type']) && typeof n['Relation Name'] === 'string')
      out.add(n['Relation Name'])
  })
  return [...out].sort()
}

/** server_version_num, e.g. 170004. */
export async function serverVersionNum(client: Queryable): Promise<number> {
  const res = await client.query('SHOW server_version_num')
  return Number(res.rows[0].server_version_num)
}
