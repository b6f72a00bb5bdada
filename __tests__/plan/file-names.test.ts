/**
 * Adoption: file names in a Supabase migrations folder mean to this runbook what they mean to the Supabase
 * CLI, checked against the CLI itself (`supabase db push --dry-run` runs nothing, it only lists).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { removeProject, supabaseDbPush, supabaseProject } from '../helpers/supabase-cli.js'
import { ConfigError } from '../../src/config/errors.js'
import { discoverMigrationsWithWarnings } from '../../src/plan/files.js'
import { loadParser } from '../../src/sql/parser.js'

const DIR = path.join('supabase', 'migrations')
let db: TestDatabase
let project: string | undefined

/** The CLI's "Skipping migration ..." lines, and the files it would push, in its order. */
async function cliView(dir: string): Promise<{ skipped: string[]; pushed: string[] }> {
  const { output } = await supabaseDbPush(dir, db.url, true)
  const lines = output.split('\n').map(l => l.trim())
  return {
    skipped: lines.filter(l => l.startsWith('Skipping migration ')),
    pushed: lines.filter(l => l.startsWith('• ')).map(l => l.slice(2))
  }
}

/** Our warnings with the folder taken off the file names, as the CLI prints them. */
function ourView(dir: string): { skipped: string[]; pushed: string[] } {
  const { migrations, warnings } = discoverMigrationsWithWarnings(DIR, dir)
  return {
    skipped: warnings.map(w => w.replace(`${DIR}/`, '')),
    pushed: migrations.map(m => path.basename(m.path))
  }
}

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('adopt_names')
})
afterAll(() => db.drop())
afterEach(() => {
  if (project) removeProject(project)
  project = undefined
})

test('`<timestamp>-<uuid>.sql` and other non-migrations are skipped with the Supabase CLI’s words', async () => {
  project = supabaseProject({
    '20250101000000_items.sql': 'CREATE TABLE items (id int);\n',
    '20250102000000-3f2a9c1e-7b7d-4c1e-9a51-0d8e8c1b2a3f.sql': 'SELECT 1;\n',
    '20250103000000_ok.sql.bak': 'SELECT 2;\n',
    'README.md': 'notes\n',
    'seed.sql': 'SELECT 3;\n'
  })
  const cli = await cliView(project)
  expect(cli.pushed).toEqual(['20250101000000_items.sql'])
  expect(cli.skipped).toContain(
    'Skipping migration 20250102000000-3f2a9c1e-7b7d-4c1e-9a51-0d8e8c1b2a3f.sql... (file name must match pattern "<timestamp>_name.sql")'
  )
  expect(ourView(project)).toEqual(cli)
})

test('a legacy `<timestamp>_init.sql` listed first is skipped, as the CLI does', async () => {
  project = supabaseProject({
    '20200101000000_init.sql': 'SELECT 1;\n',
    '20250101000000_items.sql': 'CREATE TABLE items (id int);\n'
  })
  const cli = await cliView(project)
  expect(cli.skipped).toEqual([
    'Skipping migration 20200101000000_init.sql... (replace "init" with a different file name to apply this migration)'
  ])
  expect(ourView(project)).toEqual(cli)
  // Not when another entry sorts before it (here a hidden file): then both apply it.
  writeFileSync(path.join(project, DIR, '.gitkeep'), '')
  const after = await cliView(project)
  expect(after.pushed).toEqual(['20200101000000_init.sql', '20250101000000_items.sql'])
  expect(ourView(project).pushed).toEqual(after.pushed)
})

test('versions whose file-name order differs from their number order are refused: the CLI applies by name', async () => {
  project = supabaseProject({
    '9_items.sql': 'CREATE TABLE items (id int);\n',
    '10_seed.sql': 'INSERT INTO items VALUES (1);\n'
  })
  expect((await cliView(project)).pushed).toEqual(['10_seed.sql', '9_items.sql'])
  let err: unknown
  try {
    ourView(project)
  } catch (e) {
    err = e
  }
  expect(err).toBeInstanceOf(ConfigError)
  expect((err as Error).message).toContain(
    `${DIR}/9_items.sql and ${DIR}/10_seed.sql: the Supabase CLI applies migrations in file-name order (10_seed.sql before 9_items.sql), ` +
      'this runbook in version order (9 before 10), so the folder would not mean the same to both; ' +
      'give every version the same number of digits, e.g. the 14-digit timestamps `supabase migration new` writes'
  )
  // Renaming a deployed file is not the whole fix: the history keeps the old version.
  expect((err as Error).message).toContain('supabase migration repair --status reverted <old>')
})

test('versions used more than once are all named in one refusal; the Supabase CLI stops at the first duplicate key', async () => {
  project = supabaseProject({
    '20251218000000_legal_hold.sql': 'create table public.legal_hold (id int);',
    '20251218000000_versions.sql': 'create table public.versions (id int);',
    '20251219_a.sql': 'create table public.a (id int);',
    '20251219_b.sql': 'create table public.b (id int);',
    '20251219_c.sql': 'create table public.c (id int);'
  })
  expect(() => discoverMigrationsWithWarnings(DIR, project!)).toThrow(ConfigError)
  expect(() => discoverMigrationsWithWarnings(DIR, project!)).toThrow(
    `2 versions are used more than once in ${DIR}: 20251218000000 (20251218000000_legal_hold.sql, 20251218000000_versions.sql); ` +
      '20251219 (20251219_a.sql, 20251219_b.sql, 20251219_c.sql).'
  )
  // What the message says of the CLI, checked: the first file applies, the second fails, nothing after.
  const push = await supabaseDbPush(project, db.url)
  expect(push.code).not.toBe(0)
  expect(push.output).toContain(
    'duplicate key value violates unique constraint "schema_migrations_pkey"'
  )
  const c = await db.client()
  const made = await c.query(
    `SELECT to_regclass('public.legal_hold') IS NOT NULL AS first, to_regclass('public.versions') IS NOT NULL AS second,
            to_regclass('public.a') IS NOT NULL AS later`
  )
  expect(made.rows[0]).toEqual({ first: true, second: false, later: false })
})
