/**
 * The validate stage on a capacity database at the baseline schema with N allocations (BENCH_ROWS, default
 * 100,000), 1,000 windows per table: every validate check but the rehearsal, timed per check and in total
 * against the target "under 5 s at 1,000,000 allocations"; then the rehearsal alone; then the runbook's
 * self-join for the new exclusion constraint on the same table, for the "conflicts check ≥ 20× faster" claim.
 *
 *   node --import tsx bench/validate.ts                  # 100k allocations
 *   BENCH_ROWS=1000000 node --import tsx bench/validate.ts
 *   BENCH_CONFLICTS=N adds N overlapping live allocations (the generator then drops allocations_no_overlap:
 *   a database that lost its constraint; the conflicts check must fail, and the rehearsal with it).
 *   BENCH_SELF_JOIN=0 skips the self-join; BENCH_REHEARSAL=0 skips the rehearsal; BENCH_VERBOSE=1 prints
 *   the run log to stderr.
 *
 * Starts a throwaway embedded Postgres. The evidence files go to a temporary folder, removed at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/embedded/server.js'
import { generateCapacityData } from '../examples/capacity/src/generate.js'
import { applyMigrations } from '../src/apply/apply.js'
import { discoverMigrations } from '../src/plan/files.js'
import { buildPlan, type Plan } from '../src/plan/plan.js'
import { readHistory } from '../src/plan/history.js'
import { loadParser } from '../src/sql/parser.js'
import { environmentPolicy, loadPolicy } from '../src/config/policy.js'
import type { RunConfig } from '../src/config/inputs.js'
import { Logger } from '../src/report/logger.js'
import { Redactor } from '../src/report/redact.js'
import { EvidenceWriter } from '../src/report/evidence.js'
import { connect } from '../src/db/connect.js'
import { parseTarget } from '../src/db/target.js'
import { analysePending } from '../src/run.js'
import { VALIDATE_CHECKS } from '../src/stages/index.js'
import { runChecks } from '../src/stages/runner.js'
import type { CheckResult, StageContext } from '../src/types.js'
import { findCheck } from '../src/types.js'

const WINDOWS_PER_TABLE = 1000
const TABLES_PER_RESTAURANT = 20
const TARGET_ROWS = 1_000_000
const TARGET_MS = 5_000
const ENVIRONMENT = 'local'
const ROOT = fileURLToPath(new URL('..', import.meta.url))

function rowsFromEnv(): number {
  const raw = process.env.BENCH_ROWS ?? process.argv[2] ?? '100000'
  const n = Number(raw)
  if (!Number.isInteger(n) || n < WINDOWS_PER_TABLE || n > 10_000_000) {
    throw new Error(
      `BENCH_ROWS is "${raw}"; allowed: a whole number from ${WINDOWS_PER_TABLE} to 10000000`
    )
  }
  return n
}

function conflictsFromEnv(): number {
  const raw = process.env.BENCH_CONFLICTS ?? '0'
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) {
    throw new Error(`BENCH_CONFLICTS is "${raw}"; allowed: a whole number from 0 to 1000000`)
  }
  return n
}

function flag(name: string): boolean {
  const raw = process.env[name] ?? '1'
  if (raw !== '0' && raw !== '1') throw new Error(`${name} is "${raw}"; allowed: 0 or 1`)
  return raw === '1'
}

/** restaurants × tables per restaurant = rows / 1000 tables, rounded up to whole restaurants. */
function shape(rows: number): { restaurants: number; tablesPerRestaurant: number } {
  const tables = Math.ceil(rows / WINDOWS_PER_TABLE)
  const tablesPerRestaurant = Math.min(TABLES_PER_RESTAURANT, tables)
  return { restaurants: Math.ceil(tables / tablesPerRestaurant), tablesPerRestaurant }
}

const ms = (v: number) => `${Math.round(v)} ms`

function printResults(results: CheckResult[]): void {
  for (const r of results) {
    console.log(
      `  ${r.id.padEnd(18)} ${r.status.padEnd(4)} ${String(r.durationMs).padStart(7)} ms  ${r.summary}`
    )
  }
}

async function plan(client: pg.Client, config: RunConfig): Promise<Plan> {
  const migrations = discoverMigrations(config.migrationsDir, ROOT)
  const history = await readHistory(client)
  const first = buildPlan(config.migrationsDir, migrations, history)
  return buildPlan(config.migrationsDir, migrations, history, analysePending(first.pending))
}

async function main(): Promise<void> {
  const rows = rowsFromEnv()
  const conflictRows = conflictsFromEnv()
  const withSelfJoin = flag('BENCH_SELF_JOIN')
  const withRehearsal = flag('BENCH_REHEARSAL')
  const redactor = new Redactor()
  const log = new Logger(
    redactor,
    process.env.BENCH_VERBOSE === '1' ? (_level, line) => console.error(line) : undefined
  )
  const artifactsDir = mkdtempSync(path.join(os.tmpdir(), 'bench-validate-'))
  let server: EmbeddedServer | undefined
  let client: pg.Client | undefined
  try {
    server = await startEmbeddedPostgres()
    const url = await server.createDatabase('bench_validate')
    redactor.addDatabaseUrl(url)
    client = await connect({ url, redactor })
    await loadParser()

    const migrations = discoverMigrations('migrations', ROOT)
    let t = performance.now()
    await applyMigrations(client, 'migrations', migrations.slice(0, 1), {
      environment: ENVIRONMENT,
      runId: 'bench-validate',
      lockTimeoutMs: 5_000,
      statementTimeoutMs: 600_000,
      retries: 0,
      retryBackoffMs: 0,
      advisoryLockWaitMs: 5_000,
      allowOutOfOrder: false,
      log
    })
    console.log(`baseline ${migrations[0].file} applied in ${ms(performance.now() - t)}`)

    const { restaurants, tablesPerRestaurant } = shape(rows)
    t = performance.now()
    const loaded = await generateCapacityData(client, {
      restaurants,
      tablesPerRestaurant,
      windowsPerTable: WINDOWS_PER_TABLE,
      conflicts: conflictRows
    })
    await client.query('ANALYZE')
    console.log(
      `data: ${loaded.allocations} allocations (${loaded.restaurants} restaurants × ${tablesPerRestaurant} tables × ${WINDOWS_PER_TABLE} windows, ${loaded.conflicts} conflicts), loaded and analyzed in ${(
        (performance.now() - t) /
        1000
      ).toFixed(1)} s`
    )

    const config: RunConfig = {
      environment: ENVIRONMENT,
      stage: 'validate',
      databaseUrl: url,
      migrationsDir: 'migrations',
      configPath: path.join(ROOT, 'migrations', 'runbook.yml'),
      comment: 'never',
      artifactName: 'bench-validate',
      artifactsDir
    }
    const policy = loadPolicy(config.configPath)
    const ctx: StageContext = {
      config,
      policy,
      env: environmentPolicy(policy, ENVIRONMENT),
      plan: undefined as unknown as Plan,
      client,
      signal: new AbortController().signal,
      connect: () => connect({ url, redactor, applicationName: 'migration-runbook-probe' }),
      log,
      evidence: new EvidenceWriter(artifactsDir, ENVIRONMENT, redactor),
      redactor,
      facts: {
        runId: 'bench-validate',
        git: {},
        root: process.cwd(),
        tokens: {},
        target: parseTarget(url),
        throwaway: false,
        environ: process.env
      },
      shared: {},
      applied: []
    }

    // What runStage does before the checks (history + parse of the pending files) counts toward validate.
    const t0 = performance.now()
    ctx.plan = await plan(client, config)
    const planMs = performance.now() - t0
    const checks = VALIDATE_CHECKS.filter(c => c.id !== 'rehearsal')
    const results = await runChecks(ctx, checks)
    const totalMs = performance.now() - t0
    console.log(
      `validate without rehearsal (${ENVIRONMENT} policy, pending: ${ctx.plan.pending.map(m => m.version).join(', ')}):`
    )
    console.log(
      `  ${'plan'.padEnd(18)} ${''.padEnd(4)} ${String(Math.round(planMs)).padStart(7)} ms  history + parse`
    )
    printResults(results)
    const verdict = totalMs < TARGET_MS ? 'under' : 'OVER'
    console.log(
      `validate total (no rehearsal): ${ms(totalMs)} at ${loaded.allocations} allocations (${verdict} the 5 s target; the target is for ${TARGET_ROWS.toLocaleString('en')})`
    )

    const conflicts = findCheck(results, 'conflicts')
    if (withRehearsal) {
      const rehearsal = VALIDATE_CHECKS.filter(c => c.id === 'rehearsal')
      const t1 = performance.now()
      const rr = await runChecks(ctx, rehearsal)
      console.log('rehearsal alone:')
      printResults(rr)
      console.log(`rehearsal total: ${ms(performance.now() - t1)}`)
    }

    if (withSelfJoin && conflicts) {
      // The self-join a runbook would run for the new constraint (same keys, same predicate as the migration).
      const t2 = performance.now()
      const join = await client.query(`SELECT count(*)::bigint AS pairs
          FROM public.allocations a JOIN public.allocations b
            ON a.resource_id = b.resource_id AND a.restaurant_id = b.restaurant_id
           AND a.resource_type = b.resource_type AND a.id < b.id AND a."window" && b."window"
         WHERE NOT a.shadow AND NOT b.shadow`)
      const joinMs = performance.now() - t2
      console.log(
        `self-join (runbook) for the new constraint: ${ms(joinMs)}, ${join.rows[0].pairs} overlapping pairs`
      )
      console.log(
        `conflicts check: ${conflicts.durationMs} ms (${conflicts.status}); ratio self-join / conflicts check: ${(joinMs / Math.max(1, conflicts.durationMs)).toFixed(1)}x (target ≥ 20x)`
      )
    }
    // With planted conflicts the conflicts check is meant to fail; any other failure is the bench's failure.
    const failed = results.filter(
      r => r.status === 'fail' && !(r.id === 'conflicts' && conflictRows > 0)
    )
    if (failed.length > 0) {
      throw new Error(
        `validate checks failed: ${failed.map(r => `${r.id} (${r.summary})`).join('; ')}`
      )
    }
  } finally {
    await client?.end().catch(() => undefined)
    await server?.stop()
    rmSync(artifactsDir, { recursive: true, force: true })
  }
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
