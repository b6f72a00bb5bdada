/**
 * The action as GitHub runs it: `node dist/index.js` (the committed bundle, not src/) with INPUT_* variables,
 * against a real database, a local GitHub REST server and a local artifact service. This also lints through
 * the bundle, which must find libpg-query.wasm next to itself.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { clearMigrations, copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import {
  fakeRuntimeToken,
  startFakeArtifactService,
  startFakeGitHub,
  type FakeArtifactService,
  type FakeGitHub
} from '../helpers/fake-github.js'

/** The built action; MR_ACTION_ENTRY points at a private copy while others rebuild dist/. */
const ACTION =
  process.env.MR_ACTION_ENTRY ||
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'index.js')

let db: TestDatabase
let repo: FixtureRepo
let github: FakeGitHub
let artifacts: FakeArtifactService
let tmp: string

interface ActionRun {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
}

/** Reads GITHUB_OUTPUT's `name<<delimiter ... delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3]
  return out
}

async function runAction(
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {}
): Promise<ActionRun> {
  const outputFile = path.join(tmp, `output-${Date.now()}`)
  const summaryFile = path.join(tmp, `summary-${Date.now()}`)
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const event = path.join(tmp, 'event.json')
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }))
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/bookings',
    GITHUB_RUN_ID: '99',
    GITHUB_SHA: 'abc123',
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: github.url,
    ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
    ACTIONS_RESULTS_URL: `${artifacts.url}/`,
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_COMMENT: 'auto',
    ...extraEnv
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const child = spawn(process.execPath, [ACTION], { cwd: repo.root, env })
  let stdout = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stdout += d))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  return {
    code,
    stdout,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

beforeEach(async () => {
  db = await createTestDatabase('action')
  repo = copyFixture('basic')
  github = await startFakeGitHub()
  artifacts = await startFakeArtifactService({ artifactId: 4242 })
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mr-action-'))
})
afterEach(async () => {
  await github.close()
  await artifacts.close()
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
  rmSync(tmp, { recursive: true, force: true })
})

test('node dist/index.js applies to a real database, sets outputs, uploads evidence and keeps one PR comment', async () => {
  const first = await runAction({ environment: 'staging', stage: 'apply', 'database-url': db.url })
  expect(first.code).toBe(0)
  expect(first.outputs.status).toMatch(/^(passed|warned)$/)
  expect(JSON.parse(first.outputs.applied)).toEqual(['20250101000000', '20250201000000'])
  expect(JSON.parse(first.outputs.pending)).toEqual([])
  expect(first.outputs['artifact-id']).toBe('4242')
  expect(artifacts.created.name).toBe('migration-runbook-staging-apply')
  expect(github.comments).toHaveLength(1)
  expect(github.comments[0].issueNumber).toBe(7)
  expect(github.comments[0].body.split('\n')[0]).toBe('<!-- migration-runbook:staging -->')
  expect(first.outputs['comment-url']).toBeTruthy()
  expect(first.summary).toContain('<!-- migration-runbook:staging -->')
  const c = await db.client()
  const history = await c.query(
    'SELECT version FROM supabase_migrations.schema_migrations ORDER BY 1'
  )
  expect(history.rows.map(r => r.version)).toEqual(['20250101000000', '20250201000000'])

  // A re-run edits the same comment instead of adding one.
  const second = await runAction({
    environment: 'staging',
    stage: 'verify',
    'database-url': db.url
  })
  expect(second.code).toBe(0)
  expect(github.comments).toHaveLength(1)
  expect(github.comments[0].body).toMatch(/verify/i)

  // The URL and password are masked (::add-mask::) and appear nowhere else. (The embedded server always
  // has a password; a TEST_DATABASE_URL with trust auth has none, and then the URL is what is checked.)
  const password = new URL(db.url).password || db.url
  const visible = first.stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
  expect(visible).not.toContain(password)
  expect(first.stdout).toContain(`::add-mask::${password}`)
  expect(github.comments[0].body).not.toContain(password)
})

test("a re-run job (GITHUB_RUN_ATTEMPT=2, the same workflow run) keeps its evidence: the first attempt's name is taken", async () => {
  const inputs = { environment: 'staging', stage: 'validate', 'database-url': db.url }
  const first = await runAction(inputs, { GITHUB_RUN_ATTEMPT: '1' })
  const rerun = await runAction(inputs, { GITHUB_RUN_ATTEMPT: '2' })
  expect([first.code, rerun.code]).toEqual([0, 0])
  expect(first.outputs['artifact-id']).toBe('4242')
  // Before, the service refused the name (409) and the re-run's evidence was a warning, not an artifact.
  expect(rerun.outputs['artifact-id']).toBe('4243')
  expect(artifacts.names).toEqual([
    'migration-runbook-staging-validate',
    'migration-runbook-staging-validate-attempt-2'
  ])
  expect(rerun.stdout).toContain(
    '::notice::Artifact "migration-runbook-staging-validate" already exists on this workflow run'
  )
  expect(rerun.stdout).not.toContain('::warning::Artifact')
  // The PR comment links the re-run's own artifact.
  expect(github.comments[0].body).toContain('/artifacts/4243')
})

test("lint through the bundle reports the runbook's bare `window` at file:line:column and fails validate", async () => {
  repo.write(
    '20250301000000_overlap.sql',
    'ALTER TABLE public.items\n  ADD CONSTRAINT items_no_overlap EXCLUDE USING gist (id WITH =, window WITH &&);\n'
  )
  const run = await runAction({
    environment: 'staging',
    stage: 'validate',
    'database-url': db.url,
    comment: 'never'
  })
  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('failed')
  const summary = JSON.parse(
    readFileSync(path.join(repo.root, 'artifacts', 'staging', 'summary.json'), 'utf8')
  )
  const lint = summary.checks.find((c: { id: string }) => c.id === 'lint')
  expect(lint.status).toBe('fail')
  const finding = lint.details.findings.find((f: { severity: string }) => f.severity === 'error')
  expect([finding.file, finding.line, finding.column]).toEqual([
    'migrations/20250301000000_overlap.sql',
    2,
    66
  ])
  expect(finding.message).toContain('syntax error at or near "window"')
  // ...and as a GitHub annotation on that file and line.
  expect(run.stdout).toMatch(/::error .*file=migrations\/20250301000000_overlap\.sql,line=2/)
  expect(github.comments).toHaveLength(0)
})

test("a failing comment post is a warning that never hides the migration's own result", async () => {
  const run = await runAction(
    { environment: 'staging', stage: 'apply', 'database-url': db.url },
    { 'INPUT_GITHUB-TOKEN': 'wrong-token' }
  )
  expect(run.code).toBe(0)
  expect(run.outputs.status).toMatch(/^(passed|warned)$/)
  expect(run.stdout).toMatch(/::warning::.*comment.*401/i)
})

test('an unknown stage fails before any connection, naming the input and the allowed values', async () => {
  const run = await runAction({
    environment: 'staging',
    stage: 'deploy',
    'database-url': 'postgres://u:secretpw@203.0.113.1:5432/db'
  })
  expect(run.code).toBe(1)
  expect(run.stdout).toContain(
    'input "stage" is "deploy"; allowed: validate, apply, verify, rollback, monitor, monitor-window'
  )
  expect(
    run.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::'))
      .join('\n')
  ).not.toContain('secretpw')
  expect(github.requests).toHaveLength(0)
})

test('through the action, migrations that only create new objects are rehearsed alongside the gates', async () => {
  clearMigrations(repo)
  repo.write(
    '20250301000000_orders.sql',
    'CREATE TABLE public.action_orders (id bigint PRIMARY KEY, total numeric NOT NULL);\nCREATE INDEX action_orders_total_idx ON public.action_orders (total);\n'
  )
  const r = await runAction({ environment: 'staging', stage: 'apply', 'database-url': db.url })
  expect(r.code).toBe(0)
  expect(JSON.parse(r.outputs.applied)).toEqual(['20250301000000'])
  // The early start is said once, before the rehearsal's own lines, which keep their place after the gates.
  const early = r.stdout.indexOf('rehearsal: started early')
  expect(early).toBeGreaterThan(r.stdout.search(/conflicts: /))
  expect(r.stdout.indexOf('▶ rehearsal')).toBeGreaterThan(early)
  expect(github.comments[0].body).toMatch(/rehearsal/)
  const c = await db.client()
  const { rows } = await c.query(`SELECT to_regclass('public.action_orders') IS NOT NULL AS ok`)
  expect(rows[0].ok).toBe(true)
})
