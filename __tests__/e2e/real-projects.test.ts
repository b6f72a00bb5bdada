/**
 * What a trial of the CLI on public Supabase projects (stewardtrack's 535 migrations, open-bsp-api, suna, auto-crm2)
 * met, through the CLI bundle against a real database:
 * - the full-text index every Supabase guide writes, `USING gin (to_tsvector('english', name))`, was a lint error
 *   once connected ("to_tsvector(), which is stable; PostgreSQL refuses it"): the catalog read took the most
 *   volatile overload of the name. The rehearsal was skipped and validate failed on an index PostgreSQL accepts.
 * - a function checking that a text has the shape of a connection string ('^postgresql://[^:]+:[^@]+@…') was a
 *   "connection string with a password" error, in `lint` and in validate.
 */
import { rmSync } from 'node:fs'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, type FixtureRepo } from '../helpers/fixtures.js'
import { baseEnv, cli } from './processes.js'

let db: TestDatabase
let repo: FixtureRepo

beforeEach(async () => {
  db = await createTestDatabase('e2e_real_projects')
  repo = copyFixture('basic')
})
afterEach(async () => {
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
})

const FTS_AND_PATTERN = [
  "CREATE INDEX items_name_fts ON public.items USING gin (to_tsvector('english', name));",
  "CREATE INDEX items_name_fts_a ON public.items USING gin (setweight(to_tsvector('simple', coalesce(name, '')), 'A'));",
  'CREATE FUNCTION public.looks_like_pg_url(s text) RETURNS boolean LANGUAGE sql IMMUTABLE',
  "  AS $$ SELECT s ~ '^postgresql://[^:]+:[^@]+@[^:]+:\\d+/[^?]+$' $$;",
  ''
].join('\n')

test("a full-text index on to_tsvector('english', …) and a connection-string pattern: lint passes, validate rehearses and passes, apply creates them", async () => {
  repo.write('20250301000000_search.sql', FTS_AND_PATTERN)
  const env = baseEnv({ DATABASE_URL: db.url })
  const lint = await cli(['lint'], { cwd: repo.root, env })
  expect(lint.stdout + lint.stderr).toContain(' 0 error(s)')
  expect(lint.code).toBe(0)
  const validate = await cli(['validate', '--env', 'staging'], { cwd: repo.root, env })
  expect(validate.stdout + validate.stderr).not.toContain('index-mutable-function')
  expect(validate.stdout + validate.stderr).not.toContain('connection-string-password')
  expect(validate.stdout).toMatch(/rehearsal\s+PASS/)
  expect(validate.code).toBe(0)
  const apply = await cli(['apply', '--env', 'staging'], { cwd: repo.root, env })
  expect(apply.code).toBe(0)
  const c = await db.client()
  const made = await c.query(
    `SELECT to_regclass('public.items_name_fts') IS NOT NULL AS fts, to_regprocedure('public.looks_like_pg_url(text)') IS NOT NULL AS fn`
  )
  expect(made.rows[0]).toEqual({ fts: true, fn: true })
})

test('the same index on a timestamptz date_trunc (stable): not a lint error, the rehearsal says PostgreSQL refuses it (1), nothing applied', async () => {
  repo.write(
    '20250301000000_by_day.sql',
    "ALTER TABLE public.items ADD COLUMN seen_at timestamptz;\nCREATE INDEX items_by_day ON public.items (date_trunc('day', seen_at));\n"
  )
  const env = baseEnv({ DATABASE_URL: db.url })
  const validate = await cli(['validate', '--env', 'staging'], { cwd: repo.root, env })
  expect(validate.code).toBe(1)
  expect(validate.stdout + validate.stderr).toContain(
    'functions in index expression must be marked IMMUTABLE'
  )
  expect(validate.stdout).toMatch(/rehearsal\s+FAIL/)
  expect((await cli(['apply', '--env', 'staging'], { cwd: repo.root, env })).code).toBe(1)
  const c = await db.client()
  const history = await c.query(`SELECT to_regclass('supabase_migrations.schema_migrations') AS t`)
  expect(history.rows[0].t).toBeNull()
})
