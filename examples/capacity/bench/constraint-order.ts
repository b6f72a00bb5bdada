/**
 * How long ADD CONSTRAINT allocations_no_overlap holds ACCESS EXCLUSIVE on allocations, per column
 * order of the exclusion constraint (the gist build is the whole lock time).
 *
 *   node --import tsx examples/capacity/bench/constraint-order.ts [allocations]   (default 100000; env BENCH_ROWS too)
 *
 * Each build runs in a transaction that is rolled back, on the same loaded table, orders alternating.
 */
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { startEmbeddedPostgres } from '../../../src/embedded/server.js'
import { generateCapacityData } from '../src/generate.js'
import { intArg } from '../../../bench/args.js'

const ORDERS: Record<string, string> = {
  'resource_id first':
    'resource_id WITH =, restaurant_id WITH =, resource_type WITH =, "window" WITH &&',
  'restaurant_id first':
    'restaurant_id WITH =, resource_type WITH =, resource_id WITH =, "window" WITH &&',
  'old (resource_id, window)': 'resource_id WITH =, "window" WITH &&'
}
const ROUNDS = 2

async function applyFile(client: pg.Client, file: string): Promise<void> {
  await client.query('BEGIN')
  await client.query(readFileSync(new URL(file, import.meta.url), 'utf8'))
  await client.query('COMMIT')
}

async function buildMs(client: pg.Client, columns: string): Promise<number> {
  await client.query('BEGIN')
  try {
    await client.query('ALTER TABLE public.allocations DROP CONSTRAINT allocations_no_overlap')
    const started = process.hrtime.bigint()
    await client.query(
      `ALTER TABLE public.allocations ADD CONSTRAINT allocations_no_overlap
       EXCLUDE USING gist (${columns}) WHERE (NOT shadow) DEFERRABLE INITIALLY IMMEDIATE`
    )
    return Number(process.hrtime.bigint() - started) / 1e6
  } finally {
    await client.query('ROLLBACK')
  }
}

async function main(): Promise<void> {
  const rows = intArg(2, 'BENCH_ROWS', '100000', 1000)
  const tablesPerRestaurant = 20
  const windowsPerTable = 50
  const restaurants = Math.ceil(rows / (tablesPerRestaurant * windowsPerTable))
  const server = await startEmbeddedPostgres()
  try {
    const client = new pg.Client({ connectionString: await server.createDatabase('bench_order') })
    await client.connect()
    await applyFile(client, '../../../migrations/20251101000000_capacity_baseline.sql')
    // The old gist indexes are dropped for the load: only the data matters here.
    await client.query('ALTER TABLE public.allocations DROP CONSTRAINT allocations_no_overlap')
    await client.query('DROP INDEX public.allocations_resource_window_idx')
    await client.query(
      `ALTER TABLE public.allocations ADD CONSTRAINT allocations_no_overlap
       EXCLUDE USING gist (resource_id WITH =, "window" WITH &&) WHERE (false)`
    )
    const loaded = await generateCapacityData(client, {
      restaurants,
      tablesPerRestaurant,
      windowsPerTable
    })
    await client.query('VACUUM ANALYZE public.allocations')
    const settings = await client.query(
      "SELECT current_setting('server_version') AS version, current_setting('maintenance_work_mem') AS mwm"
    )
    console.log(
      `allocations: ${loaded.allocations} (${restaurants} restaurants × ${tablesPerRestaurant} tables × ${windowsPerTable} windows)`
    )
    console.log(
      `postgres ${settings.rows[0].version}, maintenance_work_mem ${settings.rows[0].mwm}`
    )
    const times = new Map<string, number[]>(Object.keys(ORDERS).map(k => [k, []]))
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, columns] of Object.entries(ORDERS)) {
        times.get(name)?.push(await buildMs(client, columns))
      }
    }
    for (const [name, ms] of times) {
      const best = Math.min(...ms)
      console.log(
        `${name.padEnd(28)} best ${(best / 1000).toFixed(1)} s  runs ${ms.map(m => (m / 1000).toFixed(1)).join(', ')} s`
      )
    }
    await client.end()
  } finally {
    await server.stop()
  }
}

await main()
