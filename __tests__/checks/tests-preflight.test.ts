/**
 * tests-preflight: validate finds out that the test command cannot start (a missing npm script, program or
 * script file: a fresh runner without `npm ci`) and fails before apply changes anything; a command that can
 * start passes. Nothing is run by the preflight itself.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { parseInputs } from '../../src/config/inputs.js'
import { Redactor } from '../../src/report/redact.js'
import { runStage } from '../../src/run.js'
import { preflightTestCommand, tokenizeShell } from '../../src/shell/preflight.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { findCheck } from '../../src/types.js'

describe('preflightTestCommand (a project folder, no database)', () => {
  let project: string
  const PATH = path.dirname(process.execPath)
  const check = (command: string) => preflightTestCommand(command, project, PATH)

  beforeAll(() => {
    project = mkdtempSync(path.join(os.tmpdir(), 'mr-preflight-'))
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({
        scripts: {
          'test:integration': 'MR=1 node node_modules/jest/bin/jest.js --runInBand tests',
          'test:smoke': 'node scripts/smoke.mjs && echo done',
          'test:vitest': 'vitest run'
        }
      })
    )
    mkdirSync(path.join(project, 'scripts'))
    writeFileSync(path.join(project, 'scripts/smoke.mjs'), '')
  })
  afterAll(() => rmSync(project, { recursive: true, force: true }))

  test('a command that can start passes', () => {
    expect(check('node scripts/smoke.mjs')).toMatchObject({ problems: [] })
    expect(check('npm run test:smoke')).toMatchObject({ problems: [] })
    expect(check('node -e "process.exit(0)" | cat')).toMatchObject({ problems: [] })
  })

  test('a missing npm script fails, naming the scripts there are', () => {
    expect(check('npm run test:e2e').problems).toEqual([
      'test-command: package.json has no script "test:e2e"; allowed: test:integration, test:smoke, test:vitest'
    ])
    expect(check('npm test').problems[0]).toContain('package.json has no script "test"')
  })

  test('a missing program fails, on PATH and in node_modules/.bin', () => {
    expect(check('FOO=1 no-such-runner --ci').problems).toEqual([
      'test-command: program "no-such-runner" is not on PATH or in node_modules/.bin; install it (npm ci, actions/setup-node) before the run'
    ])
    // Followed into the npm script: vitest is not installed (no npm ci).
    expect(check('npm run test:vitest').problems).toEqual([
      'npm script "test:vitest": program "vitest" is not on PATH or in node_modules/.bin; install it (npm ci, actions/setup-node) before the run'
    ])
    expect(check('npx vitest run').problems[0]).toContain('finds no vitest in node_modules/.bin')
  })

  test('a script file node would run must exist (the fresh-runner "Cannot find module")', () => {
    expect(check('npm run test:integration').problems).toEqual([
      `npm script "test:integration": node runs "node_modules/jest/bin/jest.js", which does not exist in ${project}; install dependencies first (npm ci)`
    ])
    // After an install it passes.
    const bin = path.join(project, 'node_modules/.bin')
    mkdirSync(path.join(project, 'node_modules/jest/bin'), { recursive: true })
    writeFileSync(path.join(project, 'node_modules/jest/bin/jest.js'), '')
    mkdirSync(bin, { recursive: true })
    writeFileSync(path.join(bin, 'vitest'), '#!/bin/sh\n')
    chmodSync(path.join(bin, 'vitest'), 0o755)
    expect(check('npm run test:integration').problems).toEqual([])
    expect(check('npm run test:vitest').problems).toEqual([])
    expect(check('npx vitest run').problems).toEqual([])
  })

  test('quotes and operators are read as sh reads them; substitutions are left unanalysed', () => {
    expect(tokenizeShell(`A=1 node 'my file.js' && echo "a b" | tee x 2>&1`)).toEqual([
      { word: 'A=1' },
      { word: 'node' },
      { word: 'my file.js' },
      { op: '&&' },
      { word: 'echo' },
      { word: 'a b' },
      { op: '|' },
      { word: 'tee' },
      { word: 'x' },
      { word: '2' },
      { op: '>&' },
      { word: '1' }
    ])
    expect(tokenizeShell('node $(echo x).js')).toBeNull()
    expect(check('node $(echo missing).js')).toMatchObject({ problems: [] })
  })
})

describe('in a stage run (a real database)', () => {
  let db: TestDatabase
  let repo: FixtureRepo

  beforeAll(async () => {
    db = await createTestDatabase('preflight_tests_command')
  })
  afterAll(async () => db.drop())
  beforeEach(() => {
    repo = copyFixture('basic')
  })
  afterEach(() => rmSync(repo.root, { recursive: true, force: true }))

  async function apply(testCommand: string) {
    writeFileSync(
      path.join(repo.dir, 'runbook.yml'),
      `environments:\n  staging:\n    test-command: ${JSON.stringify(testCommand)}\n`
    )
    // The test command runs in the repository root, as the project's own package.json sees it.
    writeFileSync(
      path.join(repo.root, 'package.json'),
      JSON.stringify({ name: 'app', scripts: { test: 'jest' } })
    )
    const config = parseInputs({ environment: 'staging', stage: 'apply', 'database-url': db.url })
    return runStage({ config, redactor: new Redactor(), root: repo.root, environ: process.env })
  }

  async function itemsExists(): Promise<boolean> {
    const c = new pg.Client({ connectionString: db.url })
    await c.connect()
    try {
      const r = await c.query(`SELECT to_regclass('public.items') IS NOT NULL AS present`)
      return r.rows[0].present as boolean
    } finally {
      await c.end()
    }
  }

  test.each([
    ['npm run no-such-script', 'package.json has no script "no-such-script"'],
    ['no-such-runner-xyz --ci', 'program "no-such-runner-xyz" is not on PATH']
  ])('`%s` fails in validate, before anything is applied', async (command, reason) => {
    const run = await apply(command)
    expect(run.exitCode).toBe(1)
    const preflight = findCheck(run.report.checks, 'tests-preflight')!
    expect(preflight.status).toBe('fail')
    expect(preflight.reasons[0]).toContain(reason)
    expect(findCheck(run.report.checks, 'apply')?.status).toBe('skip')
    expect(findCheck(run.report.checks, 'tests')?.summary).toContain('not run')
    expect(await itemsExists()).toBe(false)
  })
})
