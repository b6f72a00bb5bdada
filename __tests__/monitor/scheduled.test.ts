/**
 * The scheduled monitor (stage monitor-window) through runStage on a real database with the capacity
 * schema, and a local GitHub stand-in: the window, the stored samples, the tracking comment on the merged
 * PR, and a breach's issue and rollback request.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { capacityDatabase, createBooking, createRestaurant } from '../helpers/capacity.js'
import type { TestDatabase } from '../helpers/db.js'
import { startGitHubStandIn, type GitHubStandIn } from './github-stand-in.js'
import { parseInputs } from '../../src/config/inputs.js'
import { Redactor } from '../../src/report/redact.js'
import { runStage } from '../../src/run.js'
import { ensureHistoryTables, writeAudit } from '../../src/plan/history.js'
import { findDeploys } from '../../src/monitor/window.js'
import { findCheck, type CheckResultOf } from '../../src/types.js'
import type { MonitorWindowDetails } from '../../src/monitor/details.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const HOUR = 3_600_000
const SHA = 'abc1234def'
const VERSION = '20251113203000'
const OLD_VERSION = '20251101000000'

let db: TestDatabase
let client: pg.Client
let gh: GitHubStandIn
let dir: string
let restaurantId: string
const savedEnv = { ...process.env }

function policy(onBreach: string): string {
  return `environments:
  staging:
    monitor:
      duration: 1m
      interval: 10s
      window: 48h
      on-breach: ${onBreach}
      checks:
        - name: assignment-error-rate
          sql: |
            SELECT coalesce(100.0 * count(*) FILTER (WHERE metadata ? 'error') / nullif(count(*), 0), 0) AS value
              FROM public.booking_confirmation_results
             WHERE created_at >= current_setting('migration_runbook.since')::timestamptz
          max: 5
          unit: '%'
        - name: confirmations
          sql: |
            SELECT count(*) AS value FROM public.booking_confirmation_results
             WHERE created_at >= current_setting('migration_runbook.since')::timestamptz
`
}

async function deploy(version: string, name: string, hoursAgo: number, gitSha = SHA) {
  const at = new Date(Date.now() - hoursAgo * HOUR)
  await writeAudit(client, {
    runId: `deploy-${version}`,
    environment: 'staging',
    stage: 'apply',
    version,
    name,
    checksum: 'sha256:test',
    gitSha,
    startedAt: at,
    finishedAt: at,
    status: 'applied'
  })
}

/** `ok` successful and `failed` failed confirmations recorded now, as the confirm function stores them. */
async function confirmations(ok: number, failed: number) {
  for (let i = 0; i < ok + failed; i++) {
    const booking = await createBooking(
      client,
      restaurantId,
      '[2026-12-01 18:00+00,2026-12-01 20:00+00)'
    )
    const metadata =
      i < ok ? { status: 'confirmed' } : { status: 'failed', error: { code: 'hold_expired' } }
    await client.query(
      `INSERT INTO public.booking_confirmation_results (booking_id, restaurant_id, idempotency_key, metadata)
       VALUES ($1, $2, $3, $4)`,
      [booking, restaurantId, `key-${booking}`, JSON.stringify(metadata)]
    )
  }
}

async function sample(onBreach = 'issue') {
  const config = path.join(dir, 'runbook.yml')
  writeFileSync(config, policy(onBreach))
  const inputs = parseInputs(
    {
      environment: 'staging',
      stage: 'monitor-window',
      'database-url': db.url,
      'migrations-dir': 'migrations',
      config,
      'artifacts-dir': path.join(dir, 'artifacts'),
      'github-token': 'test-token'
    },
    { root: ROOT }
  )
  const outcome = await runStage({
    config: inputs,
    redactor: new Redactor(),
    root: ROOT,
    environ: process.env
  })
  const check = findCheck(outcome.report.checks, 'monitor')
  if (!check) throw new Error('no monitor check in the report')
  if (check.status !== 'skip' && !isWindow(check))
    throw new Error('the monitor check of stage monitor-window did not report its deploys')
  return { outcome, check: check as WindowResult }
}

type WindowResult = CheckResultOf<'monitor'> & { details: Partial<MonitorWindowDetails> }

/** The scheduled monitor's result (the in-job monitor shares the id; only this one lists deploys). */
function isWindow(check: CheckResultOf<'monitor'>): check is WindowResult {
  return 'deploys' in check.details
}

async function storedSamples() {
  const res = await client.query(
    `SELECT migration, "check", value, threshold, unit, breached FROM migration_runbook.monitor_samples
      ORDER BY id`
  )
  return res.rows
}

beforeEach(async () => {
  ;({ db, client } = await capacityDatabase('monwin'))
  await ensureHistoryTables(client)
  restaurantId = await createRestaurant(client)
  gh = await startGitHubStandIn()
  gh.pulls.set(SHA, [7])
  dir = mkdtempSync(path.join(os.tmpdir(), 'mr-monwin-'))
  process.env.GITHUB_REPOSITORY = 'o/r'
  process.env.GITHUB_API_URL = gh.url
  process.env.GITHUB_REF_NAME = 'main'
})

afterEach(async () => {
  process.env = { ...savedEnv }
  await gh.close()
  await db.drop()
  rmSync(dir, { recursive: true, force: true })
})

describe('the window', () => {
  test('a deploy 47 h ago is sampled, one 49 h ago is not', async () => {
    await deploy(OLD_VERSION, 'capacity_baseline', 49, 'fff0000')
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 47)
    await confirmations(3, 0)
    const { check } = await sample()
    expect(check.status).toBe('pass')
    const rows = await storedSamples()
    expect(new Set(rows.map(r => r.migration))).toEqual(new Set([VERSION]))
    expect((check.details.deploys ?? []).map(d => d.version)).toEqual([VERSION])
  })

  test('no deploy in the window: skipped, nothing stored, nothing posted', async () => {
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 49)
    const { check } = await sample()
    expect(check.status).toBe('skip')
    expect(check.summary).toContain('no deploy to staging in the last 48h')
    expect(await storedSamples()).toEqual([])
    expect(gh.requests).toEqual([])
  })

  test('findDeploys: the window bounds, and a deploy rolled back since is no longer watched', async () => {
    const now = new Date()
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 47)
    await deploy('20251120000000', 'later', 1)
    expect((await findDeploys(client, 'staging', 48 * HOUR, now)).map(d => d.version)).toEqual([
      VERSION,
      '20251120000000'
    ])
    // 46 h: the 47 h deploy is outside; another environment's deploys never count.
    expect((await findDeploys(client, 'staging', 46 * HOUR, now)).map(d => d.version)).toEqual([
      '20251120000000'
    ])
    expect(await findDeploys(client, 'production', 48 * HOUR, now)).toEqual([])
    await writeAudit(client, {
      runId: 'rb',
      environment: 'staging',
      stage: 'rollback',
      version: '20251120000000',
      name: 'later',
      checksum: 'sha256:test',
      startedAt: new Date(),
      status: 'rolled-back'
    })
    expect((await findDeploys(client, 'staging', 48 * HOUR)).map(d => d.version)).toEqual([VERSION])
  })
})

describe('samples and the tracking comment', () => {
  test('each run stores one sample per check with its value and threshold', async () => {
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 2)
    await confirmations(4, 0)
    await sample()
    await confirmations(9, 1)
    await sample()
    const rows = await storedSamples()
    expect(rows).toEqual([
      {
        migration: VERSION,
        check: 'assignment-error-rate',
        value: 0,
        threshold: 5,
        unit: '%',
        breached: false
      },
      {
        migration: VERSION,
        check: 'confirmations',
        value: 4,
        threshold: null,
        unit: '',
        breached: false
      },
      // The second sample covers only the interval since the first: 1 failure in 10.
      {
        migration: VERSION,
        check: 'assignment-error-rate',
        value: 10,
        threshold: 5,
        unit: '%',
        breached: true
      },
      {
        migration: VERSION,
        check: 'confirmations',
        value: 10,
        threshold: null,
        unit: '',
        breached: false
      }
    ])
  })

  test('one tracking comment on the merged PR, created then updated with a growing chart', async () => {
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 3)
    await confirmations(2, 0)
    const first = await sample()
    expect(first.check.status).toBe('pass')
    expect(gh.requests).toContainEqual({ method: 'GET', path: `/repos/o/r/commits/${SHA}/pulls` })
    expect(gh.comments).toHaveLength(1)
    expect(gh.comments[0].issueNumber).toBe(7)
    const body1 = gh.comments[0].body
    expect(body1.split('\n')[0]).toBe(`<!-- migration-runbook:staging:monitor:${VERSION} -->`)
    expect(body1).toContain(
      `Monitoring \`${VERSION}_capacity_overlap_and_confirm_cache\` on staging`
    )
    expect(body1).toContain('1 sample(s) so far')

    await confirmations(5, 0)
    await sample()
    await confirmations(1, 0)
    await sample()
    expect(gh.comments).toHaveLength(1)
    const body = gh.comments[0].body
    expect(body).toContain('3 sample(s) so far')
    // The confirmations chart holds every sample of the window: 2, then 5, then 1.
    const chart = body.slice(body.indexOf('title "confirmations"'))
    expect(chart).toMatch(/line \[2, 5, 1\]/)
    expect(first.check.details.published?.[0].tracking?.action).toBe('created')
    expect(gh.issues).toEqual([])
  })

  test('a commit with no PR gets a tracking issue instead, refreshed by later runs', async () => {
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 3, '0123456')
    await sample()
    await sample()
    expect(gh.comments).toEqual([])
    expect(gh.issues).toHaveLength(1)
    expect(gh.issues[0].title).toBe(
      `Monitoring ${VERSION}_capacity_overlap_and_confirm_cache on staging`
    )
    expect(gh.issues[0].body).toContain('2 sample(s) so far')
  })
})

describe('a breach', () => {
  test('on-breach issue: one issue naming the migration and the breach, refreshed by the next run', async () => {
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 5)
    await confirmations(8, 2)
    const { outcome, check } = await sample('issue')
    expect(check.status).toBe('fail')
    expect(outcome.exitCode).toBe(1)
    expect(check.reasons[0]).toMatch(/^assignment-error-rate: 20 % at .* is above max 5 %$/)
    const breachIssues = gh.issues.filter(i => i.labels.includes('monitor-breach'))
    expect(breachIssues).toHaveLength(1)
    expect(breachIssues[0].title).toBe(
      `Monitor breach: ${VERSION}_capacity_overlap_and_confirm_cache on staging`
    )
    expect(breachIssues[0].body).toContain('assignment-error-rate: 20 %')
    expect(breachIssues[0].body).toContain('https://github.com/o/r/issues/7#issuecomment-')

    await confirmations(1, 1)
    await sample('issue')
    expect(gh.issues.filter(i => i.labels.includes('monitor-breach'))).toHaveLength(1)
    expect(gh.issues[0].body).toContain('assignment-error-rate: 50 %')
    expect(gh.dispatches).toEqual([])
  })

  test('on-breach rollback: the rollback workflow is requested once, and nothing is rolled back in the job', async () => {
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 5)
    await confirmations(1, 1)
    const { outcome } = await sample('rollback')
    await confirmations(0, 1)
    await sample('rollback')
    expect(gh.dispatches).toEqual([
      {
        workflow: 'release-migrations.yml',
        ref: 'main',
        inputs: { environment: 'staging', stage: 'rollback' }
      }
    ])
    expect(outcome.report.checks.map(c => c.id)).not.toContain('rollback')
    expect(outcome.report.checks.map(c => c.id)).not.toContain('rollback-conflicts')
  })

  test('two deploys in the window: both tracked and sampled, one breach issue under the newest', async () => {
    await deploy(OLD_VERSION, 'capacity_baseline', 30, 'fff0000')
    gh.pulls.set('fff0000', [3])
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 5)
    await confirmations(1, 1)
    await sample('issue')
    expect(gh.comments.map(c => c.issueNumber).sort()).toEqual([3, 7])
    expect(new Set((await storedSamples()).map(r => r.migration))).toEqual(
      new Set([OLD_VERSION, VERSION])
    )
    const breachIssues = gh.issues.filter(i => i.labels.includes('monitor-breach'))
    expect(breachIssues.map(i => i.title)).toEqual([
      `Monitor breach: ${VERSION}_capacity_overlap_and_confirm_cache on staging`
    ])
    expect(breachIssues[0].body).toContain(`\`${OLD_VERSION}_capacity_baseline\``)
  })

  test('on-breach none: charted as a warning, no issue', async () => {
    await deploy(VERSION, 'capacity_overlap_and_confirm_cache', 5)
    await confirmations(1, 1)
    const { check } = await sample('none')
    expect(check.status).toBe('warn')
    expect(gh.issues).toEqual([])
    expect(gh.comments[0].body).toContain('❌ breached')
  })
})
