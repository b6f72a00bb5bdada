/**
 * Side by side with the Supabase CLI (pinned 2.117.0): what this tool records in
 * supabase_migrations.schema_migrations is what `supabase migration list` and `supabase db push` read, so
 * after our apply the CLI sees the same versions applied and nothing left to push.
 */
import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { applyMigrations } from '../../src/apply/apply.js'
import { discoverMigrations } from '../../src/plan/files.js'
import { loadParser } from '../../src/sql/parser.js'
import { Logger } from '../../src/report/logger.js'
import { Redactor } from '../../src/report/redact.js'

const run = promisify(execFile)
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SUPABASE = path.join(ROOT, 'node_modules', '.bin', 'supabase')

let db: TestDatabase
let project: string

async function supabase(args: string[]): Promise<string> {
  const { stdout, stderr } = await run(SUPABASE, args, {
    cwd: project,
    env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    timeout: 60_000
  })
  return stdout + stderr
}

/** The embedded server has no TLS; the Supabase CLI insists on it unless told otherwise. */
const cliUrl = () => `${db.url}?sslmode=disable`

async function applyFirst(count: number): Promise<void> {
  const client = await db.client()
  const all = discoverMigrations('migrations', ROOT)
  await applyMigrations(client, 'migrations', all.slice(0, count), {
    environment: 'test',
    runId: 'peer',
    lockTimeoutMs: 5_000,
    statementTimeoutMs: 60 * 60_000,
    retries: 0,
    retryBackoffMs: 0,
    advisoryLockWaitMs: 5_000,
    allowOutOfOrder: false,
    log: new Logger(new Redactor())
  })
}

beforeAll(loadParser)
beforeEach(async () => {
  db = await createTestDatabase('peer')
  // A Supabase project folder whose supabase/migrations holds the same files.
  project = mkdtempSync(path.join(os.tmpdir(), 'mr-supabase-'))
  mkdirSync(path.join(project, 'supabase', 'migrations'), { recursive: true })
  for (const f of readdirSync(path.join(ROOT, 'migrations')).filter(f => f.endsWith('.sql'))) {
    cpSync(path.join(ROOT, 'migrations', f), path.join(project, 'supabase', 'migrations', f))
  }
})
afterEach(async () => {
  await db.drop()
  rmSync(project, { recursive: true, force: true })
})

test('after our apply, `supabase migration list` shows every version applied locally and remotely', async () => {
  await applyFirst(2)
  const out = await supabase(['migration', 'list', '--db-url', cliUrl()])
  for (const version of ['20251101000000', '20251113203000']) {
    expect(out).toMatch(new RegExp(`\`${version}\`\\s*\\|\\s*\`${version}\``))
  }
})

test('after applying the baseline only, `supabase db push --dry-run` would push exactly the pending migration', async () => {
  await applyFirst(1)
  const out = await supabase(['db', 'push', '--dry-run', '--db-url', cliUrl()])
  expect(out).toContain('20251113203000_capacity_overlap_and_confirm_cache.sql')
  expect(out).not.toContain('20251101000000_capacity_baseline.sql')
})

test("each file starts from a fresh session, as under `supabase db push`: a dump's empty search_path does not reach the next file", async () => {
  // What a `supabase db pull` file leaves on the session, then a file written by hand with unqualified names.
  const files = {
    '20250101000000_remote_schema.sql': `create table public.seen (file text, search_path text, app text);
SELECT pg_catalog.set_config('search_path', '', false);
SET application_name = 'from-the-dump';
insert into public.seen values ('a', current_setting('search_path'), current_setting('application_name'));
`,
    '20250102000000_by_hand.sql': `insert into seen values ('b', current_setting('search_path'), current_setting('application_name'));
`
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mr-fresh-'))
  const folder = path.join(dir, 'migrations')
  mkdirSync(folder)
  for (const [name, sql] of Object.entries(files)) {
    writeFileSync(path.join(folder, name), sql)
    writeFileSync(path.join(project, 'supabase', 'migrations', name), sql)
  }
  for (const f of readdirSync(path.join(project, 'supabase', 'migrations')))
    if (!(f in files)) rmSync(path.join(project, 'supabase', 'migrations', f))
  const pushed = await createTestDatabase('peer_push')
  try {
    await run(SUPABASE, ['db', 'push', '--yes', '--db-url', `${pushed.url}?sslmode=disable`], {
      cwd: project,
      env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
      timeout: 60_000
    })
    const client = await db.client()
    await applyMigrations(client, 'migrations', discoverMigrations('migrations', dir), {
      environment: 'test',
      runId: 'peer',
      lockTimeoutMs: 5_000,
      statementTimeoutMs: 60_000,
      retries: 0,
      retryBackoffMs: 0,
      advisoryLockWaitMs: 5_000,
      allowOutOfOrder: false,
      log: new Logger(new Redactor())
    })
    const seen = async (c: pg.Client) =>
      (await c.query(`SELECT file, search_path, app FROM public.seen ORDER BY file`)).rows
    const ours = await seen(client)
    const theirs = await seen(await pushed.client())
    // The by-hand file ran (its unqualified table was found) under the database's search_path, on both.
    expect(ours.map(r => [r.file, r.search_path])).toEqual(theirs.map(r => [r.file, r.search_path]))
    expect(ours[1].search_path).not.toBe('')
    expect(ours[1].app).not.toBe('from-the-dump')
  } finally {
    await pushed.drop()
    rmSync(dir, { recursive: true, force: true })
  }
})
