/**
 * Issue 14 §2: the lock rules squawk has and we lacked, each on a realistic migration, each silent on tables
 * the linted files create, each suppressible; volatile defaults resolved offline (built-in list, functions the
 * files declare) and connected (the target's pg_proc, on a real server); prefer-robust as an info hint that
 * never fails nor warns the gate.
 */
import { readFileSync } from 'node:fs'
import { lintSql, type LintOptions } from '../../src/lint/engine.js'
import { lintOutcome } from '../../src/checks/lint.js'
import { lintedSql, lintMigrations } from '../../src/lint/migrations.js'
import { toSarif } from '../../src/lint/sarif.js'
import { RULES } from '../../src/lint/rules.js'
import {
  BUILT_IN_VOLATILITY,
  catalogVolatility,
  functionNamesIn,
  type Volatility
} from '../../src/lint/volatility.js'
import { loadParser } from '../../src/sql/parser.js'
import type { Migration } from '../../src/plan/files.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

beforeAll(loadParser)

const migration: LintOptions = { kind: 'migration', noTransaction: false }
const lint = (sql: string, opts: LintOptions = migration) => lintSql('m.sql', sql, opts).findings
/** Active findings as "line:column rule". */
const rules = (sql: string, opts: LintOptions = migration) =>
  lint(sql, opts)
    .filter(f => f.suppressed === undefined)
    .map(f => `${f.line}:${f.column} ${f.rule}`)

test('DROP INDEX without CONCURRENTLY on an existing table warns; on an index of a table the file created it does not', () => {
  const sql = [
    '-- 20240612_drop_unused_indexes.sql',
    'DROP INDEX IF EXISTS public.idx_orders_created_at;',
    'CREATE TABLE public.sessions (id uuid PRIMARY KEY, user_id uuid);',
    'CREATE INDEX sessions_user_idx ON public.sessions (user_id);',
    'DROP INDEX sessions_user_idx;',
    'DROP INDEX sessions_pkey;'
  ].join('\n')
  expect(rules(sql)).toEqual(['2:1 require-concurrent-index-drop'])
  const [f] = lint(sql)
  expect(f.message).toContain('public.idx_orders_created_at')
  expect(f.message).toContain('ACCESS EXCLUSIVE')
  expect(f.advice).toMatch(/DROP INDEX CONCURRENTLY/)
  // An index created by an earlier migration of the change set on an existing table: still its table's lock.
  const indexed = 'CREATE INDEX CONCURRENTLY orders_total_idx ON public.orders (total);'
  expect(
    rules('DROP INDEX orders_total_idx;', {
      ...migration,
      createdIndexes: new Map([['public.orders_total_idx', 'public.orders']])
    })
  ).toEqual(['1:1 require-concurrent-index-drop'])
  expect(rules(indexed, { ...migration, noTransaction: true })).toEqual(['1:1 prefer-robust'])
  // CONCURRENTLY alone in its file is right.
  expect(rules('DROP INDEX CONCURRENTLY IF EXISTS public.idx_orders_created_at;')).toEqual([])
})

test('REINDEX without CONCURRENTLY: index, table and schema forms', () => {
  const sql = [
    'REINDEX INDEX public.orders_customer_id_idx;',
    'REINDEX TABLE public.orders;',
    'REINDEX SCHEMA public;',
    'CREATE TABLE t (id int PRIMARY KEY);',
    'REINDEX TABLE t;',
    'REINDEX INDEX t_pkey;'
  ].join('\n')
  expect(rules(sql)).toEqual([
    '1:1 require-concurrent-reindex',
    '2:1 require-concurrent-reindex',
    '3:1 require-concurrent-reindex'
  ])
  expect(lint(sql)[2].message).toMatch(/every index of every table in the schema/)
  expect(rules('REINDEX TABLE CONCURRENTLY public.orders;')).toEqual([])
})

test('ADD COLUMN ... REFERENCES with a DEFAULT on an existing table validates every row under ACCESS EXCLUSIVE', () => {
  // Without a DEFAULT every row is NULL and PostgreSQL skips the validation (real-world-false-positives.test.ts).
  const sql = [
    'ALTER TABLE public.orders',
    "  ADD COLUMN currency_code text NOT NULL DEFAULT 'USD' REFERENCES public.currencies (code);",
    'CREATE TABLE public.refunds (id bigint PRIMARY KEY);',
    'ALTER TABLE public.refunds ADD COLUMN order_id bigint DEFAULT 0 REFERENCES public.orders (id);'
  ].join('\n')
  const found = lint(sql).filter(f => f.rule === 'add-column-foreign-key')
  expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['2:14'])
  expect(found[0].message).toContain(
    'public.orders is locked ACCESS EXCLUSIVE (no reads or writes) and public.currencies SHARE ROW EXCLUSIVE'
  )
  expect(found[0].advice).toMatch(/NOT VALID.*VALIDATE CONSTRAINT/)
  // Not reported twice as foreign-key-not-valid (that rule is for ADD CONSTRAINT ... FOREIGN KEY).
  expect(rules(sql)).toEqual(['2:14 add-column-foreign-key'])
})

test('volatile defaults: the built-in list, unknown functions taken as volatile and said so, functions the files declare', () => {
  const sql = [
    'ALTER TABLE public.profiles ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();',
    "ALTER TABLE public.profiles ADD COLUMN seen_at timestamp DEFAULT (now() AT TIME ZONE 'utc');",
    "ALTER TABLE public.profiles ADD COLUMN handle text DEFAULT lower('anon');",
    'ALTER TABLE public.profiles ADD COLUMN public_id uuid DEFAULT gen_random_uuid();',
    'ALTER TABLE public.profiles ADD COLUMN slug text DEFAULT make_slug();',
    'ALTER TABLE public.profiles ADD COLUMN owner uuid DEFAULT auth.uid();'
  ].join('\n')
  const found = lint(sql).filter(f => f.rule === 'volatile-default')
  expect(found.map(f => f.line)).toEqual([4, 5])
  expect(found[0].message).toContain('gen_random_uuid()')
  expect(found[0].message).not.toContain('not a known function')
  expect(found[1].message).toContain(
    'make_slug() is not a known function: taken as volatile offline'
  )
  // A function the change creates IMMUTABLE is no rewrite; one created without a volatility is VOLATILE.
  const declared = [
    'CREATE FUNCTION make_slug() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT $q$x$q$ $$;',
    'CREATE FUNCTION next_code() RETURNS text LANGUAGE sql AS $$ SELECT $q$y$q$ $$;',
    'ALTER TABLE public.profiles ADD COLUMN slug text DEFAULT make_slug();',
    'ALTER TABLE public.profiles ADD COLUMN code text DEFAULT next_code();'
  ].join('\n')
  expect(rules(declared)).toEqual(['4:40 volatile-default'])
  expect(lint(declared)[0].message).not.toContain('not a known function')
})

test('DETACH PARTITION without CONCURRENTLY, clause by clause', () => {
  const sql = 'ALTER TABLE public.events\n  DETACH PARTITION public.events_2023;'
  expect(rules(sql)).toEqual(['2:3 require-concurrent-detach'])
  expect(lint(sql)[0].message).toContain('ACCESS EXCLUSIVE on public.events and public.events_2023')
  expect(
    rules('ALTER TABLE public.events DETACH PARTITION public.events_2023 CONCURRENTLY;')
  ).toEqual([])
})

test('DROP DATABASE is reported (escapes-transaction, an error: PostgreSQL refuses it in a transaction)', () => {
  const [f] = lint('DROP DATABASE IF EXISTS analytics_old;')
  expect(f).toMatchObject({ rule: 'escapes-transaction', severity: 'error', line: 1 })
  expect(f.message).toContain('DROP DATABASE analytics_old')
})

test('TRUNCATE ... CASCADE empties tables it does not name', () => {
  const sql = [
    'TRUNCATE public.carts CASCADE;',
    'TRUNCATE public.carts;',
    'CREATE TABLE staging_rows (id int);',
    'TRUNCATE staging_rows CASCADE;'
  ].join('\n')
  expect(rules(sql)).toEqual(['1:1 truncate-cascade'])
})

test('identifiers over 63 bytes, counted in UTF-8, each name once, not in comments or strings', () => {
  // 32 two-byte characters: 64 bytes though only 32 characters.
  const long = 'é'.repeat(32)
  const sql = [
    `-- ${'x'.repeat(80)} in a comment is fine`,
    `CREATE TABLE "${long}" (id int);`,
    `COMMENT ON TABLE "${long}" IS '${'y'.repeat(80)}';`,
    'ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_must_reference_an_existing_customer_row_ck_fk',
    '  CHECK (customer_id IS NOT NULL) NOT VALID;',
    `CREATE INDEX ${'i'.repeat(63)} ON public.orders (id);`
  ].join('\n')
  const found = lint(sql).filter(f => f.rule === 'identifier-too-long')
  expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['2:14', '4:42'])
  expect(found[0].message).toContain('is 64 bytes')
  expect(found[0].message).toContain(`"${'é'.repeat(31)}"`)
  expect(found[1].message).toContain(
    '"orders_customer_id_must_reference_an_existing_customer_row_ck_fk" is 64 bytes'
  )
})

test('identifier-too-long reads function and DO bodies, never dollar-quoted values (which may hold a key)', () => {
  const long = 'x'.repeat(70)
  const token = 'sk_live_' + 'a1B2'.repeat(16)
  const sql = [
    `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ DECLARE ${long} int; BEGIN RETURN 1; END $$;`,
    `DO $$ BEGIN PERFORM 1 AS ${long}_2; END $$;`,
    `SELECT set_config('app.key', $k$${token}$k$, false);`
  ].join('\n')
  const found = lint(sql).filter(f => f.rule === 'identifier-too-long')
  expect(found.map(f => `${f.line}:${f.column}`)).toEqual(['1:64', '2:26'])
  expect(JSON.stringify(lint(sql))).not.toContain(token.slice(8, 40))
})

test('SET NOT NULL: the validated CHECK recipe is quiet, a bare SET NOT NULL warns at its own clause', () => {
  const recipe = [
    'ALTER TABLE public.orders ADD CONSTRAINT orders_status_nn CHECK (status IS NOT NULL) NOT VALID;',
    'ALTER TABLE public.orders VALIDATE CONSTRAINT orders_status_nn;',
    'ALTER TABLE public.orders ALTER COLUMN status SET NOT NULL;',
    'ALTER TABLE public.orders DROP CONSTRAINT orders_status_nn;'
  ].join('\n')
  expect(rules(recipe)).toEqual([])
  expect(rules('ALTER TABLE public.orders\n  ALTER COLUMN paid_at SET NOT NULL;')).toEqual([
    '2:3 set-not-null-without-check'
  ])
  expect(RULES['set-not-null-without-check'].advice).toMatch(/NOT VALID.*VALIDATE.*DROP CONSTRAINT/)
})

test('real-world idioms that are not findings: SET search_path before unqualified CREATE TABLE, DROP INDEX IF EXISTS then re-create', () => {
  // supabase/storage: the first migration sets the search path and creates its tables unqualified.
  const storage = [
    'CREATE SCHEMA IF NOT EXISTS storage_tenant;',
    'SET search_path = storage_tenant, public, extensions;',
    'CREATE TABLE IF NOT EXISTS buckets (id text PRIMARY KEY, max_file_size_kb int);',
    'DO $$ BEGIN',
    '  ALTER TABLE storage_tenant.buckets ALTER COLUMN max_file_size_kb TYPE bigint;',
    'END $$;',
    'CREATE INDEX bucket_id_idx ON buckets (id);'
  ].join('\n')
  expect(rules(storage)).toEqual([])
  // supabase/auth: drop an index and build it again on a table the change set created (unqualified drop).
  const auth = [
    'DROP INDEX IF EXISTS users_instance_id_email_idx;',
    'CREATE INDEX IF NOT EXISTS users_instance_id_email_idx ON auth.users USING btree (instance_id, lower(email));'
  ].join('\n')
  expect(rules(auth, { ...migration, createdTables: new Set(['auth.users']) })).toEqual([])
  // The same on an existing table is three findings: the drop, the build, and that a project's postgres role
  // may not index Supabase's auth.users.
  expect(rules(auth)).toEqual([
    '1:1 require-concurrent-index-drop',
    '2:1 require-concurrent-index',
    '2:1 supabase-managed-schema'
  ])
  expect(lint(auth)[0].message).toContain('ACCESS EXCLUSIVE on auth.users')
})

test('every new rule is suppressible with a reason, in either spelling', () => {
  const sql = [
    '-- migration-runbook: allow require-concurrent-index-drop because the table has 40 rows',
    'DROP INDEX idx_flags_name;',
    'TRUNCATE public.carts CASCADE; -- runbook:allow truncate-cascade carts_items must go too',
    '-- migration-runbook: allow require-concurrent-reindex',
    'REINDEX TABLE public.orders;'
  ].join('\n')
  const found = lint(sql)
  expect(found.map(f => [f.rule, f.suppressed])).toEqual([
    ['require-concurrent-index-drop', 'the table has 40 rows'],
    ['truncate-cascade', 'carts_items must go too'],
    ['invalid-suppression', undefined],
    ['require-concurrent-reindex', undefined]
  ])
})

test('prefer-robust is an info hint in files outside a transaction: SARIF note, annotation notice, the gate passes', () => {
  const sql = 'CREATE INDEX CONCURRENTLY orders_paid_idx ON public.orders (paid_at);\n'
  // In a transaction the file runs again from scratch after a failure: no hint.
  expect(rules('CREATE TABLE public.t (id int);')).toEqual([])
  const findings = lint(sql)
  expect(findings.map(f => [f.rule, f.severity])).toEqual([['prefer-robust', 'info']])
  expect(findings[0].message).toContain('CREATE INDEX orders_paid_idx without IF NOT EXISTS')
  const sarif = toSarif(findings, '/repo', '/repo')
  expect(sarif.runs[0].results[0].level).toBe('note')
  const rule = sarif.runs[0].tool.driver.rules.find(r => r.id === 'prefer-robust')
  expect(rule?.defaultConfiguration.level).toBe('note')
  const outcome = lintOutcome({ findings, locks: [], files: 1, statements: 1 })
  expect(outcome.status).toBe('pass')
  expect(outcome.annotations?.map(a => a.level)).toEqual(['notice'])
  expect(outcome.summary).toContain('0 error(s), 0 warning(s)')
})

describe('connected: volatility from the target pg_proc', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase('lint14')
  })
  afterAll(async () => {
    await db.drop()
  })

  test('the built-in list agrees with pg_proc.provolatile for every pg_catalog function it names', async () => {
    const client = await db.client()
    const { rows } = await client.query<{ proname: string; v: string[] }>(
      `SELECT proname, array_agg(DISTINCT provolatile::text) AS v FROM pg_proc
        WHERE pronamespace = 'pg_catalog'::regnamespace AND proname = ANY($1) GROUP BY proname`,
      [Object.keys(BUILT_IN_VOLATILITY)]
    )
    const letter: Record<Volatility, string> = { immutable: 'i', stable: 's', volatile: 'v' }
    const checked = rows.map(r => {
      const listed = letter[BUILT_IN_VOLATILITY[r.proname]]
      // Overloads may differ (timezone(text, timetz) is volatile): the listed value is one of them.
      expect({ fn: r.proname, ok: r.v.includes(listed) }).toEqual({ fn: r.proname, ok: true })
      return r.proname
    })
    expect(checked).toEqual(
      expect.arrayContaining([
        'now',
        'gen_random_uuid',
        'lower',
        'random',
        'clock_timestamp',
        'nextval'
      ])
    )
  })

  test('a user function the target declares STABLE is no rewrite when connected, taken as volatile offline', async () => {
    const client = await db.client()
    await client.query(
      `CREATE FUNCTION public.tenant_default() RETURNS text LANGUAGE sql STABLE AS $$ SELECT current_setting('app.tenant', true) $$;
       CREATE FUNCTION public.ticket_code() RETURNS text LANGUAGE sql VOLATILE AS $$ SELECT md5(random()::text) $$;`
    )
    const volatility = await catalogVolatility(client)
    expect(volatility.get('tenant_default')).toBe('stable')
    const sql = [
      'ALTER TABLE public.tickets ADD COLUMN tenant text DEFAULT public.tenant_default();',
      'ALTER TABLE public.tickets ADD COLUMN code text DEFAULT public.ticket_code();'
    ].join('\n')
    const pending: Migration[] = [
      {
        file: 'm.sql',
        path: '/x/m.sql',
        version: '1',
        name: 'm',
        sql,
        noTransaction: false
      } as Migration
    ]
    const connected = lintMigrations(pending, { functionVolatility: volatility }).findings
    expect(connected.map(f => `${f.line} ${f.rule}`)).toEqual(['2 volatile-default'])
    expect(connected[0].message).not.toContain('not a known function')
    const offline = lintMigrations(pending).findings.filter(f => f.rule === 'volatile-default')
    expect(offline.map(f => f.line)).toEqual([1, 2])
    // The check reads only the functions the files may call, and lints the same.
    const only = functionNamesIn(lintedSql(pending))
    expect(only).toEqual(expect.arrayContaining(['tenant_default', 'ticket_code']))
    const some = await catalogVolatility(client, only)
    expect(some.get('tenant_default')).toBe('stable')
    expect(some.has('random')).toBe(false)
    expect(lintMigrations(pending, { functionVolatility: some }).findings).toEqual(connected)
  })

  test('the functions a DO block calls are among the names read', async () => {
    const sql = `DO $$ BEGIN EXECUTE 'ALTER TABLE public.tickets ADD COLUMN t text DEFAULT public."Tenant_Default"()'; PERFORM now(); END $$;
      ALTER TABLE public.tickets ADD COLUMN c text DEFAULT md5(clock_timestamp()::text);`
    const only = functionNamesIn([sql])
    expect(only).toEqual(expect.arrayContaining(['now', 'md5', 'clock_timestamp', 'perform']))
    expect(only?.some(n => n.includes(' '))).toBe(false)
    // A text that does not parse: every function is read.
    expect(functionNamesIn(['ALTER TABLE oops ADD COLUMN'])).toBeUndefined()
  })
})

test('docs/lint-rules.md lists every rule with its severity', () => {
  const doc = readFileSync(new URL('../../docs/lint-rules.md', import.meta.url), 'utf8')
  for (const [id, spec] of Object.entries(RULES))
    expect(doc).toContain(`| \`${id}\` | ${spec.severity} |`)
})
