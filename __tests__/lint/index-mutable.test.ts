/**
 * index-mutable-function: an index whose expression or predicate is not IMMUTABLE, which PostgreSQL refuses
 * (42P17). Found on a real project (`CREATE INDEX ... WHERE end_at > now()`): the lint was silent and the
 * throwaway baseline failed. Each case is linted and run on a real server: flagged exactly when refused.
 */
import { lintSql, type LintOptions } from '../../src/lint/engine.js'
import { catalogVolatility } from '../../src/lint/volatility.js'
import { loadParser } from '../../src/sql/parser.js'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'

const migration: LintOptions = { kind: 'migration', noTransaction: false }
const TABLE = 'CREATE TABLE public.beacons (id int, status text, end_at timestamptz, email text);'

/** Index statements whose functions the lint knows (built-in list): flagged iff the server refuses them. */
const CASES = [
  'CREATE INDEX idx_active ON public.beacons (status, end_at) WHERE end_at > now();',
  'CREATE INDEX idx_svf ON public.beacons (status) WHERE end_at > CURRENT_TIMESTAMP;',
  'CREATE INDEX idx_date ON public.beacons (status) WHERE end_at > CURRENT_DATE - 1;',
  'CREATE INDEX idx_random ON public.beacons ((random()));',
  'CREATE INDEX idx_lower ON public.beacons (lower(email));',
  "CREATE INDEX idx_live ON public.beacons (status) WHERE status = 'live';",
  'CREATE INDEX idx_plain ON public.beacons (end_at);'
]

let db: TestDatabase
beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('lint_index_mutable')
  await (await db.client()).query(TABLE)
})
afterAll(() => db.drop())

test.each(CASES)('flagged exactly when PostgreSQL refuses it: %s', async statement => {
  const findings = lintSql('m.sql', `${TABLE}\n${statement}`, migration).findings.filter(
    f => f.rule === 'index-mutable-function'
  )
  const c = await db.client()
  await c.query('BEGIN')
  const refused = await c
    .query(statement)
    .then(() => undefined)
    .catch((e: { code?: string }) => e.code)
  await c.query('ROLLBACK')
  expect(findings.length > 0).toBe(refused === '42P17')
  if (refused) expect(refused).toBe('42P17')
})

test('the finding points at the call and names it, with how to write the index instead', () => {
  const [f] = lintSql('m.sql', `${TABLE}\n${CASES[0]}\n${CASES[1]}`, migration).findings
  expect(`${f.line}:${f.column}`).toBe('2:75')
  expect(f.severity).toBe('error')
  expect(f.message).toBe(
    'CREATE INDEX idx_active: its predicate uses now(), which is stable; PostgreSQL refuses it (functions in index predicate must be marked IMMUTABLE, 42P17)'
  )
  expect(f.advice).toContain('filter by time in the query')
})

test("a function of the project's that the lint cannot judge offline is not a false error", () => {
  const sql = `${TABLE}\nCREATE INDEX idx_mine ON public.beacons (status) WHERE public.is_open(end_at);`
  expect(lintSql('m.sql', sql, migration).findings.map(f => f.rule)).not.toContain(
    'index-mutable-function'
  )
})

test("connected, overloads that disagree are left to the server: to_tsvector('english', …) and date_trunc on a timestamp are not false errors", async () => {
  // Found on a real project: the catalog read took to_tsvector's most volatile overload (to_tsvector(text),
  // stable) for the full-text index every Supabase tutorial writes, and the lint error skipped the rehearsal.
  const c = await db.client()
  const pages = 'CREATE TABLE public.pages (title text, ts timestamp, tstz timestamptz);'
  await c.query(pages)
  const functionVolatility = await catalogVolatility(c, [
    'to_tsvector',
    'date_trunc',
    'setweight',
    'coalesce',
    'now'
  ])
  const cases: [statement: string, flagged: boolean][] = [
    ["CREATE INDEX p_fts ON public.pages USING gin (to_tsvector('english', title));", false],
    [
      "CREATE INDEX p_fts_w ON public.pages USING gin (setweight(to_tsvector('simple', coalesce(title, '')), 'A'));",
      false
    ],
    ["CREATE INDEX p_day ON public.pages (date_trunc('day', ts));", false],
    // Refused (the timestamptz overload is stable), but only the argument's type says which overload runs:
    // the rehearsal's CREATE INDEX reports it, not the lint.
    ["CREATE INDEX p_day_tz ON public.pages (date_trunc('day', tstz));", false],
    // One volatility whatever the arguments: still flagged from the catalog.
    ['CREATE INDEX p_now ON public.pages (title) WHERE tstz > now();', true]
  ]
  for (const [statement, flagged] of cases) {
    const findings = lintSql('m.sql', `${pages}\n${statement}`, {
      ...migration,
      functionVolatility
    }).findings.filter(f => f.rule === 'index-mutable-function')
    expect([statement, findings.length > 0]).toEqual([statement, flagged])
  }
  await c.query('BEGIN')
  for (const [statement] of cases.slice(0, 3)) await c.query(statement)
  await c.query('ROLLBACK')
})
