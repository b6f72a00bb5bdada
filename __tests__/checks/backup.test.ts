import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext, withEnviron } from '../helpers/context.js'
import { startFakeSupabase, type FakeSupabase } from '../helpers/fake-supabase.js'
import { backupCheck, HOW_TO_ENABLE, runBackup } from '../../src/checks/backup.js'
import { judgeBackups } from '../../src/supabase/backups.js'
import { parseApiTimestamp } from '../../src/supabase/management.js'
import { runFacts } from '../../src/engine/context.js'
import type { StageContext } from '../../src/types.js'

const TOKEN = 'sbp_0123456789abcdef0123456789abcdef01234567'
const HOUR = 3_600_000
const ago = (ms: number) => new Date(Date.now() - ms).toISOString()

const FRESH = 'freshfreshfreshfresh'
const STALE = 'stalestalestalestale'
const PITR = 'pitrpitrpitrpitrpitr'
const EMPTY = 'emptyemptyemptyempty'

let db: TestDatabase
let client: pg.Client
let api: FakeSupabase
const contexts: StageContext[] = []

function ctxFor(ref?: string): StageContext {
  const yaml = `environments:\n  production:\n    backup-max-age: 24h\n${ref ? `    supabase-project-ref: ${ref}\n` : ''}`
  const ctx = makeContext({
    client,
    url: db.url,
    policyYaml: yaml,
    environment: 'production',
    stage: 'apply'
  })
  contexts.push(ctx)
  return ctx
}

const environ = (token = TOKEN) => ({ SUPABASE_ACCESS_TOKEN: token, SUPABASE_API_URL: api.url })

beforeAll(async () => {
  db = await createTestDatabase('preflight_backup')
  client = await db.client()
  api = await startFakeSupabase({
    token: TOKEN,
    backups: {
      [FRESH]: {
        region: 'eu-west-1',
        walg_enabled: true,
        pitr_enabled: false,
        backups: [
          { is_physical_backup: true, status: 'COMPLETED', inserted_at: ago(30 * HOUR) },
          { is_physical_backup: true, status: 'COMPLETED', inserted_at: ago(2 * HOUR) },
          { is_physical_backup: true, status: 'FAILED', inserted_at: ago(HOUR / 2) }
        ]
      },
      [STALE]: {
        region: 'eu-west-1',
        walg_enabled: true,
        pitr_enabled: false,
        backups: [
          { is_physical_backup: true, status: 'COMPLETED', inserted_at: ago(50 * HOUR) },
          { is_physical_backup: true, status: 'FAILED', inserted_at: ago(HOUR) }
        ]
      },
      [PITR]: {
        region: 'eu-west-1',
        walg_enabled: true,
        pitr_enabled: true,
        backups: [],
        physical_backup_data: {
          earliest_physical_backup_date_unix: Math.floor((Date.now() - 7 * 24 * HOUR) / 1000),
          latest_physical_backup_date_unix: Math.floor((Date.now() - 60_000) / 1000)
        }
      },
      [EMPTY]: { region: 'eu-west-1', walg_enabled: false, pitr_enabled: false, backups: [] }
    }
  })
})

afterAll(async () => {
  await api.close()
  await Promise.all(contexts.map(closeContext))
  await db.drop()
})

test('a completed backup newer than backup-max-age passes', async () => {
  const ctx = ctxFor(FRESH)
  const outcome = await runBackup(withEnviron(ctx, environ()))
  expect(outcome.status).toBe('pass')
  expect(outcome.summary).toMatch(/^newest completed backup is 2h 0m \d+s old \(limit 24h 0m 0s\)$/)
  expect(outcome.details).toMatchObject({
    projectRef: FRESH,
    pitrEnabled: false,
    latest: { kind: 'backup' }
  })
  const request = api.requests.at(-1)
  expect(request).toMatchObject({ method: 'GET', path: `/v1/projects/${FRESH}/database/backups` })
  expect(request?.headers.authorization).toBe(`Bearer ${TOKEN}`)
  expect(ctx.log.text()).not.toContain(TOKEN)
})

test('only stale (or failed) backups fail, saying how old', async () => {
  const outcome = await runBackup(withEnviron(ctxFor(STALE), environ()))
  expect(outcome.status).toBe('fail')
  expect(outcome.reasons?.[0]).toMatch(/older than backup-max-age 24h 0m 0s; take a backup/)
})

test('a recent PITR restore point passes', async () => {
  const outcome = await runBackup(withEnviron(ctxFor(PITR), environ()))
  expect(outcome.status).toBe('pass')
  expect(outcome.details).toMatchObject({ pitrEnabled: true, latest: { kind: 'pitr' } })
})

test('no backup at all fails', async () => {
  const outcome = await runBackup(withEnviron(ctxFor(EMPTY), environ()))
  expect(outcome.status).toBe('fail')
  expect(outcome.reasons?.[0]).toContain('no COMPLETED backup and PITR is not enabled')
})

test('a refused token fails with a clear message and never shows the token', async () => {
  const wrong = 'sbp_wrongwrongwrongwrongwrongwrongwrongwrong'
  const ctx = ctxFor(FRESH)
  const outcome = await runBackup(withEnviron(ctx, environ(wrong)))
  expect(outcome.status).toBe('fail')
  expect(outcome.reasons?.[0]).toBe(
    `Supabase backups of project ${FRESH}: the access token was refused (401 Unauthorized): check the SUPABASE_ACCESS_TOKEN secret`
  )
  expect(outcome.details).toMatchObject({ httpStatus: 401 })
  expect(JSON.stringify(outcome) + ctx.log.text()).not.toContain(wrong)
  expect(ctx.redactor.redact(`token ${wrong}`)).toBe('token ***')
})

test('an unknown project ref fails naming the setting to fix', async () => {
  const outcome = await runBackup(withEnviron(ctxFor('unknownunknownunknow'), environ()))
  expect(outcome.status).toBe('fail')
  expect(outcome.reasons?.[0]).toContain('check supabase-project-ref in runbook.yml')
})

test('no project ref or no token on production fails with how to enable it (or turn it off)', async () => {
  const before = api.requests.length
  const noRef = await runBackup(withEnviron(ctxFor(), environ()))
  expect(noRef).toMatchObject({
    status: 'fail',
    summary: 'production and no backup check configured: no supabase-project-ref'
  })
  expect(noRef.reasons?.[0]).toContain(HOW_TO_ENABLE)
  expect(noRef.reasons?.[0]).toContain('backup: { off: true, reason: "..." }')
  const ctx = ctxFor(FRESH)
  const noToken = await runBackup(withEnviron(ctx, { SUPABASE_API_URL: api.url }))
  expect(noToken.status).toBe('fail')
  expect(noToken.summary).toContain('no SUPABASE_ACCESS_TOKEN')
  expect(ctx.log.text()).toContain('set supabase-project-ref for this environment in runbook.yml')
  expect(api.requests.length).toBe(before)
})

test('judgeBackups and API timestamps without a zone (UTC)', () => {
  expect(parseApiTimestamp('2025-11-13 03:00:00')).toBe(Date.UTC(2025, 10, 13, 3))
  expect(parseApiTimestamp('2025-11-13T03:00:00.000Z')).toBe(Date.UTC(2025, 10, 13, 3))
  const now = Date.UTC(2025, 10, 13, 5)
  const verdict = judgeBackups(
    { backups: [{ status: 'COMPLETED', inserted_at: '2025-11-13 03:00:00' }], pitr_enabled: false },
    now,
    HOUR
  )
  expect(verdict).toMatchObject({ status: 'fail', latest: { kind: 'backup', ageMs: 2 * HOUR } })
  expect(
    judgeBackups(
      { backups: [{ status: 'COMPLETED', inserted_at: '2025-11-13 03:00:00' }] },
      now,
      3 * HOUR
    ).status
  ).toBe('pass')
})

test("backupCheck reads SUPABASE_ACCESS_TOKEN and SUPABASE_API_URL from the job's environment, as the engine passes it", async () => {
  // The engine builds the run's facts once from the environment the front door read; the check reads only those.
  const asTheEngineBuildsIt = (ctx: StageContext): StageContext => {
    ctx.facts = runFacts({
      config: ctx.config,
      root: ctx.facts.root,
      environ: { SUPABASE_ACCESS_TOKEN: ` ${TOKEN}\n`, SUPABASE_API_URL: api.url },
      throwaway: false
    })
    return ctx
  }
  expect((await backupCheck.run(asTheEngineBuildsIt(ctxFor(STALE)))).status).toBe('fail')
  const fresh = await backupCheck.run(asTheEngineBuildsIt(ctxFor(FRESH)))
  expect(fresh.status).toBe('pass')
  expect(fresh.details).toMatchObject({ projectRef: FRESH, configured: true })
})
