/**
 * Target pinning (environments.<env>.target): a URL or server that does not match the pin exits 2 before
 * any statement of any check, naming the key, the expected and the found value, never the password.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { runCli } from '../../src/cli.js'
import { ConfigError } from '../../src/config/errors.js'
import { loadPolicy } from '../../src/config/policy.js'
import { compareTarget, pinnedKeys, urlFacts } from '../../src/db/target.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'

const REF = 'abcdefghijklmnopqrst'
const OTHER_REF = 'zyxwvutsrqponmlkjihg'

describe('compareTarget and urlFacts (no database)', () => {
  const facts = (url: string) => urlFacts(url)

  test('the project ref comes from the direct host or the pooler user name', () => {
    expect(facts(`postgres://postgres:pw@db.${REF}.supabase.co:5432/postgres`).projectRefs).toEqual(
      [{ ref: REF, from: `host db.${REF}.supabase.co` }]
    )
    expect(
      facts(`postgres://postgres.${REF}:pw@aws-0-eu-west-1.pooler.supabase.com:6543/postgres`)
        .projectRefs
    ).toEqual([{ ref: REF, from: 'the user name' }])
    expect(facts('postgres://postgres:pw@localhost/app').projectRefs).toEqual([])
  })

  test('a matching ref passes, a different one names expected and found', () => {
    const pooler = facts(
      `postgres://postgres.${OTHER_REF}:pw@aws-0-eu-west-1.pooler.supabase.com:6543/postgres`
    )
    expect(compareTarget({ projectRef: OTHER_REF }, pooler)).toEqual([])
    expect(compareTarget({ projectRef: REF }, pooler, 'environments.production.target')).toEqual([
      `environments.production.target.project-ref: expected "${REF}", found "${OTHER_REF}" (the user name)`
    ])
    const direct = facts(`postgres://postgres:pw@db.${OTHER_REF}.supabase.co:5432/postgres`)
    expect(compareTarget({ projectRef: REF }, direct)[0]).toBe(
      `target.project-ref: expected "${REF}", found "${OTHER_REF}" (host db.${OTHER_REF}.supabase.co)`
    )
  })

  test('a ref that cannot be compared is a mismatch', () => {
    const [line] = compareTarget({ projectRef: REF }, facts('postgres://u:pw@10.0.0.5:5432/app'))
    expect(line).toContain(`target.project-ref: expected "${REF}", found none`)
    expect(line).toContain('cannot be compared')
  })

  test('host (case-insensitive), port and database', () => {
    const f = facts('postgres://u:pw@DB.Example.com:6543/app_staging')
    expect(
      compareTarget({ host: 'db.example.com', port: 6543, database: 'app_staging' }, f)
    ).toEqual([])
    expect(compareTarget({ host: 'prod.example.com', port: 5432, database: 'app' }, f)).toEqual([
      'target.host: expected "prod.example.com", found "db.example.com" (URL host)',
      'target.port: expected 5432, found 6543 (URL port)',
      'target.database: expected "app", found "app_staging" (URL database name)'
    ])
    // No database in the URL: the server's answer decides.
    const bare = { ...facts('postgres://u:pw@h/'), serverDatabase: 'postgres' }
    expect(compareTarget({ database: 'app' }, bare)).toEqual([
      `target.database: expected "app", found "postgres" (the server's current_database())`
    ])
    expect(facts('postgres://u:pw@h').port).toBe(5432)
    expect(pinnedKeys({ host: 'h', database: 'd' })).toEqual(['host', 'database'])
  })
})

describe('runbook.yml target shape', () => {
  const dirs: string[] = []
  afterAll(() => dirs.forEach(d => rmSync(d, { recursive: true, force: true })))
  const load = (yaml: string) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-target-'))
    dirs.push(dir)
    writeFileSync(path.join(dir, 'runbook.yml'), yaml)
    return loadPolicy(path.join(dir, 'runbook.yml'))
  }
  const refused = (target: string): string => {
    try {
      load(`environments:\n  production:\n    target: ${target}\n`)
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError)
      return (e as Error).message
    }
    throw new Error(`accepted target ${target}`)
  }

  test('a full pin loads', () => {
    const p = load(
      `environments:\n  production:\n    target: { host: db.${REF}.supabase.co, port: 5432, database: postgres, project-ref: ${REF} }\n`
    )
    expect(p.environments.production.target).toEqual({
      host: `db.${REF}.supabase.co`,
      port: 5432,
      database: 'postgres',
      projectRef: REF
    })
  })

  test('unknown keys, bad ports, bad refs and empty pins are refused', () => {
    expect(refused('{ hostname: x }')).toContain('environments.production.target')
    expect(refused('{ hostname: x }')).toContain('hostname')
    expect(refused('{ port: 0 }')).toContain('environments.production.target.port')
    expect(refused('{ port: 65536 }')).toContain('environments.production.target.port')
    expect(refused('{ port: "5432" }')).toContain('environments.production.target.port')
    expect(refused('{ project-ref: ABCDEFGHIJKLMNOPQRST }')).toContain(
      'environments.production.target.project-ref: is not a Supabase project ref; allowed: 20 lowercase letters'
    )
    expect(refused('{ project-ref: abc }')).toContain('20 lowercase letters')
    expect(refused('{}')).toContain('pins nothing')
  })

  test('a pin in defaults, or a project-ref contradicting supabase-project-ref, is refused', () => {
    expect(() =>
      load('defaults:\n  target: { database: app }\nenvironments:\n  production: {}\n')
    ).toThrow(/defaults\.target: a target pins one environment's database/)
    expect(() =>
      load(
        `environments:\n  production:\n    supabase-project-ref: ${OTHER_REF}\n    target: { project-ref: ${REF} }\n`
      )
    ).toThrow(`but supabase-project-ref is "${OTHER_REF}"`)
  })
})

describe('end to end through runCli (real Postgres)', () => {
  const PASSWORD = 'Pin-pw_8f3kQz'
  let db: TestDatabase
  let repo: FixtureRepo
  let role: string
  let url: URL

  beforeAll(async () => {
    db = await createTestDatabase('pin')
    role = `${db.name}_owner`
    const c = await db.client()
    await c.query(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${PASSWORD}'`)
    url = new URL(db.url)
    url.username = role
    url.password = PASSWORD
  })
  afterAll(async () => {
    await db.drop()
    const admin = new pg.Client({ connectionString: process.env.MR_TEST_ADMIN_URL })
    await admin.connect()
    try {
      await admin.query(`DROP ROLE IF EXISTS ${role}`)
    } finally {
      await admin.end()
    }
  })
  beforeEach(() => {
    repo = copyFixture('basic')
  })
  afterEach(() => rmSync(repo.root, { recursive: true, force: true }))

  function pin(target: string) {
    writeFileSync(
      path.join(repo.dir, 'runbook.yml'),
      // backup off: this test database has no Supabase backups (production fails the backup check without).
      `defaults:\n  lock-timeout: 300ms\nenvironments:\n  staging: {}\n  production:\n    production: true\n    backup: { off: true, reason: test database }\n    target: ${target}\n`
    )
  }

  async function cli(stage: string, databaseUrl: string) {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['--env', 'production', stage, '--database-url', databaseUrl], {
      out: t => out.push(t),
      err: t => err.push(t),
      env: {},
      cwd: repo.root
    })
    return { code, out: out.join('\n'), err: err.join('\n'), all: out.join('\n') + err.join('\n') }
  }

  async function runbookSchemas(): Promise<string[]> {
    const c = new pg.Client({ connectionString: db.url })
    await c.connect()
    try {
      const r = await c.query<{ nspname: string }>(
        `SELECT nspname FROM pg_namespace WHERE nspname IN ('supabase_migrations', 'migration_runbook')`
      )
      return r.rows.map(x => x.nspname)
    } finally {
      await c.end()
    }
  }

  async function expectRefused(target: string, databaseUrl: string, line: string) {
    pin(target)
    const r = await cli('apply', databaseUrl)
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      'error: the database URL does not match environments.production.target in migrations/runbook.yml; nothing was run'
    )
    expect(r.err).toContain(`  ${line}`)
    expect(r.all).not.toContain(PASSWORD)
    expect(r.all).not.toContain(databaseUrl)
    // No check ran: no table, no check lines, no history schema.
    expect(r.out).toBe('')
    expect(r.all).not.toMatch(/\b(PASS|FAIL|WARN)\b/)
    expect(await runbookSchemas()).toEqual([])
  }

  test('wrong database name exits 2, nothing executed', async () => {
    await expectRefused(
      '{ database: app_production }',
      url.toString(),
      `environments.production.target.database: expected "app_production", found "${db.name}" (URL database name)`
    )
  })

  test('wrong port exits 2, nothing executed', async () => {
    await expectRefused(
      `{ port: ${Number(url.port) === 1 ? 2 : 1}, database: ${db.name} }`,
      url.toString(),
      `environments.production.target.port: expected ${Number(url.port) === 1 ? 2 : 1}, found ${url.port} (URL port)`
    )
  })

  test('wrong host exits 2, nothing executed', async () => {
    await expectRefused(
      '{ host: db.prod.example.com }',
      url.toString(),
      `environments.production.target.host: expected "db.prod.example.com", found "${url.hostname}" (URL host)`
    )
  })

  test('a project-ref the URL cannot show exits 2, nothing executed', async () => {
    await expectRefused(
      `{ project-ref: ${REF} }`,
      url.toString(),
      `environments.production.target.project-ref: expected "${REF}", found none`
    )
  })

  test('a matching pin passes and reports the target result first', async () => {
    pin(`{ host: ${url.hostname}, port: ${url.port}, database: ${db.name} }`)
    const out: string[] = []
    const code = await runCli(
      ['validate', '--env', 'production', '--json', '--database-url', url.toString()],
      { out: t => out.push(t), err: () => undefined, env: {}, cwd: repo.root }
    )
    const report = JSON.parse(out.join('\n'))
    expect(report.checks[0]).toMatchObject({
      id: 'target',
      status: 'pass',
      summary: 'pinned: host, port, database'
    })
    expect(code).toBe(0)
    expect(out.join('\n')).not.toContain(PASSWORD)
  })

  test('no pin: no target result', async () => {
    const out: string[] = []
    const code = await runCli(
      ['validate', '--env', 'staging', '--json', '--database-url', url.toString()],
      { out: t => out.push(t), err: () => undefined, env: {}, cwd: repo.root }
    )
    expect(code).toBe(0)
    const report = JSON.parse(out.join('\n'))
    expect(report.checks.map((c: { id: string }) => c.id)).not.toContain('target')
  })
})
