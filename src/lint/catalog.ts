/**
 * What the rules may know of the target's catalog: the tables that exist (and which have a policy, and which
 * foreign keys) and the volatility of its functions.
 * Either may be unreadable (permissions): the rules then fall back to their offline assumptions, and the
 * warning says which.
 */
import type pg from 'pg'
import { catalogVolatility, type Volatility } from './volatility.js'
import type { ForeignKey } from './locks.js'

export interface LintCatalog {
  /** schema.table of every table, partitioned table, materialized view and foreign table. */
  existingTables?: Set<string>
  /** schema.table of every table with at least one row level security policy (rls-without-policy). */
  policyTables?: Set<string>
  /** The foreign keys of those tables: dropping one locks the referenced table too (the lock table). */
  foreignKeys?: ForeignKey[]
  functionVolatility?: Map<string, Volatility>
  /** One line per part that could not be read, and what the rules assume instead. */
  warnings: string[]
}

interface TableRow {
  name: string
  policied: boolean
  /** Its foreign keys (json: pg parses it); null when it has none. */
  fks: { name: string; references: string; columns: string[] }[] | null
}

async function existingTablesOf(
  client: Pick<pg.Client, 'query'>
): Promise<{ tables: Set<string>; withPolicies: Set<string>; foreignKeys: ForeignKey[] }> {
  // One query, as before the foreign keys were read: a far database pays a round trip per query.
  const { rows } = await client.query<TableRow>(
    `SELECT n.nspname || '.' || c.relname AS name,
            EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid) AS policied,
            (SELECT json_agg(json_build_object(
                      'name', k.conname,
                      'references', rn.nspname || '.' || r.relname,
                      'columns', ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY AS u(attnum, i)
                                         JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.attnum
                                        ORDER BY u.i)))
               FROM pg_constraint k
               JOIN pg_class r ON r.oid = k.confrelid
               JOIN pg_namespace rn ON rn.oid = r.relnamespace
              WHERE k.conrelid = c.oid AND k.contype = 'f') AS fks
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'm', 'f')`
  )
  return {
    tables: new Set(rows.map(r => r.name)),
    withPolicies: new Set(rows.filter(r => r.policied).map(r => r.name)),
    foreignKeys: rows.flatMap(r =>
      (r.fks ?? []).map(k => ({
        table: r.name,
        name: k.name,
        columns: k.columns,
        references: k.references
      }))
    )
  }
}

/** The target's foreign keys on their own (the rehearsal names what a lock timeout waited for with them). */
export async function readForeignKeys(client: Pick<pg.Client, 'query'>): Promise<ForeignKey[]> {
  return (await existingTablesOf(client)).foreignKeys
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
    catalog.foreignKeys = found.foreignKeys
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
