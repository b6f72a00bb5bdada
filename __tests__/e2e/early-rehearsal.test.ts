/**
 * The rehearsal starts early (Check.startEarly, rehearse/early.ts) when the pending migrations only create new
 * objects: on a session of its own, alongside the preflight gates, reported in its place. Through the CLI bundle
 * against a real database: it is used when the gates pass, stopped and discarded when one fails, cancelled with
 * the run, and not started at all when a migration touches an existing table.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { clearMigrations, copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { baseEnv, cli, CLI, start, VALIDATE_ORDER } from './processes.js'

let db: TestDatabase
let repo: FixtureRepo

const EARLY = /rehearsal: started early, alongside the checks before it, on a session of its own/

const run = (stage: string) =>
  cli([stage, '--env', 'staging'], { cwd: repo.root, env: baseEnv({ DATABASE_URL: db.url }) })

function summary(): {
  status: string
  checks: { id: string; status: string; summary: string; reasons: string[] }[]
} {
  return JSON.parse(
    readFileSync(path.join(repo.root, 'artifacts', 'staging', 'summary.json'), 'utf8')
  )
}

/** The new-objects-only migrations: two files, the second changing what the first created. */
function newObjectsOnly(): void {
  clearMigrations(repo)
  repo.write(
    '20250301000000_orders.sql',
    `CREATE TABLE public.early_orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric NOT NULL);
CREATE INDEX early_orders_total_idx ON public.early_orders (total);
ALTER TABLE public.early_orders ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION public.early_total(p_id bigint) RETURNS numeric LANGUAGE sql STABLE
  AS 'SELECT 1::numeric';
`
  )
  repo.write(
    '20250302000000_order_lines.sql',
    `CREATE TABLE public.early_order_lines (
  order_id bigint NOT NULL REFERENCES public.early_orders (id),
  qty int NOT NULL CHECK (qty > 0)
);
ALTER TABLE public.early_orders ADD COLUMN note text;
GRANT SELECT ON public.early_order_lines TO PUBLIC;
`
  )
}

async function runSessions(): Promise<{ application_name: string; state: string }[]> {
  const c = await db.client()
  const { rows } = await c.query(
    `SELECT application_name, state FROM pg_stat_activity
      WHERE datname = current_database() AND application_name LIKE 'migration-runbook%'`
  )
  return rows
}

beforeEach(async () => {
  db = await createTestDatabase('e2e_early')
  repo = copyFixture('basic')
})
afterEach(async () => {
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
})

test('new objects only: the rehearsal runs alongside the gates, is reported in its place, and apply applies', async () => {
  newObjectsOnly()
  const r = await run('apply')
  expect(r.code).toBe(0)
  expect(r.stderr).toMatch(EARLY)
  // Its lines are held until its turn: after the gate before it, in table order.
  const conflicts = r.stderr.search(/[✔!✖-] conflicts:/)
  const rehearsal = r.stderr.indexOf('▶ rehearsal')
  expect(conflicts).toBeGreaterThan(0)
  expect(rehearsal).toBeGreaterThan(conflicts)
  expect(r.stderr.search(EARLY)).toBeLessThan(rehearsal)
  const checks = summary().checks
  expect(checks.map(c => c.id).slice(0, VALIDATE_ORDER.length)).toEqual(VALIDATE_ORDER)
  expect(checks.find(c => c.id === 'rehearsal')).toMatchObject({ status: 'pass' })
  expect(checks.find(c => c.id === 'apply')).toMatchObject({ status: 'pass' })
  expect(
    readFileSync(path.join(repo.root, 'artifacts', 'staging', 'rehearsal.txt'), 'utf8')
  ).toContain('# 20250302000000: ok')
  const c = await db.client()
  const { rows } = await c.query(
    `SELECT to_regclass('public.early_order_lines') IS NOT NULL AS lines,
            (SELECT count(*) FROM information_schema.columns WHERE table_name = 'early_orders' AND column_name = 'note')::int AS note`
  )
  expect(rows[0]).toEqual({ lines: true, note: 1 })
  expect(await runSessions()).toEqual([])
})

test('a migration that touches an existing table: the rehearsal waits for the gates, as before', async () => {
  // The fixture's first migration inserts rows, its second alters that table once it exists.
  const r = await run('apply')
  expect(r.code).toBe(0)
  expect(r.stderr).not.toMatch(EARLY)
  expect(r.stderr).not.toMatch(/started early/)
  repo.write('20250401000000_more.sql', 'ALTER TABLE public.items ADD COLUMN colour text;\n')
  const again = await run('validate')
  expect(again.code).toBe(0)
  expect(again.stderr).not.toMatch(/started early/)
  expect(summary().checks.find(c => c.id === 'rehearsal')).toMatchObject({ status: 'pass' })
  // The session opened for it (warm, before the plan was known) was closed unused.
  expect(await runSessions()).toEqual([])
})

test('a gate before it fails: the early rehearsal is stopped and discarded, and leaves nothing behind', async () => {
  newObjectsOnly()
  // A secret in the new table's default: lint (a gate before the rehearsal) fails.
  repo.write(
    '20250303000000_keys.sql',
    "CREATE TABLE public.early_keys (id int, token text DEFAULT 'sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv');\n"
  )
  const r = await run('apply')
  expect(r.code).toBe(1)
  expect(r.stderr).toMatch(
    /rehearsal: had started early on a session of its own \(the pending migrations only create new objects and change those\); stopped and discarded: lint failed/
  )
  expect(r.stderr).not.toMatch(EARLY)
  expect(r.stderr).not.toContain('▶ rehearsal')
  const checks = summary().checks
  expect(checks.find(c => c.id === 'lint')).toMatchObject({ status: 'fail' })
  expect(checks.find(c => c.id === 'rehearsal')).toMatchObject({
    status: 'skip',
    summary: 'not run: lint failed'
  })
  expect(existsSync(path.join(repo.root, 'artifacts', 'staging', 'rehearsal.txt'))).toBe(false)
  const c = await db.client()
  const { rows } = await c.query(
    `SELECT to_regclass('public.early_orders') AS orders, to_regclass('public.early_keys') AS keys`
  )
  expect(rows[0]).toEqual({ orders: null, keys: null })
  expect(await runSessions()).toEqual([])
})

test('cancelled while the early rehearsal waits on a lock: its statement is cancelled and its session closed', async () => {
  newObjectsOnly()
  // Another session is creating the same table, uncommitted: the rehearsal's CREATE TABLE waits for it.
  const holder = await db.client()
  await holder.query('BEGIN')
  await holder.query('CREATE TABLE public.early_orders (id int)')
  const policy = readFileSync(path.join(repo.dir, 'runbook.yml'), 'utf8')
  repo.write('runbook.yml', policy.replace('lock-timeout: 300ms', 'lock-timeout: 30s'))
  const running = start(CLI, ['apply', '--env', 'staging'], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: db.url })
  })
  try {
    // The gates have passed: the run waits for the rehearsal, which waits for the lock.
    await running.waitFor(/[✔!✖-] conflicts:/)
    const watcher = await db.client()
    let waiting = false
    for (let i = 0; i < 200 && !waiting; i++) {
      const { rows } = await watcher.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'migration-runbook-probe'
            AND wait_event_type = 'Lock'`
      )
      waiting = rows[0].n > 0
      if (!waiting) await new Promise(res => setTimeout(res, 50))
    }
    expect(waiting).toBe(true)
    running.child.kill('SIGINT')
    const r = await running.done
    expect(r.code).toBe(1)
    expect(summary().status).toBe('cancelled')
    // Reported in its place, as what it was when the signal came: running, then cancelled.
    expect(r.stderr).toMatch(EARLY)
    const rehearsal = summary().checks.find(c => c.id === 'rehearsal')
    expect(rehearsal).toMatchObject({ status: 'cancelled' })
    // What it made of its cancelled statement: cancelled, not the migration's failure nor its lock budget.
    const reasons = rehearsal?.reasons.join('\n')
    expect(reasons).toMatch(/canceling statement due to user request/)
    expect(reasons).not.toMatch(/lock budget|fails on this database/)
    expect(summary().checks.find(c => c.id === 'apply')).toMatchObject({ status: 'skip' })
    expect(await runSessions()).toEqual([])
  } finally {
    running.child.kill('SIGKILL')
    await holder.query('ROLLBACK')
  }
  const c = await db.client()
  const { rows } = await c.query(`SELECT to_regclass('public.early_orders') AS orders`)
  expect(rows[0].orders).toBeNull()
})

test('a gate fails while the early rehearsal waits on a lock: it is cancelled at once, not waited for', async () => {
  newObjectsOnly()
  repo.write(
    '20250303000000_keys.sql',
    "CREATE TABLE public.early_keys (id int, token text DEFAULT 'sk_live_51HxYzAbCdEfGhIjKlMnOpQrStUv');\n"
  )
  const policy = readFileSync(path.join(repo.dir, 'runbook.yml'), 'utf8')
  repo.write(
    'runbook.yml',
    policy
      .replace('lock-timeout: 300ms', 'lock-timeout: 30s')
      .replace('lock-budget: 5s', 'lock-budget: 60s')
  )
  const holder = await db.client()
  await holder.query('BEGIN')
  await holder.query('CREATE TABLE public.early_orders (id int)')
  try {
    const t0 = Date.now()
    const r = await run('apply')
    // Waited for, the rehearsal would have held the run for the 30 s lock timeout.
    expect(Date.now() - t0).toBeLessThan(15_000)
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/rehearsal: had started early .*; stopped and discarded: lint failed/)
    expect(summary().checks.find(c => c.id === 'rehearsal')).toMatchObject({
      summary: 'not run: lint failed'
    })
    expect(await runSessions()).toEqual([])
  } finally {
    await holder.query('ROLLBACK')
  }
})
