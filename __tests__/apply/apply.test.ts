import pg from 'pg'
import { rmSync, unlinkSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, recordQueries, type TestDatabase } from '../helpers/db.js'
import { copyFixture, PG_DUMP_HEADER, type FixtureRepo } from '../helpers/fixtures.js'
import { applyMigrations, ApplyError, type ApplyOptions } from '../../src/apply/apply.js'
import { discoverMigrations } from '../../src/plan/files.js'
import { buildPlan } from '../../src/plan/plan.js'
import { readHistory } from '../../src/plan/history.js'
import { loadParser } from '../../src/sql/parser.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'
import { MigrationFileError } from '../../src/apply/statements.js'

let db: TestDatabase
let repo: FixtureRepo
let client: pg.Client
let log: Logger

function options(overrides: Partial<ApplyOptions> = {}): ApplyOptions {
  return {
    environment: 'staging',
    runId: 'test-run',
    lockTimeoutMs: 200,
    statementTimeoutMs: 30_000,
    retries: 2,
    retryBackoffMs: 20,
    advisoryLockWaitMs: 5_000,
    allowOutOfOrder: false,
    log,
    ...overrides
  }
}

const migrations = () => discoverMigrations('migrations', repo.root)
const apply = (c: pg.Client = client, o: Partial<ApplyOptions> = {}) =>
  applyMigrations(c, 'migrations', migrations(), options(o))

async function historyVersions(): Promise<string[]> {
  return (await readHistory(client)).map(h => h.version)
}

async function columnExists(table: string, column: string): Promise<boolean> {
  const r = await client.query(
    'SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3',
    ['public', table, column]
  )
  return r.rowCount === 1
}

beforeAll(loadParser)
beforeEach(async () => {
  db = await createTestDatabase('apply')
  repo = copyFixture('basic')
  client = await db.client()
  log = new Logger(new Redactor())
})
afterEach(async () => {
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
})

test('apply writes both history tables in the same transaction as the change', async () => {
  const applied = await apply()
  expect(applied.map(a => a.version)).toEqual(['20250101000000', '20250201000000'])
  const rows = await client.query(
    'SELECT version, name, statements FROM supabase_migrations.schema_migrations ORDER BY version'
  )
  expect(rows.rows.map(r => [r.version, r.name])).toEqual([
    ['20250101000000', 'create_items'],
    ['20250201000000', 'add_sku']
  ])
  // The statements column is what `supabase migration list` reads: one entry per statement.
  expect(rows.rows[1].statements).toHaveLength(4)
  const audit = await client.query(
    `SELECT version, checksum, status, schema_before IS NOT NULL AS snap FROM migration_runbook.audit_log ORDER BY id`
  )
  expect(audit.rows.map(r => [r.version, r.status])).toEqual([
    ['20250101000000', 'applied'],
    ['20250201000000', 'applied']
  ])
  expect(audit.rows[1].checksum).toBe(migrations()[1].checksum)
  // Per-statement timing with file:line is in the log.
  expect(log.text()).toMatch(
    /migrations\/20250201000000_add_sku\.sql:3 ALTER TABLE public\.items ADD CONSTRAINT .* ms\)/
  )
})

test('each migration commits with its history row and audit entry in one round trip', async () => {
  const sent = recordQueries(client)
  await apply()
  const commits = sent.filter(q => /\bCOMMIT$/.test(q))
  expect(commits).toHaveLength(2)
  for (const [i, version] of ['20250101000000', '20250201000000'].entries()) {
    expect(commits[i]).toContain(`INSERT INTO supabase_migrations.schema_migrations`)
    expect(commits[i]).toContain(`'${version}'`)
    expect(commits[i]).toContain('INSERT INTO migration_runbook.audit_log')
  }
  // Nothing else writes either table on the way.
  expect(
    sent.filter(
      q => /INSERT INTO (supabase_migrations|migration_runbook)\./.test(q) && !/\bCOMMIT$/.test(q)
    )
  ).toEqual([])
  // BEGIN and the SET LOCALs ride in each file's batch, and the history is read with its DDL: no round trip
  // of their own (a hosted database is 10–100 ms away per query).
  const batches = sent.filter(q => q.startsWith('-- migration-runbook: migrations/'))
  expect(batches).toHaveLength(2)
  expect(batches[0].split('\n;\n').slice(0, 3)).toEqual([
    expect.stringMatching(/^-- migration-runbook: .*\nBEGIN$/),
    'SET LOCAL lock_timeout = 200',
    'SET LOCAL statement_timeout = 30000'
  ])
  // The second file starts from the session as the run found it (as on `supabase db push`), in the same trip
  // (this test's session has no settings of its own to set again).
  expect(batches[1].split('\n;\n').slice(0, 6)).toEqual([
    expect.stringMatching(/^-- migration-runbook: .*\nRESET SESSION AUTHORIZATION$/),
    'RESET ROLE',
    'RESET ALL',
    'BEGIN',
    'SET LOCAL lock_timeout = 200',
    'SET LOCAL statement_timeout = 30000'
  ])
  expect(sent.filter(q => /^BEGIN\b/.test(q))).toEqual([])
  expect(sent.filter(q => q.includes('to_regclass'))).toEqual([])
})

test('a second apply does nothing', async () => {
  await apply()
  expect(await apply()).toEqual([])
  expect(await historyVersions()).toEqual(['20250101000000', '20250201000000'])
  expect(log.text()).toContain('nothing to apply')
})

test('a failing statement mid-migration leaves the database as it was, and says where and why', async () => {
  repo.write(
    '20250301000000_bad.sql',
    'ALTER TABLE public.items ADD COLUMN weight int;\n\nINSERT INTO public.items (name, price) VALUES (NULL, 5);\n'
  )
  const err = await apply().catch(e => e)
  expect(err).toBeInstanceOf(ApplyError)
  expect(err.code).toBe('23502')
  expect(err.message).toContain('migrations/20250301000000_bad.sql:3')
  expect(err.message).toContain('SQLSTATE 23502')
  expect(err.message).toMatch(/null value in column "name"/)
  expect(await columnExists('items', 'weight')).toBe(false)
  expect(await historyVersions()).toEqual(['20250101000000', '20250201000000'])
  const failed = await client.query(
    `SELECT status FROM migration_runbook.audit_log WHERE version = '20250301000000'`
  )
  expect(failed.rows.map(r => r.status)).toEqual(['failed'])
})

test('a lock held by another session: apply retries, gives up saying it was a lock, changes nothing', async () => {
  await apply()
  repo.write('20250301000000_add_weight.sql', 'ALTER TABLE public.items ADD COLUMN weight int;\n')
  const holder = await db.client()
  await holder.query('BEGIN')
  await holder.query('LOCK TABLE public.items IN ACCESS SHARE MODE')
  try {
    const err = await apply().catch(e => e)
    expect(err).toBeInstanceOf(ApplyError)
    expect(err.code).toBe('55P03')
    expect(err.message).toMatch(/could not get a lock .* after 3 attempt\(s\)/)
    expect(log.text().match(/lock not available \(attempt/g)).toHaveLength(2)
    expect(await columnExists('items', 'weight')).toBe(false)
    expect(await historyVersions()).not.toContain('20250301000000')
  } finally {
    await holder.query('ROLLBACK')
  }
})

test('two concurrent applies apply each migration once', async () => {
  const other = await db.client()
  const [a, b] = await Promise.all([apply(client), apply(other)])
  const versions = [...a, ...b].map(m => m.version).sort()
  expect(versions).toEqual(['20250101000000', '20250201000000'])
  expect(await historyVersions()).toEqual(['20250101000000', '20250201000000'])
  const items = await client.query('SELECT count(*)::int AS n FROM public.items')
  expect(items.rows[0].n).toBe(3)
})

test('the second run waits a bounded time for the apply lock, then fails clearly', async () => {
  const holder = await db.client()
  await holder.query('SELECT pg_advisory_lock($1::bigint)', [0x6d72756e])
  const err = await apply(client, { advisoryLockWaitMs: 300 }).catch(e => e)
  expect(err.message).toMatch(
    /another migration run holds the apply lock on this database: pid \d+/
  )
  expect(await historyVersions()).toEqual([])
})

test('drift: an applied file that changed, or a history row with no file, is caught', async () => {
  await apply()
  repo.write(
    '20250101000000_create_items.sql',
    '-- edited after apply\nCREATE TABLE public.items (id int);\n'
  )
  let plan = buildPlan('migrations', migrations(), await readHistory(client))
  expect(plan.drift.map(d => [d.version, d.kind])).toEqual([['20250101000000', 'changed']])
  expect(plan.drift[0].message).toContain('changed after it was applied')
  await expect(apply()).rejects.toThrow(
    /drift: .*20250101000000_create_items\.sql changed after it was applied/
  )

  unlinkSync(path.join(repo.dir, 'rollback', '20250201000000_add_sku.sql'))
  unlinkSync(path.join(repo.dir, 'verify', '20250201000000_add_sku.sql'))
  unlinkSync(path.join(repo.dir, '20250201000000_add_sku.sql'))
  plan = buildPlan('migrations', migrations(), await readHistory(client))
  expect(plan.drift.map(d => d.kind).sort()).toEqual(['changed', 'missing-file'])
})

test('an out-of-order pending version fails unless the policy allows it', async () => {
  await apply()
  repo.write('20250115000000_late.sql', 'CREATE TABLE public.late (id int);\n')
  await expect(apply()).rejects.toThrow(/20250115000000 are older than the newest applied one/)
  expect((await apply(client, { allowOutOfOrder: true })).map(m => m.version)).toEqual([
    '20250115000000'
  ])
})

test('transaction control inside a migration file is refused before anything runs', async () => {
  repo.write(
    '20250301000000_stray_commit.sql',
    'CREATE TABLE public.a (id int);\nCOMMIT;\nBEGIN;\nCREATE TABLE public.b (id int);\n'
  )
  const err = await apply().catch(e => e)
  expect(err).toBeInstanceOf(MigrationFileError)
  expect(err.message).toContain('migrations/20250301000000_stray_commit.sql:2')
  expect(err.message).toContain('transaction control')
  expect(await historyVersions()).toEqual([])
})

test('a no-transaction migration runs statement by statement (CREATE INDEX CONCURRENTLY)', async () => {
  repo.write(
    '20250301000000_index_name.sql',
    '-- migration-runbook: no-transaction\nCREATE INDEX CONCURRENTLY items_name_idx ON public.items (name);\n'
  )
  await client.query(`SET lock_timeout = '1234ms'`)
  await client.query(`SET statement_timeout = '7s'`)
  const applied = await apply()
  expect(applied.map(m => m.version)).toContain('20250301000000')
  const idx = await client.query(
    `SELECT indisvalid FROM pg_index WHERE indexrelid = 'public.items_name_idx'::regclass`
  )
  expect(idx.rows[0].indisvalid).toBe(true)
  // The session's own timeouts are back afterwards (later checks rely on them).
  const t = await client.query(
    `SELECT current_setting('lock_timeout') AS l, current_setting('statement_timeout') AS s`
  )
  expect([t.rows[0].l, t.rows[0].s]).toEqual(['1234ms', '7s'])
})

test.each([
  [
    "pg_dump's header",
    '20250301000000_remote_schema.sql',
    PG_DUMP_HEADER + 'ALTER TABLE public.items ADD COLUMN note text;\n',
    11
  ],
  [
    'dynamic SQL',
    '20250301000000_dynamic.sql',
    "DO $$ BEGIN EXECUTE 'SET LOCAL lock' || '_timeout = 0'; END $$;\nALTER TABLE public.items ADD COLUMN note text;\n",
    2
  ]
])(
  "a file that sets lock_timeout = 0 (%s) still runs under runbook.yml's: a held lock fails it, it does not queue",
  async (_how, file, sql, line) => {
    await apply()
    repo.write(file, sql)
    const holder = await db.client()
    await holder.query('BEGIN; SELECT count(*) FROM public.items')
    // Before, the file's own lock_timeout = 0 held: the ALTER queued until the holder ended, 3 s later.
    const release = setTimeout(() => void holder.query('ROLLBACK'), 3_000)
    const t0 = Date.now()
    const err = await apply(client, { retries: 0 }).catch(e => e)
    const waitedMs = Date.now() - t0
    clearTimeout(release)
    await holder.query('ROLLBACK')
    expect(err).toBeInstanceOf(ApplyError)
    expect(err.code).toBe('55P03')
    expect(err.message).toContain(`migrations/${file}:${line}`)
    expect(waitedMs).toBeLessThan(2_500)
    expect(await columnExists('items', 'note')).toBe(false)
    expect(log.lines.join('\n')).toContain(
      `migrations/${file}:1 may change lock_timeout or statement_timeout`
    )
  }
)

test('the session is as before once the migrations are applied: their SETs do not reach the checks after', async () => {
  await client.query(`SET lock_timeout = '1234ms'; SET statement_timeout = '7s'`)
  const before = await client.query(
    `SELECT current_user AS role, current_setting('search_path') AS path, current_setting('row_security') AS rls`
  )
  repo.write(
    '20250301000000_remote_schema.sql',
    PG_DUMP_HEADER + 'CREATE TABLE public.notes (id int PRIMARY KEY);\n'
  )
  const applied = await apply()
  expect(applied.map(m => m.version)).toContain('20250301000000')
  const after = await client.query(
    `SELECT current_user AS role, current_setting('search_path') AS path, current_setting('row_security') AS rls,
            current_setting('lock_timeout') AS l, current_setting('statement_timeout') AS s`
  )
  expect(after.rows[0]).toEqual({ ...before.rows[0], l: '1234ms', s: '7s' })
  // An unqualified name resolves as in a fresh session.
  await expect(client.query('SELECT count(*) FROM notes')).resolves.toBeDefined()
})

test('a file may tighten the timeouts, never loosen them: a tighter value stays, 0 or a looser one is capped', async () => {
  await apply()
  const readBack = `INSERT INTO public.seen SELECT current_setting('lock_timeout'), current_setting('statement_timeout');\n`
  const body =
    'CREATE TABLE public.seen (lock text, stmt text);\n' +
    "SET lock_timeout = '100ms';\n" +
    readBack +
    "SET lock_timeout = 0;\nSET statement_timeout = '2h';\n" +
    readBack +
    "SELECT pg_catalog.set_config('statement_timeout', '5s', false);\n" +
    readBack
  repo.write('20250301000000_own_timeouts.sql', body)
  repo.write(
    '20250302000000_own_timeouts_no_tx.sql',
    '-- migration-runbook: no-transaction\n' +
      body.replace('CREATE TABLE public.seen (lock text, stmt text);\n', '')
  )
  await apply(client, { lockTimeoutMs: 200, statementTimeoutMs: 30_000 })
  const { rows } = await client.query('SELECT lock, stmt FROM public.seen')
  const inFile = [
    { lock: '100ms', stmt: '30s' },
    { lock: '200ms', stmt: '30s' },
    { lock: '200ms', stmt: '5s' }
  ]
  // In its transaction, then statement by statement outside one: the same.
  expect(rows).toEqual([...inFile, ...inFile])
})
