import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { runCli } from '../../src/cli.js'
import { createTestDatabase, urlForDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'

let db: TestDatabase
let repo: FixtureRepo

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    out: t => out.push(t),
    err: t => err.push(t),
    env,
    cwd: repo.root
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(f => {
    const p = path.join(dir, f)
    return statSync(p).isDirectory() ? allFiles(p) : [p]
  })
}

beforeEach(async () => {
  db = await createTestDatabase('cli')
  repo = copyFixture('basic')
})
afterEach(async () => {
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
})

describe('bad input exits 2 with a message naming the input, the value and what is allowed', () => {
  test('unknown stage', async () => {
    const r = await cli(['deploy', '--env', 'staging', '--database-url', db.url])
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      'command is "deploy"; allowed: validate, apply, verify, rollback, monitor, monitor-window, rehearse'
    )
  })

  test('unknown environment, without connecting', async () => {
    const r = await cli([
      'validate',
      '--env',
      'prod-eu',
      '--database-url',
      'postgres://u:p@203.0.113.1:5432/db'
    ])
    expect(r.code).toBe(2)
    expect(r.err).toContain('input "environment" is "prod-eu", which')
    expect(r.err).toContain('allowed: staging, production')
  })

  test('malformed URL is rejected without echoing it', async () => {
    const r = await cli([
      'validate',
      '--env',
      'staging',
      '--database-url',
      'mysql://root:hunter22@db/x'
    ])
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      'input "database-url" has scheme "mysql"; allowed: postgres, postgresql'
    )
    expect(r.err).not.toContain('hunter22')
  })

  test('malformed percent-encoding in the password is rejected without echoing it', async () => {
    const r = await cli([
      'validate',
      '--env',
      'staging',
      '--database-url',
      'postgres://u:50%off@h/db'
    ])
    expect(r.code).toBe(2)
    expect(r.err).toContain('input "database-url" has malformed percent-encoding in its password')
    expect(r.err).not.toContain('50%off')
  })

  test('missing migrations folder', async () => {
    const r = await cli([
      'validate',
      '--env',
      'staging',
      '--database-url',
      db.url,
      '--migrations-dir',
      'nope',
      '--config',
      'migrations/runbook.yml'
    ])
    expect(r.code).toBe(2)
    expect(r.err).toContain('input "migrations-dir" is "nope", which is not a folder')
  })
})

test('apply then verify then rollback through the CLI, with evidence files', async () => {
  const apply = await cli(['apply', '--env', 'staging', '--database-url', db.url])
  expect(apply.code).toBe(0)
  expect(apply.out).toMatch(/APPLY on staging: (PASSED|WARNED)/)
  const files = readdirSync(path.join(repo.root, 'artifacts', 'staging')).sort()
  for (const f of [
    'pre-migration-state.txt',
    'staging-migration.log',
    'post-migration-constraints.txt',
    'post-migration-tables.txt',
    'summary.json',
    'report.md'
  ]) {
    expect(files).toContain(f)
  }
  const summary = JSON.parse(
    readFileSync(path.join(repo.root, 'artifacts', 'staging', 'summary.json'), 'utf8')
  )
  expect(summary.applied).toEqual(['20250101000000', '20250201000000'])
  expect(summary.checks.find((c: { id: string }) => c.id === 'apply').status).toBe('pass')
  const constraints = readFileSync(
    path.join(repo.root, 'artifacts', 'staging', 'post-migration-constraints.txt'),
    'utf8'
  )
  expect(constraints).toContain('items_price_positive CHECK: CHECK ((price > (0)::numeric))')

  const verify = await cli(['verify', '--env', 'staging', '--database-url', db.url])
  expect(verify.code).toBe(0)
  const rollback = await cli(['rollback', '--env', 'staging', '--database-url', db.url])
  expect(rollback.out).toMatch(/ROLLBACK on staging: PASSED/)
  const c = await db.client()
  const history = await c.query(
    'SELECT version FROM supabase_migrations.schema_migrations ORDER BY 1'
  )
  expect(history.rows.map(r => r.version)).toEqual(['20250101000000'])
})

test('a password with @ : / # % + never appears in output or artifacts, raw or encoded', async () => {
  const password = 'p@ss:w/o#r%d+X y'
  const admin = await db.client()
  await admin.query(
    `CREATE ROLE mr_secret_user LOGIN SUPERUSER PASSWORD '${password.replace(/'/g, "''")}'`
  )
  const base = new URL(urlForDatabase(db.name))
  const url = `postgres://mr_secret_user:${encodeURIComponent(password)}@${base.host}${base.pathname}`
  const forms = [password, encodeURIComponent(password), url, 'p@ss', 'o#r%d+X']
  try {
    const ok = await cli(['apply', '--env', 'staging', '--database-url', url])
    expect(ok.code).toBe(0)
    const bad = await cli([
      'validate',
      '--env',
      'staging',
      '--database-url',
      url.replace(db.name, 'no_such_db')
    ])
    expect(bad.code).toBe(1)
    const texts = [
      ok.out,
      ok.err,
      bad.out,
      bad.err,
      ...allFiles(path.join(repo.root, 'artifacts')).map(f => readFileSync(f, 'utf8'))
    ]
    for (const text of texts) for (const form of forms) expect(text).not.toContain(form)
    expect(bad.err + bad.out).toContain('no_such_db')
  } finally {
    await admin.query('DROP OWNED BY mr_secret_user').catch(() => undefined)
    const c = new pg.Client({ connectionString: process.env.MR_TEST_ADMIN_URL })
    await c.connect()
    await c.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'mr_secret_user'`
    )
    await c.query('DROP ROLE IF EXISTS mr_secret_user').catch(() => undefined)
    await c.end()
  }
})
