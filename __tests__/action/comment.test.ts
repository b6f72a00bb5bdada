/**
 * The sticky comment as a user sees it: the built action (`node dist/index.js`) against a real database,
 * a local GitHub REST stand-in and a local artifact service, over several pushes to one PR.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import {
  fakeRuntimeToken,
  startFakeArtifactService,
  startFakeGitHub,
  type FakeArtifactService,
  type FakeGitHub
} from '../helpers/fake-github.js'
import { ACTION, baseEnv, start, type Running } from '../e2e/processes.js'

let db: TestDatabase
let repo: FixtureRepo
let github: FakeGitHub
let artifacts: FakeArtifactService
let tmp: string

/** The built action; MR_ACTION_ENTRY points at a private copy while others rebuild dist/. */
const ENTRY = process.env.MR_ACTION_ENTRY || ACTION
const MERGE_SHA = 'e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1e1'
const HEAD_1 = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1'
const HEAD_2 = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2'
const MARKER = '<!-- migration-runbook:staging -->'

interface Files {
  output: string
  summary: string
}

/** Starts the action for a pull_request run on PR 7 whose head is `head` (GITHUB_SHA: the merge commit). */
function startAction(head: string, inputs: Record<string, string>): { run: Running; files: Files } {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`
  const files = {
    output: path.join(tmp, `output-${stamp}`),
    summary: path.join(tmp, `summary-${stamp}`)
  }
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const event = path.join(tmp, `event-${stamp}.json`)
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, head: { sha: head } } }))
  const env = baseEnv({
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'acme/bookings',
    // github.com: the artifact client refuses to upload on GHES (any other server URL).
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '99',
    GITHUB_SHA: MERGE_SHA,
    GITHUB_ACTOR: 'octocat',
    GITHUB_API_URL: github.url,
    ACTIONS_RUNTIME_TOKEN: fakeRuntimeToken(),
    ACTIONS_RESULTS_URL: `${artifacts.url}/`,
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_COMMENT: 'auto',
    INPUT_ENVIRONMENT: 'staging',
    INPUT_STAGE: 'validate',
    'INPUT_DATABASE-URL': db.url
  })
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return { run: start(ENTRY, [], { cwd: repo.root, env }), files }
}

/** Reads GITHUB_OUTPUT's `name<<delimiter ... delimiter` blocks. */
function outputs(file: string): Record<string, string> {
  const text = readFileSync(file, 'utf8')
  const out: Record<string, string> = {}
  const re = /^(.+?)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3]
  return out
}

async function runAction(head: string, inputs: Record<string, string> = {}) {
  const { run, files } = startAction(head, inputs)
  const done = await run.done
  return {
    code: done.code,
    stdout: done.stdout,
    outputs: outputs(files.output),
    summary: readFileSync(files.summary, 'utf8')
  }
}

function ourComment(): string {
  const ours = github.comments.filter(c => c.user.login === 'github-actions[bot]')
  expect(ours).toHaveLength(1)
  return ours[0].body
}

beforeEach(async () => {
  db = await createTestDatabase('action_comment')
  repo = copyFixture('basic')
  github = await startFakeGitHub()
  artifacts = await startFakeArtifactService({ artifactId: 4242 })
  tmp = mkdtempSync(path.join(os.tmpdir(), 'mr-action-comment-'))
})
afterEach(async () => {
  await github.close()
  await artifacts.close()
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
  rmSync(tmp, { recursive: true, force: true })
})

test('head SHA not the merge commit, artifact-url output, a human comment with the marker left alone, a tick kept', async () => {
  const human = `${MARKER}\nI copied the bot's marker into my notes`
  github.seed(7, [human], 'alice')

  const first = await runAction(HEAD_1)
  expect(first.code).toBe(0)
  expect(first.outputs['artifact-url']).toBe(
    'https://github.com/acme/bookings/actions/runs/99/artifacts/4242'
  )
  // alice's comment is untouched; ours is a new one, posted by the token's (bot) identity.
  expect(github.comments[0]).toMatchObject({ body: human, user: { login: 'alice' } })
  let body = ourComment()
  for (const text of [body, first.summary]) {
    expect(text).toContain(`commit \`${HEAD_1.slice(0, 7)}\``)
    expect(text).not.toContain(MERGE_SHA.slice(0, 7))
  }
  expect(body).toContain(`<!-- migration-runbook:head=${HEAD_1} -->`)
  expect(body).toMatch(
    /^- \[ \] Schema diff reviewed _\((diff attached, awaiting review|no diff in this run)\)_$/m
  )
  expect(body).toContain(
    '[Evidence artifact](https://github.com/acme/bookings/actions/runs/99/artifacts/4242)'
  )

  // A reviewer ticks the box; a re-run for the same head keeps the tick.
  const mine = github.comments.find(c => c.user.login === 'github-actions[bot]')!
  mine.body = mine.body.replace('- [ ] Schema diff reviewed', '- [x] Schema diff reviewed')
  expect((await runAction(HEAD_1)).code).toBe(0)
  body = ourComment()
  expect(body).toContain('- [x] Schema diff reviewed _(ticked by a reviewer)_')
  expect(github.comments[0].body).toBe(human)

  // A new push is a new diff: the tick is gone.
  expect((await runAction(HEAD_2)).code).toBe(0)
  body = ourComment()
  expect(body).toMatch(/^- \[ \] Schema diff reviewed/m)
  expect(body).toContain(`commit \`${HEAD_2.slice(0, 7)}\``)
  expect(github.comments[0].body).toBe(human)
}, 120_000)

test('a later push that removes the migrations: the comment says so instead of the old green result', async () => {
  expect((await runAction(HEAD_1)).code).toBe(0)
  expect(ourComment()).toMatch(/\*\*(PASSED|WARNED)\*\*/)

  for (const f of [
    '20250101000000_create_items.sql',
    '20250201000000_add_sku.sql',
    'rollback/20250201000000_add_sku.sql',
    'verify/20250201000000_add_sku.sql'
  ])
    rmSync(path.join(repo.dir, f))
  const second = await runAction(HEAD_2)
  expect(second.code).toBe(0)
  const body = ourComment()
  expect(body.split('\n')[0]).toBe(MARKER)
  expect(body).toContain(`**No migrations in this PR any more** as of \`${HEAD_2.slice(0, 7)}\``)
  expect(body).not.toMatch(/PASSED|WARNED/)
}, 120_000)

test('a run cancelled mid-rehearsal: the comment says so and that the result below is from the older commit', async () => {
  expect((await runAction(HEAD_1)).code).toBe(0)
  expect(ourComment()).toMatch(/\*\*(PASSED|WARNED)\*\*/)

  repo.write('20250301000000_slow.sql', 'SELECT pg_sleep(60);\n')
  const { run } = startAction(HEAD_2, {})
  const c = await db.client()
  // Cancel while the rehearsal's statement is running on the server.
  for (let i = 0; ; i++) {
    const busy = await c.query(
      // The rehearsal sends the file as one batch: the statement is inside the query text, not at its start.
      // In this database: another test file may be sleeping in its own (e2e/real-projects does).
      "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND query LIKE '%SELECT pg_sleep(60)%' AND state = 'active' AND pid <> pg_backend_pid()"
    )
    if (busy.rowCount) break
    if (i > 600) throw new Error(`the rehearsal never started:\n${run.output().stdout}`)
    await new Promise(r => setTimeout(r, 100))
  }
  run.child.kill('SIGINT')
  const done = await run.done
  expect(done.code).toBe(1)
  const body = ourComment()
  const banner = body.split('\n').find(l => l.includes('🛑 **Cancelled**')) ?? ''
  expect(banner).toContain(`the validate run for \`${HEAD_2.slice(0, 7)}\``)
  expect(banner).toContain(`**The result below is from \`${HEAD_1.slice(0, 7)}\`**`)
  expect(body.indexOf(banner)).toBeLessThan(body.search(/\*\*(PASSED|WARNED)\*\*/))
}, 120_000)

test('report.md in the artifact is the full report; only the comment is cut, linking to the artifact', async () => {
  // 300 tables of 8 columns: a schema diff far beyond GitHub's 65,536-character comment limit.
  const tables = Array.from(
    { length: 300 },
    (_, t) =>
      `CREATE TABLE public.wide_table_number_${t} (\n` +
      Array.from({ length: 8 }, (_, c) => `  a_rather_long_column_name_${c} text`).join(',\n') +
      '\n);'
  )
  repo.write('20250301000000_wide.sql', tables.join('\n') + '\n')
  const run = await runAction(HEAD_1)
  const report = readFileSync(run.outputs['report-path'], 'utf8')
  const body = ourComment()
  expect(report.length).toBeGreaterThan(65_536)
  expect(report).not.toContain('Report cut')
  expect(report).toContain('wide_table_number_299')
  expect(body.length).toBeLessThanOrEqual(65_536)
  expect(body).toContain(
    "The full report is `report.md` in the [run's evidence artifact](https://github.com/acme/bookings/actions/runs/99/artifacts/4242)."
  )
}, 180_000)

test('annotations: at most 10 errors, migration files first, and a line saying how many more', async () => {
  for (let i = 0; i < 13; i++) {
    repo.write(`202503010000${String(i).padStart(2, '0')}_broken.sql`, `SELEC ${i};\n`)
  }
  const run = await runAction(HEAD_1, { comment: 'never' })
  expect(run.code).toBe(1)
  const errors = run.stdout.split('\n').filter(l => l.startsWith('::error '))
  expect(errors).toHaveLength(10)
  expect(errors.every(l => /file=migrations\/\d+_broken\.sql/.test(l))).toBe(true)
  expect(run.stdout).toMatch(
    /::notice title=Annotations capped::\d+ more errors? .*not shown as annotations \(GitHub shows 10 per level/
  )
}, 120_000)

test('a bad comment-author input fails naming the input, the value and what is allowed', async () => {
  const run = await runAction(HEAD_1, { 'comment-author': 'not a login!' })
  expect(run.code).toBe(1)
  expect(run.stdout).toContain('input "comment-author" is "not a login!"; expected a GitHub login')
  expect(github.requests).toHaveLength(0)
})
