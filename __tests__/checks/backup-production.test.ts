/**
 * The backup rule on production: unconfigured (no SUPABASE_ACCESS_TOKEN or project ref) fails, unless
 * runbook.yml turns the check off with a reason, which the summary shows; elsewhere it skips. The project ref
 * may come from the workflow (SUPABASE_PROJECT_REF). Bad `backup` settings are a clear config error.
 */
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext, withEnviron } from '../helpers/context.js'
import { startFakeSupabase, type FakeSupabase } from '../helpers/fake-supabase.js'
import { runBackup } from '../../src/checks/backup.js'
import { ConfigError } from '../../src/config/errors.js'
import { parsePolicy } from '../../src/config/policy.js'
import type { StageContext } from '../../src/types.js'

const TOKEN = 'sbp_0123456789abcdef0123456789abcdef01234567'
const REF = 'freshfreshfreshfresh'

let db: TestDatabase
let client: pg.Client
let api: FakeSupabase
const contexts: StageContext[] = []

function ctxFor(envYaml: string, environment = 'production'): StageContext {
  const ctx = makeContext({
    client,
    url: db.url,
    policyYaml: `environments:\n  staging: {}\n  ${environment}:\n${envYaml}`,
    environment,
    stage: 'validate'
  })
  contexts.push(ctx)
  return ctx
}

beforeAll(async () => {
  db = await createTestDatabase('preflight_backup_production')
  client = await db.client()
  api = await startFakeSupabase({
    token: TOKEN,
    backups: {
      [REF]: {
        region: 'eu-west-1',
        walg_enabled: true,
        pitr_enabled: false,
        backups: [
          { is_physical_backup: true, status: 'COMPLETED', inserted_at: new Date().toISOString() }
        ]
      }
    }
  })
})

afterAll(async () => {
  await api.close()
  await Promise.all(contexts.map(closeContext))
  await db.drop()
})

test('production without a token or project ref fails, naming both ways out', async () => {
  const outcome = await runBackup(withEnviron(ctxFor('    production: true\n', 'live'), {}))
  expect(outcome.status).toBe('fail')
  expect(outcome.summary).toBe(
    'production and no backup check configured: no supabase-project-ref and no SUPABASE_ACCESS_TOKEN'
  )
  expect(outcome.reasons?.[0]).toContain('environment "live" is production')
  expect(outcome.reasons?.[0]).toContain('SUPABASE_PROJECT_REF')
  expect(outcome.reasons?.[0]).toContain('backup: { off: true, reason: "..." }')
})

test('a non-production environment still only skips', async () => {
  const outcome = await runBackup(withEnviron(ctxFor('    production: false\n', 'staging-eu'), {}))
  expect(outcome.status).toBe('skip')
})

test('a throwaway target (--embedded, rehearse) skips: it has no backup to find', async () => {
  const ctx = ctxFor('    production: true\n')
  ctx.facts.throwaway = true
  expect((await runBackup(withEnviron(ctx, {}))).status).toBe('skip')
})

test.each([
  ['    backup: { off: true, reason: "PITR on the provider" }\n'],
  ['    backup: off\n    backup-reason: "PITR on the provider"\n'],
  ['    backup: false\n    backup-reason: PITR on the provider\n']
])('backup off with a reason skips and shows the reason: %s', async yaml => {
  const outcome = await runBackup(withEnviron(ctxFor(yaml), {}))
  expect(outcome.status).toBe('skip')
  expect(outcome.summary).toBe('backup check off in runbook.yml: PITR on the provider')
  expect(outcome.details).toMatchObject({ off: true, reason: 'PITR on the provider' })
})

test('the project ref may come from the workflow (SUPABASE_PROJECT_REF)', async () => {
  const ctx = ctxFor('    production: true\n')
  const env = { SUPABASE_ACCESS_TOKEN: TOKEN, SUPABASE_API_URL: api.url, SUPABASE_PROJECT_REF: REF }
  const outcome = await runBackup(withEnviron(ctx, env))
  expect(outcome.status).toBe('pass')
  expect(outcome.details).toMatchObject({ projectRef: REF, configured: true })
  const bad = await runBackup(withEnviron(ctx, { ...env, SUPABASE_PROJECT_REF: 'Not-A-Ref' }))
  expect(bad.status).toBe('fail')
  expect(bad.reasons?.[0]).toBe(
    'environment variable SUPABASE_PROJECT_REF is "Not-A-Ref"; allowed: a Supabase project ref, 20 lowercase letters and digits (Project Settings → General)'
  )
})

describe('bad backup settings are a clear config error', () => {
  const load = (yaml: string) => () =>
    parsePolicy(`environments:\n  production:\n${yaml}`, 'migrations/runbook.yml')

  test.each([
    [
      '    backup: off\n',
      'environments.production.backup: is off without a reason; allowed: a non-empty reason'
    ],
    [
      '    backup: { off: true }\n',
      'environments.production.backup: is off without a reason; allowed: a non-empty reason'
    ],
    [
      '    backup: on\n',
      'environments.production.backup: is "on"; allowed: off, or { off: true, reason: "..." }'
    ],
    [
      '    backup: { off: true, reason: "" }\n',
      'environments.production.backup.reason: is ""; allowed: a non-empty reason'
    ],
    [
      '    backup: { off: true, reason: x, why: y }\n',
      'environments.production.backup: is {"off":true,"reason":"x","why":"y"}; allowed: off'
    ],
    [
      '    backup-reason: PITR\n',
      'environments.production.backup-reason: is "PITR" but backup is not off; allowed: only with backup: off'
    ]
  ])('%s', (yaml, message) => {
    expect(load(yaml)).toThrow(ConfigError)
    expect(load(yaml)).toThrow(message)
    expect(load(yaml)).toThrow('migrations/runbook.yml: invalid runbook policy')
  })
})
