/**
 * editedSinceApplied (src/plan/recorded-statements.ts): an applied file compared with the statements the Supabase
 * CLI recorded when it ran it. Spacing and comments are no edit; a statement added anywhere, or changed, is.
 * (Through the door, on rows the real CLI wrote: e2e/adoption.test.ts.)
 */
import { editedSinceApplied } from '../../src/plan/recorded-statements.js'
import type { Migration } from '../../src/plan/files.js'

const recorded = ['create table public.a (id int primary key)', 'insert into public.a values (1)']
const file = (sql: string) =>
  ({
    version: '20240101000000',
    file: 'supabase/migrations/20240101000000_a.sql',
    sql
  }) as Migration
const edited = (sql: string) =>
  editedSinceApplied([file(sql)], new Map([['20240101000000', recorded]]))

test('as pushed, with comments or other spacing: no edit', async () => {
  expect(await edited(`${recorded[0]};\n${recorded[1]};\n`)).toEqual([])
  expect(await edited(`-- reviewed\n${recorded[0]};\n\n/* seed */\n${recorded[1]};`)).toEqual([])
  // Spacing inside a statement: the text differs, the parse trees do not.
  expect(
    await edited(
      'create table public.a (\n  id int primary key\n);\ninsert into public.a values (1);'
    )
  ).toEqual([])
})

test('a statement added before, between or after, or one changed: an edit, named by statement and line', async () => {
  const added = await edited(
    `create index a_idx on public.a (id);\n${recorded[0]};\n${recorded[1]};`
  )
  expect(added).toHaveLength(1)
  expect(added[0]).toContain('statement 1 of 3 (line 1)')
  expect(await edited(`${recorded[0]};\nselect 1;\n${recorded[1]};`)).toHaveLength(1)
  expect(await edited(`${recorded[0]};\n${recorded[1]};\ndrop table public.b;`)).toHaveLength(1)
  const changed = await edited(`${recorded[0]};\ninsert into public.a values (2);`)
  expect(changed[0]).toMatch(
    /^supabase\/migrations\/20240101000000_a\.sql differs from the statements the Supabase CLI recorded when it applied it .*: statement 2 of 2 \(line 2\)/
  )
})

test('a file that does not parse is not judged', async () => {
  expect(await edited('create tabel public.a (id int);')).toEqual([])
})

test('CRLF line ends on either side are no edit (a Windows checkout of a file pushed from Linux, and back)', async () => {
  const body = `create function public.f() returns int language plpgsql as $$\nbegin\n  return 1;\nend\n$$`
  const asPushed = (ran: string[], sql: string) =>
    editedSinceApplied([file(sql)], new Map([['20240101000000', ran]]))
  expect(await asPushed([body], `${body.replace(/\n/g, '\r\n')};\r\n`)).toEqual([])
  expect(await asPushed([body.replace(/\n/g, '\r\n')], `${body};\n`)).toEqual([])
  // An edit inside the body is still one.
  expect(
    await asPushed([body], `${body.replace('return 1', 'return 2').replace(/\n/g, '\r\n')};`)
  ).toHaveLength(1)
})
