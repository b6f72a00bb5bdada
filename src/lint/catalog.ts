/**
 * What the rules may know of the target's catalog: the tables that exist (and which have a policy) and the
 * volatility of its functions.
 * Either may be unreadable (permissions): the rules then fall back to their offline assumptions, and the
 * warning says which.
 */
import type pg from 'pg'
import { catalogVolatility, type Volatility } from './volatility.js'

export interface LintCatalog {
  /** schema.table of every table, partitioned table, materialized view and foreign table. */
  existingTables?: Set<string>
  /** schema.table of every table with at least one row level security policy (rls-without-policy). */
  policyTables?: Set<string>
  functionVolatility?: Map<string, Volatility>
  /** One line per part that could not be read, and what the rules assume instead. */
  warnings: string[]
}

async function existingTablesOf(
  client: Pick<pg.Client, 'query'>
): Promise<{ tables: Set<string>; withPolicies: Set<string> }> {
  const { rows } = await client.query<{ name: string; policied: boolean }>(
    `SELECT n.nspname || '.' || c.relname AS name,
            EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS policied
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm', 'f')`
  )
  return {
    tables: new Set(rows.map(r => r.name)),
    withPolicies: new Set(rows.filter(r => r.policied).map(r => r.name))
  }
}

/** The catalog's facts; `functionNames`: only these functions' volatility is read (see functionNamesIn). */
export async function readLintCatalog(
  client: pg.Client,
  functionNames?: readonly string[]
): Promise<LintCatalog> {
  const catalog: LintCatalog = { warnings: [] }
  try {
    const found = await existingTablesOf(client)
    catalog.existingTables = found.tables
    catalog.policyTables = found.withPolicies
  } catch (e) {
    catalog.warnings.push(
      `could not read the table list (${(e as Error).message}); every table not created in the change counts as existing`
    )
  }
  try {
    catalog.functionVolatility = await catalogVolatility(client, functionNames)
  } catch (e) {
    catalog.warnings.push(
      `could not read function volatility from pg_proc (${(e as Error).message}); functions outside the built-in list count as volatile`
    )
  }
  return catalog
}
