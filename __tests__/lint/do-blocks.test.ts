/**
 * Issue 14 §3: the statements a DO block runs (written in it, or EXECUTEd as a constant string) get the same
 * lock rules as the file's own statements, at their own line and column in the file.
 */
import { lintSql, type LintOptions } from '../../src/lint/engine.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const migration: LintOptions = { kind: 'migration', noTransaction: false }
const lint = (sql: string, opts: LintOptions = migration) => lintSql('m.sql', sql, opts)
const rules = (sql: string, opts: LintOptions = migration) =>
  lint(sql, opts)
    .findings.filter(f => f.suppressed === undefined)
    .map(f => `${f.line}:${f.column} ${f.rule}`)

test('a guarded DO block (the usual "if not exists" idiom): each inner statement at its own line and column', () => {
  const sql = [
    '-- 20240301_add_status.sql',
    'DO $$',
    'BEGIN',
    "  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'orders' AND column_name = 'status') THEN",
    '    ALTER TABLE public.orders ADD COLUMN status text NOT NULL;',
    '    CREATE INDEX orders_status_idx ON public.orders (status);',
    '  END IF;',
    '  ALTER TABLE public.orders',
    '    ALTER COLUMN status SET NOT NULL;',
    'END',
    '$$;'
  ].join('\n')
  expect(rules(sql)).toEqual([
    '5:42 add-column-not-null-without-default',
    '6:5 require-concurrent-index',
    '9:5 set-not-null-without-check'
  ])
  // The locks table lists them too, at their own lines.
  expect(lint(sql).locks.map(l => `${l.line} ${l.lock} ${l.table}`)).toEqual([
    '5 AccessExclusiveLock public.orders',
    '6 ShareLock public.orders',
    '8 AccessExclusiveLock public.orders'
  ])
})

test("EXECUTE of a constant string: '...' (with '' inside) and $q$...$q$, positions inside the string", () => {
  const sql = [
    'DO $body$',
    'BEGIN',
    "  EXECUTE 'ALTER TABLE public.accounts ADD CONSTRAINT name_ok CHECK (name <> ''''), ALTER COLUMN plan TYPE bigint';",
    '  EXECUTE $q$DROP INDEX public.accounts_email_idx$q$;',
    "  EXECUTE format('DROP INDEX %I', 'x');",
    'END $body$;'
  ].join('\n')
  expect(rules(sql)).toEqual([
    '3:44 constraint-full-scan',
    '3:98 alter-column-type',
    '4:14 require-concurrent-index-drop'
  ])
})

test('tables a DO block creates are new for the rest of the file; the file’s tables are new inside DO blocks', () => {
  const sql = [
    'DO $$ BEGIN',
    '  CREATE TABLE IF NOT EXISTS public.audit (id bigint, at timestamptz);',
    'END $$;',
    'CREATE INDEX audit_at_idx ON public.audit (at);',
    'CREATE TABLE public.tags (id int);',
    'DO $$ BEGIN CREATE INDEX tags_id_idx ON public.tags (id); END $$;'
  ].join('\n')
  expect(rules(sql)).toEqual([])
})

test('suppression: above the inner statement, or above the DO itself', () => {
  const sql = [
    '-- runbook:allow require-concurrent-index the table is tiny',
    'DO $$',
    'BEGIN',
    '  CREATE INDEX a_idx ON public.flags (a);',
    '  -- migration-runbook: allow truncate-cascade because flag_overrides goes with it',
    '  TRUNCATE public.flags CASCADE;',
    '  DROP INDEX public.flags_b_idx;',
    'END $$;'
  ].join('\n')
  const findings = lint(sql).findings
  expect(findings.map(f => [f.line, f.rule, f.suppressed])).toEqual([
    [4, 'require-concurrent-index', 'the table is tiny'],
    [6, 'truncate-cascade', 'flag_overrides goes with it'],
    [7, 'require-concurrent-index-drop', undefined]
  ])
})

test('no double report: what escapes the transaction inside a DO block is reported once; CONCURRENTLY in it fails', () => {
  const sql = [
    'DO $$',
    'BEGIN',
    '  PERFORM setval(' + "'orders_id_seq'" + ', 1000);',
    '  CREATE INDEX CONCURRENTLY orders_x_idx ON public.orders (x);',
    'END $$;'
  ].join('\n')
  const found = lint(sql).findings.map(f => `${f.line} ${f.rule}`)
  expect(found).toEqual(['3 partial-rollback', '4 concurrently-in-transaction'])
  expect(lint(sql).findings[1].message).toContain('inside a DO block fails')
  // Also when the file is marked no-transaction: a DO block is one statement, CONCURRENTLY cannot run in it.
  expect(
    lint(sql, { ...migration, noTransaction: true }).findings.map(f => `${f.line} ${f.rule}`)
  ).toContain('4 concurrently-in-transaction')
})

test('a DO block after multi-byte text keeps exact columns', () => {
  const sql = [
    '-- café 🍽',
    "DO $$ BEGIN RAISE NOTICE 'crème 🍰'; ALTER TABLE public.menu ALTER COLUMN price TYPE numeric; END $$;"
  ].join('\n')
  // 🍰 is two UTF-16 code units: the column name "price" is at column 75.
  expect(rules(sql)).toEqual(['2:75 alter-column-type'])
})
