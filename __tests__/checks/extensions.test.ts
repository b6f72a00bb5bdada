import pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext, pendingMigration } from '../helpers/context.js'
import { extensionsCheck } from '../../src/checks/extensions.js'
import { gistColumnUses, judgeExtension, needsBtreeGist } from '../../src/db/extensions.js'
import { loadParser } from '../../src/sql/parser.js'
import type { Plan } from '../../src/plan/plan.js'
import type { StageContext } from '../../src/types.js'

let db: TestDatabase
let client: pg.Client
const contexts: StageContext[] = []
const role = `mr_ext_${Date.now().toString(36)}`
let limited: pg.Client
let limitedUrl: string

function ctxFor(c: pg.Client, url: string, plan: Partial<Plan>): StageContext {
  const ctx = makeContext({ client: c, url, plan })
  contexts.push(ctx)
  return ctx
}

const EXCLUDE_SQL = `
CREATE TABLE public.allocations (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  resource_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL
);
ALTER TABLE public.allocations ADD CONSTRAINT allocations_no_overlap
  EXCLUDE USING gist (resource_id WITH =, tstzrange(starts_at, ends_at) WITH &&);
`

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('preflight_extensions')
  client = await db.client()
  await client.query('CREATE TABLE public.rooms (id int PRIMARY KEY, span tstzrange, tag text)')
  await client.query(`CREATE ROLE ${role} LOGIN PASSWORD 'ext-test-pw'`)
  const u = new URL(db.url)
  u.username = role
  u.password = 'ext-test-pw'
  limitedUrl = u.toString()
  limited = new pg.Client({ connectionString: limitedUrl })
  await limited.connect()
})

afterAll(async () => {
  await limited.end()
  await Promise.all(contexts.map(closeContext))
  await db.drop()
  const admin = new pg.Client({ connectionString: process.env.MR_TEST_ADMIN_URL })
  await admin.connect()
  await admin.query(`DROP ROLE IF EXISTS ${role}`)
  await admin.end()
})

describe('btree_gist detection from the pending SQL', () => {
  test('an EXCLUDE USING gist with = on a uuid column needs btree_gist; && on a range does not', () => {
    const uses = gistColumnUses([{ file: 'migrations/1_a.sql', sql: EXCLUDE_SQL }])
    expect(uses).toEqual([
      {
        file: 'migrations/1_a.sql',
        line: 8,
        table: 'public.allocations',
        column: 'resource_id',
        via: 'exclude',
        declaredType: 'uuid'
      }
    ])
    expect(needsBtreeGist(uses[0], { typname: 'uuid' })).toBe(true)
  })

  test('gist indexes on plain columns are candidates; explicit operator classes are not', () => {
    const sql =
      'CREATE INDEX a ON rooms USING gist (tag); CREATE INDEX b ON rooms USING gist (span range_ops); CREATE INDEX c ON rooms (tag)'
    const uses = gistColumnUses([{ file: 'f.sql', sql }])
    expect(uses.map(u => [u.table, u.column, u.via])).toEqual([['public.rooms', 'tag', 'index']])
    expect(needsBtreeGist(uses[0], { typname: 'text', typtype: 'b' })).toBe(true)
    expect(needsBtreeGist(uses[0], { typname: 'tstzrange', typtype: 'r' })).toBe(false)
    expect(needsBtreeGist(uses[0], undefined)).toBe(false)
    expect(needsBtreeGist({ ...uses[0], via: 'exclude' }, undefined)).toBe(true)
  })
})

describe('extensions check', () => {
  test('passes when nothing is needed', async () => {
    const outcome = await extensionsCheck.run(ctxFor(client, db.url, {}))
    expect(outcome.status).toBe('pass')
  })

  test('detects btree_gist from an exclusion constraint and finds it creatable for a superuser', async () => {
    const plan = { pending: [pendingMigration('20251113203000', 'overlap', EXCLUDE_SQL)] }
    const outcome = await extensionsCheck.run(ctxFor(client, db.url, plan))
    expect(outcome.status).toBe('pass')
    const [v] = outcome.details?.extensions ?? []
    expect(v).toMatchObject({ name: 'btree_gist', available: true, creatable: true })
    expect(v.neededBecause).toBe(
      'migrations/20251113203000_overlap.sql:8 uses public.allocations.resource_id in a gist exclusion with ='
    )
  })

  test('reads column types of existing tables: a gist index on a text column needs btree_gist, on a range not', async () => {
    const onText = {
      pending: [pendingMigration('2', 'idx', 'CREATE INDEX ON public.rooms USING gist (tag)')]
    }
    const text = await extensionsCheck.run(ctxFor(client, db.url, onText))
    expect((text.details?.extensions ?? []).map(v => v.name)).toEqual(['btree_gist'])
    const onRange = {
      pending: [pendingMigration('3', 'idx', 'CREATE INDEX ON rooms USING gist (span)')]
    }
    const range = await extensionsCheck.run(ctxFor(client, db.url, onRange))
    expect(range.summary).toBe('the pending migrations need no extension')
  })

  // postgis: hosted Supabase has it, the embedded server does not, and the throwaway server has no stand-in.
  test('an extension the server does not have fails, naming it', async () => {
    const outcome = await extensionsCheck.run(
      ctxFor(client, db.url, { extensions: ['pg_trgm', 'postgis'] })
    )
    expect(outcome.status).toBe('fail')
    expect(outcome.summary).toBe('missing extension: postgis')
    expect(outcome.reasons).toEqual([
      'postgis (created by a pending migration): not available on this server (absent from pg_available_extensions)'
    ])
  })

  test('an installed extension passes for anyone', async () => {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    const outcome = await extensionsCheck.run(
      ctxFor(limited, limitedUrl, { extensions: ['pg_trgm'] })
    )
    expect(outcome.status).toBe('pass')
    expect((outcome.details?.extensions ?? [])[0]?.why).toMatch(/^installed \(version /)
  })

  test('a non-superuser: trusted needs CREATE on the database, untrusted fails', async () => {
    const plan = { extensions: ['citext', 'postgres_fdw'] }
    const before = await extensionsCheck.run(ctxFor(limited, limitedUrl, plan))
    expect(before.status).toBe('fail')
    expect(before.summary).toBe('missing extensions: citext, postgres_fdw')
    expect(before.reasons?.[0]).toContain(
      `trusted, but ${role} lacks CREATE on database ${db.name}`
    )
    expect(before.reasons?.[1]).toContain(`not a trusted extension and ${role} is not superuser`)

    await client.query(`GRANT CREATE ON DATABASE ${db.name} TO ${role}`)
    const after = await extensionsCheck.run(ctxFor(limited, limitedUrl, plan))
    expect(after.summary).toBe('missing extension: postgres_fdw')
    // The verdict is honest: the role really can create the trusted one.
    await limited.query('CREATE EXTENSION citext')
    await limited.query('DROP EXTENSION citext')
  })

  test('on Supabase the supautils allow list makes an untrusted extension creatable', async () => {
    await limited.query("SET supautils.privileged_extensions = 'postgres_fdw, pg_cron'")
    try {
      const outcome = await extensionsCheck.run(
        ctxFor(limited, limitedUrl, { extensions: ['postgres_fdw'] })
      )
      expect(outcome.status).toBe('pass')
      expect((outcome.details?.extensions ?? [])[0]?.why).toContain(
        'supautils.privileged_extensions'
      )
    } finally {
      await limited.query('RESET supautils.privileged_extensions')
    }
  })

  test('judgeExtension prefers installed over everything', () => {
    const role = {
      user: 'u',
      database: 'd',
      isSuperuser: false,
      hasDatabaseCreate: false,
      privilegedExtensions: null
    }
    const fact = {
      name: 'x',
      available: true,
      defaultVersion: '1.0',
      installedVersion: '1.0',
      trusted: false
    }
    expect(judgeExtension(fact, role).creatable).toBe(true)
    expect(judgeExtension({ ...fact, installedVersion: null }, role).creatable).toBe(false)
  })
})
