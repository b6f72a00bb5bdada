/**
 * The lock forecast against the real lock: for each size, the capacity migration is rehearsed as validate does
 * on a production-marked environment (shadow copy of allocations, a TABLESAMPLE of `fraction` of it when the
 * table has more rows than `limit`), then applied for real and committed. Prints, for ADD CONSTRAINT
 * allocations_no_overlap (the gist build under ACCESS EXCLUSIVE): measured on the shadow, the forecast, the
 * real statement's time, the error, and how long the real apply held ACCESS EXCLUSIVE on allocations.
 *
 *   node --import tsx bench/forecast.ts [--sizes 100000,300000,1000000] [--fraction 0.1] [--limit 100000]
 *   (env BENCH_SIZES, BENCH_SAMPLE_FRACTION, BENCH_SHADOW_LIMIT too)
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres } from '../src/embedded/server.js'
import { generateCapacityData } from '../examples/capacity/src/generate.js'
import { rehearseFiles } from '../src/rehearse/engine.js'
import { resolveRehearsal } from '../src/config/rehearsal-settings.js'
import { Logger } from '../src/report/logger.js'
import { Redactor } from '../src/report/redact.js'
import { loadParser, parseSql, type AstNode } from '../src/sql/parser.js'
import { statementLocks } from '../src/lint/locks.js'
import type { LockForecast } from '../src/rehearse/forecast.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BASELINE = 'migrations/20251101000000_capacity_baseline.sql'
const MIGRATION = 'migrations/20251113203000_capacity_overlap_and_confirm_cache.sql'

/** ADD CONSTRAINT allocations_no_overlap, found by the parser. */
function isTarget(ast: AstNode): boolean {
  return (ast.AlterTableStmt?.cmds ?? []).some(
    (c: AstNode) =>
      c.AlterTableCmd?.subtype === 'AT_AddConstraint' &&
      c.AlterTableCmd.def?.Constraint?.conname === 'allocations_no_overlap'
  )
}

function option(name: string, env: string, fallback: string): string {
  const argv = process.argv.slice(2)
  const i = argv.indexOf(`--${name}`)
  return (i >= 0 ? argv[i + 1] : undefined) ?? process.env[env] ?? fallback
}

function parseOptions() {
  const sizesRaw = option('sizes', 'BENCH_SIZES', '100000,300000,1000000')
  const sizes = sizesRaw.split(',').map(Number)
  if (sizes.some(n => !Number.isInteger(n) || n < 1000))
    throw new Error(`--sizes is "${sizesRaw}"; allowed: comma-separated whole numbers ≥ 1000`)
  const fractionRaw = option('fraction', 'BENCH_SAMPLE_FRACTION', '0.1')
  const fraction = Number(fractionRaw)
  if (!(fraction > 0 && fraction <= 1))
    throw new Error(`--fraction is "${fractionRaw}"; allowed: a number above 0 and at most 1`)
  const limitRaw = option('limit', 'BENCH_SHADOW_LIMIT', '100000')
  const limit = Number(limitRaw)
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`--limit is "${limitRaw}"; allowed: a whole number ≥ 1`)
  return { sizes, fraction, limit }
}

const sqlFile = (file: string) => {
  const full = path.join(ROOT, file)
  return { file, path: full, sql: readFileSync(full, 'utf8'), checksum: '' }
}

/** The real apply, statement by statement in one committed transaction: the statement's time and the lock's. */
async function realApply(client: pg.Client): Promise<{ statementMs: number; lockHeldMs: number }> {
  const { statements } = parseSql(sqlFile(MIGRATION).sql)
  let statementMs = NaN
  let lockedAt: number | undefined
  await client.query('BEGIN')
  for (const s of statements) {
    const t0 = performance.now()
    await client.query(s.text)
    const t1 = performance.now()
    if (isTarget(s.ast)) statementMs = t1 - t0
    // The first statement on allocations (DROP CONSTRAINT) takes ACCESS EXCLUSIVE until COMMIT.
    const locksAllocations = statementLocks(s.ast).some(
      l => l.table === 'public.allocations' && l.lock === 'AccessExclusiveLock'
    )
    if (lockedAt === undefined && locksAllocations) lockedAt = t0
  }
  await client.query('COMMIT')
  return { statementMs, lockHeldMs: performance.now() - (lockedAt ?? 0) }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function main(): Promise<void> {
  const { sizes, fraction, limit } = parseOptions()
  await loadParser()
  const server = await startEmbeddedPostgres()
  try {
    for (const size of sizes) {
      const client = new pg.Client({
        connectionString: await server.createDatabase(`bench_forecast_${size}`)
      })
      await client.connect()
      await client.query('BEGIN')
      await client.query(sqlFile(BASELINE).sql)
      await client.query('COMMIT')
      const restaurants = Math.ceil(size / 1000)
      const loaded = await generateCapacityData(client, {
        restaurants,
        tablesPerRestaurant: 20,
        windowsPerTable: 50
      })
      await client.query('ANALYZE')
      // As validate on production: the shadow holds all rows up to the limit, else a sample of `fraction`.
      const maxRows = loaded.allocations > limit ? Math.ceil(loaded.allocations * fraction) : limit
      const settings = { ...resolveRehearsal({}, true), shadowMaxRows: maxRows }
      const lines: string[] = []
      const log = new Logger(new Redactor(), (_level, line) => lines.push(line))
      const [result] = await rehearseFiles(
        client,
        [{ version: '20251113203000', file: sqlFile(MIGRATION) }],
        {
          lockBudgetMs: 3_600_000,
          lockTimeoutMs: 5_000,
          log,
          forecast: {
            settings,
            envName: 'bench',
            forecastFor: 'bench',
            budgetMs: 30_000,
            forecastBudgetMs: 30_000,
            copyTimeoutMs: 3_600_000
          }
        }
      )
      if (result.error) throw new Error(`rehearsal failed: ${result.error}`)
      const targetLine = parseSql(sqlFile(MIGRATION).sql).statements.find(x =>
        isTarget(x.ast)
      )?.line
      const f = (result.forecasts ?? []).find((x: LockForecast) => x.line === targetLine)
      if (!f) throw new Error(`no forecast for ADD CONSTRAINT allocations_no_overlap`)
      const copy = lines.find(l => l.includes('shadow: public.allocations')) ?? ''
      const real = await realApply(client)
      const error = (100 * (f.forecastMs - real.statementMs)) / real.statementMs
      const line = `forecast ${String(size).padStart(8)} rows: shadow ${f.rehearsedRows} rows${f.sampled ? ' (sample)' : ''} measured ${s(f.measuredMs)}, forecast ${s(f.forecastMs)} (${f.model}), real ${s(real.statementMs)} (ACCESS EXCLUSIVE held ${s(real.lockHeldMs)} by the apply), error ${error >= 0 ? '+' : ''}${error.toFixed(1)}%`
      console.log(line)
      console.log(`  ${copy.replace(/^.*?shadow:/, 'shadow:')}`)
      await client.end()
    }
  } finally {
    await server.stop()
  }
  console.log(`\nsample: ${fraction * 100}% when the table has more than ${limit} rows`)
}

await main()
