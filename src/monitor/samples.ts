/**
 * migration_runbook.monitor_samples (DDL in plan/history.ts): what each scheduled run measured, so the
 * next run can chart the whole window and compare with the previous interval.
 */
import type pg from 'pg'
import type { MonitorSeries } from '../types.js'

type Queryable = Pick<pg.Client, 'query'>

export interface StoredSample {
  run: string
  environment: string
  migration: string
  check: string
  value: number | null
  threshold: number | null
  unit: string
  breached: boolean
  error?: string
  since: Date
  takenAt: Date
}

export async function insertSamples(client: Queryable, rows: StoredSample[]): Promise<void> {
  if (rows.length === 0) return
  await client.query(
    `INSERT INTO migration_runbook.monitor_samples
       (run, environment, migration, "check", value, threshold, unit, breached, error, since, taken_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[], $6::float8[],
                          $7::text[], $8::bool[], $9::text[], $10::timestamptz[], $11::timestamptz[])`,
    [
      rows.map(r => r.run),
      rows.map(r => r.environment),
      rows.map(r => r.migration),
      rows.map(r => r.check),
      rows.map(r => r.value),
      rows.map(r => r.threshold),
      rows.map(r => r.unit),
      rows.map(r => r.breached),
      rows.map(r => r.error ?? null),
      rows.map(r => r.since),
      rows.map(r => r.takenAt)
    ]
  )
}

/** The environment's latest sample of each check (any deploy): the previous interval. */
export async function previousSamples(
  client: Queryable,
  environment: string
): Promise<Map<string, { value: number | null; since: Date; takenAt: Date }>> {
  const res = await client.query(
    `SELECT DISTINCT ON ("check") "check", value, since, taken_at
       FROM migration_runbook.monitor_samples
      WHERE environment = $1
      ORDER BY "check", taken_at DESC, id DESC`,
    [environment]
  )
  return new Map(
    res.rows.map(r => [
      String(r.check),
      {
        value: r.value === null ? null : Number(r.value),
        since: new Date(r.since),
        takenAt: new Date(r.taken_at)
      }
    ])
  )
}

/** Every sample of one deploy, one series per check in `order` (the runbook's order), oldest first. */
export async function readDeploySeries(
  client: Queryable,
  environment: string,
  migration: string,
  order: string[]
): Promise<MonitorSeries[]> {
  const res = await client.query(
    `SELECT "check", value, threshold, unit, breached, taken_at
       FROM migration_runbook.monitor_samples
      WHERE environment = $1 AND migration = $2
      ORDER BY taken_at, id`,
    [environment, migration]
  )
  const byCheck = new Map<string, MonitorSeries>()
  for (const r of res.rows) {
    const name = String(r.check)
    let s = byCheck.get(name)
    if (!s) {
      s = { name, unit: String(r.unit), points: [], breached: false }
      byCheck.set(name, s)
    }
    s.points.push({
      at: new Date(r.taken_at).toISOString(),
      value: r.value === null ? null : Number(r.value)
    })
    // The latest threshold is the one drawn (a spike limit moves with the data).
    if (r.threshold !== null) s.max = Number(r.threshold)
    if (r.breached) s.breached = true
  }
  const rank = (n: string) => (order.includes(n) ? order.indexOf(n) : order.length)
  return [...byCheck.values()].sort((a, b) => rank(a.name) - rank(b.name))
}
