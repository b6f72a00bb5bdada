/**
 * `rehearse` through the built CLI (dist/cli/index.js) on a copy of this repository's migrations and shipped
 * runbook.yml: the reference capacity API is started on a free local port, the flags and smoke checks run
 * end to end on the throwaway database and show in the table; a flag value outside the allowed set stops
 * validate before anything else.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { baseEnv, cli } from '../e2e/processes.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
let repo: string

beforeAll(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-runbook-'))
  cpSync(path.join(ROOT, 'migrations'), path.join(repo, 'migrations'), { recursive: true })
  // The shipped policy, minus staging's test command (the repository's own integration suite).
  const policy = path.join(repo, 'migrations', 'runbook.yml')
  writeFileSync(policy, readFileSync(policy, 'utf8').replace(/^\s+test-command:.*$/m, ''))
})
afterAll(() => rmSync(repo, { recursive: true, force: true }))

/** The table rows of one check, as "<STAGE> <STATUS>". */
function rows(table: string, id: string): string[] {
  const out: string[] = []
  let stage = ''
  for (const line of table.split('\n')) {
    const header = /^([A-Z]+) on /.exec(line)
    if (header) stage = header[1]
    const row = new RegExp(`^  ${id}\\s+(\\S+)`).exec(line)
    if (row) out.push(`${stage} ${row[1]}`)
  }
  return out
}

test('rehearse runs flags and smoke end to end and shows them in its table', async () => {
  const r = await cli(['rehearse', '--demo-rows', '400'], {
    cwd: repo,
    env: baseEnv({ FEATURE_ALLOCATOR_ADJACENCY_MODE: 'connected' })
  })
  expect(r.stderr).toMatch(/capacity API \(smoke checks\) on http:\/\/127\.0\.0\.1:\d+/)
  // apply runs flags before and after the migrations; the round trip is validate, apply, verify, rollback, apply.
  expect(rows(r.stdout, 'flags')).toEqual([
    'VALIDATE PASS',
    'APPLY PASS',
    'APPLY PASS',
    'VERIFY PASS',
    'APPLY PASS',
    'APPLY PASS'
  ])
  expect(rows(r.stdout, 'smoke')).toEqual(['APPLY PASS', 'VERIFY PASS', 'APPLY PASS'])
  expect(r.stdout).toMatch(/smoke\s+PASS\s+\d+\s+1\/1 scenario passed/)
  expect(r.stdout).toMatch(
    /flags\s+PASS\s+\d+\s+FEATURE_ALLOCATOR_ADJACENCY_MODE=connected \(environment\), 0 venue overrides/
  )
  expect(r.code).toBe(0)
  // The token the rehearsal made for the API is a secret: never printed.
  expect(r.stdout + r.stderr).not.toMatch(/Bearer [0-9a-f-]{36}/)
  const verify = readFileSync(
    path.join(repo, 'artifacts', 'rehearsal', '3-verify', 'staging', 'smoke.json'),
    'utf8'
  )
  const statuses = JSON.parse(verify).scenarios[0].requests.map(
    (q: { exchange: { status: number } }) => q.exchange.status
  )
  expect(statuses).toEqual([200, 201, 200])
}, 240_000)

test('a flag value outside the allowed set fails validate, naming the variable, the value and the allowed values', async () => {
  const r = await cli(['rehearse', '--demo-rows', '0'], {
    cwd: repo,
    env: baseEnv({ FEATURE_ALLOCATOR_ADJACENCY_MODE: 'diagonal' })
  })
  expect(r.code).toBe(1)
  expect(rows(r.stdout, 'flags')).toEqual(['VALIDATE FAIL'])
  expect(r.stdout).toContain(
    `FEATURE_ALLOCATOR_ADJACENCY_MODE is "diagonal" (from the job's environment); allowed: connected, pairwise, neighbors`
  )
}, 240_000)
