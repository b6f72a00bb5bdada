/**
 * The history tables on a real server: first runs at the same moment, and the SQL-text forms of the history
 * and audit inserts (sent with the COMMIT in one round trip) against the parameter forms.
 */
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { buildPlan } from '../../src/plan/plan.js'
import {
  ensureHistoryTables,
  readHistory,
  recordApplied,
  recordAppliedSql,
  writeAudit,
  writeAuditSql,
  type AuditEntry
} from '../../src/plan/history.js'

let db: TestDatabase
let client: pg.Client

beforeAll(async () => {
  db = await createTestDatabase('history')
  client = await db.client()
})
afterAll(() => db.drop())

test('first runs at the same moment on four sessions all create the history tables, none fails', async () => {
  const sessions = await Promise.all([0, 1, 2, 3].map(() => db.client()))
  // Unserialised, three of four fail with 23505 on pg_namespace in nearly every round (measured: 45 of 45).
  for (let round = 0; round < 3; round++) {
    await client.query('DROP SCHEMA IF EXISTS supabase_migrations, migration_runbook CASCADE')
    const outcomes = await Promise.allSettled(sessions.map(s => ensureHistoryTables(s)))
    expect(outcomes.filter(o => o.status === 'rejected')).toEqual([])
  }
  const tables = await client.query(
    `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname IN ('supabase_migrations', 'migration_runbook')`
  )
  expect(tables.rows[0].n).toBeGreaterThanOrEqual(2)
})

// Values a migration or a run can carry: quotes, backslashes, dollar quotes, a would-be injection, non-ASCII.
const HOSTILE = [
  `INSERT INTO t VALUES ('it''s', E'a\\\\b')`,
  `DO $$ BEGIN RAISE NOTICE 'x'; END $$`,
  `'); DROP TABLE supabase_migrations.schema_migrations; --`,
  `SELECT 'naïve café ✓ 漢字' AS "q""uoted"`,
  'C:\\path\\to\\file'
]

function entry(version: string): AuditEntry {
  return {
    runId: `run '${version}' \\ x`,
    environment: 'staging',
    stage: 'apply',
    version,
    name: `name with 'quote' and \\backslash`,
    checksum: 'abc123',
    gitSha: undefined,
    actor: `o'brien`,
    startedAt: new Date('2026-11-30T12:34:56.789Z'),
    finishedAt: new Date('2026-11-30T12:35:00.001Z'),
    status: 'applied',
    schemaBefore: { objects: [{ key: `table public."we'ird\\"`, definition: HOSTILE[0] }] },
    details: { statements: HOSTILE, error: `a\nmulti-line\t"message" \\ with 'quotes'` }
  }
}

async function rowsOf(version: string) {
  const history = await client.query(
    'SELECT version, statements, name FROM supabase_migrations.schema_migrations WHERE version = $1',
    [version]
  )
  const audit = await client.query(
    `SELECT run_id, environment, stage, name, checksum, git_sha, actor, started_at, finished_at, status,
            schema_before, details
       FROM migration_runbook.audit_log WHERE version = $1`,
    [version]
  )
  return { history: history.rows.map(r => ({ ...r, version: undefined })), audit: audit.rows }
}

test.each(['on', 'off'])(
  'the SQL-text inserts store exactly what the parameter inserts store (standard_conforming_strings %s)',
  async scs => {
    await ensureHistoryTables(client)
    await client.query(`SET standard_conforming_strings = ${scs}`)
    try {
      await recordApplied(client, `1${scs}`, entry('x').name, HOSTILE)
      await writeAudit(client, entry(`1${scs}`))
      await client.query(
        [
          'BEGIN',
          recordAppliedSql(`2${scs}`, entry('x').name, HOSTILE),
          writeAuditSql(entry(`2${scs}`)),
          'COMMIT'
        ].join(';\n')
      )
    } finally {
      await client.query('RESET standard_conforming_strings')
    }
    const byParams = await rowsOf(`1${scs}`)
    const byText = await rowsOf(`2${scs}`)
    expect(byText.history).toHaveLength(1)
    expect(byText.history[0].statements).toEqual(HOSTILE)
    expect(byText.history).toEqual(byParams.history)
    expect(byText.audit).toHaveLength(1)
    // Only the version differs, and it is inside run_id.
    expect({ ...byText.audit[0], run_id: null }).toEqual({ ...byParams.audit[0], run_id: null })
    expect(byText.audit[0].run_id).toBe(`run '2${scs}' \\ x`)
    expect(byText.audit[0].details.error).toBe(entry('x').details?.error)
    expect(byText.audit[0].git_sha).toBeNull()
    // Nothing was dropped by the would-be injection.
    const still = await client.query(
      `SELECT to_regclass('supabase_migrations.schema_migrations') AS t`
    )
    expect(still.rows[0].t).not.toBeNull()
  }
)

test('a migration with no statements is recorded with an empty array, as the parameter form does', async () => {
  await ensureHistoryTables(client)
  await client.query(recordAppliedSql('3', 'empty', []))
  const r = await client.query(
    `SELECT statements FROM supabase_migrations.schema_migrations WHERE version = '3'`
  )
  expect(r.rows[0].statements).toEqual([])
})

test('a history row another tool wrote with a version that is not a number is drift, not a crash', async () => {
  await client.query('DROP SCHEMA IF EXISTS supabase_migrations, migration_runbook CASCADE')
  await ensureHistoryTables(client)
  for (const v of ['20250102000000', 'manual-fix', '20250101000000'])
    await client.query(recordAppliedSql(v, 'x', []))
  // Before: "Cannot convert manual-fix to a BigInt" from the sort, in validate, apply and rollback alike.
  const created = await ensureHistoryTables(client)
  const read = await readHistory(client)
  expect(read.map(h => h.version)).toEqual(['20250101000000', '20250102000000', 'manual-fix'])
  expect(created).toEqual(read)
  const plan = buildPlan('supabase/migrations', [], read)
  expect(plan.drift.map(d => d.version)).toEqual(['20250101000000', '20250102000000', 'manual-fix'])
  expect(plan.drift[2].message).toContain('manual-fix')
  expect(plan.outOfOrder).toEqual([])
})

test('a table an older Supabase CLI created (version only) is read with null names, and completed as db push does', async () => {
  await client.query('DROP SCHEMA IF EXISTS supabase_migrations, migration_runbook CASCADE')
  await client.query(`CREATE SCHEMA supabase_migrations;
    CREATE TABLE supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
    INSERT INTO supabase_migrations.schema_migrations VALUES ('20250101000000')`)
  expect(await readHistory(client)).toEqual([
    { version: '20250101000000', name: null, checksum: null }
  ])
  const created = await ensureHistoryTables(client)
  expect(created).toEqual([{ version: '20250101000000', name: null, checksum: null }])
  await client.query(recordAppliedSql('20250102000000', 'second', ['select 1']))
  expect((await readHistory(client)).map(h => [h.version, h.name])).toEqual([
    ['20250101000000', null],
    ['20250102000000', 'second']
  ])
  // A complete table is not altered again: no ACCESS EXCLUSIVE on every run.
  const before = await client.query(
    `SELECT xmin::text AS x FROM pg_class WHERE oid = 'supabase_migrations.schema_migrations'::regclass`
  )
  await ensureHistoryTables(client)
  const after = await client.query(
    `SELECT xmin::text AS x FROM pg_class WHERE oid = 'supabase_migrations.schema_migrations'::regclass`
  )
  expect(after.rows[0].x).toBe(before.rows[0].x)
})
