/**
 * The `smoke` check against a local node:http server and a real database: a wrong status, a timeout and a
 * JSON-path mismatch fail showing the request, the status and a body excerpt; a failing SQL assertion fails
 * after the requests (and cleanup still runs); a header secret never reaches the summary, the log, the
 * evidence or the comment, even when the server echoes it.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { smokeCheck, type SmokeDetails, renderSmoke } from '../../src/checks/smoke.js'
import { runChecks } from '../../src/stages/runner.js'
import { Logger } from '../../src/report/logger.js'
import type { CheckResult, Report, StageContext } from '../../src/types.js'

const TOKEN = 'tok-9f8e7d6c5b4a-secret'
let db: TestDatabase
let server: http.Server
let api: string
const contexts: StageContext[] = []

beforeAll(async () => {
  db = await createTestDatabase('runbook_smoke')
  const c = await db.client()
  await c.query('CREATE TABLE public.smoke_marks (id text PRIMARY KEY)')
  await c.query('CREATE TABLE public.smoke_cleanup_log (id text)')
  server = http.createServer((req, res) => {
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(value))
    }
    if (req.url === '/ok') return json(200, { status: 'ok', items: [{ id: 'a1' }, { id: 'a2' }] })
    if (req.url === '/missing') return json(404, { error: 'no booking route here' })
    // Never answers in time.
    if (req.url === '/slow') return setTimeout(() => json(200, {}), 3_000).unref()
    // Echoes what it was sent, as a misbehaving service might.
    if (req.url === '/echo') return json(500, { got: req.headers.authorization })
    json(404, {})
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
  await Promise.all(contexts.map(closeContext))
  await db.drop()
})

async function runSmoke(
  scenarioYaml: string
): Promise<{ result: CheckResult; ctx: StageContext; log: string[] }> {
  const indented = scenarioYaml
    .trim()
    .split('\n')
    .map(l => `      ${l}`)
    .join('\n')
  const client = await db.client()
  const ctx = makeContext({
    client,
    url: db.url,
    stage: 'verify',
    policyYaml: `environments:\n  staging:\n    smoke:\n${indented}\n`
  })
  contexts.push(ctx)
  ctx.config.variables = { environment: { API: api, API_TOKEN: TOKEN } }
  const log: string[] = []
  ctx.log = new Logger(ctx.redactor, (_level, line) => log.push(line))
  const [result] = await runChecks(ctx, [smokeCheck])
  return { result, ctx, log }
}

const scenarios = (r: CheckResult) => (r.details as unknown as SmokeDetails).scenarios

test('a wrong status fails with the method, the URL, the status and a body excerpt', async () => {
  const { result } = await runSmoke(`
- name: wrong-status
  requests:
    - method: GET
      url: \${API}/missing
      expect-status: 200
`)
  expect(result.status).toBe('fail')
  expect(result.reasons[0]).toBe(
    `smoke "wrong-status", GET request 1: GET ${api}/missing → 404: status 404, expected 200; body: {"error":"no booking route here"}`
  )
})

test('a timeout fails after its retries, saying so', async () => {
  const t0 = Date.now()
  const { result } = await runSmoke(`
- name: slow
  requests:
    - name: slow health
      method: GET
      url: \${API}/slow
      timeout: 200ms
      retries: 1
`)
  expect(result.status).toBe('fail')
  expect(result.reasons[0]).toContain(`GET ${api}/slow: no answer within 200 ms (timeout)`)
  const exchange = scenarios(result)[0].requests[0].exchange
  expect(exchange?.attempts).toBe(2)
  expect(Date.now() - t0).toBeLessThan(2_500)
})

test('a JSON-path mismatch fails naming the path, the value and the expectation; a match passes', async () => {
  const { result } = await runSmoke(`
- name: json
  requests:
    - method: GET
      url: \${API}/ok
      expect-json:
        - path: $.items[1].id
          equals: a2
        - path: $.items[0].id
          equals: b1
        - path: $.items[2]
          exists: true
`)
  expect(result.status).toBe('fail')
  expect(scenarios(result)[0].requests[0].problems).toEqual([
    '$.items[0].id is "a1", expected "b1"',
    '$.items[2] is missing, expected it to exist'
  ])
})

test('a failing SQL assertion fails after passing requests; saved values reach the params; cleanup still runs', async () => {
  const { result, ctx } = await runSmoke(`
- name: sql
  requests:
    - method: GET
      url: \${API}/ok
      save:
        item: $.items[0].id
  assertions:
    - name: the item is marked
      sql: SELECT EXISTS (SELECT 1 FROM public.smoke_marks WHERE id = $1)
      params: ['\${item}']
  cleanup:
    - sql: INSERT INTO public.smoke_cleanup_log VALUES ($1)
      params: ['\${item}']
`)
  expect(result.status).toBe('fail')
  expect(result.reasons).toEqual([
    'smoke "sql", SQL assertion "the item is marked": returned false, expected a row that is not false or null'
  ])
  const logged = await ctx.client.query('SELECT id FROM public.smoke_cleanup_log')
  expect(logged.rows).toEqual([{ id: 'a1' }])
  // The assertion ran read only: it could not have written.
  await ctx.client.query(`INSERT INTO public.smoke_marks VALUES ('a1')`)
  const again = await runSmoke(`
- name: sql
  requests:
    - method: GET
      url: \${API}/ok
      save:
        item: $.items[0].id
  assertions:
    - sql: SELECT EXISTS (SELECT 1 FROM public.smoke_marks WHERE id = $1)
      params: ['\${item}']
`)
  expect(again.result.status).toBe('pass')
  expect(again.result.summary).toBe('1/1 scenario passed')
})

test('an assertion with a second statement is refused: a COMMIT cannot end the read-only transaction', async () => {
  const { result, ctx } = await runSmoke(`
- name: escape
  requests:
    - method: GET
      url: \${API}/ok
  assertions:
    - name: two statements
      sql: SELECT true; COMMIT; CREATE TABLE public.escaped_smoke (id int)
`)
  expect(result.status).toBe('fail')
  expect(result.reasons).toEqual([
    expect.stringMatching(
      /^smoke "escape", SQL assertion "two statements": cannot insert multiple commands into a prepared statement/
    )
  ])
  const left = await ctx.client.query(`SELECT to_regclass('public.escaped_smoke') AS t`)
  expect(left.rows[0].t).toBeNull()
})

test('a header secret is masked in the summary, the log, the evidence and the comment, even when echoed', async () => {
  const { result, ctx, log } = await runSmoke(`
- name: echo
  requests:
    - method: POST
      url: \${API}/echo
      headers:
        authorization: Bearer \${API_TOKEN}
      body: { token_in_body: 'no' }
`)
  expect(result.status).toBe('fail')
  // What the server sent back is shown (masked): the excerpt is there, the token is not.
  expect(result.reasons[0]).toContain('→ 500')
  expect(result.reasons[0]).toContain('{"got":"***"}')
  const evidence = readFileSync(path.join(ctx.evidence.dir, 'smoke.json'), 'utf8')
  expect(evidence).toContain('{\\"got\\":\\"***\\"}')
  const report = { checks: [result] } as unknown as Report
  const comment = ctx.redactor.redact(renderSmoke(report))
  expect(comment).toContain(`POST ${api}/echo`)
  for (const text of [
    JSON.stringify(result.reasons),
    result.summary,
    log.join('\n'),
    evidence,
    comment
  ])
    expect(text).not.toContain(TOKEN)
})

test('an unset variable fails naming it; a scenario whose requires are unset is not run (warn)', async () => {
  const missing = await runSmoke(`
- name: unset
  requests:
    - method: GET
      url: \${NOT_THERE}/health
`)
  expect(missing.result.status).toBe('fail')
  expect(missing.result.reasons[0]).toContain(
    'GET request 1: url uses ${NOT_THERE}, which is not set'
  )
  const skipped = await runSmoke(`
- name: optional
  requires: [NOT_THERE]
  requests:
    - method: GET
      url: \${NOT_THERE}/health
`)
  expect(skipped.result.status).toBe('warn')
  expect(skipped.result.reasons).toEqual([
    'smoke "optional" not run: NOT_THERE is not set (requires:)'
  ])
})
