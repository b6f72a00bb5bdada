/**
 * A database that is far away (issue 15): the preflight's read-only checks run side by side on a small pool of
 * sessions once a round trip costs 5 ms or more, so their round trips overlap (here 30 ms, a hosted project's). Through the door a shell uses
 * (dist/cli/index.js), against a real server behind a proxy that delays what the server sends.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { countRoundTrips, type RoundTripCounter } from '../../bench/round-trips.js'
import { baseEnv, cli, CLI, start, VALIDATE_ORDER } from './processes.js'

let db: TestDatabase
let repo: FixtureRepo
let far: RoundTripCounter
let near: RoundTripCounter

const through = (proxy: RoundTripCounter) => {
  const u = new URL(db.url)
  u.port = String(proxy.port)
  return u.toString()
}
const validate = (proxy: RoundTripCounter) =>
  cli(['validate', '--env', 'staging'], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: through(proxy) })
  })

function summary(): { status: string; checks: { id: string; status: string; summary: string }[] } {
  return JSON.parse(
    readFileSync(path.join(repo.root, 'artifacts', 'staging', 'summary.json'), 'utf8')
  )
}

/** The most checks running at once, from the log's start (▶) and result (✔ ! ✖ - ⊘) lines. */
function mostAtOnce(log: string): number {
  let running = 0
  let most = 0
  for (const line of log.split('\n')) {
    if (/^▶ [a-z-]+: /.test(line)) most = Math.max(most, ++running)
    else if (/^[✔!✖\-⊘] [a-z-]+: /.test(line)) running--
  }
  return most
}

beforeAll(async () => {
  db = await createTestDatabase('e2e_far')
  const port = Number(new URL(db.url).port)
  far = await countRoundTrips(port, { latencyMs: 30 })
  near = await countRoundTrips(port)
})
beforeEach(() => {
  repo = copyFixture('basic')
  far.reset()
  near.reset()
})
afterEach(() => rmSync(repo.root, { recursive: true, force: true }))
afterAll(async () => {
  await far?.close()
  await near?.close()
  await db?.drop()
})

test('far away, the preflight runs on three sessions; the report and the outcome are those of a near run', async () => {
  // A check that runs longer than half the lock timeout opens a session to watch for lock waits. With the
  // fixture's 300 ms, a busy machine made a check or two watched in one run and not the other, and the session
  // counts differed by those (a CI run: 5 far, 5 near): 5 s keeps the watchers out of both runs.
  const policy = path.join(repo.dir, 'runbook.yml')
  writeFileSync(
    policy,
    readFileSync(policy, 'utf8').replace('lock-timeout: 300ms', 'lock-timeout: 5s')
  )
  expect(readFileSync(policy, 'utf8')).toContain('lock-timeout: 5s')
  const nearRun = await validate(near)
  expect(nearRun.code).toBe(0)
  const nearSummary = summary()
  const nearSessions = near.counts().connections

  const farRun = await validate(far)
  expect(farRun.code).toBe(0)
  const farSummary = summary()
  // Two more sessions than next to the server: the group's.
  expect(far.counts().connections).toBe(nearSessions + 2)
  // Side by side: some check of the group started before another one had finished.
  expect(mostAtOnce(farRun.stderr)).toBeGreaterThanOrEqual(2)
  expect(mostAtOnce(nearRun.stderr)).toBe(1)
  // The same checks, in the table's order, with the same outcomes.
  expect(farSummary.checks.map(c => c.id)).toEqual(VALIDATE_ORDER)
  expect(farSummary.checks.map(c => [c.id, c.status])).toEqual(
    nearSummary.checks.map(c => [c.id, c.status])
  )
  expect(farSummary.status).toBe(nearSummary.status)
}, 120_000)

test('far away, a gate that fails in the group still stops everything after it, and nothing changes', async () => {
  const admin = await db.client()
  await admin.query(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`)
  try {
    const run = await validate(far)
    expect(run.code).toBe(1)
    const checks = summary().checks
    expect(checks.map(c => c.id)).toEqual(VALIDATE_ORDER)
    expect(checks[0]).toMatchObject({ id: 'connection', status: 'fail' })
    // Checks of the group already running when it failed are reported as they ran; none after the group ran.
    for (const c of checks.slice(VALIDATE_ORDER.indexOf('lock-holders')))
      expect([c.id, c.status, c.summary]).toEqual([c.id, 'skip', 'not run: connection failed'])
  } finally {
    await admin.query(`ALTER DATABASE ${db.name} RESET default_transaction_read_only`)
  }
  const c = await db.client()
  const left = await c.query(`SELECT to_regclass('public.items') AS t`)
  expect(left.rows[0].t).toBeNull()
}, 120_000)

test('far away, SIGINT while the group runs: the run reports cancelled, exits 1 and leaves no session behind', async () => {
  const run = start(CLI, ['validate', '--env', 'staging'], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: through(far) })
  })
  // Two checks of the group have started: it is running side by side.
  await run.waitFor(/▶ flags: [\s\S]*▶ pooler: /)
  run.child.kill('SIGINT')
  const done = await run.done
  expect(done.code).toBe(1)
  const s = summary()
  expect(s.status).toBe('cancelled')
  expect(s.checks.map(c => c.id)).toEqual(VALIDATE_ORDER)
  expect(s.checks.some(c => c.status === 'cancelled')).toBe(true)
  const after = s.checks.slice(VALIDATE_ORDER.indexOf('lock-holders'))
  expect(after.map(c => [c.id, c.status, c.summary])).toEqual(
    after.map(c => [c.id, 'skip', 'not run: the run was cancelled'])
  )
  // A backend ends a moment after its client closed: wait up to 2 s.
  const c = await db.client()
  const ours = async () =>
    (
      await c.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name LIKE 'migration-runbook%'`
      )
    ).rows[0].n as number
  for (let i = 0; i < 20 && (await ours()) > 0; i++) await new Promise(r => setTimeout(r, 100))
  expect(await ours()).toBe(0)
}, 120_000)

test('far away, a role at its connection limit: the group runs on the sessions it gets, with the same outcome', async () => {
  // Superusers are exempt from connection limits: a role that owns the database (so it may create in public).
  const admin = await db.client()
  const role = `far_limited_${Date.now().toString(36)}`
  await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'far-pw' CONNECTION LIMIT 1`)
  await admin.query(`ALTER DATABASE ${db.name} OWNER TO ${role}`)
  const as = (proxy: RoundTripCounter) => {
    const u = new URL(through(proxy))
    u.username = role
    u.password = 'far-pw'
    return u.toString()
  }
  const validateAs = (proxy: RoundTripCounter) =>
    cli(['validate', '--env', 'staging'], {
      cwd: repo.root,
      env: baseEnv({ DATABASE_URL: as(proxy) })
    })
  try {
    const nearRun = await validateAs(near)
    const nearChecks = summary().checks.map(c => [c.id, c.status])
    const farRun = await validateAs(far)
    expect(farRun.code).toBe(nearRun.code)
    expect(summary().checks.map(c => [c.id, c.status])).toEqual(nearChecks)
    // The two extra sessions were refused (too many connections for the role): one check at a time.
    expect(mostAtOnce(farRun.stderr)).toBe(1)
    expect(farRun.stdout + farRun.stderr).not.toContain('too many connections')
  } finally {
    await admin.query(`ALTER DATABASE ${db.name} OWNER TO CURRENT_USER`)
    await admin.query(`DROP ROLE ${role}`)
  }
}, 120_000)

test("a refused password is sent once: the early check's session opens only after the server accepts the login", async () => {
  // Control: with the right password a second session opens for the check that may start early (the rehearsal).
  const ok = await validate(near)
  expect(ok.code).toBe(0)
  expect(near.counts().connections).toBeGreaterThanOrEqual(2)
  near.reset()
  // A wrong password, tried by a second session at the same time, would count twice against a pooler's ban.
  const u = new URL(through(near))
  u.password = 'Not-the-password-9'
  const refused = await cli(['validate', '--env', 'staging'], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: u.toString() })
  })
  expect(refused.code).toBe(1)
  expect(refused.stderr).toContain('password authentication failed')
  expect(near.counts().connections).toBe(1)
  expect(refused.stdout + refused.stderr).not.toContain('Not-the-password-9')
  expect(summary().checks[0]).toMatchObject({ id: 'connection', status: 'fail' })
}, 120_000)

describe('a probe on a database 30 ms away', () => {
  let probeDb: TestDatabase
  let proxy: RoundTripCounter
  beforeAll(async () => {
    probeDb = await createTestDatabase('e2e_far_probe')
    proxy = await countRoundTrips(Number(new URL(probeDb.url).port), { latencyMs: 30 })
  })
  afterAll(async () => {
    await proxy?.close()
    await probeDb?.drop()
  })

  test('apply: the probe is timed on the server, so a 20 ms p95 threshold holds for a query of well under 1 ms', async () => {
    // Timed on the client, every run took at least the round trip (30 ms): the gate failed after the apply.
    const policy = readFileSync(path.join(repo.dir, 'runbook.yml'), 'utf8').replace(
      'defaults:\n',
      `defaults:
  probes:
    - name: item-by-name
      sql: select id from public.items where name = $1
      params: ["b"]
      runs: 10
      max-p95-ms: 20
`
    )
    writeFileSync(path.join(repo.dir, 'runbook.yml'), policy)
    const u = new URL(probeDb.url)
    u.port = String(proxy.port)
    const run = await cli(['apply', '--env', 'staging', '--test-command', 'true'], {
      cwd: repo.root,
      env: baseEnv({ DATABASE_URL: u.toString() })
    })
    const report = JSON.parse(
      readFileSync(path.join(repo.root, 'artifacts', 'staging', 'summary.json'), 'utf8')
    ) as {
      checks: {
        id: string
        status: string
        details: {
          probes?: { name: string; p95Ms: number; pass: boolean }[]
          plans?: { samplesMs: number[]; timedOn?: string }[]
        }
      }[]
    }
    const performance = report.checks.find(c => c.id === 'performance')!
    expect([run.code, performance.status]).toEqual([0, 'pass'])
    expect(performance.details.probes).toEqual([
      expect.objectContaining({ name: 'item-by-name', pass: true })
    ])
    expect(performance.details.probes![0].p95Ms).toBeLessThan(20)
    expect(performance.details.plans![0]).toMatchObject({ timedOn: 'server' })
    expect(performance.details.plans![0].samplesMs).toHaveLength(10)
    expect(run.stderr).toMatch(/✔ performance: 1\/1 probes within thresholds/)
    // The migrations are in: the probe looked at the applied table.
    const c = await probeDb.client()
    const applied = await c.query('SELECT count(*)::int AS n FROM public.items')
    expect(applied.rows[0].n).toBe(3)
  }, 120_000)
})
