/**
 * The default policy path when `config` is not given: <migrations-dir>/runbook.yml, and in the Supabase CLI
 * layout supabase/runbook.yml beside the folder (a file inside supabase/migrations makes every Supabase CLI
 * command print "Skipping migration runbook.yml"). Checked against real folders under a temp root.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError } from '../../src/config/errors.js'
import { configCandidates, parseInputs } from '../../src/config/inputs.js'

let root: string

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'mr-config-path-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

function touch(relative: string): void {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true })
  writeFileSync(path.join(root, relative), 'environments: { staging: {} }\n')
}

function configPathFor(migrationsDir: string | undefined, config?: string): string {
  return parseInputs(
    {
      environment: 'staging',
      stage: 'validate',
      'database-url': 'postgres://u:p@localhost/db',
      'migrations-dir': migrationsDir,
      config
    },
    { root }
  ).configPath
}

test('plain layout: <migrations-dir>/runbook.yml, unchecked (loadPolicy names it when missing)', () => {
  expect(configPathFor(undefined)).toBe('migrations/runbook.yml')
  expect(configPathFor('db/migrations/')).toBe('db/migrations/runbook.yml')
  expect(configCandidates('db/migrations')).toEqual(['db/migrations/runbook.yml'])
})

test('Supabase layout: supabase/runbook.yml when the folder holds none', () => {
  touch('supabase/runbook.yml')
  expect(configPathFor('supabase/migrations')).toBe('supabase/runbook.yml')
  expect(configPathFor('supabase/migrations/')).toBe('supabase/runbook.yml')
})

test('Supabase layout: a runbook.yml inside the folder still comes first', () => {
  touch('supabase/runbook.yml')
  touch('supabase/migrations/runbook.yml')
  expect(configPathFor('supabase/migrations')).toBe('supabase/migrations/runbook.yml')
})

test('Supabase layout in a monorepo folder', () => {
  touch('apps/web/supabase/runbook.yml')
  expect(configPathFor('apps/web/supabase/migrations')).toBe('apps/web/supabase/runbook.yml')
})

test('paths are looked up under the given root, not the working directory', () => {
  touch('supabase/runbook.yml')
  const other = mkdtempSync(path.join(os.tmpdir(), 'mr-config-path-other-'))
  try {
    expect(() =>
      parseInputs(
        {
          environment: 'staging',
          stage: 'validate',
          'database-url': 'postgres://u:p@localhost/db',
          'migrations-dir': 'supabase/migrations'
        },
        { root: other }
      )
    ).toThrow(ConfigError)
  } finally {
    rmSync(other, { recursive: true, force: true })
  }
})

test('neither exists: a ConfigError naming both paths tried', () => {
  mkdirSync(path.join(root, 'supabase/migrations'), { recursive: true })
  let error: unknown
  try {
    configPathFor('supabase/migrations')
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(ConfigError)
  expect((error as Error).message).toBe(
    'input "config" is not given, and neither supabase/migrations/runbook.yml nor supabase/runbook.yml exists; allowed: a runbook policy file — pass config (CLI: --config <file>), or create supabase/runbook.yml with `migration-runbook init`'
  )
})

test('an explicit config is taken as given, whatever exists', () => {
  expect(configPathFor('supabase/migrations', 'ops/policy.yml')).toBe('ops/policy.yml')
})
