/**
 * Load time of the demo data generator on the baseline schema and on the migrated one.
 *
 *   node --import tsx examples/capacity/bench/generate.ts [allocations]   (default 100000; env BENCH_ROWS too)
 */
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { startEmbeddedPostgres } from '../../../src/embedded/server.js'
import { generateCapacityData } from '../src/generate.js'
import { intArg } from '../../../bench/args.js'

const MIGRATIONS = {
  baseline: ['../../../migrations/20251101000000_capacity_baseline.sql'],
  migrated: [
    '../../../migrations/20251101000000_capacity_baseline.sql',
    '../../../migrations/20251113203000_capacity_overlap_and_confirm_cache.sql'
  ]
}

async function main(): Promise<void> {
  const rows = intArg(2, 'BENCH_ROWS', '100000', 1000)
  const tablesPerRestaurant = 20
  const windowsPerTable = 50
  const restaurants = Math.ceil(rows / (tablesPerRestaurant * windowsPerTable))
  const server = await startEmbeddedPostgres()
  try {
    for (const [schema, files] of Object.entries(MIGRATIONS)) {
      const client = new pg.Client({
        connectionString: await server.createDatabase(`bench_${schema}`)
      })
      await client.connect()
      for (const file of files) {
        await client.query('BEGIN')
        await client.query(readFileSync(new URL(file, import.meta.url), 'utf8'))
        await client.query('COMMIT')
      }
      const started = process.hrtime.bigint()
      const steps: string[] = []
      const loaded = await generateCapacityData(
        client,
        { restaurants, tablesPerRestaurant, windowsPerTable },
        { onStep: (step, ms) => steps.push(`${step} ${(ms / 1000).toFixed(1)} s`) }
      )
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      console.log(
        `${schema.padEnd(9)} ${loaded.allocations} allocations (${loaded.restaurants} restaurants, ${loaded.tables} tables) in ${seconds.toFixed(1)} s = ${Math.round(loaded.allocations / seconds)} rows/s`
      )
      console.log(`          ${steps.join('; ')}`)
      await client.end()
    }
  } finally {
    await server.stop()
  }
}

await main()
