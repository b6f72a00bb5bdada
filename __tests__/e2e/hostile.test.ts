/**
 * What a hostile tester tried, through the CLI bundle as a child process against a real database: secrets in
 * migration SQL, bytes that are not UTF-8, empty and comment-only files, a read-only target, a lock held by
 * someone else, a rollback cancelled while another run holds the apply lock, history that other tools wrote (an
 * older Supabase CLI's table, a version that is not a number).
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import path from 'node:path'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { copyFixture, PG_DUMP_HEADER, type FixtureRepo } from '../helpers/fixtures.js'
import { baseEnv, cli, CLI, start } from './processes.js'

let db: TestDatabase
let repo: FixtureRepo

const stage = (name: string, ...extra: string[]) =>
  cli([name, '--env', 'staging', ...extra], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: db.url })
  })

function summary(): {
  status: string
  checks: { id: string; status: string; summary: string; reasons: string[] }[]
} {
  return JSON.parse(
    readFileSync(path.join(repo.root, 'artifacts', 'staging', 'summary.json'), 'utf8')
  )
}

function allFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(f => {
    const p = path.join(dir, f)
    return statSync(p).isDirectory() ? allFiles(p) : [p]
  })
}

/** runbook.yml of the fixture with `from` replaced by `to`. */
function editPolicy(from: string, to: string): void {
  repo.write(
    'runbook.yml',
    readFileSync(path.join(repo.dir, 'runbook.yml'), 'utf8').replace(from, to)
  )
}

beforeEach(async () => {
  db = await createTestDatabase('e2e_hostile')
  repo = copyFixture('basic')
})
afterEach(async () => {
  await db.drop()
  rmSync(repo.root, { recursive: true, force: true })
})

test('a role password in migration SQL is masked in the output, the evidence, the history and the audit log', async () => {
  const password = "Sup3r-Secret-pw-it''s"
  repo.write(
    '20250301000000_app_role.sql',
    `CREATE ROLE app_user_e2e LOGIN PASSWORD '${password}';\nALTER ROLE app_user_e2e WITH PASSWORD '${password}';\n`
  )
  const raw = password.replace("''", "'")
  try {
    const r = await stage('apply')
    expect(r.code).toBe(0)
    const lint = summary().checks.find(c => c.id === 'lint')
    expect(JSON.stringify(lint)).toContain('role-password-literal')
    const c = await db.client()
    const stored = await c.query(
      `SELECT (SELECT string_agg(statements::text, ' ') FROM supabase_migrations.schema_migrations) AS history,
              (SELECT string_agg(details::text, ' ') FROM migration_runbook.audit_log) AS audit`
    )
    const everything = [
      r.stdout,
      r.stderr,
      stored.rows[0].history,
      stored.rows[0].audit,
      ...allFiles(path.join(repo.root, 'artifacts')).map(f => readFileSync(f, 'utf8'))
    ].join('\n')
    expect(everything).toContain('app_user_e2e')
    for (const shown of [password, raw, 'Sup3r-Secret']) expect(everything).not.toContain(shown)
    // The role really got that password: masking is in what is written, not in what runs.
    const role = await c.query(
      `SELECT rolpassword IS NOT NULL AS has FROM pg_authid WHERE rolname = 'app_user_e2e'`
    )
    expect(role.rows[0].has).toBe(true)
  } finally {
    const c = await db.client()
    await c.query('DROP ROLE IF EXISTS app_user_e2e')
  }
})

test('a byte that is not UTF-8 is refused (2) at file:line:column, and nothing is applied', async () => {
  writeFileSync(
    path.join(repo.dir, '20250301000000_latin1.sql'),
    Buffer.concat([
      Buffer.from("ALTER TABLE public.items\n  ALTER COLUMN name SET DEFAULT 'caf"),
      Buffer.from([0xe9]),
      Buffer.from("';\n")
    ])
  )
  const r = await stage('apply')
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('migrations/20250301000000_latin1.sql:2:')
  expect(r.stderr).toContain('invalid UTF-8 byte 0xe9')
  const c = await db.client()
  const t = await c.query(`SELECT to_regclass('public.items') AS t`)
  expect(t.rows[0].t).toBeNull()
})

test('an empty migration is applied as 0 statements with a warning (supabase db push applies it); so is a comment-only one', async () => {
  repo.write('20250301000000_empty.sql', '')
  const empty = await stage('apply')
  expect(empty.code).toBe(0)
  expect(empty.stderr).toContain(
    'migrations/20250301000000_empty.sql: empty migration (0 bytes): nothing to run; it is applied as 0 statements and its version recorded'
  )
  const c = await db.client()
  const recorded = await c.query(
    `SELECT cardinality(statements) AS n FROM supabase_migrations.schema_migrations WHERE version = '20250301000000'`
  )
  expect(recorded.rows[0].n).toBe(0)

  repo.write(
    '20250301000001_note.sql',
    '-- Nothing to do: kept for the history of the numbering.\n'
  )
  const r = await stage('apply')
  expect(r.code).toBe(0)
  const row = await c.query(
    `SELECT cardinality(statements) AS n FROM supabase_migrations.schema_migrations WHERE version = '20250301000001'`
  )
  expect(row.rows[0].n).toBe(0)
})

test('a file the Supabase CLI would skip is skipped with its warning, not silently', async () => {
  repo.write('20250301000000-3f0c5e0e-8a4b-4bd4-9a51-1d2f0c0e3b11.sql', 'SELECT 1;\n')
  const r = await stage('validate')
  expect(r.code).toBe(0)
  expect(r.stderr).toMatch(
    /Skipping migration migrations\/20250301000000-3f0c5e0e[^\n]*\.sql\.\.\./
  )
})

test('a read-only target fails the connection gate (1) before anything runs, with the fix', async () => {
  const c = await db.client()
  await c.query(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`)
  const r = await stage('apply')
  expect(r.code).toBe(1)
  const conn = summary().checks.find(x => x.id === 'connection')
  expect(conn?.status).toBe('fail')
  expect(conn?.reasons.join('\n')).toContain('default_transaction_read_only')
  expect(summary().checks.find(x => x.id === 'apply')?.status).toBe('skip')
})

test('a history row another tool wrote with a version that is not a number: drift (1), named, nothing runs', async () => {
  const c = await db.client()
  await c.query(`CREATE SCHEMA supabase_migrations;
    CREATE TABLE supabase_migrations.schema_migrations (version text PRIMARY KEY, statements text[], name text);
    INSERT INTO supabase_migrations.schema_migrations VALUES ('manual-fix', '{}', 'by hand')`)
  for (const name of ['validate', 'apply']) {
    // Before: "Cannot convert manual-fix to a BigInt", reported as the history being unreadable.
    const r = await stage(name)
    expect(r.code).toBe(1)
    const drift = summary().checks.find(k => k.id === 'drift')
    expect(drift?.status).toBe('fail')
    expect(drift?.reasons.join('\n')).toContain(
      'version manual-fix (by hand) is recorded as applied but no file manual-fix_*.sql exists'
    )
    expect(r.stdout + r.stderr).not.toContain('BigInt')
  }
  const left = await c.query(`SELECT version FROM supabase_migrations.schema_migrations`)
  expect(left.rows).toEqual([{ version: 'manual-fix' }])
  expect((await c.query(`SELECT to_regclass('public.items') AS t`)).rows[0].t).toBeNull()
})

test('a history table an older Supabase CLI created (version only): validate reads it and changes nothing, apply adds the columns as db push does', async () => {
  const c = await db.client()
  await c.query(`CREATE SCHEMA supabase_migrations;
    CREATE TABLE supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY)`)
  const columns = async () =>
    (
      await c.query(
        `SELECT column_name FROM information_schema.columns
          WHERE table_schema = 'supabase_migrations' AND table_name = 'schema_migrations' ORDER BY ordinal_position`
      )
    ).rows.map(r => r.column_name)
  // Before: "column s.name does not exist (SQLSTATE 42703)", exit 1, in every stage.
  const v = await stage('validate')
  expect(v.code).toBe(0)
  expect(await columns()).toEqual(['version'])
  const a = await stage('apply')
  expect(a.code).toBe(0)
  expect(await columns()).toEqual(['version', 'statements', 'name'])
  const rows = await c.query(
    `SELECT version, name, cardinality(statements) > 0 AS has_statements FROM supabase_migrations.schema_migrations ORDER BY version`
  )
  expect(rows.rows).toEqual([
    { version: '20250101000000', name: 'create_items', has_statements: true },
    { version: '20250201000000', name: 'add_sku', has_statements: true }
  ])
})

test('a lock held by another session: the timeout names the relation and who holds it', async () => {
  expect((await stage('apply')).code).toBe(0)
  editPolicy('  staging: {}', '  staging:\n    lock-holders: warn\n    long-transactions: warn')
  repo.write(
    '20250301000000_price_index.sql',
    'CREATE INDEX items_price_idx ON public.items (price);\n'
  )
  const holder = await db.client()
  await holder.query(`SET application_name = 'nightly-report'`)
  await holder.query('BEGIN')
  await holder.query('LOCK TABLE public.items IN ACCESS EXCLUSIVE MODE')
  try {
    const r = await stage('validate')
    expect(r.code).toBe(1)
    const text = r.stderr + r.stdout
    expect(text).toContain('public.items')
    expect(text).toContain('nightly-report')
    expect(text).toMatch(/blocked by pid \d+/)
  } finally {
    await holder.query('ROLLBACK')
  }
})

test("a reader's lock that ends while the rehearsal backs off: rehearsed again as apply retries (apply-retries, retry-backoff), applied (0)", async () => {
  // From a real project's trial: a report's 8 s transaction failed the rehearsal at the first lock_timeout, and
  // the apply-retries of runbook.yml were never reached.
  expect((await stage('apply')).code).toBe(0)
  editPolicy(
    '  staging: {}',
    '  staging:\n    lock-holders: warn\n    long-transactions: warn\n    retry-backoff: 1s'
  )
  repo.write('20250301000000_note.sql', 'ALTER TABLE public.items ADD COLUMN note text;\n')
  const holder = await db.client()
  await holder.query(`SET application_name = 'nightly-report'`)
  await holder.query('BEGIN')
  await holder.query('SELECT count(*) FROM public.items')
  const run = start(CLI, ['apply', '--env', 'staging'], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: db.url })
  })
  try {
    await run.waitFor(
      /rehearsal: .*could not get a lock within lock_timeout.*\(attempt 1 of 3\); rehearsing again in 1000 ms/,
      30_000
    )
  } finally {
    await holder.query('ROLLBACK')
  }
  const r = await run.done
  expect(r.code).toBe(0)
  expect(r.stderr).toContain('nightly-report')
  const c = await db.client()
  const note = await c.query(`SELECT to_regclass('public.items') IS NOT NULL AND EXISTS (
      SELECT 1 FROM pg_attribute WHERE attrelid = 'public.items'::regclass AND attname = 'note') AS ok`)
  expect(note.rows[0].ok).toBe(true)
})

test('a lock held through every attempt: the rehearsal says it was blocked, not refused (1), and nothing changes', async () => {
  expect((await stage('apply')).code).toBe(0)
  editPolicy('  staging: {}', '  staging:\n    lock-holders: warn\n    long-transactions: warn')
  repo.write('20250301000000_note.sql', 'ALTER TABLE public.items ADD COLUMN note text;\n')
  const holder = await db.client()
  await holder.query('BEGIN')
  await holder.query('SELECT count(*) FROM public.items')
  try {
    const r = await stage('apply')
    expect(r.code).toBe(1)
    const rehearsal = summary().checks.find(c => c.id === 'rehearsal')
    expect(rehearsal?.summary).toBe(
      "another session's lock blocked a pending migration (lock_timeout 300 ms, 3 attempt(s)); nothing was refused by the database"
    )
    expect(r.stderr.match(/rehearsing again in \d+ ms/g)).toHaveLength(2)
  } finally {
    await holder.query('ROLLBACK')
  }
  const c = await db.client()
  const history = await c.query(
    `SELECT count(*)::int AS n FROM supabase_migrations.schema_migrations`
  )
  expect(history.rows[0].n).toBe(2)
})

test("a migration that loosens lock_timeout by dynamic SQL is still held to the runbook's: a reader's lock fails the rehearsal within it, nothing queues", async () => {
  expect((await stage('apply')).code).toBe(0)
  editPolicy(
    '  staging: {}',
    // apply-retries: 0: one attempt; the rehearsal's retries have their own tests.
    '  staging:\n    lock-timeout: 1s\n    lock-holders: warn\n    long-transactions: warn\n    apply-retries: 0'
  )
  // The text never spells the setting's name: only running it shows what it sets.
  repo.write(
    '20250301000000_note.sql',
    "DO $$ BEGIN EXECUTE 'SET LOCAL lock' || '_timeout = 0'; END $$;\nALTER TABLE public.items ADD COLUMN note text;\n"
  )
  const holder = await db.client()
  await holder.query('BEGIN')
  await holder.query('SELECT count(*) FROM public.items')
  // Without the cap the ALTER queues behind the reader until it ends, 20 s later, and then goes through.
  const release = setTimeout(() => void holder.query('ROLLBACK').catch(() => undefined), 20_000)
  try {
    const t0 = Date.now()
    const r = await stage('apply')
    const tookMs = Date.now() - t0
    expect(r.code).toBe(1)
    expect(tookMs).toBeLessThan(15_000)
    // Who holds it, as the server says once the rehearsal is rolled back.
    expect(r.stderr + r.stdout).toMatch(
      /note\.sql:2: could not get a lock within lock_timeout \(1000 ms\): another session holds a conflicting lock: pid \d+, [^\n]*holds AccessShareLock on public\.items: SELECT count\(\*\) FROM public\.items/
    )
    const c = await db.client()
    const col = await c.query(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'items' AND column_name = 'note'`
    )
    expect(col.rowCount).toBe(0)
  } finally {
    clearTimeout(release)
    await holder.query('ROLLBACK').catch(() => undefined)
  }
}, 60_000)

test('a swapped secret: the URL does not match the environment pin, exit 2, nothing runs, no password shown', async () => {
  editPolicy(
    '  production:\n    production: true',
    '  production:\n    production: true\n    target:\n      database: app_production'
  )
  const r = await cli(['apply', '--env', 'production'], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: db.url })
  })
  expect(r.code).toBe(2)
  expect(r.stderr).toContain('environments.production.target.database: expected "app_production"')
  expect(r.stderr + r.stdout).not.toContain(db.url)
  const c = await db.client()
  const touched = await c.query(
    `SELECT to_regnamespace('supabase_migrations') AS history, to_regclass('public.items') AS items`
  )
  expect(touched.rows[0]).toEqual({ history: null, items: null })
})

test("a database another tool migrated (its own public.schema_migrations, nothing in Supabase's): validate warns that apply would run everything again", async () => {
  const c = await db.client()
  // As zmanim-lab's scripts/migrate.sh keeps it: the file names it applied.
  await c.query(
    `CREATE TABLE public.schema_migrations (version text PRIMARY KEY, applied_at timestamptz DEFAULT now());
     INSERT INTO public.schema_migrations (version) VALUES ('00000000000001_schema.sql'), ('00000000000002_seed.sql')`
  )
  const r = await stage('validate')
  expect(r.code).toBe(0)
  const drift = summary().checks.find(c => c.id === 'drift')!
  expect(drift.status).toBe('warn')
  expect(drift.summary).toContain("another tool's history found (public.schema_migrations)")
  expect(drift.reasons[0]).toMatch(
    /^public\.schema_migrations holds 2 row\(s\): another migration tool's history\? .* all \d+ migration\(s\) count as pending and apply would run them again\. If they are applied, record them first \(supabase migration repair --status applied/
  )
  expect(r.stdout + r.stderr).toContain('public.schema_migrations holds 2 row(s)')
  // Once this tool's history records something, the other table is no longer its business.
  expect((await stage('apply')).code).toBe(0)
  const again = await stage('validate')
  expect(again.code).toBe(0)
  expect(summary().checks.find(c => c.id === 'drift')!.status).toBe('pass')
})

test('DROP POLICY ... ON a table: table-sizes lists the table lint says it locks (it said "touch no table")', async () => {
  expect((await stage('apply')).code).toBe(0)
  repo.write(
    '20250401000000_drop_policy.sql',
    'CREATE POLICY items_read ON public.items FOR SELECT USING (true);\n'
  )
  expect((await stage('apply')).code).toBe(0)
  repo.write('20250402000000_drop_policy_again.sql', 'DROP POLICY items_read ON public.items;\n')
  expect((await stage('validate')).code).toBe(0)
  const checks = summary().checks
  expect(JSON.stringify(checks.find(c => c.id === 'lint'))).toContain('public.items')
  expect(checks.find(c => c.id === 'table-sizes')!.summary).toMatch(/^1 existing table \(/)
})

test('CALL of a procedure that COMMITs: the rehearsal says why and what to do (2D000 said only "invalid transaction termination"); with the marker it applies', async () => {
  repo.write(
    '20250401000000_batch_fill.sql',
    `CREATE TABLE public.filled (id int);
CREATE PROCEDURE public.batch_fill() LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 1..3 LOOP
    INSERT INTO public.filled VALUES (i);
    COMMIT;
  END LOOP;
END $$;
`
  )
  expect((await stage('apply')).code).toBe(0)
  repo.write('20250402000000_call.sql', 'CALL public.batch_fill();\n')
  const refused = await stage('apply')
  expect(refused.code).toBe(1)
  expect(refused.stdout + refused.stderr).toContain(
    '20250402000000_call.sql:1: invalid transaction termination (SQLSTATE 2D000). Fix: a statement ended the transaction from inside it (CALL of a procedure that COMMITs or ROLLBACKs), and each file runs in one transaction; start the file with `-- migration-runbook: no-transaction`'
  )
  const c = await db.client()
  expect((await c.query('SELECT count(*)::int AS n FROM public.filled')).rows[0].n).toBe(0)
  repo.write(
    '20250402000000_call.sql',
    '-- migration-runbook: no-transaction\nCALL public.batch_fill();\n'
  )
  expect((await stage('apply')).code).toBe(0)
  expect((await c.query('SELECT count(*)::int AS n FROM public.filled')).rows[0].n).toBe(3)
})

test('a swapped secret naming a server that never answers: refused (2) by the pin before anything connects', async () => {
  editPolicy(
    '  production:\n    production: true',
    '  production:\n    production: true\n    target:\n      database: app_production'
  )
  // Accepts TCP connections and never speaks: a session to it would wait for its connect timeout.
  const sockets: Socket[] = []
  const silent = createServer(s => sockets.push(s))
  await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve))
  const port = (silent.address() as AddressInfo).port
  try {
    const r = await cli(['apply', '--env', 'production'], {
      cwd: repo.root,
      env: baseEnv({ DATABASE_URL: `postgres://postgres:Swapped-pw@127.0.0.1:${port}/app_staging` })
    })
    expect(r.stderr).toContain(
      'environments.production.target.database: expected "app_production", found "app_staging" (URL database name)'
    )
    expect(r.code).toBe(2)
    expect(sockets).toHaveLength(0)
    expect(r.stderr + r.stdout).not.toContain('Swapped-pw')
  } finally {
    for (const s of sockets) s.destroy()
    await new Promise(resolve => silent.close(resolve))
  }
})

test('a password with an unencoded "@" and "/": refused (2) before any lookup, no piece of it printed or saved', async () => {
  // Parsed as written, the host would be "SECRETHOST" and the database "SECRETDB@127.0.0.1:…/…".
  const port = new URL(db.url).port
  const url = `postgres://postgres:Hunter2@SECRETHOST/SECRETDB@127.0.0.1:${port}/postgres`
  const r = await cli(['apply', '--env', 'staging'], {
    cwd: repo.root,
    env: baseEnv({ DATABASE_URL: url })
  })
  expect(r.code).toBe(2)
  expect(r.stderr).toContain(
    'input "database-url" has "@" or "/" after its host (value hidden): a user name or password holding them must be percent-encoded, @ as %40 and / as %2F'
  )
  const artifacts = path.join(repo.root, 'artifacts')
  const saved = statSync(artifacts, { throwIfNoEntry: false })
    ? allFiles(artifacts).map(f => readFileSync(f, 'utf8'))
    : []
  const everything = [r.stdout, r.stderr, ...saved].join('\n')
  for (const piece of ['Hunter2', 'SECRETHOST', 'secrethost', 'SECRETDB'])
    expect(everything).not.toContain(piece)
})

test('an applied file checked out with CRLF line ends is not drift, also against a checksum an older run took of CRLF text; an edit still is', async () => {
  expect((await stage('apply')).code).toBe(0)
  const file = '20250101000000_create_items.sql'
  const lf = readFileSync(path.join(repo.dir, file), 'utf8')
  const crlf = lf.replace(/\n/g, '\r\n')
  expect(crlf).not.toBe(lf)
  repo.write(file, crlf)
  let r = await stage('validate')
  expect(r.code).toBe(0)
  expect(summary().checks.find(c => c.id === 'drift')?.status).toBe('pass')
  // Runs before line ends were normalised recorded the text as it was: a file applied from a CRLF checkout.
  const c = await db.client()
  await c.query(
    `UPDATE migration_runbook.audit_log SET checksum = encode(sha256(convert_to($1, 'UTF8')), 'hex') WHERE version = '20250101000000'`,
    [crlf]
  )
  repo.write(file, lf)
  r = await stage('validate')
  expect(r.code).toBe(0)
  repo.write(file, `${crlf}-- edited\r\nSELECT 1;\r\n`)
  r = await stage('validate')
  expect(r.code).toBe(1)
  expect(r.stdout + r.stderr).toContain(`${file} changed after it was applied`)
})

describe('a rollback while another run holds the apply lock', () => {
  /** A session of "another deploy" holding the apply lock (the advisory lock every run takes). */
  async function otherRunHoldingTheLock() {
    const holder = await db.client()
    await holder.query(`SET application_name = 'other-deploy'`)
    await holder.query('SELECT pg_advisory_lock($1::bigint)', [0x6d72756e])
    return holder
  }
  const waiting =
    /the apply lock is held by pid \d+ \(other-deploy, user [^)]+\): waiting up to 60 s/

  async function appliedWithALongWait() {
    expect((await stage('apply')).code).toBe(0)
    editPolicy('advisory-lock-wait: 2s', 'advisory-lock-wait: 60s')
  }

  /** Applied with a 60 s advisory-lock-wait, the lock held by "another deploy", a rollback started and waiting. */
  async function rollbackWaitingForTheLock() {
    await appliedWithALongWait()
    const holder = await otherRunHoldingTheLock()
    const run = start(CLI, ['rollback', '--env', 'staging'], {
      cwd: repo.root,
      env: baseEnv({ DATABASE_URL: db.url })
    })
    await run.waitFor(waiting, 30_000)
    return { holder, run }
  }

  async function state() {
    const c = await db.client()
    const { rows } = await c.query(
      `SELECT (SELECT array_agg(version ORDER BY version) FROM supabase_migrations.schema_migrations) AS versions,
              to_regclass('public.item_tags') IS NOT NULL AS tags`
    )
    return rows[0]
  }

  test('it says who holds the lock, and SIGINT stops the wait at once: nothing is rolled back', async () => {
    const { holder, run } = await rollbackWaitingForTheLock()
    const t0 = Date.now()
    run.child.kill('SIGINT')
    const done = await run.done
    // Before, the wait ignored the signal: the hard deadline ended the process at 9 s, exit 130, no evidence.
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(done.code).toBe(1)
    expect(summary().status).toBe('cancelled')
    expect(await state()).toEqual({ versions: ['20250101000000', '20250201000000'], tags: true })
    await holder.query('SELECT pg_advisory_unlock_all()')
  }, 60_000)

  test('a newer migration applied while it waited: it refuses to roll back under it, and nothing changes', async () => {
    const { holder, run } = await rollbackWaitingForTheLock()
    // What the other run did while holding the lock: it applied a third migration.
    await holder.query(`CREATE TABLE public.notes (id int PRIMARY KEY);
      INSERT INTO supabase_migrations.schema_migrations (version, name) VALUES ('20250301000000', 'notes')`)
    await holder.query('SELECT pg_advisory_unlock_all()')
    const done = await run.done
    // Before, it rolled 20250201000000 back under 20250301000000 and exited 0.
    expect(done.code).toBe(1)
    expect(done.stdout + done.stderr).toContain(
      '20250201000000 is not the newest applied migration any more: 20250301000000 was applied after it'
    )
    expect(await state()).toEqual({
      versions: ['20250101000000', '20250201000000', '20250301000000'],
      tags: true
    })
  }, 60_000)

  test('it waits while the lock is held and rolls back once it is released', async () => {
    const { holder, run } = await rollbackWaitingForTheLock()
    expect(await state()).toEqual({ versions: ['20250101000000', '20250201000000'], tags: true })
    await holder.query('SELECT pg_advisory_unlock_all()')
    const done = await run.done
    expect(done.code).toBe(0)
    expect(await state()).toEqual({ versions: ['20250101000000'], tags: false })
  }, 60_000)
})

test('a file as `supabase db pull` writes it (pg_dump SETs, search_path emptied): applied and verified as a fresh session would', async () => {
  repo.write(
    '20250301000000_remote_schema.sql',
    PG_DUMP_HEADER + 'CREATE TABLE public.notes (id int PRIMARY KEY);\n'
  )
  // A verify script as people write them: unqualified names, the default search_path.
  repo.write('verify/20250301000000_remote_schema.sql', 'SELECT 1 FROM notes LIMIT 1;\n')
  const r = await stage('apply')
  // Before, the file's empty search_path stayed on the session: verify failed with relation "notes" does not exist.
  expect(r.code).toBe(0)
  expect(summary().checks.find(c => c.id === 'verify')?.status).toBe('pass')
  expect(r.stdout + r.stderr).toContain(
    'migrations/20250301000000_remote_schema.sql:1 may change lock_timeout or statement_timeout'
  )
  expect((await stage('verify')).code).toBe(0)
})

test('a file after a `supabase db pull` one names its tables unqualified: rehearsed and applied from a fresh session, as `supabase db push` runs each file', async () => {
  // Found on a real project: the dump's empty search_path reached the next file, "relation ... does not exist".
  repo.write(
    '20250301000000_remote_schema.sql',
    PG_DUMP_HEADER + 'CREATE TABLE public.notes (id int PRIMARY KEY);\nSET ROLE postgres;\n'
  )
  repo.write(
    '20250302000000_by_hand.sql',
    "ALTER TABLE notes ADD COLUMN body text;\nINSERT INTO notes VALUES (1, current_setting('search_path'));\n"
  )
  const r = await stage('apply')
  expect(r.code).toBe(0)
  expect(summary().checks.find(c => c.id === 'rehearsal')?.status).toBe('pass')
  const c = await db.client()
  const row = await c.query('SELECT body FROM public.notes WHERE id = 1')
  expect(row.rows[0].body).not.toBe('')
  expect(row.rows[0].body).toContain('public')
})
