/**
 * The scheduled monitor through the door the workflow's runner uses: the built CLI as a child process,
 * GitHub's API replaced by the local stand-in through GITHUB_API_URL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { capacityDatabase, createBooking, createRestaurant } from '../helpers/capacity.js'
import type { TestDatabase } from '../helpers/db.js'
import { baseEnv, CLI, start } from '../e2e/processes.js'
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.js'
import { ensureHistoryTables, writeAudit } from '../../src/plan/history.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const SHA = 'feedc0de'

let db: TestDatabase
let client: pg.Client
let gh: GitHubStandIn
let dir: string

const POLICY = `environments:
  staging:
    monitor:
      duration: 1m
      interval: 10s
      on-breach: issue
      checks:
        - name: assignment-error-rate
          sql: |
            SELECT coalesce(100.0 * count(*) FILTER (WHERE metadata ? 'error') / nullif(count(*), 0), 0) AS value
              FROM public.booking_confirmation_results
             WHERE created_at >= current_setting('migration_runbook.since')::timestamptz
          max: 5
          unit: '%'
`

async function record(errors: number, ok: number) {
  const rid = await createRestaurant(client)
  for (let i = 0; i < errors + ok; i++) {
    const booking = await createBooking(client, rid, '[2026-12-01 18:00+00,2026-12-01 20:00+00)')
    await client.query(
      `INSERT INTO public.booking_confirmation_results (booking_id, restaurant_id, idempotency_key, metadata)
       VALUES ($1, $2, $3, $4)`,
      [booking, rid, `k${i}`, JSON.stringify(i < errors ? { error: { code: 'hold_expired' } } : {})]
    )
  }
}

async function run() {
  const p = start(
    CLI,
    [
      'monitor-window',
      '--env',
      'staging',
      '--config',
      path.join(dir, 'runbook.yml'),
      '--artifacts-dir',
      path.join(dir, 'artifacts'),
      '--json'
    ],
    {
      cwd: ROOT,
      env: baseEnv({
        DATABASE_URL: db.url,
        GITHUB_TOKEN: 'test-token',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_API_URL: gh.url
      })
    }
  )
  return p.done
}

beforeEach(async () => {
  ;({ db, client } = await capacityDatabase('monwincli'))
  await ensureHistoryTables(client)
  const at = new Date(Date.now() - 10 * 3_600_000)
  await writeAudit(client, {
    runId: 'deploy',
    environment: 'staging',
    stage: 'apply',
    version: '20251113203000',
    name: 'capacity_overlap_and_confirm_cache',
    checksum: 'sha256:test',
    gitSha: SHA,
    startedAt: at,
    finishedAt: at,
    status: 'applied'
  })
  gh = await startGitHubStandIn()
  gh.pulls.set(SHA, [12])
  dir = mkdtempSync(path.join(os.tmpdir(), 'mr-monwin-cli-'))
  writeFileSync(path.join(dir, 'runbook.yml'), POLICY)
})

afterEach(async () => {
  await gh.close()
  await db.drop()
  rmSync(dir, { recursive: true, force: true })
})

test('within thresholds: exit 0, the tracking comment on the merged PR, the URL never printed', async () => {
  await record(0, 4)
  const r = await run()
  // stderr in the failure message says why.
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 0 })
  const report = JSON.parse(r.stdout)
  expect(report.stage).toBe('monitor-window')
  expect(report.checks.find((c: { id: string }) => c.id === 'monitor').status).toBe('pass')
  expect(gh.comments.map(c => c.issueNumber)).toEqual([12])
  // The test server's password is the user name, so look for the credentials as the URL writes them.
  const { username, password } = new URL(db.url)
  expect(r.stdout + r.stderr).not.toContain(`${username}:${password}@`)
  expect(r.stdout + r.stderr).not.toContain(db.url)
})

test('a breach: exit 1 and a breach issue naming the migration and the value', async () => {
  await record(1, 3)
  const r = await run()
  expect({ code: r.code, stderr: r.stderr }).toMatchObject({ code: 1 })
  const issue = gh.issues.find(i => i.labels.includes('monitor-breach'))
  expect(issue?.title).toBe(
    'Monitor breach: 20251113203000_capacity_overlap_and_confirm_cache on staging'
  )
  expect(issue?.body).toContain('assignment-error-rate: 25 %')
  expect(r.stderr).toContain('monitor breach: assignment-error-rate: 25 %')
})
