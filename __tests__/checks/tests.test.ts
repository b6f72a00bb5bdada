import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { makeContext, withEnviron } from '../helpers/context.js'
import { testsCheck } from '../../src/checks/tests.js'
import { runTestCommand } from '../../src/tests-runner/run.js'
import type { StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  db = await createTestDatabase('post_tests')
  client = await db.client()
})
afterAll(async () => {
  await db.drop()
})

function ctxWith(policyYaml: string, testCommand?: string): StageContext {
  const ctx = makeContext({ client, url: db.url, stage: 'verify', policyYaml })
  if (testCommand !== undefined) ctx.config.testCommand = testCommand
  return ctx
}

function evidence(ctx: StageContext, name: string): string {
  return readFileSync(path.join(ctx.evidence.dir, name), 'utf8')
}

// Connects with DATABASE_URL from the child's environment: proves the URL reaches the command intact.
const NODE_QUERY = `node -e "const pg=require('pg');const c=new pg.Client({connectionString:process.env.DATABASE_URL});c.connect().then(()=>c.query('select 40+2 as x')).then(r=>{console.log('answer',r.rows[0].x);return c.end()})"`

test('runs the policy command against the target with the URL in DATABASE_URL and SUPABASE_DB_URL', async () => {
  const cmd = `${NODE_QUERY} && test "$DATABASE_URL" = "$SUPABASE_DB_URL" && echo "url is $DATABASE_URL" | cat`
  const ctx = ctxWith(`environments:\n  staging:\n    test-command: ${JSON.stringify(cmd)}\n`)
  const out = await testsCheck.run(ctx)
  expect(out.status).toBe('pass')
  expect(out.details).toMatchObject({ exitCode: 0 })
  const text = evidence(ctx, 'tests.txt')
  expect(text).toContain('answer 42')
  expect(text).toContain('url is ***')
  expect(text).not.toContain(db.url)
  expect(text).not.toContain(new URL(db.url).host + new URL(db.url).pathname)
})

test('a non-zero exit fails the gate and keeps stderr in tests.txt', async () => {
  const ctx = ctxWith(
    'environments:\n  staging: {}\n',
    'echo "running"; echo "boom: assertion failed" >&2; exit 1'
  )
  const out = await testsCheck.run(ctx)
  expect(out.status).toBe('fail')
  expect(out.details).toMatchObject({ command: expect.stringContaining('exit 1'), exitCode: 1 })
  expect(out.reasons?.[0]).toContain('exited with 1')
  const text = evidence(ctx, 'tests.txt')
  expect(text).toContain('running')
  expect(text).toContain('boom: assertion failed')
})

test('gates on the exit status, not on the word FAIL in the output', async () => {
  const ctx = ctxWith('environments:\n  staging: {}\n', 'echo "FAIL is just a word here"; exit 0')
  expect((await testsCheck.run(ctx)).status).toBe('pass')
})

test('the test-command input overrides the policy command', async () => {
  const ctx = ctxWith('environments:\n  staging:\n    test-command: "exit 3"\n', 'echo from-input')
  const out = await testsCheck.run(ctx)
  expect(out.status).toBe('pass')
  expect(evidence(ctx, 'tests.txt')).toContain('from-input')
})

test('no command configured: skip with a note', async () => {
  const out = await testsCheck.run(ctxWith('environments:\n  staging: {}\n'))
  expect(out.status).toBe('skip')
  expect(out.reasons?.[0]).toContain('test-command')
})

test('a command over the time limit is killed with its whole pipeline and fails', async () => {
  const ctx = ctxWith(
    'environments:\n  staging:\n    statement-timeout: 1s\n',
    'echo started; sleep 30 | cat; echo nev""er'
  )
  const out = await testsCheck.run(ctx)
  expect(out.status).toBe('fail')
  expect(out.details).toMatchObject({ timedOut: true, exitCode: null })
  expect(out.reasons?.[0]).toContain('was killed')
  const text = evidence(ctx, 'tests.txt')
  expect(text).toContain('started')
  expect(text).not.toContain('never')
})

test('summarises a JUnit report written during the run, ignores a stale one', async () => {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'mr-junit-'))
  const xml = `<testsuites><testsuite tests="3" failures="1" errors="0" skipped="1"/><testsuite tests="2" failures="0" errors="0" skipped="0"/></testsuites>`
  const fresh = await runTestCommand({
    command: `printf '%s' '${xml}' > junit.xml; exit 1`,
    databaseUrl: db.url,
    cwd,
    environ: process.env,
    timeoutMs: 10_000
  })
  expect(fresh.exitCode).toBe(1)
  expect(fresh.junit).toEqual({ tests: 5, failures: 1, errors: 0, skipped: 1 })

  const stale = path.join(cwd, 'junit.xml')
  writeFileSync(stale, xml)
  utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000))
  const later = await runTestCommand({
    command: 'true',
    databaseUrl: db.url,
    cwd,
    environ: process.env,
    timeoutMs: 10_000
  })
  expect(later.junit).toBeUndefined()
})

test('reads the report at JUNIT_OUTPUT_FILE; exit 0 with failures in it warns', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-junit-'))
  const file = path.join(dir, 'report.xml')
  const ctx = withEnviron(
    ctxWith(
      'environments:\n  staging: {}\n',
      `printf '<testsuite tests="4" failures="2" errors="0" skipped="0"></testsuite>' > "$JUNIT_OUTPUT_FILE"`
    ),
    { ...process.env, JUNIT_OUTPUT_FILE: file }
  )
  const out = await testsCheck.run(ctx)
  expect(out.status).toBe('warn')
  expect(out.details).toMatchObject({
    exitCode: 0,
    junit: { tests: 4, failures: 2, errors: 0, skipped: 0 }
  })
  expect(evidence(ctx, 'tests.txt')).toContain('junit (report.xml): 4 tests, 2 failures')
})

test('SUPABASE_ACCESS_TOKEN from the job env never reaches tests.txt, even when no backup check ran', async () => {
  const token = 'sbp_review_token_0123456789abcdef'
  // The job's environment as the front door passes it (run.ts also registers the token, but the check
  // must not rely on it: a test run alone proves the check's own redaction).
  const ctx = withEnviron(
    ctxWith('environments:\n  staging: {}\n', 'echo "token is $SUPABASE_ACCESS_TOKEN"'),
    { ...process.env, SUPABASE_ACCESS_TOKEN: token }
  )
  const out = await testsCheck.run(ctx)
  expect(out.status).toBe('pass')
  const text = evidence(ctx, 'tests.txt')
  expect(text).toContain('token is ***')
  expect(text).not.toContain(token)
})

test('output over the kept size is cut at whole lines, so no part of the URL survives the cut', async () => {
  // About 9 MB of lines that each print the URL: the head/tail cut falls inside some line.
  const ctx = ctxWith(
    'environments:\n  staging: {}\n',
    'i=0; while [ $i -lt 4 ]; do yes "url=$DATABASE_URL;" | head -n 30000; i=$((i+1)); done'
  )
  const out = await testsCheck.run(ctx)
  expect(out.status).toBe('pass')
  const text = evidence(ctx, 'tests.txt')
  expect(text).toContain('bytes of output left out')
  const printed = text.split('\n').filter(l => l.includes(';') && !l.startsWith('$ '))
  expect(printed.length).toBeGreaterThan(1000)
  for (const l of printed) expect(l).toBe('url=***;')
})
