import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { judgePooler, poolerCheck } from '../../src/checks/pooler.js'
import { backendPidChanges, detectPoolerFromTarget } from '../../src/db/pooler.js'
import { parseTarget } from '../../src/db/target.js'
import type { Stage, StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
const contexts: StageContext[] = []

const REF = 'abcdefghijklmnopqrst'
const PASSWORD = 'S3cret+pw/with%chars'
const TRANSACTION_URL = `postgres://postgres.${REF}:${encodeURIComponent(PASSWORD)}@aws-0-eu-west-1.pooler.supabase.com:6543/postgres`
const SESSION_URL = `postgres://postgres.${REF}:${encodeURIComponent(PASSWORD)}@aws-0-eu-west-1.pooler.supabase.com:5432/postgres`

/** A context on the real test database whose target is `configuredUrl` (what the pooler check reads). */
function ctxWithUrl(configuredUrl: string, stage: Stage): StageContext {
  const ctx = makeContext({ client, url: db.url, stage })
  ctx.redactor.addDatabaseUrl(configuredUrl)
  ctx.config.databaseUrl = configuredUrl
  ctx.facts.target = parseTarget(configuredUrl)
  contexts.push(ctx)
  return ctx
}

beforeAll(async () => {
  db = await createTestDatabase('preflight_pooler')
  client = await db.client()
})

afterAll(async () => {
  await Promise.all(contexts.map(closeContext))
  await db.drop()
})

/** What the pooler check sees of a URL: the run's parsed target. */
function detectPoolerFromUrl(url: string) {
  return detectPoolerFromTarget(parseTarget(url))
}

describe('detectPoolerFromTarget', () => {
  test('Supavisor: 6543 is transaction mode, 5432 session mode', () => {
    expect(detectPoolerFromUrl(TRANSACTION_URL)).toMatchObject({
      host: 'aws-0-eu-west-1.pooler.supabase.com',
      port: 6543,
      mode: 'transaction',
      projectRef: REF
    })
    expect(detectPoolerFromUrl(SESSION_URL)).toMatchObject({ port: 5432, mode: 'session' })
  })

  test('pgbouncer=true and port 6543 on any host mean transaction mode; a plain host is direct', () => {
    expect(detectPoolerFromUrl('postgres://u:p@db.example.com:5432/app?pgbouncer=true').mode).toBe(
      'transaction'
    )
    expect(detectPoolerFromUrl(`postgres://u:p@db.${REF}.supabase.co:6543/postgres`)).toMatchObject(
      {
        mode: 'transaction',
        projectRef: REF
      }
    )
    expect(detectPoolerFromUrl('postgres://u:p@db.example.com/app')).toMatchObject({
      port: 5432,
      mode: 'direct',
      signals: []
    })
  })

  test('the URL is read as the run parsed it: ?host= and ?port= win, as libpq reads them', () => {
    expect(
      detectPoolerFromUrl(
        `postgres://postgres.${REF}:pw@ignored.example.com/postgres?host=aws-0-eu-west-1.pooler.supabase.com&port=6543`
      )
    ).toMatchObject({
      host: 'aws-0-eu-west-1.pooler.supabase.com',
      port: 6543,
      mode: 'transaction'
    })
  })

  test('a malformed URL is refused without echoing it', () => {
    expect(() => detectPoolerFromUrl('not a url with secret-pw')).toThrow(
      'input "database-url" is not a valid URL (value hidden)'
    )
    try {
      detectPoolerFromUrl('not a url with secret-pw')
    } catch (e) {
      expect((e as Error).message).not.toContain('secret-pw')
    }
  })
})

describe('pooler check', () => {
  test('a direct connection to the real server passes, and its pid is stable', async () => {
    expect(await backendPidChanges(client)).toBe(false)
    const outcome = await poolerCheck.run(makeContext({ client, url: db.url, stage: 'apply' }))
    expect(outcome.status).toBe('pass')
    expect(outcome.details).toMatchObject({ mode: 'direct' })
  })

  test('a transaction pooler fails apply and rollback with the fix, naming host and port only', async () => {
    for (const stage of ['apply', 'rollback'] as const) {
      const outcome = await poolerCheck.run(ctxWithUrl(TRANSACTION_URL, stage))
      expect(outcome.status).toBe('fail')
      expect(outcome.summary).toBe(
        'aws-0-eu-west-1.pooler.supabase.com:6543: transaction-mode pooler'
      )
      const text = JSON.stringify(outcome)
      expect(text).toContain('session pooler (port 5432 on aws-0-eu-west-1.pooler.supabase.com)')
      expect(text).toContain(`db.${REF}.supabase.co:5432`)
      expect(text).toContain('advisory locks')
      for (const secret of [
        PASSWORD,
        encodeURIComponent(PASSWORD),
        TRANSACTION_URL,
        'postgres.' + REF + ':'
      ]) {
        expect(text).not.toContain(secret)
      }
    }
  })

  test('a transaction pooler only warns validate; session mode passes apply', async () => {
    expect((await poolerCheck.run(ctxWithUrl(TRANSACTION_URL, 'validate'))).status).toBe('warn')
    const session = await poolerCheck.run(ctxWithUrl(SESSION_URL, 'apply'))
    expect(session.status).toBe('pass')
    expect(session.summary).toContain('session-mode pooler')
  })

  test('judgePooler: a server-side signal alone is enough', () => {
    const facts = {
      host: 'pool.internal',
      port: 5432,
      mode: 'transaction' as const,
      signals: ['pg_backend_pid() changed']
    }
    expect(judgePooler(facts, 'apply').status).toBe('fail')
    expect(judgePooler(facts, 'verify').status).toBe('warn')
  })
})
