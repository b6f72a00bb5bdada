/**
 * Adoption: a migration wrapped whole in BEGIN ... COMMIT (as Supabase's own examples are) is accepted with
 * the Supabase CLI's meaning; any other transaction control is refused with what the CLI would do. Every
 * consumer sees the same thing: statementsOf (apply, rehearsal, rollback, verify) and lint.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { removeProject, supabaseDbPush, supabaseProject } from '../helpers/supabase-cli.js'
import { applyMigrations } from '../../src/apply/apply.js'
import { MigrationFileError, statementsOf } from '../../src/apply/statements.js'
import { rehearseFiles } from '../../src/rehearse/engine.js'
import { lintMigrations } from '../../src/lint/migrations.js'
import { lintSql } from '../../src/lint/engine.js'
import { discoverMigrations, type SqlFile } from '../../src/plan/files.js'
import { readHistory } from '../../src/plan/history.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'
import { diffSnapshots, isEmptyDiff, renderDiff, snapshotSchema } from '../../src/schema/index.js'
import { loadParser } from '../../src/sql/parser.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** A Supabase project's migrations: 20240315143000_teams.sql is wrapped in begin; ... commit;. */
const APP = path.join('__tests__', 'fixtures', 'supabase-app', 'supabase', 'migrations')

const file = (sql: string): SqlFile => ({ file: 'm.sql', path: 'm.sql', sql, checksum: '' })
const ran = (sql: string) => statementsOf(file(sql)).map(s => `${s.line}:${s.kind}`)
function refusal(sql: string): MigrationFileError {
  try {
    statementsOf(file(sql))
  } catch (e) {
    expect(e).toBeInstanceOf(MigrationFileError)
    return e as MigrationFileError
  }
  throw new Error('statementsOf accepted the file')
}
const lintFindings = (sql: string) =>
  lintSql('m.sql', sql, { kind: 'migration', noTransaction: false }).findings.map(
    f => `${f.line} ${f.rule} ${f.severity}`
  )

function applyOptions(log: Logger) {
  return {
    environment: 'test',
    runId: 'adoption',
    lockTimeoutMs: 5_000,
    statementTimeoutMs: 60 * 60_000,
    retries: 0,
    retryBackoffMs: 0,
    advisoryLockWaitMs: 5_000,
    allowOutOfOrder: false,
    log
  }
}

beforeAll(loadParser)

describe('the whole-file wrapper is the runbook’s own transaction', () => {
  test.each([
    [
      'begin; ... commit;',
      'begin;\ncreate table a (id int);\n\ninsert into a values (1);\ncommit;\n'
    ],
    [
      'BEGIN TRANSACTION; ... END;',
      'BEGIN TRANSACTION;\ncreate table a (id int);\n\ninsert into a values (1);\nEND;\n'
    ],
    [
      'START TRANSACTION; ... COMMIT;',
      'START TRANSACTION;\ncreate table a (id int);\n\ninsert into a values (1);\nCOMMIT;\n'
    ],
    [
      'Begin Work; ... Commit Work;',
      'Begin Work;\ncreate table a (id int);\n\ninsert into a values (1);\nCommit Work;'
    ]
  ])('%s: the statements between run, at their lines in the file', (_name, sql) => {
    expect(ran(sql)).toEqual(['2:CreateStmt', '4:InsertStmt'])
    expect(lintFindings(sql)).toEqual([])
  })

  test('comments before, between and after the wrapper change nothing', () => {
    const sql =
      '-- Teams.\n/* generated */\nbegin; -- all or nothing\ncreate table a (id int);\n/* x */ commit;\n-- end\n'
    expect(ran(sql)).toEqual(['4:CreateStmt'])
    expect(lintFindings(sql)).toEqual([])
  })

  test('BEGIN; COMMIT; with nothing between is an empty migration', () => {
    expect(ran('begin;\n-- nothing yet\ncommit;\n')).toEqual([])
  })
})

describe('any other transaction control is refused, saying what the Supabase CLI would do', () => {
  test.each([
    [
      'COMMIT in the middle',
      'begin;\ncreate table a (id int);\ncommit;\ncreate table b (id int);\n',
      3,
      /"commit"\) in the middle of the file: the Supabase CLI would commit the statements before it on their own, so if a later statement fails, what ran before stays applied while the version is not recorded/
    ],
    [
      'two wrapped blocks',
      'begin;\ncreate table a (id int);\ncommit;\nbegin;\ncreate table b (id int);\ncommit;\n',
      3,
      /in the middle of the file.*split the file into one migration per transaction/
    ],
    [
      'ROLLBACK at the end',
      'begin;\ncreate table a (id int);\nrollback;\n',
      3,
      /"rollback"\) at the end of the file: the Supabase CLI would run the statements, roll them back and still record the version as applied/
    ],
    [
      'SAVEPOINT',
      'begin;\ncreate table a (id int);\nsavepoint s;\ncreate table b (id int);\ncommit;\n',
      3,
      /"savepoint s"\): savepoints are not supported/
    ],
    [
      'BEGIN without COMMIT',
      'begin;\ncreate table a (id int);\n',
      1,
      /with no COMMIT after it: the Supabase CLI would leave the transaction open, run this migration, every later one and their history rows inside it, report success, and lose all of it/
    ],
    [
      'BEGIN in the middle',
      'create table a (id int);\nbegin;\ncreate table b (id int);\ncommit;\n',
      2,
      /"begin"\) in the middle of the file: the Supabase CLI would commit the statements before it on their own/
    ],
    [
      'COMMIT at the end without BEGIN',
      'create table a (id int);\ncommit;\n',
      2,
      /at the end of a file that does not start with BEGIN: .*Remove it, or put BEGIN at the start of the file/
    ],
    [
      'BEGIN with options',
      'begin isolation level serializable;\ncreate table a (id int);\ncommit;\n',
      1,
      /transaction options are not supported/
    ],
    [
      'COMMIT AND CHAIN',
      'begin;\ncreate table a (id int);\ncommit and chain;\n',
      3,
      /AND CHAIN opens a new transaction/
    ],
    [
      'a wrapper and a no-transaction marker',
      '-- +goose NO TRANSACTION\nbegin;\ncreate table a (id int);\ncommit;\n',
      2,
      /wrapped in BEGIN \.\.\. COMMIT and also marked "-- \+goose NO TRANSACTION".*contradict/
    ]
  ])('%s', (_name, sql, line, message) => {
    const e = refusal(sql)
    expect(e.message).toMatch(
      new RegExp(`^m\\.sql:${line}: transaction control|^m\\.sql:${line}: the file`)
    )
    expect(e.message).toMatch(message)
    expect(e.line).toBe(line)
    // lint reports the same statement with the same reason, as an error.
    const findings = lintSql('m.sql', sql, { kind: 'migration', noTransaction: false }).findings
    const first = findings.find(f => f.rule === 'transaction-control')
    expect(first).toMatchObject({ line, severity: 'error' })
    expect(e.message).toBe(`m.sql:${line}: ${first?.message}`)
  })
})

describe('a real Supabase project with a wrapped migration', () => {
  let ours: TestDatabase
  let theirs: TestDatabase
  let project: string | undefined

  beforeEach(async () => {
    ours = await createTestDatabase('adopt_ours')
    theirs = await createTestDatabase('adopt_cli')
  })
  afterEach(async () => {
    await ours.drop()
    await theirs.drop()
    if (project) removeProject(project)
    project = undefined
  })

  test('is linted clean of transaction control, rehearsed, applied, and ends as `supabase db push` leaves it', async () => {
    const migrations = discoverMigrations(APP, ROOT)
    const teams = migrations.find(m => m.name === 'teams')
    expect(teams?.sql.startsWith('begin;')).toBe(true)

    const lint = lintMigrations(migrations)
    expect(lint.findings.filter(f => f.rule === 'transaction-control')).toEqual([])

    const client: pg.Client = await ours.client()
    const log = new Logger(new Redactor())
    const rehearsed = await rehearseFiles(
      client,
      migrations.map(m => ({ version: m.version, file: m })),
      { lockBudgetMs: 30_000, lockTimeoutMs: 5_000, log }
    )
    expect(rehearsed.map(r => r.error)).toEqual(migrations.map(() => undefined))
    expect(await client.query(`SELECT to_regclass('public.teams') AS t`)).toMatchObject({
      rows: [{ t: null }]
    })

    await applyMigrations(client, APP, migrations, applyOptions(log))
    expect((await readHistory(client)).map(h => h.version)).toEqual(migrations.map(m => m.version))

    project = supabaseProject({ fromDir: path.join(ROOT, APP) })
    const push = await supabaseDbPush(project, theirs.url)
    expect(push.output).toContain('Applying migration 20240315143000_teams.sql...')
    expect(push.code).toBe(0)

    const cli = await theirs.client()
    const diff = diffSnapshots(await snapshotSchema(cli), await snapshotSchema(client))
    expect(isEmptyDiff(diff) ? '' : renderDiff(diff)).toBe('')
    // Both histories list the same versions (the CLI records BEGIN and COMMIT among the statements).
    const versions = async (c: pg.Client) =>
      (
        await c.query<{ version: string }>(
          'SELECT version FROM supabase_migrations.schema_migrations ORDER BY version'
        )
      ).rows.map(r => r.version)
    expect(await versions(cli)).toEqual(await versions(client))
  })
})

describe('what the Supabase CLI 2.117.0 does with transaction control (the facts the messages state)', () => {
  let db: TestDatabase
  let client: pg.Client
  let project: string
  const exists = async (name: string) =>
    (await client.query(`SELECT to_regclass($1) AS t`, [name])).rows[0].t !== null
  const recorded = async () =>
    (
      await client.query<{ version: string }>(
        `SELECT version FROM supabase_migrations.schema_migrations ORDER BY version`
      )
    ).rows.map(r => r.version)

  beforeEach(async () => {
    db = await createTestDatabase('adopt_tx')
    client = await db.client()
  })
  afterEach(async () => {
    await db.drop()
    removeProject(project)
  })

  test('ROLLBACK at the end: nothing applied, the version recorded', async () => {
    project = supabaseProject({
      '20250101000000_a.sql': 'begin;\ncreate table public.a (id int);\nrollback;\n'
    })
    expect((await supabaseDbPush(project, db.url)).output).toContain('Finished supabase db push.')
    expect(await exists('public.a')).toBe(false)
    expect(await recorded()).toEqual(['20250101000000'])
  })

  test('BEGIN with no COMMIT: success reported, this migration and the next one lost', async () => {
    project = supabaseProject({
      '20250101000000_a.sql': 'begin;\ncreate table public.a (id int);\n',
      '20250102000000_b.sql': 'create table public.b (id int);\n'
    })
    expect((await supabaseDbPush(project, db.url)).output).toContain('Finished supabase db push.')
    expect([await exists('public.a'), await exists('public.b')]).toEqual([false, false])
    expect(await recorded()).toEqual([])
  })

  test('COMMIT in the middle, then a failure: what ran before stays applied, the version is not recorded', async () => {
    project = supabaseProject({
      '20250101000000_a.sql':
        'begin;\ncreate table public.a (id int);\ncommit;\ninsert into public.missing values (1);\n'
    })
    expect((await supabaseDbPush(project, db.url)).output).toContain(
      'relation "public.missing" does not exist'
    )
    expect(await exists('public.a')).toBe(true)
    expect(await recorded()).toEqual([])
  })
})
