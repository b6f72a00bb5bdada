/**
 * drop-supabase-publication: Supabase Realtime streams the tables of the supabase_realtime publication.
 * Dropping it stops Realtime for every table (error); SET TABLE replaces the whole list (warning).
 */
import { lintSql } from '../../src/lint/engine.js'
import { RULES } from '../../src/lint/rules.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const findings = (sql: string, kind: 'migration' | 'rollback' | 'verify' = 'migration') =>
  lintSql('m.sql', sql, { kind, noTransaction: false }).findings.filter(
    f => f.rule === 'drop-supabase-publication'
  )

// What `supabase db diff` and hand-written migrations do to "enable Realtime" for a table.
const MIGRATION = `-- Realtime for the chat.
create table public.messages (id bigint generated always as identity primary key, body text not null);
alter table public.messages enable row level security;
create policy "read" on public.messages for select to authenticated using (true);

drop publication if exists supabase_realtime;
create publication supabase_realtime;
alter publication supabase_realtime set table public.messages;
alter publication supabase_realtime add table public.messages;
alter publication supabase_realtime drop table public.messages;
drop publication if exists my_other_publication;
`

test('DROP alone is an error: Realtime stops until the publication is made again', () => {
  expect(
    findings('drop publication if exists supabase_realtime;\n').map(f => [f.severity, f.message])
  ).toEqual([
    [
      'error',
      'DROP PUBLICATION supabase_realtime stops Supabase Realtime for every table in it: postgres_changes subscribers receive nothing until it is created again and every table added back'
    ]
  ])
  // Outside a transaction there is a window between the DROP and the CREATE: still an error.
  expect(
    lintSql(
      'm.sql',
      'drop publication supabase_realtime;\ncreate publication supabase_realtime;\n',
      {
        kind: 'migration',
        noTransaction: true
      }
    )
      .findings.filter(f => f.rule === 'drop-supabase-publication')
      .map(f => f.severity)
  ).toEqual(['error'])
})

// The Vercel subscription template's pattern: DROP then CREATE in one migration's transaction.
test('DROP then CREATE in one transaction and SET TABLE are warnings; ADD TABLE, DROP TABLE and other publications are fine', () => {
  expect(findings(MIGRATION).map(f => [f.line, f.column, f.severity, f.message])).toEqual([
    [
      6,
      1,
      'warning',
      'DROP then CREATE PUBLICATION supabase_realtime in one transaction replaces its table list (like ALTER PUBLICATION ... SET TABLE): every table not in the new list stops sending Realtime changes'
    ],
    [
      8,
      1,
      'warning',
      'ALTER PUBLICATION supabase_realtime SET TABLE replaces the whole list: every table not named here stops sending Realtime changes'
    ]
  ])
  expect(findings(MIGRATION)[0].advice).toBe(RULES['drop-supabase-publication'].advice)
  expect(RULES['drop-supabase-publication'].advice).toContain(
    'ALTER PUBLICATION supabase_realtime ADD TABLE ... / DROP TABLE ...'
  )
})

test('the name is matched as PostgreSQL reads it: quoted, in a list, with IF EXISTS', () => {
  expect(
    findings('DROP PUBLICATION IF EXISTS other, "supabase_realtime" CASCADE;').map(f => f.severity)
  ).toEqual(['error'])
  expect(findings('DROP PUBLICATION "Supabase_Realtime";')).toEqual([])
  expect(
    findings('ALTER PUBLICATION supabase_realtime SET TABLES IN SCHEMA public;').map(f => f.message)
  ).toEqual([
    'ALTER PUBLICATION supabase_realtime SET TABLES IN SCHEMA replaces the whole list: every table not named here stops sending Realtime changes'
  ])
})

test('a rollback script is checked too; a verify script is not', () => {
  expect(findings('DROP PUBLICATION supabase_realtime;', 'rollback')).toHaveLength(1)
  expect(findings('DROP PUBLICATION supabase_realtime;', 'verify')).toEqual([])
})

test('it can be allowed with a reason (a deliberate rebuild of the publication)', () => {
  const sql =
    '-- runbook:allow drop-supabase-publication rebuilt below with every table, in one transaction\nDROP PUBLICATION supabase_realtime;'
  expect(findings(sql).map(f => f.suppressed)).toEqual([
    'rebuilt below with every table, in one transaction'
  ])
})
