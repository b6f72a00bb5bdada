/**
 * The `conflicts` exclusion check on N allocations (BENCH_ROWS, default 200,000) with 1,000 windows per
 * resource: the sort-based sweep vs the runbook's self-join, measured in the same run on the same table.
 *   node --import tsx bench/conflicts.ts            # 200k rows
 *   BENCH_ROWS=1000000 node --import tsx bench/conflicts.ts
 * Uses BENCH_DATABASE_URL when set, else a throwaway embedded Postgres.
 */
import pg from 'pg'
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/embedded/server.js'
import { loadDeparser, loadParser } from '../src/sql/parser.js'
import { deriveConflictQueries, runConflictChecks } from '../src/conflicts/index.js'

const WINDOWS_PER_RESOURCE = 1000

function rowsFromEnv(): number {
  const raw = process.env.BENCH_ROWS ?? process.argv[2] ?? '200000'
  const n = Number(raw)
  if (!Number.isInteger(n) || n < WINDOWS_PER_RESOURCE) {
    throw new Error(
      `BENCH_ROWS is "${raw}"; allowed: a whole number of at least ${WINDOWS_PER_RESOURCE}`
    )
  }
  return n
}

async function main(): Promise<void> {
  const rows = rowsFromEnv()
  let server: EmbeddedServer | undefined
  let url = process.env.BENCH_DATABASE_URL
  if (!url) {
    server = await startEmbeddedPostgres()
    url = await server.createDatabase('bench_conflicts')
  }
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await loadParser()
    await loadDeparser()
    const resources = Math.ceil(rows / WINDOWS_PER_RESOURCE)
    await client.query('DROP TABLE IF EXISTS bench_allocations')
    await client.query(`CREATE TABLE bench_allocations (
      id bigint PRIMARY KEY, restaurant_id uuid NOT NULL, resource_type text NOT NULL, resource_id uuid NOT NULL,
      "window" tstzrange NOT NULL, shadow bool NOT NULL DEFAULT false)`)
    // Back-to-back 30-minute '[)' windows per resource (touching, not overlapping), every 997th row moved
    // 10 minutes earlier to overlap its predecessor, every 50th row a shadow.
    let t = performance.now()
    await client.query(
      `INSERT INTO bench_allocations
       SELECT g, md5('r' || (g % $2))::uuid, 'table', md5('x' || (g % $2))::uuid,
              tstzrange(ts - CASE WHEN g % 997 = 0 THEN interval '10 minutes' ELSE interval '0' END, ts + interval '30 minutes'),
              g % 50 = 0
       FROM generate_series(1, $1::int) g,
            LATERAL (SELECT timestamptz '2025-01-01' + (g / $2) * interval '30 minutes' AS ts) s`,
      [rows, resources]
    )
    await client.query('ANALYZE bench_allocations')
    console.log(
      `table: ${rows} rows, ${resources} resources x ${WINDOWS_PER_RESOURCE} windows, filled in ${Math.round(performance.now() - t)} ms`
    )

    const derived = deriveConflictQueries(
      'bench.sql',
      'ALTER TABLE bench_allocations ADD CONSTRAINT no_overlap EXCLUDE USING gist (resource_id WITH =, "window" WITH &&) WHERE (NOT shadow);'
    )
    t = performance.now()
    const [report] = await runConflictChecks(client, derived, { timeoutMs: 3_600_000, sample: 20 })
    const sweepMs = performance.now() - t
    if (report.error) throw new Error(`sweep failed: ${report.error}`)

    t = performance.now()
    const selfJoin =
      await client.query(`SELECT count(*)::bigint AS pairs, count(DISTINCT b.id)::bigint AS rows
      FROM bench_allocations a JOIN bench_allocations b
        ON a.resource_id = b.resource_id AND a.id < b.id AND a."window" && b."window"
     WHERE NOT a.shadow AND NOT b.shadow`)
    const joinMs = performance.now() - t

    console.log(
      `sweep (conflicts check):  ${sweepMs.toFixed(0)} ms, ${report.count} rows overlapping an earlier row`
    )
    console.log(
      `self-join (runbook):      ${joinMs.toFixed(0)} ms, ${selfJoin.rows[0].pairs} overlapping pairs`
    )
    console.log(`ratio self-join / sweep:  ${(joinMs / sweepMs).toFixed(1)}x`)
  } finally {
    await client.end()
    await server?.stop()
  }
}

main().catch(e => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
