/**
 * Adoption, through the CLI bundle: a repository in the Supabase CLI's layout (supabase/migrations, no sidecars,
 * a begin/commit-wrapped file, auth/storage references, unqualified uuid_generate_v4()) goes from `init` to a
 * green rehearsal; every stage works on a database only the Supabase CLI has migrated; a baseline that cannot
 * be prepared is a failed check with evidence, not a stack trace.
 */
import { execFile } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { baseEnv, cli } from './processes.js'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SUPABASE = path.join(ROOT, 'node_modules', '.bin', 'supabase')
const FIXTURE = path.join(ROOT, '__tests__', 'fixtures', 'supabase-app')

let repo: string
let db: TestDatabase | undefined

const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  cli(args, { cwd: repo, env: baseEnv(env) })

function readJson(file: string): {
  status: string
  checks: { id: string; status: string; summary: string; reasons: string[] }[]
} {
  return JSON.parse(readFileSync(path.join(repo, file), 'utf8'))
}

/** A database `supabase db push` has migrated with the repository's files, and a minimal runbook.yml. */
async function migratedBySupabaseCli(name: string): Promise<TestDatabase> {
  const migrated = await createTestDatabase(name)
  const push = await promisify(execFile)(
    SUPABASE,
    ['db', 'push', '--db-url', `${migrated.url}?sslmode=disable`, '--yes'],
    {
      cwd: repo,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      timeout: 60_000
    }
  )
  expect(push.stdout + push.stderr).toContain('Finished supabase db push')
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  return migrated
}

beforeEach(() => {
  repo = mkdtempSync(path.join(os.tmpdir(), 'mr-adopt-'))
  cpSync(FIXTURE, repo, { recursive: true })
})
afterEach(async () => {
  await db?.drop()
  db = undefined
  rmSync(repo, { recursive: true, force: true })
})

test('init, then rehearse: green with no other flag or edit', async () => {
  const init = await run(['init'])
  expect(init.code).toBe(0)
  expect(existsSync(path.join(repo, 'supabase', 'runbook.yml'))).toBe(true)
  expect(existsSync(path.join(repo, 'supabase', 'migrations', 'runbook.yml'))).toBe(false)
  expect(init.stdout + init.stderr).toContain('rehearse')

  const rehearse = await run(['rehearse', '--demo-rows', '0'])
  expect(rehearse.code).toBe(0)
  // No rollback scripts: the round trip stops after verify, with a warning that says how to add one.
  expect(rehearse.stdout).toContain('rollback not rehearsed')
  const validate = readJson('artifacts/rehearsal/1-validate/staging/summary.json')
  expect(validate.checks[0]).toMatchObject({ id: 'baseline', status: 'pass' })

  const embedded = await run(['validate', '--env', 'staging', '--embedded'])
  expect(embedded.code).toBe(0)
}, 120_000)

test('every stage works on a database only the Supabase CLI has migrated', async () => {
  db = await migratedBySupabaseCli('adopt_cli')
  const env = { DATABASE_URL: db.url }
  const common = ['--env', 'staging', '--migrations-dir', 'supabase/migrations']
  const verify = await run(['verify', ...common], env)
  expect(verify.code).toBe(0)
  expect(verify.stderr).not.toContain('audit_log')
  const validate = await run(['validate', ...common], env)
  expect(validate.code).toBe(0)
  expect(
    readJson('artifacts/staging/summary.json').checks.find(c => c.id === 'drift')?.summary
  ).toContain('applied by another tool')
  const monitor = await run(['monitor', ...common], env)
  expect(monitor.code).toBe(0)
  // No rollback script: refused with the reason, not a crash.
  const rollback = await run(['rollback', ...common], env)
  expect(rollback.code).toBe(1)
  expect(rollback.stdout).toMatch(/rollback/i)
  expect(rollback.stderr).not.toMatch(/\n\s+at /)
}, 120_000)

test('an applied file edited since `supabase db push` ran it: drift warns from the statements the CLI recorded; a comment or spacing edit is no edit', async () => {
  db = await migratedBySupabaseCli('adopt_edit')
  const env = { DATABASE_URL: db.url }
  const common = ['--env', 'staging', '--migrations-dir', 'supabase/migrations']
  const drift = () => readJson('artifacts/staging/summary.json').checks.find(c => c.id === 'drift')
  // As pushed (one file is wrapped in begin/commit): the recorded statements match every file.
  expect((await run(['validate', ...common], env)).code).toBe(0)
  expect(drift()?.status).toBe('pass')
  const file = path.join(repo, 'supabase', 'migrations', '20240315143000_teams.sql')
  const original = readFileSync(file, 'utf8')
  writeFileSync(file, `-- reviewed\n${original}\n\n`)
  expect((await run(['validate', ...common], env)).code).toBe(0)
  expect(drift()?.status).toBe('pass')
  // Before: nothing to compare ("no checksum recorded"), the edit went unnoticed.
  writeFileSync(file, original.replace(/create table public\.teams \(/i, '$&\n  motto text,'))
  const edited = await run(['validate', ...common], env)
  expect(edited.code).toBe(0)
  expect(drift()?.status).toBe('warn')
  expect(drift()?.reasons[0]).toMatch(
    /^supabase\/migrations\/20240315143000_teams\.sql differs from the statements the Supabase CLI recorded when it applied it \(supabase_migrations\.schema_migrations\.statements\): statement \d+ of \d+ \(line \d+\)/
  )
}, 120_000)

test("a file db push applied with BEGIN ... COMMIT of its own (Supabase's realtime snippet) blocks no later apply, and verify reads it", async () => {
  // psteinroe/supabase-cache-helpers: every stage refused the applied file, so nothing pending could ever deploy.
  const migrations = path.join(repo, 'supabase', 'migrations')
  writeFileSync(
    path.join(migrations, '20240501000000_realtime.sql'),
    [
      'begin;',
      '  drop publication if exists supabase_realtime;',
      '  create publication supabase_realtime;',
      'commit;',
      'alter publication supabase_realtime add table public.profiles;',
      ''
    ].join('\n')
  )
  db = await migratedBySupabaseCli('adopt_cli_begin')
  const env = { DATABASE_URL: db.url }
  const common = ['--env', 'staging', '--migrations-dir', 'supabase/migrations']
  const verify = await run(['verify', ...common], env)
  expect(verify.stdout + verify.stderr).not.toContain('in the middle of the file')
  expect(verify.code).toBe(0)
  writeFileSync(
    path.join(migrations, '20240601000000_profiles_bio.sql'),
    'alter table public.profiles add column bio text;\n'
  )
  const apply = await run(['apply', ...common, '--test-command', 'true'], env)
  expect(apply.stdout + apply.stderr).not.toContain('in the middle of the file')
  expect(apply.code).toBe(0)
  const c = await db.client()
  const bio = await c.query(
    `SELECT 1 FROM information_schema.columns WHERE table_name = 'profiles' AND column_name = 'bio'`
  )
  expect(bio.rowCount).toBe(1)
}, 120_000)

test('a baseline that cannot be prepared is a failed check with file:line, the error and the fix, in summary.json and report.md', async () => {
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  // Made in the dashboard, never in a migration: the replay cannot find it.
  writeFileSync(
    path.join(repo, 'supabase', 'migrations', '20240301000000_dashboard_leftover.sql'),
    'alter table public.legacy_orders add column note text;\n'
  )
  const r = await run(['rehearse', '--migrations-dir', 'supabase/migrations', '--demo-rows', '0'])
  expect(r.code).toBe(1)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  const summary = readJson('artifacts/rehearsal/1-validate/staging/summary.json')
  expect(summary.status).toBe('failed')
  const baseline = summary.checks[0]
  expect(baseline).toMatchObject({ id: 'baseline', status: 'fail' })
  const why = baseline.reasons.join('\n')
  expect(why).toContain('supabase/migrations/20240301000000_dashboard_leftover.sql:1')
  expect(why).toContain('relation "public.legacy_orders" does not exist')
  expect(why).toContain('--baseline-schema')
  expect(summary.checks.slice(1).every(c => c.status === 'skip')).toBe(true)
  const report = readFileSync(
    path.join(repo, 'artifacts/rehearsal/1-validate/staging/report.md'),
    'utf8'
  )
  expect(report).toContain('legacy_orders')

  // The same project started from a schema dump of what the dashboard made: green.
  writeFileSync(
    path.join(repo, 'schema.sql'),
    [
      '-- supabase db dump (excerpt)',
      'CREATE SCHEMA IF NOT EXISTS "public";',
      'CREATE TABLE IF NOT EXISTS "public"."legacy_orders" ("id" bigint PRIMARY KEY, "total" numeric);',
      ''
    ].join('\n')
  )
  const fromDump = await run([
    'rehearse',
    '--migrations-dir',
    'supabase/migrations',
    '--demo-rows',
    '0',
    '--baseline-schema',
    'schema.sql',
    // what the dump reflects: the dashboard's table, before any migration of this folder
    '--baseline',
    '20240301000000'
  ])
  expect(fromDump.code).toBe(0)
}, 120_000)

test("--baseline-from staging: the throwaway database starts from staging's real shape and history, read only", async () => {
  db = await createTestDatabase('adopt_from')
  // Staging: the first three migrations pushed by the Supabase CLI, plus a table made in the dashboard.
  const early = mkdtempSync(path.join(os.tmpdir(), 'mr-adopt-early-'))
  cpSync(FIXTURE, early, { recursive: true })
  rmSync(path.join(early, 'supabase', 'migrations', '20240420083000_todos_due_date.sql'))
  await promisify(execFile)(
    SUPABASE,
    ['db', 'push', '--db-url', `${db.url}?sslmode=disable`, '--yes'],
    {
      cwd: early,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      timeout: 60_000
    }
  )
  rmSync(early, { recursive: true, force: true })
  const staging = await db.client()
  await staging.query('create table public.legacy_orders (id bigint primary key, total numeric)')
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  writeFileSync(
    path.join(repo, 'supabase', 'migrations', '20240501000000_orders_note.sql'),
    'alter table public.legacy_orders add column note text;\n'
  )
  const r = await run(['rehearse', '--demo-rows', '0', '--baseline-from', 'staging'], {
    DATABASE_URL: db.url
  })
  expect(r.code).toBe(0)
  const validate = readJson('artifacts/rehearsal/1-validate/staging/summary.json')
  expect(validate.checks[0].summary).toContain("replayed staging's schema")
  expect(validate.checks.find(c => c.id === 'drift')?.summary).toContain('3 applied, 2 pending')
  // Staging itself was only read.
  const untouched = await staging.query(
    `SELECT to_regclass('migration_runbook.audit_log') AS audit,
            (SELECT count(*)::int FROM information_schema.columns WHERE table_name = 'legacy_orders' AND column_name = 'note') AS note,
            to_regclass('public.todos') IS NOT NULL AS todos`
  )
  expect(untouched.rows[0]).toEqual({ audit: null, note: 0, todos: true })
  expect(r.stdout + r.stderr).not.toContain(db.url)
}, 120_000)

test('setup-sql gives the throwaway database what the project needs beyond the stand-in', async () => {
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nsetup-sql: |\n  create schema if not exists private;\n  create function private.is_admin() returns boolean language sql stable as $$ select false $$;\nenvironments:\n  staging: {}\n'
  )
  writeFileSync(
    path.join(repo, 'supabase', 'migrations', '20240501000000_admin_policy.sql'),
    'create policy "admins read all todos" on public.todos for select to authenticated using (private.is_admin());\n'
  )
  const r = await run(['rehearse', '--migrations-dir', 'supabase/migrations', '--demo-rows', '0'])
  expect(r.code).toBe(0)
  // Outside the history: the Supabase CLI's table lists migrations only.
  expect(r.stdout).not.toContain('setup-sql FAIL')
}, 120_000)

test('hosted-only extensions (pgvector, pg_net, pg_cron) rehearse on the stand-ins, and the report says they are stand-ins', async () => {
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  writeFileSync(
    path.join(repo, 'supabase', 'migrations', '20240501000000_documents.sql'),
    [
      'create extension if not exists vector with schema extensions;',
      'create extension if not exists pg_net;',
      'create table public.documents (',
      '  id bigint primary key generated always as identity,',
      '  content text not null,',
      '  embedding extensions.vector(384)',
      ');',
      'create index documents_embedding_idx on public.documents using hnsw (embedding extensions.vector_cosine_ops);',
      'create function public.match_documents(query_embedding extensions.vector(384), match_count int)',
      'returns table (id bigint, similarity float) language sql stable as $$',
      '  select d.id, 1 - (d.embedding operator(extensions.<=>) query_embedding) as similarity',
      '    from public.documents d order by d.embedding operator(extensions.<=>) query_embedding limit match_count',
      '$$;',
      'create function public.notify_indexer() returns trigger language plpgsql as $$',
      'begin',
      "  perform net.http_post(url := 'https://example.invalid/index', body := jsonb_build_object('id', new.id));",
      '  return new;',
      'end $$;',
      'create trigger documents_index after insert on public.documents for each row execute function public.notify_indexer();',
      'create extension if not exists pg_cron with schema pg_catalog;',
      "select cron.schedule('reindex-documents', '0 3 * * *', $$select count(*) from public.documents$$);",
      // Vault without creating it: hosted projects come with it (supabase-community/postgres-new does this).
      "create function public.indexer_key() returns text language sql as $$ select decrypted_secret from vault.decrypted_secrets where name = 'indexer' $$;",
      ''
    ].join('\n')
  )
  const r = await run(['rehearse', '--demo-rows', '0'])
  expect(r.code).toBe(0)
  const validate = readJson('artifacts/rehearsal/1-validate/staging/summary.json')
  const extensions = validate.checks.find(c => c.id === 'extensions')
  expect(extensions?.status).toBe('warn')
  expect(extensions?.reasons.join('\n')).toMatch(/vector: a stand-in/)
  expect(extensions?.reasons.join('\n')).toMatch(/pg_cron: a stand-in/)
}, 120_000)

test("pgvector's index options (ivfflat lists, hnsw m and ef_construction): deployed and pending files rehearse on the stand-in", async () => {
  // Found on a real project: `with (lists = 100)` failed the baseline with `unrecognized parameter "lists"`.
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  const migrations = path.join(repo, 'supabase', 'migrations')
  writeFileSync(
    path.join(migrations, '20240501000000_chunks.sql'),
    [
      'create extension if not exists vector with schema extensions;',
      'create table public.chunks (id bigint primary key, embedding extensions.vector(768) not null);',
      'create index chunks_embedding_idx on public.chunks',
      '  using ivfflat (embedding extensions.vector_cosine_ops)',
      '  with (lists = 100);',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(migrations, '20240601000000_chunks_hnsw.sql'),
    [
      'drop index public.chunks_embedding_idx;',
      'create index chunks_embedding_hnsw_idx on public.chunks using hnsw (embedding extensions.vector_cosine_ops) with (m = 16, ef_construction = 64);',
      ''
    ].join('\n')
  )
  const r = await run(['rehearse', '--demo-rows', '0'])
  const out = r.stdout + r.stderr
  expect(out).not.toContain('unrecognized parameter')
  expect(r.code).toBe(0)
  // The deployed file (the baseline), then the pending one in the rehearsal and in the apply.
  expect(out).toContain(
    "supabase/migrations/20240501000000_chunks.sql:3: this server's vector is the throwaway stand-in, which takes no index options: built without with (lists = 100)"
  )
  expect(out).toContain(
    "supabase/migrations/20240601000000_chunks_hnsw.sql:2: this server's vector is the throwaway stand-in, which takes no index options: rehearsed without with (m = 16, ef_construction = 64)"
  )
  expect(out).toContain(
    "supabase/migrations/20240601000000_chunks_hnsw.sql:2: this server's vector is the throwaway stand-in, which takes no index options: built without with (m = 16, ef_construction = 64)"
  )
}, 120_000)

test("a deployed file with BEGIN ... END blocks of its own (Supabase's realtime snippet, a block under SET LOCAL ROLE) is replayed as db push ran it", async () => {
  // Found on supabase/dbdev and psteinroe/supabase-cache-helpers: the baseline refused such files (and dbdev's
  // names with "@"), which push applies.
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  const migrations = path.join(repo, 'supabase', 'migrations')
  writeFileSync(
    path.join(migrations, '20240501000000_orgs@v1.1.sql'),
    [
      'create table public.orgs (id bigint generated by default as identity primary key, handle text not null unique);',
      'grant select, insert on public.orgs to authenticated;',
      'begin;',
      '  set local role authenticated;',
      "  insert into public.orgs (handle) values ('supabase');",
      'end;',
      "-- After END the role is the migration's own again.",
      'create table public.after_block (id int);',
      'begin;',
      '  drop publication if exists supabase_realtime;',
      '  create publication supabase_realtime;',
      'commit;',
      'alter publication supabase_realtime add table public.orgs;',
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(migrations, '20240601000000_orgs_bio.sql'),
    [
      'do $$ begin',
      "  if (select tableowner from pg_tables where schemaname = 'public' and tablename = 'after_block') <> current_user",
      '    or (select count(*) from public.orgs) <> 1',
      "    or not exists (select 1 from pg_publication_tables where pubname = 'supabase_realtime' and tablename = 'orgs') then",
      "    raise exception 'the deployed file was not replayed as push ran it';",
      '  end if;',
      'end $$;',
      'alter table public.orgs add column bio text;',
      ''
    ].join('\n')
  )
  const r = await run(['rehearse', '--demo-rows', '0'])
  const out = r.stdout + r.stderr
  expect(out).not.toContain('in the middle of the file')
  expect(r.code).toBe(0)
  expect(out).toContain(
    'supabase/migrations/20240501000000_orgs@v1.1.sql: transaction control of its own; replayed as written, as supabase db push ran it (deployed, not pending)'
  )
}, 120_000)

test("pgsodium's security labels (a db pull of an older project): deployed and pending files rehearse on the stand-in, the labels left out and said so", async () => {
  // Failed the baseline with `security label provider "pgsodium" is not loaded` and the advice to fix the migration.
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  const migrations = path.join(repo, 'supabase', 'migrations')
  const label = (column: string) =>
    `SECURITY LABEL FOR "pgsodium" ON COLUMN "public"."secrets"."${column}" IS 'ENCRYPT WITH KEY ID 8f0bd0a5-1d4e-4a6a-9d0a-1c2b3c4d5e6f';`
  writeFileSync(
    path.join(migrations, '20240501000000_secrets.sql'),
    [
      'create extension if not exists pgsodium;',
      'create table public.secrets (id bigint primary key, note text, token text);',
      label('note'),
      ''
    ].join('\n')
  )
  writeFileSync(
    path.join(migrations, '20240601000000_token_label.sql'),
    ['alter table public.secrets add column extra text;', label('token'), ''].join('\n')
  )
  const r = await run(['rehearse', '--demo-rows', '0'])
  const out = r.stdout + r.stderr
  expect(out).not.toContain('is not loaded')
  expect(r.code).toBe(0)
  const note = (file: string, line: number, done: string) =>
    `supabase/migrations/${file}:${line}: this server's pgsodium is the throwaway stand-in, which cannot load a label provider (hosted Supabase's pgsodium is a C module): left out, not ${done}: SECURITY LABEL FOR "pgsodium"`
  expect(out).toContain(note('20240501000000_secrets.sql', 3, 'built'))
  expect(out).toContain(note('20240601000000_token_label.sql', 2, 'rehearsed'))
  expect(out).toContain(note('20240601000000_token_label.sql', 2, 'built'))
  // The rest of the file ran: the column the pending file adds is there after the rehearsal's apply.
  expect(out).toMatch(/APPLY on staging: (PASSED|WARNED)/)
}, 120_000)

test('a security label for a provider the throwaway server cannot load (anon): the baseline fails naming the gap as its own, not the migration', async () => {
  writeFileSync(
    path.join(repo, 'supabase', 'runbook.yml'),
    'version: 1\nenvironments:\n  staging: {}\n'
  )
  const migrations = path.join(repo, 'supabase', 'migrations')
  writeFileSync(
    path.join(migrations, '20240501000000_masked.sql'),
    [
      'create table public.people (id bigint primary key, email text);',
      "SECURITY LABEL FOR anon ON COLUMN public.people.email IS 'MASKED WITH FUNCTION anon.fake_email()';",
      ''
    ].join('\n')
  )
  writeFileSync(path.join(migrations, '20240601000000_more.sql'), 'select 1;\n')
  const r = await run(['rehearse', '--demo-rows', '0'])
  const out = r.stdout + r.stderr
  expect(r.code).toBe(1)
  expect(out).toContain(
    'fix: the throwaway server cannot load security label provider "anon" (a C module hosted Supabase loads): the gap is the throwaway database\'s, not your migration\'s'
  )
  expect(out).not.toContain('the Supabase CLI would stop here too')
}, 120_000)

test('a folder whose files the Supabase CLI skips (Lovable-style names): rehearse says there is nothing to rehearse, exit 0', async () => {
  // Found on a real project: three `<timestamp>-<uuid>.sql` files; the rollback stage then failed (1) with
  // "nothing is applied: there is nothing to roll back".
  const migrations = path.join(repo, 'supabase', 'migrations')
  rmSync(migrations, { recursive: true, force: true })
  mkdirSync(migrations)
  writeFileSync(
    path.join(migrations, '20250614140938-0a53ed38-ab63-483c-89cc-91812da1fad1.sql'),
    'create table public.profiles (id uuid primary key);\n'
  )
  // init says so first: before, it counted the file as a migration ("1 migration").
  const init = await run(['init'])
  expect(init.code).toBe(0)
  expect(init.stdout).toContain(
    'Supabase CLI layout: supabase/migrations/ (0 migrations, 1 skipped)'
  )
  expect(init.stdout).toContain(
    'WARN 1 file(s) skipped, as the Supabase CLI skips them: rename a migration to <timestamp>_<name>.sql'
  )
  const r = await run(['rehearse', '--demo-rows', '0'])
  const out = r.stdout + r.stderr
  expect(out).toContain(
    'Skipping migration supabase/migrations/20250614140938-0a53ed38-ab63-483c-89cc-91812da1fad1.sql...'
  )
  expect(out).toContain(
    'WARN nothing to rehearse: no pending migration in supabase/migrations; rollback not rehearsed.'
  )
  expect(out).not.toContain('nothing to roll back')
  expect(r.code).toBe(0)
}, 120_000)
