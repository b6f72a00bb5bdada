/**
 * `migration-runbook init` through the CLI front end (runCli), on temp copies of real repository layouts:
 * the Supabase CLI layout (fixture supabase-app, no runbook.yml) and a plain migrations/ folder. The written
 * policy must load with loadPolicy and drive a real stage; the written workflows must pass the same
 * validation as this repository's own; nothing is written with --print, nor over a file without --force.
 */
import { spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { runCli } from '../../src/cli.js'
import { parseInputs } from '../../src/config/inputs.js'
import { loadPolicy } from '../../src/config/policy.js'
import { createTestDatabase } from '../helpers/db.js'

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const FIXTURES = path.join(REPO, '__tests__', 'fixtures')
const PR = '.github/workflows/migrations-pr.yml'
const DEPLOY = '.github/workflows/migrations-deploy.yml'

let root: string

afterEach(() => rmSync(root, { recursive: true, force: true }))

/** A temp repository: the Supabase fixture, a plain migrations/ folder, or nothing. */
function makeRepo(kind: 'supabase' | 'plain' | 'empty'): string {
  root = mkdtempSync(path.join(os.tmpdir(), `mr-init-${kind}-`))
  if (kind === 'supabase') cpSync(path.join(FIXTURES, 'supabase-app'), root, { recursive: true })
  if (kind === 'plain') {
    cpSync(path.join(FIXTURES, 'basic'), path.join(root, 'migrations'), { recursive: true })
    rmSync(path.join(root, 'migrations', 'runbook.yml'))
  }
  return root
}

async function cli(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(args, {
    out: t => out.push(t),
    err: t => err.push(t),
    env: {},
    cwd: root
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Every file under the repository with its content: a --print or a refusal must leave it unchanged. */
function tree(dir = root): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry)
    if (statSync(p).isDirectory()) Object.assign(files, tree(p))
    else files[path.relative(root, p)] = readFileSync(p, 'utf8')
  }
  return files
}

const read = (relative: string) => readFileSync(path.join(root, relative), 'utf8')
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const yamlOf = (relative: string): any => parse(read(relative))

describe('Supabase CLI layout (supabase/migrations, no runbook.yml)', () => {
  beforeEach(() => makeRepo('supabase'))

  test('writes supabase/runbook.yml and both workflows, and says what to run next', async () => {
    const r = await cli(['init'])
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      'Supabase CLI layout: supabase/migrations/ (4 migrations); policy: supabase/runbook.yml'
    )
    expect(r.out).toContain(`wrote supabase/runbook.yml\nwrote ${PR}\nwrote ${DEPLOY}`)
    expect(r.out).toContain('npx migration-runbook rehearse\n')
    expect(r.out).toContain('npx migration-runbook validate --env staging --embedded\n')
    // Not inside the folder the Supabase CLI reads ("Skipping migration runbook.yml").
    expect(existsSync(path.join(root, 'supabase/migrations/runbook.yml'))).toBe(false)

    const policy = loadPolicy(path.join(root, 'supabase/runbook.yml'))
    expect(Object.keys(policy.environments)).toEqual(['staging', 'production'])
    expect(policy.environments.production).toMatchObject({
      production: true,
      lockBudgetMs: 5_000,
      lockTimeoutMs: 5_000,
      longTransactions: 'fail',
      lockHolders: 'fail',
      rehearsalOverBudget: 'fail'
    })
    expect(policy.environments.staging).toMatchObject({
      production: false,
      lockBudgetMs: 10_000,
      longTransactions: 'warn'
    })
    // Its commented examples are the real keys: production's target, uncommented, pins the database.
    const written = readFileSync(path.join(root, 'supabase/runbook.yml'), 'utf8')
    const pinned = written.replace(
      /^( {4})# (target: .*)\n {4}# ( {2}project-ref: .*)$(?![\s\S]*\n {4}# target:)/m,
      '$1$2\n    $3'
    )
    expect(pinned).not.toBe(written)
    writeFileSync(path.join(root, 'supabase/runbook.yml'), pinned)
    expect(
      loadPolicy(path.join(root, 'supabase/runbook.yml')).environments.production.target
    ).toMatchObject({ projectRef: 'abcdefghijklmnopqrst' })
    writeFileSync(path.join(root, 'supabase/runbook.yml'), written)
    // The default config rule finds what init wrote.
    const config = parseInputs(
      {
        environment: 'staging',
        stage: 'validate',
        'database-url': 'postgres://u:p@localhost/db',
        'migrations-dir': 'supabase/migrations'
      },
      { root }
    )
    expect(config.configPath).toBe('supabase/runbook.yml')
  })

  test('the workflows call the action with the detected folder and policy', async () => {
    expect((await cli(['init'])).code).toBe(0)
    const pr = yamlOf(PR)
    expect(pr.env).toEqual({
      MIGRATIONS_DIR: 'supabase/migrations',
      RUNBOOK_CONFIG: 'supabase/runbook.yml'
    })
    expect(pr.on).toEqual({ pull_request: null, merge_group: null })
    const validate = pr.jobs['validate-staging']
    expect(validate.environment).toMatchObject({ name: 'staging' })
    const step = validate.steps.find((s: { uses?: string }) =>
      s.uses?.includes('migration-runbook@')
    )
    expect(step.with).toMatchObject({
      environment: 'staging',
      stage: 'validate',
      'migrations-dir': '${{ env.MIGRATIONS_DIR }}',
      config: '${{ env.RUNBOOK_CONFIG }}'
    })
    expect(pr.jobs.changes.steps[1].run).toContain('-- "$MIGRATIONS_DIR/" "$RUNBOOK_CONFIG"')
    expect(pr.jobs.rehearse.steps.map((s: { run?: string }) => s.run ?? '').join('\n')).toContain(
      'rehearse --env staging --migrations-dir "$MIGRATIONS_DIR" --config "$RUNBOOK_CONFIG"'
    )
    // The required check needs every migration job and reports on every PR.
    const gate = pr.jobs['migrations-gate']
    expect(gate.if).toBe('always()')
    expect([...gate.needs].sort()).toEqual(['changes', 'rehearse', 'validate-staging'])

    const deploy = yamlOf(DEPLOY)
    expect(deploy.on.push.paths).toEqual(['supabase/migrations/**', 'supabase/runbook.yml'])
    expect(deploy.env.MIGRATIONS_DIR).toBe('supabase/migrations')
    expect(deploy.jobs.production.needs).toBe('staging')
    expect(deploy.jobs.production.environment).toMatchObject({ name: 'production' })
    for (const job of Object.values(deploy.jobs) as { concurrency: Record<string, unknown> }[])
      expect(job.concurrency['cancel-in-progress']).toBe(false)
  })

  test('the written workflows pass scripts/validate-workflows.mjs', async () => {
    expect((await cli(['init'])).code).toBe(0)
    // The script looks for action-validator under <root>/node_modules.
    symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'))
    const run = spawnSync(
      process.execPath,
      [path.join(REPO, 'scripts/validate-workflows.mjs'), root],
      {
        encoding: 'utf8'
      }
    )
    expect(run.stdout).toContain(`ok    ${PR}`)
    expect(run.stdout).toContain(`ok    ${DEPLOY}`)
    expect(run.status).toBe(0)
  })

  test('--print prints every edit and writes nothing', async () => {
    const before = tree()
    const r = await cli(['init', '--print'])
    expect(r.code).toBe(0)
    expect(tree()).toEqual(before)
    expect(r.out).toContain('printing the edits; nothing is written.')
    expect(r.out).toContain('--- supabase/runbook.yml (new file)\n# Migration Runbook policy')
    expect(r.out).toContain(`--- ${PR} (new file)\n# Pull requests`)
    expect(r.out).toContain(`--- ${DEPLOY} (new file)\n# Deploy`)
    expect(r.out).toContain('migration-runbook init (without --print) to write these files')
  })

  test('never overwrites without --force: exit 2 naming the file, nothing written', async () => {
    mkdirSync(path.join(root, '.github/workflows'), { recursive: true })
    writeFileSync(path.join(root, PR), 'name: ours\n')
    const before = tree()
    const r = await cli(['init'])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`error: ${PR} already exists; init never overwrites a file`)
    expect(r.err).toContain('--force')
    // Not even the files that did not exist: a refusal leaves no half setup.
    expect(tree()).toEqual(before)

    const printed = await cli(['init', '--print'])
    expect(printed.code).toBe(0)
    expect(printed.out).toContain(`--- ${PR} (exists: init refuses to replace it without --force)`)

    const forced = await cli(['init', '--force'])
    expect(forced.code).toBe(0)
    expect(forced.out).toContain(`replaced ${PR}`)
    expect(forced.out).toContain('wrote supabase/runbook.yml')
    expect(read(PR)).toContain('name: Migrations (PR)')
  })

  test('a second init names every file it would overwrite', async () => {
    expect((await cli(['init'])).code).toBe(0)
    writeFileSync(path.join(root, 'supabase/runbook.yml'), '# edited by hand\n')
    const r = await cli(['init'])
    expect(r.code).toBe(2)
    expect(r.err).toContain(`supabase/runbook.yml, ${PR}, ${DEPLOY} already exist`)
    expect(read('supabase/runbook.yml')).toBe('# edited by hand\n')
  })

  test('a policy already inside supabase/migrations is the one init targets (never a shadowed second)', async () => {
    writeFileSync(path.join(root, 'supabase/migrations/runbook.yml'), 'environments: {}\n')
    const r = await cli(['init'])
    expect(r.code).toBe(2)
    expect(r.err).toContain('supabase/migrations/runbook.yml already exists')
    expect(existsSync(path.join(root, 'supabase/runbook.yml'))).toBe(false)
  })
})

describe('plain migrations/ folder', () => {
  beforeEach(() => makeRepo('plain'))

  test('writes migrations/runbook.yml; the next commands need no --migrations-dir', async () => {
    const r = await cli(['init'])
    expect(r.code).toBe(0)
    expect(r.out).toContain(
      'migrations folder: migrations/ (2 migrations); policy: migrations/runbook.yml'
    )
    expect(r.out).toContain('\n  npx migration-runbook rehearse\n')
    expect(r.out).toContain('\n  npx migration-runbook validate --env staging --embedded\n')
    expect(
      loadPolicy(path.join(root, 'migrations/runbook.yml')).environments.production.production
    ).toBe(true)
    const pr = yamlOf(PR)
    expect(pr.env).toEqual({
      MIGRATIONS_DIR: 'migrations',
      RUNBOOK_CONFIG: 'migrations/runbook.yml'
    })
    // The policy is inside the folder: one path filter covers both.
    expect(yamlOf(DEPLOY).on.push.paths).toEqual(['migrations/**'])
  })

  test('the written policy drives a real validate on staging to a pass', async () => {
    expect((await cli(['init'])).code).toBe(0)
    const db = await createTestDatabase('init')
    try {
      const r = await cli(['validate', '--env', 'staging', '--database-url', db.url])
      expect(r.err).not.toContain('error:')
      expect(r.code).toBe(0)
      expect(r.out).toMatch(/VALIDATE on staging: (PASSED|WARNED)/)
    } finally {
      await db.drop()
    }
  })

  test('--migrations-dir names another folder; its policy goes inside it', async () => {
    cpSync(path.join(root, 'migrations'), path.join(root, 'db/sql'), { recursive: true })
    const r = await cli(['init', '--migrations-dir', 'db/sql/', '--print'])
    expect(r.code).toBe(0)
    expect(r.out).toContain('migrations folder: db/sql/ (2 migrations); policy: db/sql/runbook.yml')
    expect(r.out).toContain('npx migration-runbook rehearse --migrations-dir db/sql')
    expect(r.out).toContain('  MIGRATIONS_DIR: db/sql\n')
  })
})

describe('bad usage exits 2 naming what was wrong', () => {
  test('no migrations folder: says what it looked for', async () => {
    makeRepo('empty')
    const r = await cli(['init'])
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      'looked for supabase/migrations/ (Supabase CLI layout) and migrations/; allowed: run init in the project (the folder that holds supabase/migrations or migrations), or pass --migrations-dir <dir>'
    )
    expect(readdirSync(root)).toEqual([])
  })

  test('--migrations-dir that is not a folder, or outside the repository', async () => {
    makeRepo('plain')
    const missing = await cli(['init', '--migrations-dir', 'nope'])
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('option --migrations-dir is "nope", which is not a folder')
    const outside = await cli(['init', '--migrations-dir', '..'])
    expect(outside.code).toBe(2)
    expect(outside.err).toContain(
      'option --migrations-dir is "..", which is not inside the repository'
    )
  })

  test('options of the stage commands are refused, not ignored', async () => {
    makeRepo('plain')
    const r = await cli(['init', '--env', 'production'])
    expect(r.code).toBe(2)
    expect(r.err).toContain(
      'option --env does not apply to init; allowed: --migrations-dir <dir>, --force, --print'
    )
    expect(existsSync(path.join(root, 'migrations/runbook.yml'))).toBe(false)
  })
})

test('a folder the stages will refuse (a version used twice): init still writes, and says what to fix first', async () => {
  makeRepo('supabase')
  const dir = path.join(root, 'supabase', 'migrations')
  const [first] = readdirSync(dir)
    .filter(f => f.endsWith('.sql'))
    .sort()
  writeFileSync(path.join(dir, first.replace(/_.*$/, '_again.sql')), 'select 1;\n')
  const r = await cli(['init'])
  expect(r.code).toBe(0)
  expect(r.out).toContain('Supabase CLI layout: supabase/migrations/ (5 .sql files)')
  expect(r.out).toContain(
    'WARN the stages will refuse this folder until it is fixed: a version is used more than once in supabase/migrations'
  )
  expect(existsSync(path.join(root, 'supabase', 'runbook.yml'))).toBe(true)
})
