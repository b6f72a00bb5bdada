/**
 * Adoption: migrations that cannot run in a transaction (CREATE INDEX CONCURRENTLY and friends). Other
 * runners' no-transaction markers are recognised as ours; a file of only CONCURRENTLY statements runs
 * outside a transaction with no marker, as under `supabase db push`; CONCURRENTLY mixed with other
 * statements is refused, because under the Supabase CLI a later failure leaves such a file half applied.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { removeProject, supabaseDbPush, supabaseProject } from '../helpers/supabase-cli.js'
import { applyMigrations } from '../../src/apply/apply.js'
import { MigrationFileError } from '../../src/apply/statements.js'
import { lintMigrations } from '../../src/lint/migrations.js'
import {
  discoverMigrations,
  findNoTransactionMarker,
  NO_TRANSACTION_MARKER,
  transactionModeOf
} from '../../src/plan/files.js'
import { readHistory } from '../../src/plan/history.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'
import { loadParser } from '../../src/sql/parser.js'

const CIC = 'CREATE INDEX CONCURRENTLY items_name_idx ON public.items (name);\n'
const TABLE = 'CREATE TABLE public.items (id int PRIMARY KEY, name text);\n'

let root: string
function folder(files: Record<string, string>): void {
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, 'migrations', name)), { recursive: true })
    writeFileSync(path.join(root, 'migrations', name), sql)
  }
}
const discover = () => discoverMigrations('migrations', root)

beforeAll(loadParser)
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'adopt-notx-'))
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('other runners’ no-transaction markers mean ours', () => {
  test.each([
    ['Migration Runbook', '-- migration-runbook: no-transaction'],
    ['Atlas', '-- atlas:txmode none'],
    ['goose', '-- +goose NO TRANSACTION'],
    ['dbmate', '-- migrate:up transaction:false'],
    ['sql-migrate', '-- +migrate Up notransaction'],
    ['tern', '---- tern: disable-tx ----'],
    ['graphile-migrate', '--! no-transaction'],
    ['Flyway', '-- flyway:executeInTransaction=false'],
    ['Liquibase', '--changeset alice:42 runInTransaction:false'],
    ['postgres-migrations', '-- postgres-migrations disable-transaction'],
    ['sqlx', '-- no-transaction'],
    ['sqlx', '-- disable-transaction'],
    ['sqlx', '-- NO TRANSACTION']
  ])('%s: %s', (tool, marker) => {
    const mixed = `${marker}\nALTER TABLE public.items ADD COLUMN x int;\n${CIC}`
    expect(findNoTransactionMarker(mixed)).toEqual({ comment: marker, tool })
    expect(NO_TRANSACTION_MARKER.test(marker)).toBe(true)
    expect(transactionModeOf(mixed, 'm.sql')).toEqual({
      noTransaction: true,
      reason: `marked "${marker}"${tool === 'Migration Runbook' ? '' : ` (${tool}'s marker)`}`
    })
  })

  test('on any comment line that opens the file (goose writes "-- +goose Up" first)', () => {
    const sql = `-- +goose Up\n\n-- +goose NO TRANSACTION\n${CIC}`
    expect(findNoTransactionMarker(sql)?.comment).toBe('-- +goose NO TRANSACTION')
  })

  test.each([
    ['after the first statement', `SELECT 1;\n-- atlas:txmode none\n${CIC}`],
    ['inside a block comment', `/* -- atlas:txmode none */\n${CIC}`],
    ['in a longer sentence', `-- no-transaction needed here\nSELECT 1;\n`],
    ['as another tool’s unrelated directive', `-- +goose Up\nSELECT 1;\n`]
  ])('not %s', (_name, sql) => {
    expect(findNoTransactionMarker(sql)).toBeUndefined()
  })
})

describe('what discovery decides', () => {
  test('marked, only CONCURRENTLY, mixed, plain', () => {
    folder({
      '1_items.sql': TABLE,
      '2_marked.sql': `-- +goose NO TRANSACTION\nALTER TABLE public.items ADD COLUMN x int;\n${CIC}`,
      '3_concurrent.sql': `-- An index on a busy table.\n${CIC}DROP INDEX CONCURRENTLY IF EXISTS old_idx;\nREINDEX INDEX CONCURRENTLY items_pkey;\n`,
      '4_mixed.sql': `ALTER TABLE public.items ADD COLUMN y int;\n${CIC}`
    })
    expect(
      discover().map(m => [m.version, m.noTransaction, m.noTransactionReason ?? null])
    ).toEqual([
      ['1', false, null],
      ['2', true, `marked "-- +goose NO TRANSACTION" (goose's marker)`],
      [
        '3',
        true,
        'every statement is CREATE INDEX CONCURRENTLY or DROP INDEX CONCURRENTLY or REINDEX CONCURRENTLY, which cannot run in a transaction: run statement by statement, as the Supabase CLI runs such a file'
      ],
      ['4', false, null]
    ])
  })

  test('a wrapped file of CONCURRENTLY statements is not "only CONCURRENTLY" (it is refused instead)', () => {
    expect(transactionModeOf(`begin;\n${CIC}commit;\n`, 'm.sql').noTransaction).toBe(false)
  })
})

describe('against PostgreSQL', () => {
  let db: TestDatabase
  let client: pg.Client
  let log: Logger
  const apply = () =>
    applyMigrations(client, 'migrations', discover(), {
      environment: 'test',
      runId: 'adoption',
      lockTimeoutMs: 5_000,
      statementTimeoutMs: 60 * 60_000,
      retries: 0,
      retryBackoffMs: 0,
      advisoryLockWaitMs: 5_000,
      allowOutOfOrder: false,
      log
    })
  const indexValid = async (name: string) =>
    (
      await client.query<{ valid: boolean }>(
        `SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = to_regclass($1)`,
        [`public.${name}`]
      )
    ).rows[0]?.valid

  beforeEach(async () => {
    db = await createTestDatabase('adopt_notx')
    client = await db.client()
    log = new Logger(new Redactor())
  })
  afterEach(() => db.drop())

  test('a file of only CREATE INDEX CONCURRENTLY, no marker, is applied outside a transaction', async () => {
    folder({ '1_items.sql': TABLE, '2_index.sql': CIC })
    await apply()
    expect(await indexValid('items_name_idx')).toBe(true)
    expect((await readHistory(client)).map(h => h.version)).toEqual(['1', '2'])
    expect(log.text()).toMatch(
      /applying migrations\/2_index\.sql \(no-transaction, statement by statement: every statement is CREATE INDEX CONCURRENTLY/
    )
  })

  test('a mixed file without a marker is refused before anything runs, naming the Supabase CLI’s behaviour', async () => {
    folder({
      '1_items.sql': TABLE,
      '2_mixed.sql': `ALTER TABLE public.items ADD COLUMN y int;\n${CIC}`
    })
    const err = await apply().catch(e => e)
    expect(err).toBeInstanceOf(MigrationFileError)
    expect(err.message).toMatch(
      /^migrations\/2_mixed\.sql:2: CREATE INDEX CONCURRENTLY shares the file with other statements and the file has no no-transaction marker\. The Supabase CLI sends a file's statements as one batch: .* half applied and not recorded/
    )
    expect(err.message).toContain('put "-- migration-runbook: no-transaction" on the first line')
    expect(await client.query(`SELECT to_regclass('public.items') AS t`)).toMatchObject({
      rows: [{ t: null }]
    })
    // lint says the same, as an error.
    const lint = lintMigrations(discover())
    expect(lint.findings.map(f => [f.file, f.line, f.rule, f.severity])).toEqual([
      ['migrations/2_mixed.sql', 2, 'concurrently-in-transaction', 'error']
    ])
  })

  test('the same file with another runner’s marker runs statement by statement', async () => {
    folder({
      '1_items.sql': TABLE,
      '2_mixed.sql': `-- atlas:txmode none\nALTER TABLE public.items ADD COLUMN y int;\n${CIC}`
    })
    await apply()
    expect(await indexValid('items_name_idx')).toBe(true)
    expect(lintMigrations(discover()).findings).toEqual([])
  })

  test('lint: CONCURRENTLY alone needs no marker; inside BEGIN ... COMMIT it is an error', () => {
    folder({ '1_items.sql': TABLE, '2_index.sql': CIC, '3_wrapped.sql': `begin;\n${CIC}commit;\n` })
    const findings = lintMigrations(discover()).findings
    expect(findings.map(f => [f.file, f.line, f.rule, f.severity])).toEqual([
      ['migrations/3_wrapped.sql', 2, 'concurrently-in-transaction', 'error']
    ])
    expect(findings[0].message).toMatch(/inside the file's BEGIN \.\.\. COMMIT fails/)
  })
})

describe('what the Supabase CLI 2.117.0 does (the facts the rules above rest on)', () => {
  let db: TestDatabase
  let client: pg.Client
  let project: string
  const exists = async (name: string) =>
    (await client.query(`SELECT to_regclass($1) AS t`, [name])).rows[0].t !== null
  const versions = async () =>
    (
      await client.query<{ version: string; statements: string[] }>(
        'SELECT version, statements FROM supabase_migrations.schema_migrations ORDER BY version'
      )
    ).rows

  beforeEach(async () => {
    db = await createTestDatabase('adopt_cli')
    client = await db.client()
  })
  afterEach(async () => {
    await db.drop()
    removeProject(project)
  })

  test('a file of only CREATE INDEX CONCURRENTLY is pushed with no marker', async () => {
    project = supabaseProject({
      '20250101000000_items.sql': TABLE,
      '20250102000000_index.sql': CIC
    })
    const push = await supabaseDbPush(project, db.url)
    expect(push.output).toContain('Finished supabase db push.')
    expect(await exists('public.items_name_idx')).toBe(true)
    expect((await versions()).map(v => v.version)).toEqual(['20250101000000', '20250102000000'])
  })

  test('another runner’s marker is a plain comment to it, recorded with the statement', async () => {
    project = supabaseProject({
      '20250101000000_items.sql': TABLE,
      '20250102000000_index.sql': `-- atlas:txmode none\n${CIC}`
    })
    await supabaseDbPush(project, db.url)
    expect((await versions())[1].statements).toEqual([
      `-- atlas:txmode none\n${CIC.trim().replace(/;$/, '')}`
    ])
  })

  test('a mixed file that fails after CONCURRENTLY is left half applied and unrecorded', async () => {
    project = supabaseProject({
      '20250101000000_items.sql': TABLE,
      '20250102000000_mixed.sql': `CREATE TABLE public.before_cic (id int);\n${CIC}CREATE TABLE public.after_cic (id int);\nINSERT INTO public.missing VALUES (1);\n`
    })
    const push = await supabaseDbPush(project, db.url)
    expect(push.output).toContain('relation "public.missing" does not exist')
    expect(await exists('public.before_cic')).toBe(true)
    expect(await exists('public.items_name_idx')).toBe(true)
    expect(await exists('public.after_cic')).toBe(false)
    expect((await versions()).map(v => v.version)).toEqual(['20250101000000'])
  })
})
