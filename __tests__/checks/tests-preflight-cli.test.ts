/**
 * The fresh-runner case through the CLI bundle (dist/cli/index.js, a child process): the policy's test
 * command needs dependencies that are not installed, so `apply` fails in validate's tests-preflight check
 * and staging is not changed; once installed, the same apply runs the tests and passes.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { baseEnv, CLI, start } from '../e2e/processes.js'

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/basic')

let db: TestDatabase
let project: string

beforeAll(async () => {
  db = await createTestDatabase('preflight_tests_cli')
  project = mkdtempSync(path.join(os.tmpdir(), 'mr-fresh-runner-'))
  cpSync(FIXTURE, path.join(project, 'migrations'), { recursive: true })
  writeFileSync(
    path.join(project, 'migrations/runbook.yml'),
    'environments:\n  staging:\n    test-command: npm run test:integration\n'
  )
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({
      name: 'app',
      private: true,
      scripts: { 'test:integration': 'node node_modules/jest/bin/jest.js --runInBand' }
    })
  )
})
afterAll(async () => {
  rmSync(project, { recursive: true, force: true })
  await db.drop()
})

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

const apply = () =>
  start(CLI, ['apply', '--env', 'staging'], {
    cwd: project,
    env: baseEnv({ DATABASE_URL: db.url })
  }).done

test('without npm ci: fails in validate, names what is missing, changes nothing', async () => {
  const r = await apply()
  const output = r.stdout + r.stderr
  expect(r.code).toBe(1)
  expect(output).toContain('tests-preflight')
  expect(output).toContain(
    'npm script "test:integration": node runs "node_modules/jest/bin/jest.js", which does not exist'
  )
  expect(output).not.toContain(db.url)
  expect(await itemsExists()).toBe(false)
})

test('after the install: the same apply passes and runs the tests', async () => {
  mkdirSync(path.join(project, 'node_modules/jest/bin'), { recursive: true })
  writeFileSync(
    path.join(project, 'node_modules/jest/bin/jest.js'),
    "console.log('stand-in suite: ok')\n"
  )
  const r = await apply()
  expect({ code: r.code, out: r.code === 0 ? '' : r.stdout + r.stderr }).toEqual({
    code: 0,
    out: ''
  })
  expect(await itemsExists()).toBe(true)
  // The tests ran (their output is the evidence), they were not just found.
  expect(readFileSync(path.join(project, 'artifacts/staging/tests.txt'), 'utf8')).toContain(
    'stand-in suite: ok'
  )
})
