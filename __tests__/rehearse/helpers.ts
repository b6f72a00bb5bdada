/**
 * A repository with the capacity baseline applied through the engine, demo allocations loaded, and the
 * overlap migration pending; validate runs through runStage, the door the CLI and the action share.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { generateCapacityData } from '../../examples/capacity/src/generate.js'
import { parseInputs } from '../../src/config/inputs.js'
import { Redactor } from '../../src/report/redact.js'
import { runStage } from '../../src/run.js'
import { findCheck, type CheckResult, type CheckId, type CheckResultOf } from '../../src/types.js'
import type { LockForecast } from '../../src/rehearse/forecast.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
export const BASELINE = '20251101000000_capacity_baseline.sql'
export const MIGRATION = '20251113203000_capacity_overlap_and_confirm_cache.sql'

export interface CapacityRepo {
  db: TestDatabase
  root: string
  migrations: string
  client: pg.Client
  allocations: number
  writePolicy: (yaml: string) => void
  validate: (env: string) => ReturnType<typeof runStage>
}

/** restaurants × 20 tables × 50 windows allocations; the baseline applied by the engine, the migration pending. */
export async function capacityRepo(prefix: string, restaurants: number): Promise<CapacityRepo> {
  const db = await createTestDatabase(prefix)
  const root = mkdtempSync(path.join(os.tmpdir(), `mr-${prefix}-`))
  const migrations = path.join(root, 'migrations')
  mkdirSync(migrations)
  copyFileSync(path.join(ROOT, 'migrations', BASELINE), path.join(migrations, BASELINE))
  const writePolicy = (yaml: string) => writeFileSync(path.join(migrations, 'runbook.yml'), yaml)
  writePolicy('version: 1\nenvironments:\n  staging: {}\n')
  const stage = (env: string, name: 'apply' | 'validate') =>
    runStage({
      config: parseInputs({ environment: env, stage: name, 'database-url': db.url }),
      redactor: new Redactor(),
      root,
      environ: process.env
    })
  const applied = await stage('staging', 'apply')
  if (applied.report.status === 'failed')
    throw new Error(`baseline apply failed: ${JSON.stringify(applied.report.checks)}`)
  const client = await db.client()
  const loaded = await generateCapacityData(client, {
    restaurants,
    tablesPerRestaurant: 20,
    windowsPerTable: 50
  })
  await client.query('ANALYZE')
  copyFileSync(path.join(ROOT, 'migrations', MIGRATION), path.join(migrations, MIGRATION))
  return {
    db,
    root,
    migrations,
    client,
    allocations: loaded.allocations,
    writePolicy,
    validate: env => stage(env, 'validate')
  }
}

export function check<K extends CheckId>(
  report: { checks: CheckResult[] },
  id: K
): CheckResultOf<K> {
  const c = findCheck(report.checks, id)
  if (!c) throw new Error(`no ${id} check in ${report.checks.map(x => x.id).join(', ')}`)
  return c
}

export function forecastOf(
  rehearsal: CheckResultOf<'rehearsal'>,
  table: string,
  lock: string
): LockForecast {
  const all = rehearsal.details.forecast ?? []
  const f = all.find(
    x =>
      x.table === table &&
      x.lock === lock &&
      /ADD CONSTRAINT allocations_no_overlap/.test(x.statement)
  )
  if (!f) throw new Error(`no ${lock} forecast on ${table} in ${JSON.stringify(all, null, 1)}`)
  return f
}

/** The overlap constraint's definition on the live table: the rehearsal must leave it as it was. */
export async function liveConstraint(client: pg.ClientBase): Promise<string> {
  const res = await client.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'allocations_no_overlap'`
  )
  return res.rows.map(r => r.def).join('; ')
}
