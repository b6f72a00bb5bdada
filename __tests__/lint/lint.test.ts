import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadParser } from '../../src/sql/parser.js'
import { lintSql, type LintOptions } from '../../src/lint/engine.js'
import { statementLocks } from '../../src/lint/locks.js'
import { parseSql } from '../../src/sql/parser.js'
import { lintOutcome } from '../../src/checks/lint.js'
import { lintMigrations } from '../../src/lint/migrations.js'
import { scanOtherFiles } from '../../src/lint/other-files.js'
import { discoverMigrations } from '../../src/plan/files.js'

beforeAll(loadParser)

const migration = { kind: 'migration' as const, noTransaction: false }
const rules = (sql: string, opts: LintOptions = migration) =>
  lintSql('m.sql', sql, opts)
    .findings.filter(f => f.suppressed === undefined)
    .map(f => `${f.line}:${f.column} ${f.rule}`)

test("the runbook's bare `window` is a syntax error at `window`", () => {
  const sql =
    'ALTER TABLE allocations ADD CONSTRAINT x\n  EXCLUDE USING gist (resource_id WITH =, window WITH &&);\n'
  const { findings } = lintSql('m.sql', sql, migration)
  expect(findings).toEqual([
    expect.objectContaining({
      rule: 'syntax-error',
      severity: 'error',
      line: 2,
      column: 43,
      file: 'm.sql'
    })
  ])
})

test('rows after COPY ... FROM stdin (as pg_dump writes data): the syntax error says what they are and what to write', () => {
  const copy =
    'CREATE TABLE t (id int, name text);\nCOPY public.t (id, name) FROM stdin;\n1\tone\n\\.\n'
  const [finding] = lintSql('m.sql', copy, migration).findings
  expect(finding).toMatchObject({ rule: 'syntax-error', line: 3 })
  expect(finding.message).toContain(
    'the lines after "COPY ... FROM stdin" (line 2) are rows for psql'
  )
  expect(finding.message).toContain('pg_dump --column-inserts')
  // Any other syntax error, and COPY from a file, keep the parser's message alone.
  for (const sql of [
    'CREATE TABLE t (id int);\nSELEC 1;\n',
    "COPY public.t FROM '/tmp/t.csv';\n1\tone\n"
  ]) {
    const [other] = lintSql('m.sql', sql, migration).findings
    expect(other).toMatchObject({ rule: 'syntax-error', line: 2 })
    expect(other.message).not.toContain('COPY')
  }
})

test('lock levels per statement follow the PostgreSQL docs', () => {
  const locks = (sql: string) =>
    parseSql(sql).statements.flatMap(s => statementLocks(s.ast).map(l => `${l.lock} ${l.table}`))
  expect(
    locks(
      'ALTER TABLE allocations ADD CONSTRAINT x EXCLUDE USING gist (resource_id WITH =, "window" WITH &&)'
    )
  ).toEqual(['AccessExclusiveLock public.allocations'])
  expect(locks('CREATE INDEX i ON t (a)')).toEqual(['ShareLock public.t'])
  expect(locks('CREATE INDEX CONCURRENTLY i ON t (a)')).toEqual([
    'ShareUpdateExclusiveLock public.t'
  ])
  expect(locks('ALTER TABLE a ADD FOREIGN KEY (x) REFERENCES s.b (id)')).toEqual([
    'ShareRowExclusiveLock public.a',
    'ShareRowExclusiveLock s.b'
  ])
  expect(locks('ALTER TABLE a VALIDATE CONSTRAINT c')).toEqual([
    'ShareUpdateExclusiveLock public.a'
  ])
  expect(locks('CREATE TABLE n (id int)')).toEqual(['none public.n'])
  expect(locks('DROP TABLE a, s.b')).toEqual([
    'AccessExclusiveLock public.a',
    'AccessExclusiveLock s.b'
  ])
  expect(locks('ALTER TABLE a ENABLE ROW LEVEL SECURITY')).toEqual(['AccessExclusiveLock public.a'])
  expect(locks('CREATE POLICY p ON a USING (true)')).toEqual(['AccessExclusiveLock public.a'])
  expect(locks('CREATE TRIGGER tr AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()')).toEqual([
    'ShareRowExclusiveLock public.a'
  ])
  expect(locks('LOCK TABLE a IN SHARE MODE')).toEqual(['ShareLock public.a'])
  expect(locks('LOCK TABLE a')).toEqual(['AccessExclusiveLock public.a'])
  // Only DETACH ... CONCURRENTLY takes the weaker lock; the partition is locked as well.
  expect(locks('ALTER TABLE p DETACH PARTITION s.c')).toEqual([
    'AccessExclusiveLock public.p',
    'AccessExclusiveLock s.c'
  ])
  expect(locks('ALTER TABLE p DETACH PARTITION c CONCURRENTLY')).toEqual([
    'ShareUpdateExclusiveLock public.p',
    'ShareUpdateExclusiveLock public.c'
  ])
})

test('rules fire on existing tables only, with file positions', () => {
  const sql = [
    'CREATE TABLE fresh (id int);',
    'CREATE INDEX fresh_idx ON fresh (id);',
    'CREATE INDEX old_idx ON bookings (status);',
    'CREATE INDEX CONCURRENTLY c_idx ON bookings (id);',
    'ALTER TABLE bookings ADD COLUMN a int NOT NULL, ADD COLUMN b uuid DEFAULT gen_random_uuid(), ADD COLUMN c timestamptz DEFAULT now();',
    'ALTER TABLE bookings ALTER COLUMN x TYPE bigint, ALTER COLUMN y SET NOT NULL, DROP COLUMN z;',
    'ALTER TABLE bookings ADD CONSTRAINT ck CHECK (q > 0), ADD FOREIGN KEY (r) REFERENCES restaurants (id);',
    'ALTER TABLE bookings ADD CONSTRAINT ok CHECK (q > 0) NOT VALID;',
    'ALTER TABLE bookings RENAME COLUMN p TO q;',
    'DROP TABLE old_stuff;',
    'ALTER TABLE bookings ENABLE ROW LEVEL SECURITY;',
    "CREATE FUNCTION f() RETURNS int LANGUAGE sql SECURITY DEFINER AS 'select 1';",
    "CREATE FUNCTION g() RETURNS int LANGUAGE sql SECURITY DEFINER SET search_path = '' AS 'select 1';"
  ].join('\n')
  expect(rules(sql)).toEqual([
    '3:1 require-concurrent-index',
    '4:1 concurrently-in-transaction',
    '5:33 add-column-not-null-without-default',
    '5:60 volatile-default',
    '6:35 alter-column-type',
    '6:50 set-not-null-without-check',
    '6:79 drop-column',
    '7:26 constraint-full-scan',
    '7:59 foreign-key-not-valid',
    '9:1 rename',
    '10:1 drop-table',
    '11:13 rls-without-policy',
    '12:1 security-definer-search-path'
  ])
  // With the no-transaction marker CONCURRENTLY is right; a policy anywhere in the change set satisfies RLS.
  const ok =
    'CREATE INDEX CONCURRENTLY IF NOT EXISTS c_idx ON bookings (id);\nALTER TABLE bookings ENABLE ROW LEVEL SECURITY;'
  expect(
    rules(ok, { ...migration, noTransaction: true, policyTables: new Set(['public.bookings']) })
  ).toEqual([])
})

test('SET NOT NULL after a validated CHECK (col IS NOT NULL) is fine', () => {
  const sql = `ALTER TABLE t ADD CONSTRAINT nn CHECK (c IS NOT NULL) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT nn;
ALTER TABLE t ALTER COLUMN c SET NOT NULL;`
  expect(rules(sql)).toEqual([])
})

test('an unnamed NOT VALID CHECK (col IS NOT NULL) does not excuse SET NOT NULL', () => {
  const sql = `ALTER TABLE t ADD CHECK (c IS NOT NULL) NOT VALID;
ALTER TABLE t ALTER COLUMN c SET NOT NULL;`
  expect(rules(sql).map(r => r.split(' ')[1])).toContain('set-not-null-without-check')
})

test('transaction control is an error, a whole-file BEGIN ... COMMIT is not; existingTables narrows what counts as existing', () => {
  const opts = { ...migration, existingTables: new Set(['public.t']) }
  const wrapped = lintSql('m.sql', 'BEGIN;\nCREATE INDEX i ON elsewhere (a);\nCOMMIT;', opts)
  expect(wrapped.findings).toEqual([])
  const { findings } = lintSql(
    'm.sql',
    'BEGIN;\nCREATE INDEX i ON elsewhere (a);\nCOMMIT;\nCREATE INDEX j ON t (a);',
    opts
  )
  expect(findings.map(f => [f.line, f.rule, f.severity])).toEqual([
    [3, 'transaction-control', 'error'],
    [4, 'require-concurrent-index', 'warning']
  ])
})

test('a password in a connection string is an error anywhere, and never echoed', () => {
  const sql = '-- ran with postgres://user:s3cretPw@db.example.com:5432/postgres\nSELECT 1;\n'
  const { findings } = lintSql('m.sql', sql, { kind: 'verify', noTransaction: false })
  expect(findings).toHaveLength(1)
  expect(findings[0]).toMatchObject({
    rule: 'connection-string-password',
    severity: 'error',
    line: 1,
    column: 13
  })
  expect(JSON.stringify(findings)).not.toContain('s3cretPw')
  expect(rules('-- postgres://user:${DB_PASSWORD}@host/db\nSELECT 1;')).toEqual([])
})

test('a pattern that checks the shape of a connection string holds no password; real ones around it are still found', () => {
  // From a real project: a CHECK that a stored URL has the shape of a connection string failed the lint.
  const pattern = "SELECT 'postgresql://x:y@db/z' ~ '^postgresql://[^:]+:[^@]+@[^:]+:\\d+/[^?]+$';"
  expect(rules(pattern.replace("'postgresql://x:y@db/z'", "'x'"))).toEqual([])
  for (const [text, masked] of [
    ["SELECT 'postgres://app:s3cret@db.abcd.supabase.co:5432/postgres';", 'db.abcd.supabase.co'],
    ["SELECT 'postgresql://app:s3cret@[::1]/postgres';", '[::1]'],
    ["SELECT 'postgres://${DB_USER}:s3cret@${DB_HOST}/postgres';", '${DB_HOST}']
  ]) {
    const { findings } = lintSql('m.sql', text, { kind: 'migration', noTransaction: false })
    expect(findings.map(f => f.rule)).toEqual(['connection-string-password'])
    expect(findings[0].message).toContain(
      `postgres${text.includes('postgresql') ? 'ql' : ''}://***:***@${masked}`
    )
    expect(JSON.stringify(findings)).not.toContain('s3cret')
  }
})

test('suppression needs a known rule and a reason; it covers the next statement only', () => {
  const sql = [
    '-- runbook:allow require-concurrent-index bookings has 40 rows, measured 2 ms',
    'CREATE INDEX a ON bookings (x);',
    'CREATE INDEX b ON bookings (y); -- runbook:allow require-concurrent-index same line works',
    '-- runbook:allow require-concurrent-index',
    'CREATE INDEX c ON bookings (z);',
    '-- runbook:allow no-such-rule because',
    'CREATE INDEX d ON bookings (w);'
  ].join('\n')
  const { findings } = lintSql('m.sql', sql, migration)
  expect(findings.map(f => [f.line, f.rule, f.suppressed ?? null])).toEqual([
    [2, 'require-concurrent-index', 'bookings has 40 rows, measured 2 ms'],
    [3, 'require-concurrent-index', 'same line works'],
    [4, 'invalid-suppression', null],
    [5, 'require-concurrent-index', null],
    [6, 'invalid-suppression', null],
    [7, 'require-concurrent-index', null]
  ])
})

test('PL/pgSQL bodies: LOCK TABLE and DDL found at their file line, syntax errors located in the body', () => {
  const sql = `SELECT 1;
CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1;
  LOCK TABLE allocations IN ACCESS EXCLUSIVE MODE;
  EXECUTE 'DROP TABLE x';
END $$;
CREATE FUNCTION g() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE t SET a = WHERE b = 2;
END $$;
DO $$ BEGIN ALTER TABLE t ADD COLUMN z int; END $$;`
  expect(rules(sql)).toEqual(['5:3 lock-in-function', '6:3 ddl-in-function', '10:20 syntax-error'])
})

test('PL/pgSQL bodies: REFRESH MATERIALIZED VIEW is routine there, only without CONCURRENTLY a warning about its lock', () => {
  // coinhub-uit/server refreshes a view from a function; it read "DDL inside a function body".
  const sql = `CREATE FUNCTION refresh_plans() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  REFRESH MATERIALIZED VIEW CONCURRENTLY available_plan;
  REFRESH MATERIALIZED VIEW available_plan;
END $$;`
  const found = lintSql('m.sql', sql, { kind: 'migration', noTransaction: false }).findings
  expect(found.map(f => `${f.line}:${f.column} ${f.rule}`)).toEqual(['4:3 ddl-in-function'])
  expect(found[0].message).toContain(
    'REFRESH MATERIALIZED VIEW without CONCURRENTLY inside a function body: each call holds ACCESS EXCLUSIVE on the view'
  )
})

test('rollback and verify scripts get the rules that make sense for them', () => {
  const sql =
    'ALTER TABLE bookings DROP COLUMN x;\nDROP TABLE y;\nCREATE INDEX i ON bookings (a);\nCOMMIT;'
  expect(rules(sql, { kind: 'rollback', noTransaction: false })).toEqual([
    '3:1 require-concurrent-index',
    '4:1 transaction-control'
  ])
  expect(rules(sql, { kind: 'verify', noTransaction: false })).toEqual(['4:1 transaction-control'])
  expect(() =>
    lintSql('m.sql', 'SELECT 1', { kind: 'deploy' as never, noTransaction: false })
  ).toThrow(/"kind" is "deploy"; allowed: migration, rollback, verify/)
})

test('a table the change set creates stays new when a later migration moves it to another schema or renames it', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lint-'))
  const dir = path.join(root, 'migrations')
  mkdirSync(dir, { recursive: true })
  writeFileSync(
    path.join(dir, '1_a.sql'),
    'CREATE TABLE public.policy (id int);\nCREATE TABLE public.t (id int);\n'
  )
  writeFileSync(
    path.join(dir, '2_b.sql'),
    'CREATE SCHEMA ciam;\nALTER TABLE public.policy SET SCHEMA ciam;\nALTER TABLE public.t RENAME TO u;\n'
  )
  writeFileSync(
    path.join(dir, '3_c.sql'),
    'CREATE INDEX policy_id_idx ON ciam.policy (id);\nCREATE INDEX u_id_idx ON public.u (id);\n'
  )
  const result = lintMigrations(discoverMigrations('migrations', root))
  expect(result.findings.filter(f => f.rule === 'require-concurrent-index')).toEqual([])
})

test('a change set: tables of earlier migrations are new, sidecars linted, other files scanned, outcome fails on errors', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'lint-'))
  const dir = path.join(root, 'migrations')
  mkdirSync(path.join(dir, 'rollback'), { recursive: true })
  writeFileSync(
    path.join(dir, '1_a.sql'),
    'CREATE TABLE n (id int);\nALTER TABLE n ENABLE ROW LEVEL SECURITY;\n'
  )
  writeFileSync(
    path.join(dir, '2_b.sql'),
    'CREATE INDEX i ON n (id);\nCREATE POLICY p ON n USING (true);\n'
  )
  writeFileSync(path.join(dir, 'rollback', '2_b.sql'), 'DROP INDEX i;\nBEGIN;\n')
  writeFileSync(path.join(dir, 'RUNBOOK.md'), 'psql postgres://user:pass@host/db\n')
  const all = discoverMigrations('migrations', root)
  const result = lintMigrations(all)
  expect(result.findings.map(f => `${path.basename(f.file)}:${f.line} ${f.rule}`)).toEqual([
    '2_b.sql:2 transaction-control'
  ])
  expect(result.files).toBe(3)
  const other = scanOtherFiles(process.cwd(), dir, all)
  expect(other.map(f => [path.basename(f.file), f.line, f.rule])).toEqual([
    ['RUNBOOK.md', 1, 'connection-string-password']
  ])
  const outcome = lintOutcome({ ...result, findings: [...result.findings, ...other] })
  expect(outcome.status).toBe('fail')
  expect(outcome.annotations?.[0]).toMatchObject({
    level: 'error',
    line: 2,
    title: 'lint: transaction-control'
  })
  expect(JSON.stringify(outcome)).not.toContain(':pass@')
})

test('supabase-managed-schema: altering or creating in auth, storage and realtime is a warning; policies and triggers on their tables are not', () => {
  // supabase/cli#3599 and #4114: "must be owner of table objects (SQLSTATE 42501)" since Supabase's April 2025
  // permission change, for migrations that passed before (and pass a superuser's rehearsal).
  const flagged = [
    'ALTER TABLE storage.objects ENABLE ROW LEVEL SECURITY;',
    'alter table auth.users add column nickname text;',
    'CREATE INDEX users_email_idx ON auth.users (email);',
    'CREATE TABLE realtime.my_events (id int);',
    'CREATE FUNCTION auth.my_role() RETURNS text LANGUAGE sql AS $$ SELECT 1::text $$;',
    'DO $$ BEGIN ALTER TABLE storage.buckets ADD COLUMN note text; END $$;'
  ]
  for (const sql of flagged)
    expect([sql, rules(sql).filter(r => r.endsWith('supabase-managed-schema'))]).toEqual([
      sql,
      [`1:${sql.startsWith('DO') ? 13 : 1} supabase-managed-schema`]
    ])
  const allowed = [
    'CREATE POLICY read_own ON storage.objects FOR SELECT USING (owner = auth.uid());',
    'CREATE TRIGGER on_auth_user_created AFTER INSERT ON auth.users FOR EACH ROW EXECUTE FUNCTION public.handle_new_user();',
    'ALTER TABLE public.profiles ADD COLUMN nickname text;',
    'CREATE TABLE profiles (id uuid REFERENCES auth.users (id));'
  ]
  for (const sql of allowed)
    expect([sql, rules(sql).filter(r => r.endsWith('supabase-managed-schema'))]).toEqual([sql, []])
  const [f] = lintSql('m.sql', flagged[0], migration).findings.filter(
    x => x.rule === 'supabase-managed-schema'
  )
  expect(f.severity).toBe('warning')
  expect(f.message).toBe(
    "ALTER TABLE storage.objects: the storage schema is Supabase's; on a Supabase project the postgres role may not change it (42501 must be owner), which the rehearsal, run as a superuser, does not show"
  )
})

test('rls-without-policy: a CREATE POLICY that a DO block runs ("create it if missing") counts', () => {
  const sql = [
    'create table public.folders (id uuid primary key, account_id uuid not null);',
    'alter table public.folders enable row level security;',
    'do $$ begin',
    "  if not exists (select 1 from pg_policies where policyname = 'folders_access') then",
    '    create policy folders_access on public.folders for all using (account_id = auth.uid());',
    '  end if;',
    'end $$;'
  ].join('\n')
  expect(rules(sql).filter(r => r.endsWith('rls-without-policy'))).toEqual([])
  // Without the DO block's policy, it is still a finding.
  expect(
    rules(sql.split('\n').slice(0, 2).join('\n')).filter(r => r.endsWith('rls-without-policy'))
  ).toEqual(['2:13 rls-without-policy'])
})

test('security-definer-search-path: an ALTER FUNCTION in the same file that sets search_path (or SECURITY INVOKER) fixes it', () => {
  const create =
    'create function public.get_org() returns uuid language sql security definer as $$ select null::uuid $$;'
  const finding = (sql: string) =>
    rules(sql).filter(r => r.endsWith('security-definer-search-path'))
  expect(finding(create)).toEqual(['1:1 security-definer-search-path'])
  expect(finding(`${create}\nalter function public.get_org() set search_path = '';`)).toEqual([])
  expect(finding(`${create}\nALTER FUNCTION get_org() SECURITY INVOKER;`)).toEqual([])
  // Another function's fix, or another setting, is not this one's.
  expect(finding(`${create}\nalter function public.other() set search_path = '';`)).toHaveLength(1)
  expect(finding(`${create}\nalter function public.get_org() set work_mem = '64MB';`)).toHaveLength(
    1
  )
})
