/**
 * The engine's embedded target provider, through the CLI bundle: what a throwaway database gets deployed
 * depends on the stage (validate needs something pending, verify acts on what is applied), and bad usage of
 * the baseline options is exit 2 before any server starts.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { baseEnv, cli } from './processes.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const FIXTURE = path.join(ROOT, '__tests__', 'fixtures', 'supabase-app')
const VERSIONS = ['20240312090000', '20240315143000', '20240402101500', '20240420083000']

let repo: string

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  cli([...args, '--migrations-dir', 'supabase/migrations', '--demo-rows', '0'], {
    cwd: repo,
    env: baseEnv(env)
  })

interface Summary {
  status: string
  pending: string[]
  checks: { id: string; status: string; details: { deployed?: string[] } }[]
}
const summary = (): Summary =>
  JSON.parse(readFileSync(path.join(repo, 'artifacts', 'staging', 'summary.json'), 'utf8'))

beforeEach(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-embedded-'))
  cpSync(FIXTURE, repo, { recursive: true })
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
})
afterEach(() => rmSync(repo, { recursive: true, force: true }))

test('--embedded deploys all but the newest for validate, and everything for verify', async () => {
  const validate = await run(['validate', '--env', 'staging', '--embedded'])
  expect(validate.code).toBe(0)
  expect(validate.stderr).toContain('starting a throwaway PostgreSQL')
  const v = summary()
  expect(v.checks[0]).toMatchObject({ id: 'baseline', status: 'pass' })
  expect(v.checks[0].details.deployed).toEqual(VERSIONS.slice(0, -1))
  expect(v.pending).toEqual(VERSIONS.slice(-1))

  const verify = await run(['verify', '--env', 'staging', '--embedded'])
  expect(verify.code).toBe(0)
  const s = summary()
  expect(s.checks[0].details.deployed).toEqual(VERSIONS)
  expect(s.pending).toEqual([])
}, 120_000)

test('--baseline-from an environment runbook.yml does not define: exit 2 before any server starts, the URL never printed', async () => {
  const url = 'postgres://reader:s3cret-pw@127.0.0.1:1/app'
  const r = await run(['validate', '--env', 'staging', '--embedded', '--baseline-from', 'prod'], {
    DATABASE_URL: url
  })
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('input "environment" is "prod"')
  expect(r.stderr).toContain('allowed: staging')
  expect(r.stderr).not.toContain('starting a throwaway PostgreSQL')
  expect(r.stdout + r.stderr).not.toContain('s3cret-pw')
}, 60_000)

test('--baseline naming no migration: exit 2 naming the option and the versions allowed', async () => {
  const r = await run(['verify', '--env', 'staging', '--embedded', '--baseline', '20990101000000'])
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('option --baseline is "20990101000000"; allowed: one of')
  expect(r.stderr).toContain(VERSIONS[0])
  // Refused before a server is started for nothing.
  expect(r.stderr).not.toContain('starting a throwaway PostgreSQL')
}, 120_000)
