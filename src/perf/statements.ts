/**
 * The heaviest statements in pg_stat_statements that touch given tables. The extension has to be created in
 * the database (preloading alone is not enough); when it is not, callers get `available: false` and a note.
 */
import type pg from 'pg'
import { quoteIdent } from '../db/connect.js'
import { loadParser, parseSql, relationsOf } from '../sql/parser.js'

type Queryable = Pick<pg.Client, 'query'>

export interface TopStatement {
  queryid: string
  query: string
  calls: number
  totalExecMs: number
  meanExecMs: number
  rows: number
  /** Which of the requested tables it touches (schema.table). */
  tables: string[]
}

export interface TopStatements {
  available: boolean
  note?: string
  statements: TopStatement[]
}

/** Statements EXPLAIN accepts; DDL and utility commands in pg_stat_statements are left out. */
const DML_KINDS = new Set(['SelectStmt', 'InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt'])
const DML_START = /^\s*(select|insert|update|delete|merge|with|values|table)\b/i

/**
 * Tables a DML statement touches, from the real parser; a plain word match when the text does not parse.
 * Other statements (DDL, ANALYZE, utility) touch nothing here: they are not application queries.
 */
export function tablesInStatement(query: string, wanted: string[]): string[] {
  const parsed = parseSql(query)
  if (!parsed.error) {
    if (parsed.statements.length !== 1 || !DML_KINDS.has(parsed.statements[0].kind)) return []
    const rels = new Set(relationsOf(parsed.statements[0].ast))
    return wanted.filter(t => rels.has(t))
  }
  if (!DML_START.test(query)) return []
  const lower = query.toLowerCase()
  return wanted.filter(t => {
    const bare = t.slice(t.indexOf('.') + 1).toLowerCase()
    return new RegExp(`(^|[^a-z0-9_$])"?${bare.replace(/[^a-z0-9_]/g, '')}"?($|[^a-z0-9_$])`).test(
      lower
    )
  })
}

/**
 * Up to `limit` statements of this database by total execution time that touch one of `tables`.
 * EXPLAINs and the catalogue reads of this tool are left out.
 */
export async function topStatements(
  client: Queryable,
  tables: string[],
  limit = 10
): Promise<TopStatements> {
  const ext = await client.query(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
      WHERE e.extname = 'pg_stat_statements'`
  )
  if (ext.rowCount === 0) {
    return {
      available: false,
      note: 'pg_stat_statements is not installed in this database (CREATE EXTENSION pg_stat_statements); top statements skipped',
      statements: []
    }
  }
  if (tables.length === 0) {
    return {
      available: true,
      note: 'the pending migrations touch no tables; no statements to list',
      statements: []
    }
  }
  await loadParser()
  const view = `${quoteIdent(ext.rows[0].schema)}.pg_stat_statements`
  let res: pg.QueryResult
  try {
    // Read more than `limit`: most rows are about other tables and get filtered out below.
    res = await client.query(
      `SELECT queryid::text AS queryid, query, calls, total_exec_time, mean_exec_time, rows
         FROM ${view}
        WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND query !~* '^\\s*(explain|begin|commit|rollback|set|show|select set_config)\\M'
          AND query !~* 'pg_stat_statements|pg_catalog\\.|information_schema\\.'
        ORDER BY total_exec_time DESC
        LIMIT 500`
    )
  } catch (e) {
    const err = e as Error & { code?: string }
    // 55000: "pg_stat_statements must be loaded via shared_preload_libraries"
    return {
      available: false,
      note: `pg_stat_statements cannot be read: ${err.message}${err.code ? ` (SQLSTATE ${err.code})` : ''}`,
      statements: []
    }
  }
  const statements: TopStatement[] = []
  for (const r of res.rows) {
    const touched = tablesInStatement(r.query, tables)
    if (touched.length === 0) continue
    statements.push({
      queryid: r.queryid,
      query: r.query,
      calls: Number(r.calls),
      totalExecMs: Number(r.total_exec_time),
      meanExecMs: Number(r.mean_exec_time),
      rows: Number(r.rows),
      tables: touched
    })
    if (statements.length >= limit) break
  }
  return { available: true, statements }
}
