/**
 * Exit codes through the door a shell uses: `node dist/cli/index.js` as a child process, against a real
 * database. 0 passed or warned, 1 a gate failed, 2 bad usage or configuration (DESIGN §9).
 */
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { baseEnv, cli } from './processes.js'

let db: TestDatabase
let repo: FixtureRepo

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  cli(args, { cwd: repo.root, env: baseEnv(env) })
const stage = (name: string, ...extra: string[]) =>
  run([name, '--env', 'staging', ...extra], { DATABASE_URL: db.url })

function summary(): { status: string; checks: { id: string; status: string }[] } {
  return JSON.parse(
    readFileSync(path.join(repo.root, 'artifacts', 'staging', 'summary.json'), 'utf8')
  )
}

async function appliedVersions(): Promise<string[]> {
  const c = await db.client()
  const exists = await c.query(`SELECT to_regclass('supabase_migrations.schema_migrations') AS t`)
  if (!exists.rows[0].t) return []
  const r = await c.query('SELECT version FROM supabase_migrations.schema_migrations ORDER BY 1')
  return r.rows.map(x => x.version)
}

beforeEach(async () => {
  db = await createTestDatabase('e2e_exit')
  repo = copyFixture('basic')
})
afterEach(async () => {
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
})

describe('every stage that passes exits 0', () => {
  test('validate, apply, verify, monitor, rollback in turn', async () => {
    repo.write(
      'runbook.yml',
      readFileSync(path.join(repo.dir, 'runbook.yml'), 'utf8').replace(
        '  staging: {}',
        [
          '  staging:',
          '    monitor:',
          '      duration: 300ms',
          '      interval: 100ms',
          '      checks:',
          '        - name: items',
          '          sql: SELECT count(*) AS value FROM public.items',
          '          max: 100'
        ].join('\n')
      )
    )
    const evidence = (name: string) =>
      readFileSync(path.join(repo.root, 'artifacts', 'staging', name), 'utf8')
    const validate = await stage('validate')
    expect([validate.code, summary().status]).toEqual([0, 'passed'])
    expect(await appliedVersions()).toEqual([])
    // validate's rehearsal diffs each file: it is the run's schema diff.
    expect(evidence('rehearsal.txt')).toContain('public.items')

    const apply = await stage('apply')
    expect(apply.code).toBe(0)
    expect(await appliedVersions()).toEqual(['20250101000000', '20250201000000'])
    // apply's rehearsal takes no snapshots of its own (apply and verify snapshot each state once); the diff of
    // what was applied is db-diff.txt's.
    expect(evidence('rehearsal.txt')).toContain("no schema diff in an apply run's rehearsal")
    expect(evidence('rehearsal.txt')).not.toContain('public.items')
    expect(evidence('db-diff.txt')).toContain('public.items')

    expect((await stage('verify')).code).toBe(0)
    const monitor = await stage('monitor')
    expect([monitor.code, summary().status]).toEqual([0, 'passed'])

    const rollback = await stage('rollback')
    expect(rollback.code).toBe(0)
    expect(await appliedVersions()).toEqual(['20250101000000'])
  })

  test('run from inside the migrations folder: the project above it is found, as the Supabase CLI finds its own', async () => {
    const inside = await cli(['validate', '--env', 'staging'], {
      cwd: repo.dir,
      env: baseEnv({ DATABASE_URL: db.url })
    })
    expect(inside.code).toBe(0)
    expect(inside.stderr).toContain(`project: ${repo.root} (the nearest directory above`)
    expect(inside.stdout).toContain(`evidence: ${path.join('..', 'artifacts', 'staging')}`)
    expect(summary().status).toBe('passed')
    // A path option: what was typed, from where it was typed (no walk, no line).
    const typed = await cli(['validate', '--env', 'staging', '--config', 'runbook.yml'], {
      cwd: repo.dir,
      env: baseEnv({ DATABASE_URL: db.url })
    })
    expect(typed.stderr).not.toContain('project:')
    expect(typed.code).toBe(2)
    expect(typed.stderr).toContain('input "migrations-dir" is "migrations", which is not a folder')
  })

  test('as a role that is not a superuser (as Supabase\'s own "postgres" role): every stage in turn', async () => {
    // Owner of the database and of public, no superuser: what a hosted project's migrations run as.
    const admin = await db.client()
    const role = `mr_owner_${Date.now().toString(36)}`
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'owner-pw' NOSUPERUSER`)
    await admin.query(`ALTER DATABASE ${db.name} OWNER TO ${role}`)
    await admin.query(`ALTER SCHEMA public OWNER TO ${role}`)
    const url = new URL(db.url)
    url.username = role
    url.password = 'owner-pw'
    const as = (name: string) => run([name, '--env', 'staging'], { DATABASE_URL: url.toString() })
    try {
      for (const name of ['validate', 'apply', 'verify', 'monitor'])
        expect([name, (await as(name)).code, summary().status]).toEqual([name, 0, 'passed'])
      expect(await appliedVersions()).toEqual(['20250101000000', '20250201000000'])
      // The history and the audit log were created by the role itself.
      const owners = await admin.query(
        `SELECT c.relname, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
          WHERE c.oid IN (to_regclass('supabase_migrations.schema_migrations'), to_regclass('public.items'))
          ORDER BY 1`
      )
      expect(owners.rows).toEqual([
        { relname: 'items', owner: role },
        { relname: 'schema_migrations', owner: role }
      ])
      expect((await as('rollback')).code).toBe(0)
      expect(await appliedVersions()).toEqual(['20250101000000'])
    } finally {
      await admin.query(`ALTER DATABASE ${db.name} OWNER TO CURRENT_USER`)
      await admin.query(`REASSIGN OWNED BY ${role} TO CURRENT_USER`)
      await admin.query(`DROP OWNED BY ${role}`)
      await admin.query(`DROP ROLE ${role}`)
    }
  })
})

describe('a stage whose gate fails exits 1', () => {
  test('validate: a syntax error fails lint, nothing is applied', async () => {
    repo.write('20250301000000_broken.sql', 'ALTER TABLE public.items ADD COLUMN;\n')
    const r = await stage('validate')
    expect(r.code).toBe(1)
    expect(summary().checks.find(c => c.id === 'lint')?.status).toBe('fail')
    expect(r.stdout).toContain('FAILED')
    expect(await appliedVersions()).toEqual([])
  })

  test('apply: rows a new constraint rejects stop it before anything is applied', async () => {
    expect((await stage('apply')).code).toBe(0)
    repo.write(
      '20250301000000_expensive.sql',
      'ALTER TABLE public.items ADD CONSTRAINT items_price_high CHECK (price > 100);\n'
    )
    const r = await stage('apply')
    expect(r.code).toBe(1)
    expect(summary().checks.find(c => c.id === 'conflicts')?.status).toBe('fail')
    expect(summary().checks.find(c => c.id === 'apply')?.status).toBe('skip')
    expect(await appliedVersions()).toEqual(['20250101000000', '20250201000000'])
  })

  test('apply: a migration that fails on this data is caught by the rehearsal (tables created in the run)', async () => {
    repo.write(
      '20250301000000_expensive.sql',
      'ALTER TABLE public.items ADD CONSTRAINT items_price_high CHECK (price > 100);\n'
    )
    const r = await stage('apply')
    expect(r.code).toBe(1)
    expect(summary().checks.find(c => c.id === 'rehearsal')?.status).toBe('fail')
    expect(await appliedVersions()).toEqual([])
  })

  test('apply: failing tests exit 1 after the change is applied', async () => {
    const r = await stage('apply', '--test-command', 'exit 3')
    expect(r.code).toBe(1)
    expect(summary().checks.find(c => c.id === 'tests')?.status).toBe('fail')
    expect(await appliedVersions()).toEqual(['20250101000000', '20250201000000'])
  })

  test('verify: a verify script that raises', async () => {
    expect((await stage('apply')).code).toBe(0)
    const c = await db.client()
    await c.query('DROP TABLE public.item_tags')
    const r = await stage('verify')
    expect(r.code).toBe(1)
    expect(summary().checks.find(c => c.id === 'verify')?.status).toBe('fail')
  })

  test('rollback: refused when the newest migration has no rollback script', async () => {
    expect((await stage('apply')).code).toBe(0)
    rmSync(path.join(repo.dir, 'rollback'), { recursive: true })
    const r = await stage('rollback')
    expect(r.code).toBe(1)
    expect(await appliedVersions()).toEqual(['20250101000000', '20250201000000'])
  })

  test('monitor: a breached threshold', async () => {
    repo.write(
      'runbook.yml',
      readFileSync(path.join(repo.dir, 'runbook.yml'), 'utf8').replace(
        '  staging: {}',
        [
          '  staging:',
          '    monitor:',
          '      duration: 200ms',
          '      interval: 100ms',
          '      checks:',
          '        - name: always-high',
          '          sql: SELECT 100 AS value',
          '          max: 10'
        ].join('\n')
      )
    )
    expect((await stage('apply')).code).toBe(0)
    const r = await stage('monitor')
    expect(r.code).toBe(1)
    expect(summary().status).toBe('failed')
  })
})

describe('bad usage or configuration exits 2 and touches nothing', () => {
  test('unknown stage', async () => {
    const r = await stage('deploy')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('command is "deploy"; allowed: validate, apply, verify')
  })

  test('no command at all prints the usage', async () => {
    const r = await run([])
    expect(r.code).toBe(2)
    expect(r.stdout).toContain('Usage:')
  })

  test('--help exits 0', async () => {
    expect((await run(['--help'])).code).toBe(0)
  })

  test('unknown option: the nearest one named, and what is allowed; a typo of --database-url does not echo the URL', async () => {
    const r = await stage('validate', '--no-such-flag')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'error: unknown option --no-such-flag; allowed: --env, --database-url, --embedded,'
    )
    const typo = await run(['apply', '--env', 'staging', '--databse-url=postgres://u:Typo-pw@h/db'])
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(
      'error: unknown option --databse-url (did you mean --database-url?); allowed: --env, --database-url,'
    )
    expect(typo.stderr + typo.stdout).not.toContain('Typo-pw')
  })

  test('an option value that starts with "-": how to pass it, then the value checked', async () => {
    const r = await run(['rehearse', '--demo-rows', '-5'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'error: option --demo-rows needs a value, and the argument after it starts with "-"; to pass a value that starts with "-", write --demo-rows=<value>'
    )
    const written = await run(['rehearse', '--demo-rows=-5'])
    expect(written.code).toBe(2)
    expect(written.stderr).toContain('option --demo-rows is "-5"; allowed: a whole number ≥ 0')
  })

  test('--database-url without its value (the next option follows): 2, and the usage is not masked', async () => {
    const r = await run([
      'validate',
      '--env',
      'staging',
      '--database-url',
      '--migrations-dir',
      'migrations'
    ])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'option --database-url needs a value, and the argument after it starts with "-"'
    )
    // The next option was taken for the URL and masked: every "--migrations-dir" of the usage read "***".
    expect(r.stderr).toContain('--migrations-dir <dir>')
    expect(r.stderr).not.toContain('***')
  })

  test('unknown environment', async () => {
    const r = await run(['validate', '--env', 'prod-eu'], { DATABASE_URL: db.url })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('"prod-eu"')
    expect(r.stderr).toContain('allowed: staging, production')
  })

  test('no runbook.yml: 2, naming the path and `init`, nothing applied', async () => {
    rmSync(path.join(repo.dir, 'runbook.yml'))
    const r = await stage('apply')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`${path.join('migrations', 'runbook.yml')}", which does not exist`)
    expect(r.stderr).toContain('`migration-runbook init` writes one')
    expect(r.stderr).toContain('--config')
    expect(await appliedVersions()).toEqual([])
  })

  test('invalid runbook.yml: not YAML, and a forbidden value', async () => {
    repo.write('runbook.yml', 'version: 1\nenvironments: [staging\n')
    const broken = await stage('validate')
    expect(broken.code).toBe(2)
    expect(broken.stderr).toContain('runbook.yml')

    repo.write(
      'runbook.yml',
      'version: 1\ndefaults:\n  lock-timeout: 0s\nenvironments:\n  staging: {}\n'
    )
    const zero = await stage('apply')
    expect(zero.code).toBe(2)
    expect(zero.stderr).toContain('lock-timeout')
    expect(await appliedVersions()).toEqual([])
  })

  test('runbook.yml typos: each names the key, the nearest allowed one or the value, and what is allowed', async () => {
    // The same typos under the top-level key as written (first misspelt itself).
    const withTypos = (top: string) =>
      repo.write(
        'runbook.yml',
        [
          'version: 1',
          `${top}:`,
          '  staging:',
          '    lock-holdrs: warn',
          '    long-transactions: wran',
          '    monitor: { duraton: 5m, interval: 1m }',
          ''
        ].join('\n')
      )
    withTypos('enviroments')
    const r = await stage('apply')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      '  enviroments: unknown key (did you mean "environments"?); allowed: version, setup-sql, defaults, feature-flags, lint, environments'
    )
    expect(r.stderr).toContain('  environments: missing (required)')
    withTypos('environments')
    const typos = await stage('apply')
    expect(typos.code).toBe(2)
    expect(typos.stderr).toContain(
      '  environments.staging.lock-holdrs: unknown key (did you mean "lock-holders"?); allowed: supabase-project-ref, lock-timeout,'
    )
    expect(typos.stderr).toContain(
      '  environments.staging.long-transactions: is "wran"; allowed: fail, warn, off'
    )
    // An unknown key under monitor was dropped without a word before: the missing duration was all it said.
    expect(typos.stderr).toContain(
      '  environments.staging.monitor.duraton: unknown key (did you mean "duration"?); allowed: duration, interval, on-breach, checks, window, rollback-workflow'
    )
    expect(await appliedVersions()).toEqual([])
  })

  test('a migrations folder that does not exist or cannot be read', async () => {
    const missing = await stage('validate', '--migrations-dir', 'nowhere')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('nowhere')

    if (process.getuid?.() !== 0) {
      chmodSync(repo.dir, 0o000)
      const unreadable = await stage('validate')
      chmodSync(repo.dir, 0o755)
      expect(unreadable.code).toBe(2)
    }
  })

  test('a version used more than once (as in a real Lovable project): 2, naming both files and the way out; rehearse starts no server', async () => {
    repo.write('20250201000000_add_notes.sql', 'CREATE TABLE public.notes (id int);\n')
    const r = await stage('validate')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'a version is used more than once in migrations: 20250201000000 (20250201000000_add_notes.sql, 20250201000000_add_sku.sql).'
    )
    expect(r.stderr).toContain('give each file a version of its own')
    expect(await appliedVersions()).toEqual([])
    const rehearsal = await run(['rehearse'])
    expect(rehearsal.code).toBe(2)
    expect(rehearsal.stderr).toContain('used more than once')
    expect(rehearsal.stdout + rehearsal.stderr).not.toContain('starting a throwaway PostgreSQL')
  })

  test('an --artifacts-dir that cannot be written is refused before connecting', async () => {
    writeFileSync(path.join(repo.root, 'not-a-folder'), 'x')
    const r = await run(['apply', '--env', 'staging', '--artifacts-dir', 'not-a-folder'], {
      DATABASE_URL: db.url
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('input "artifacts-dir" is "not-a-folder"')
    expect(r.stderr).not.toContain('SQLSTATE')
    expect(r.stderr).not.toMatch(/\n\s+at /) // no stack trace
    expect(await appliedVersions()).toEqual([])
  })

  test('no target at all', async () => {
    const r = await run(['validate', '--env', 'staging'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no target')
  })

  test('a database URL that is not a URL, without echoing it', async () => {
    const r = await run(['validate', '--env', 'staging'], { DATABASE_URL: 'not a url s3cret' })
    expect(r.code).toBe(2)
    expect(r.stderr + r.stdout).not.toContain('s3cret')
  })
})

test('an unreachable server is a failed connection gate (1), with evidence', async () => {
  mkdirSync(path.join(repo.root, 'artifacts'), { recursive: true })
  const r = await run(['validate', '--env', 'staging'], {
    DATABASE_URL: 'postgres://u:pw@127.0.0.1:1/db'
  })
  expect(r.code).toBe(1)
  expect(summary().checks[0]).toMatchObject({ id: 'connection', status: 'fail' })
})

describe('lint: offline, no database, no environment', () => {
  test("0 when clean, 1 on an error-level finding, 2 on bad usage; SARIF 2.1.0 for code scanning; no path: the project's migrations", async () => {
    const clean = await run(['lint', 'migrations'])
    expect(clean.code).toBe(0)
    repo.write(
      '20250301000000_overlap.sql',
      'ALTER TABLE public.items\n  ADD CONSTRAINT items_no_overlap EXCLUDE USING gist (id WITH =, window WITH &&);\n'
    )
    const broken = await run(['lint', 'migrations'])
    expect(broken.code).toBe(1)
    expect(broken.stdout).toContain(
      'migrations/20250301000000_overlap.sql:2:66: error syntax-error'
    )
    const sarif = await run(['lint', '--format', 'sarif', 'migrations'])
    expect(sarif.code).toBe(1)
    const log = JSON.parse(sarif.stdout)
    expect(log.version).toBe('2.1.0')
    const result = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'syntax-error')
    expect(result.locations[0].physicalLocation.region).toMatchObject({
      startLine: 2,
      startColumn: 66
    })
    expect((await run(['lint', '--format', 'xml', 'migrations'])).code).toBe(2)
    expect((await run(['lint', 'no-such-folder'])).code).toBe(2)
    // No path: the project's migrations folder, as `lint migrations`.
    const here = await run(['lint'])
    expect(here.code).toBe(1)
    expect(here.stderr).toContain(
      "lint: migrations (no path given: the project's migrations, each linted"
    )
    expect(here.stdout).toContain('migrations/20250301000000_overlap.sql:2:66: error syntax-error')
  })
})
