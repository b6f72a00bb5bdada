/**
 * partial-rollback: side effects a ROLLBACK only partly undoes. Sequence values taken or set (nextval, setval)
 * stay taken, even by the rehearsal, which is rolled back on the target; a notification is sent on commit
 * and cannot be taken back by the rollback script. Only what the migration itself runs: not a DEFAULT, a
 * view or a function body, which run later.
 */
import { lintSql } from '../../src/lint/engine.js'
import { RULES } from '../../src/lint/rules.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const lint = (sql: string) =>
  lintSql('m.sql', sql, { kind: 'migration', noTransaction: false }).findings.filter(
    f => f.rule === 'partial-rollback'
  )

test('the rule is a warning', () => {
  expect(RULES['partial-rollback'].severity).toBe('warning')
})

test('a seed that resets its sequence, and a job notification', () => {
  const sql = `insert into public.plans (id, name) values (1, 'free'), (2, 'pro');
select setval('public.plans_id_seq', (select max(id) from public.plans));
insert into public.audit (id, what) values (nextval('public.audit_id_seq'), 'plans seeded');
notify jobs, 'plans seeded';
select pg_notify('jobs', 'plans seeded');
`
  const found = lint(sql)
  expect(found.map(f => [f.line, f.column, f.severity])).toEqual([
    [2, 8, 'warning'],
    [3, 45, 'warning'],
    [4, 1, 'warning'],
    [5, 8, 'warning']
  ])
  expect(found.map(f => f.message)).toEqual([
    "setval('public.plans_id_seq', ...) is not undone by ROLLBACK: the rehearsal, rolled back on the target, still moves the sequence, and so does a failed apply",
    "nextval('public.audit_id_seq') takes sequence values that ROLLBACK does not give back: the rehearsal, rolled back on the target, still advances the sequence",
    'NOTIFY jobs is delivered when the migration commits and listeners act on it: the rollback script cannot take it back (outside a transaction it is sent at once)',
    "pg_notify('jobs', ...) is delivered when the migration commits and listeners act on it: the rollback script cannot take it back (outside a transaction it is sent at once)"
  ])
})

test('definitions that run later are not flagged, nor the PostgREST schema reload', () => {
  const sql = `create sequence public.invoice_no;
create table public.invoices (id bigint primary key default nextval('public.invoice_no'), total numeric);
create view public.next_invoice as select nextval('public.invoice_no') as n;
create function public.new_invoice() returns bigint language plpgsql as $$
begin
  perform pg_notify('invoices', 'new');
  return nextval('public.invoice_no');
end $$;
create function public.peek() returns bigint language sql as $$ select setval('public.invoice_no', 1) $$;
select app.nextval('x');
notify pgrst, 'reload schema';
select pg_notify('pgrst', 'reload schema');
`
  expect(lint(sql)).toEqual([])
})

test('in a DO block: the block runs now, so its sequence calls are flagged at their position', () => {
  const sql = `do $$
declare
  last_id bigint;
begin
  select max(id) into last_id from public.plans;
  last_id := setval('public.plans_id_seq', last_id);
  execute 'notify jobs';
end $$;
`
  expect(lint(sql).map(f => [f.line, f.column, f.message.split(':')[0]])).toEqual([
    [6, 14, 'in a DO block'],
    [7, 11, 'in a DO block']
  ])
})
