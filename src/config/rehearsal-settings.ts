/**
 * runbook.yml keys of the shadow rehearsal and the lock forecast (issue 11 §1):
 *
 *   rehearsal: shadow | live        # default: shadow where production is true, live elsewhere
 *   shadow-max-rows: 2000000        # a larger table is rehearsed on a TABLESAMPLE of about this many rows
 *   table-rows: { public.allocations: 1000000 }       # what this environment's tables hold (known sizes)
 *   forecast:                       # forecast the lock for other row counts than this database's
 *     rows-from: production         #   another environment's table-rows, or
 *     rows: { public.allocations: 1000000 }           #   counts named here, or
 *     table-sizes: evidence/table-sizes.json          #   a production run's table-sizes result (report JSON)
 */
import { existsSync, readFileSync } from 'node:fs'
import nodePath from 'node:path'
import { nonEmpty } from './zod.js'
import * as z from 'zod/mini'
import { ConfigError } from './errors.js'

export const DEFAULT_SHADOW_MAX_ROWS = 2_000_000
const MAX_ROWS_LIMIT = 1_000_000_000

/** schema.table or table (taken as public.table); identifiers as PostgreSQL folds them, unquoted. */
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_$]*(\.[A-Za-z_][A-Za-z0-9_$]*)?$/

/** { schema.table: rows }; keys are checked here so the message names the key (zod's says "Invalid key"). */
const rowCounts = z
  .record(
    z.string(),
    z
      .number({ error: 'is not a row count; allowed: a whole number ≥ 0' })
      .check(
        z.int('is not a whole number; allowed: a whole number ≥ 0'),
        z.gte(0, 'is negative; allowed: a whole number ≥ 0')
      )
  )
  .check(
    z.superRefine((rows, ctx) => {
      for (const key of Object.keys(rows))
        if (!TABLE_NAME.test(key))
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `is not a table name; allowed: schema.table or table`
          })
    })
  )

const forecastSchema = z
  .strictObject({
    'rows-from': z.optional(nonEmpty()),
    rows: z.optional(rowCounts),
    'table-sizes': z.optional(nonEmpty())
  })
  .check(
    z.refine(
      f => [f['rows-from'], f.rows, f['table-sizes']].filter(v => v !== undefined).length === 1,
      {
        message: 'names no or several sources; allowed: exactly one of rows-from, rows, table-sizes'
      }
    )
  )

/** Spread into the environment schema of policy.ts. */
export const rehearsalFields = {
  rehearsal: z.optional(
    z.enum(['shadow', 'live'], {
      error: issue =>
        `is ${JSON.stringify(issue.input)}; allowed: shadow (rehearse locking statements on a copy) or live`
    })
  ),
  'shadow-max-rows': z.optional(
    z
      .number({ error: 'is not a row count; allowed: a whole number from 1 to 1000000000' })
      .check(
        z.int('is not a whole number; allowed: a whole number from 1 to 1000000000'),
        z.gte(1, 'is below 1; allowed: a whole number from 1 to 1000000000'),
        z.lte(MAX_ROWS_LIMIT, 'is above 1000000000; allowed: a whole number from 1 to 1000000000')
      )
  ),
  'table-rows': z.optional(rowCounts),
  forecast: z.optional(forecastSchema)
}

export interface RehearsalSettings {
  /** shadow: statements locking an existing table more than ROW EXCLUSIVE run on a copy of it. */
  mode: 'shadow' | 'live'
  shadowMaxRows: number
  /** This environment's known row counts (runbook.yml table-rows), for other environments' rows-from. */
  tableRows?: Record<string, number>
  /** Row counts the lock forecast is made for instead of this database's, and where they come from. */
  forecast?: { rows: Record<string, number>; source: string }
  /** Unresolved until linkForecastSources: the environment named by forecast.rows-from. */
  rowsFrom?: string
  /** Unresolved until linkForecastSources: forecast.table-sizes (relative to the policy file). */
  tableSizesFile?: string
}

interface RawRehearsal {
  rehearsal?: 'shadow' | 'live'
  'shadow-max-rows'?: number
  'table-rows'?: Record<string, number>
  forecast?: z.infer<typeof forecastSchema>
}

/** 'allocations' -> 'public.allocations', as the lint module names tables. */
export function qualifyTable(name: string): string {
  return name.includes('.') ? name : `public.${name}`
}

function qualifyAll(rows: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(rows).map(([t, n]) => [qualifyTable(t), n]))
}

/**
 * Row counts from a table-sizes result: a run's report JSON (checks[].id = 'table-sizes'), the check itself
 * ({ details: { tables } }) or its tables array. Only counted or estimated rows are taken.
 */
export function rowsFromTableSizes(json: unknown): Record<string, number> | undefined {
  const j = json as Record<string, unknown> | unknown[] | null
  let tables: unknown
  if (Array.isArray(j)) tables = j
  else if (j && Array.isArray((j as { checks?: unknown }).checks)) {
    const check = (
      (j as { checks: { id?: string; details?: { tables?: unknown } }[] }).checks ?? []
    ).find(c => c.id === 'table-sizes')
    tables = check?.details?.tables
  } else if (j && typeof j === 'object')
    tables = (j as { details?: { tables?: unknown } }).details?.tables
  if (!Array.isArray(tables)) return undefined
  const out: Record<string, number> = {}
  for (const t of tables as { table?: unknown; rows?: unknown; exists?: unknown }[]) {
    if (typeof t?.table === 'string' && typeof t.rows === 'number' && t.exists !== false)
      out[qualifyTable(t.table)] = t.rows
  }
  return out
}

function readTableSizesFile(file: string, envName: string, policyPath: string) {
  const where = `${policyPath}: invalid runbook policy:\n  environments.${envName}.forecast.table-sizes`
  const full = nodePath.resolve(nodePath.dirname(policyPath), file)
  if (!existsSync(full))
    throw new ConfigError(
      `${where}: is "${file}", which does not exist (paths are relative to the policy file); allowed: a table-sizes result (report JSON of a production run)`
    )
  let json: unknown
  try {
    json = JSON.parse(readFileSync(full, 'utf8'))
  } catch (e) {
    throw new ConfigError(`${where}: "${file}" is not JSON (${(e as Error).message})`)
  }
  const rows = rowsFromTableSizes(json)
  if (!rows)
    throw new ConfigError(
      `${where}: "${file}" holds no table-sizes result; allowed: a run's report JSON with a table-sizes check, or that check's details`
    )
  return rows
}

/** The settings of one environment (defaults merged in); production environments rehearse on a shadow. */
export function resolveRehearsal(
  e: RawRehearsal,
  production: boolean,
  envName = ''
): RehearsalSettings {
  const rows = e.forecast?.rows
  return {
    mode: e.rehearsal ?? (production ? 'shadow' : 'live'),
    shadowMaxRows: e['shadow-max-rows'] ?? DEFAULT_SHADOW_MAX_ROWS,
    tableRows: e['table-rows'] ? qualifyAll(e['table-rows']) : undefined,
    forecast: rows
      ? {
          rows: qualifyAll(rows),
          source: `row counts named in runbook.yml (environments.${envName}.forecast.rows)`
        }
      : undefined,
    rowsFrom: e.forecast?.['rows-from'],
    tableSizesFile: e.forecast?.['table-sizes']
  }
}

/** Resolves forecast.rows-from against the other environments' table-rows; a ConfigError names the gap. */
export function linkForecastSources(
  environments: Record<string, { rehearsal?: RehearsalSettings }>,
  policyPath: string
): void {
  for (const [name, env] of Object.entries(environments)) {
    const file = env.rehearsal?.tableSizesFile
    if (file && env.rehearsal)
      env.rehearsal.forecast = {
        rows: readTableSizesFile(file, name, policyPath),
        source: `the table-sizes result in ${file} (another run's evidence, named in runbook.yml)`
      }
    const from = env.rehearsal?.rowsFrom
    if (!from || !env.rehearsal) continue
    const where = `${policyPath}: invalid runbook policy:\n  environments.${name}.forecast.rows-from`
    const source = environments[from]
    if (!source)
      throw new ConfigError(
        `${where}: is "${from}", which is not an environment; allowed: ${Object.keys(environments).join(', ')}`
      )
    if (!source.rehearsal?.tableRows)
      throw new ConfigError(
        `${where}: is "${from}", which names no table-rows; allowed: an environment with table-rows: { schema.table: rows }`
      )
    env.rehearsal.forecast = {
      rows: source.rehearsal.tableRows,
      source: `${from}'s row counts named in runbook.yml (environments.${from}.table-rows)`
    }
  }
}

/** The settings of an environment built without them (older callers, tests): live unless production. */
export function rehearsalSettingsOf(env: {
  production: boolean
  rehearsal?: RehearsalSettings
}): RehearsalSettings {
  return env.rehearsal ?? resolveRehearsal({}, env.production)
}
