/**
 * PL/pgSQL bodies with user-defined types (enums, domains, extensions' types): the offline compiler has no
 * catalog and takes them for composites. The body is checked again with those types written as text in the
 * return type, the parameters and the declarations; only what survives that is reported, and a real syntax
 * error is still one.
 */
import { lintSql, type LintOptions } from '../../src/lint/engine.js'
import { userTypesAsText } from '../../src/lint/plpgsql-user-types.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const migration: LintOptions = { kind: 'migration', noTransaction: false }
const findings = (sql: string) =>
  lintSql('m.sql', sql, migration).findings.map(
    f => `${f.line}:${f.column} ${f.severity ?? ''} ${f.rule}: ${f.message}`
  )

const types = `create type public.freq as enum ('monthly', 'yearly');
create table public.members (user_id uuid primary key, role public.freq not null, updated_at timestamptz not null default now());
`

test('gonasi, open-bsp: an enum array returned, an enum variable in a multiple-item INTO list: no finding', () => {
  const sql = `${types}create or replace function public.all_freqs()
 returns public.freq[]
 language plpgsql
 set search_path to ''
as $function$
declare
  v public.freq[];
begin
  select enum_range(null::public.freq) into v;
  return v;
end;
$function$;

create or replace function public.member_info(p_user uuid)
 returns text
 language plpgsql
 set search_path to ''
as $function$
declare
  v_role public.freq;
  v_at timestamptz;
begin
  select m.role, m.updated_at into v_role, v_at from public.members m where m.user_id = p_user;
  return v_role::text || v_at::text;
end;
$function$;
`
  expect(findings(sql)).toEqual([])
})

test('a real syntax error after a user-defined type is still an error, at its place; so is one without any', () => {
  const sql = `${types}create function public.member_role(p_user uuid) returns public.freq[] language plpgsql as $$
declare
  v_role public.freq;
  v_at timestamptz;
begin
  select m.role, m.updated_at into v_role, v_at from public.members m where m.user_id = p_user;
  retrun array[v_role];
end;
$$;
create function public.plain() returns int language plpgsql as $$
begin
  retrun 1;
end;
$$;
`
  expect(findings(sql)).toEqual([
    '9:3 error syntax-error: in the PL/pgSQL body: syntax error at or near "retrun"',
    '14:3 error syntax-error: in the PL/pgSQL body: syntax error at or near "retrun"'
  ])
})

test('SETOF, RETURNS TABLE, OUT parameters, a declaration on several lines, a nested DECLARE, a quoted body, a DO block: checked, and the findings in them are at their lines', () => {
  const sql = `${types}create function public.f1() returns setof public.freq language plpgsql as $$
declare
  v_role
    public
    .freq
    not null := 'monthly';
  v_at timestamptz;
begin
  select 'monthly', now() into v_role, v_at;
  return next v_role;
  lock table public.members;
end;
$$;
create function public.f2() returns table (role public.freq, at timestamptz) language plpgsql as $$
begin
  select 'monthly', now() into role, at;
  return next;
end;
$$;
create function public.f3(p public.freq, out o1 public.freq, out o2 int) language plpgsql as '
declare v public.freq[] := ''{}'';
begin
  select p, 1 into o1, o2;
  <<inner>>
  declare w public.freq; x int;
  begin
    select p, 1 into w, x;
  end;
end;
';
do $$
declare v public.freq; n int;
begin
  select 'monthly', 1 into v, n;
  create index accounts_role on public.accounts (role);
end $$;
`
  expect(findings(sql)).toEqual([
    '13:3 warning lock-in-function: LOCK TABLE inside a function body: lock table public.members',
    '37:3 warning require-concurrent-index: CREATE INDEX accounts_role on existing table public.accounts without CONCURRENTLY blocks writes (SHARE lock) for the whole build'
  ])
})

test('a variable used as a row (v.field) keeps its type: what the offline compiler says of it is still reported', () => {
  const sql = `${types}create function public.rename_item() returns void language plpgsql as $$
declare
  r public.items;
  n int;
begin
  select 1, 2 into r, n;
  r.name := 'x';
end $$;
create function public.count_role(p_role public.freq) returns int language plpgsql as $$
declare
  v public.freq;
  n int;
begin
  select p_role, 1 into v, n;
  return n;
end $$;
`
  expect(findings(sql)).toEqual([
    '3:73 warning syntax-error: in the PL/pgSQL body, the offline parser (no catalog) reports: record variable cannot be part of multiple-item INTO list; the rehearsal checks it on the server'
  ])
})

test('userTypesAsText: only the types the offline compiler does not know become text, and the lines stay', () => {
  const statement = `create function public.f(p public.freq, q int, r "Mood" array)
 returns setof public.freq[] language plpgsql as $body$
declare
  a public.freq[][] := null;
  b timestamp with time zone;
  c character varying(10)[];
  d public.members%rowtype;
  e record;
  f constant extensions.vector(3) := null;
  g public
    .freq;
  cur cursor for select 1;
begin
  return;
end $body$`
  const rewritten = userTypesAsText(statement)
  expect(rewritten).toBe(`create function public.f(p text, q int, r text[])
 returns setof text[] language plpgsql as $mr_body$
declare
  a text[] := null;
  b timestamp with time zone;
  c character varying(10)[];
  d record;
  e record;
  f constant text := null;
  g text
;
  cur cursor for select 1;
begin
  return;
end $mr_body$`)
  // Nothing to rewrite: undefined (the statement is not parsed again).
  expect(
    userTypesAsText('create function g(n int) returns text language plpgsql as $$ begin end $$')
  ).toBeUndefined()
})

test('kruxt-beta: a field of a %ROWTYPE variable assigned (v.status := ...): no finding; a real error after it still is one', () => {
  const fn = (tail: string) => `create table public.req (id uuid primary key, status text not null);
create function public.bump(p_id uuid) returns void
language plpgsql
as $$
declare
  v_request public.req%rowtype;
  v_n constant
    int := 1;
begin
  select * into v_request from public.req where id = p_id;
  v_request.status := 'triaged';
  update public.req set status = v_request.status where id = p_id;${tail}
end;
$$;
`
  // Before: 'warning syntax-error: ... "v_request.status" is not a known variable', at the line of AS.
  expect(findings(fn(''))).toEqual([])
  const broken = findings(fn('\n  v_missing := 2;'))
  expect(broken).toHaveLength(1)
  expect(broken[0]).toContain('v_missing')
})
