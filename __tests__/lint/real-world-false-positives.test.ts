/**
 * False positives of the offline lint found on real Supabase projects:
 * - escapes-transaction in a function body the migration only defines: the body runs when the function is
 *   called, not now, so it is a warning; a DO block and a top-level statement run now and stay errors.
 * - add-column-foreign-key on ADD COLUMN ... REFERENCES without a DEFAULT: every row is NULL and PostgreSQL
 *   skips the validation (parse_utilcmd.c transformAlterTableStmt), so there is nothing to warn about.
 */
import { lintSql } from '../../src/lint/engine.js'
import { loadParser } from '../../src/sql/parser.js'

beforeAll(loadParser)

const findings = (sql: string, rule: string) =>
  lintSql('m.sql', sql, { kind: 'migration', noTransaction: false }).findings.filter(
    f => f.rule === rule
  )
/** Findings of `rule` as "line:column severity". */
const found = (sql: string, rule: string) =>
  findings(sql, rule).map(f => `${f.line}:${f.column} ${f.severity}`)

const DBLINK_CALL = `dblink_exec('dbname=' || current_database(),
                      format('insert into public.audit (msg) values (%L)', p_msg))`

test('dblink_exec in a PL/pgSQL function the migration defines: a warning that says when it runs', () => {
  const sql = `create or replace function public.log_autonomous(p_msg text)
returns void
language plpgsql
set search_path = public, extensions
as $$
begin
  perform ${DBLINK_CALL};
end;
$$;
`
  expect(found(sql, 'escapes-transaction')).toEqual(['7:11 warning'])
  expect(findings(sql, 'escapes-transaction')[0].message).toBe(
    'in a function body (runs when the function is called: during this migration only if the migration calls it, e.g. through a trigger): dblink_exec() runs SQL over a separate connection, in a transaction of its own that commits by itself: ROLLBACK cannot undo what it did'
  )
  // Nothing else turns it back into an error (lint exits 1 on any error).
  const all = lintSql('m.sql', sql, { kind: 'migration', noTransaction: false }).findings
  expect(all.filter(f => f.severity === 'error')).toEqual([])
})

test('dblink_exec in a SQL function body and a BEGIN ATOMIC body: warnings too', () => {
  const sql = `create function public.log_sql(p_msg text) returns void language sql as $$
  select dblink_exec('dbname=audit', p_msg)
$$;
create procedure public.log_atomic(p_msg text) language sql
begin atomic
  select dblink_exec('dbname=audit', p_msg);
end;
`
  expect(found(sql, 'escapes-transaction')).toEqual(['2:10 warning', '6:10 warning'])
})

test('the same dblink_exec call in a DO block runs now: still an error', () => {
  const sql = `do $$
declare
  p_msg text := 'backfill done';
begin
  perform ${DBLINK_CALL};
end
$$;
`
  expect(found(sql, 'escapes-transaction')).toEqual(['5:11 error'])
  expect(findings(sql, 'escapes-transaction')[0].message).toMatch(
    /^in a DO block: dblink_exec\(\) runs SQL over a separate connection/
  )
})

test('the same dblink_exec call at top level runs now: still an error', () => {
  const sql = `select dblink_exec('dbname=' || current_database(),
                   format('insert into public.audit (msg) values (%L)', 'backfill done'));
`
  expect(found(sql, 'escapes-transaction')).toEqual(['1:8 error'])
  expect(findings(sql, 'escapes-transaction')[0].message).toMatch(/^dblink_exec\(\) runs SQL/)
})

test('ADD COLUMN ... REFERENCES without a DEFAULT: PostgreSQL validates nothing, no add-column-foreign-key', () => {
  const sql =
    'alter table public.ticks add column session_id bigint references public.sessions (id) on delete set null;\n'
  expect(found(sql, 'add-column-foreign-key')).toEqual([])
  // Nor does it become a foreign-key-not-valid finding (that rule is for ADD CONSTRAINT ... FOREIGN KEY).
  expect(found(sql, 'foreign-key-not-valid')).toEqual([])
  // An identity column has no DEFAULT in PostgreSQL's sense either: not validated.
  expect(
    found(
      'alter table public.ticks add column seq bigint generated always as identity references public.sessions (id);',
      'add-column-foreign-key'
    )
  ).toEqual([])
})

test('ADD COLUMN ... REFERENCES with DEFAULT 1: the warning, naming ACCESS EXCLUSIVE on the altered table', () => {
  const sql =
    'alter table public.ticks add column session_id bigint default 1 references public.sessions (id);\n'
  expect(found(sql, 'add-column-foreign-key')).toEqual(['1:37 warning'])
  expect(findings(sql, 'add-column-foreign-key')[0].message).toBe(
    'ADD COLUMN session_id REFERENCES public.sessions with a DEFAULT validates every row of public.ticks while public.ticks is locked ACCESS EXCLUSIVE (no reads or writes) and public.sessions SHARE ROW EXCLUSIVE (writes blocked)'
  )
  // DEFAULT NULL is a DEFAULT for PostgreSQL: it validates (every row, finding only NULLs).
  expect(
    found(
      'alter table public.ticks add column session_id bigint default null references public.sessions (id);',
      'add-column-foreign-key'
    )
  ).toEqual(['1:37 warning'])
  // A serial type is a nextval() DEFAULT: validated too.
  expect(
    findings(
      'alter table public.ticks add column session_id bigserial references public.sessions (id);',
      'add-column-foreign-key'
    ).map(f => f.message)
  ).toEqual([
    'ADD COLUMN session_id REFERENCES public.sessions with type bigserial (a nextval() default) validates every row of public.ticks while public.ticks is locked ACCESS EXCLUSIVE (no reads or writes) and public.sessions SHARE ROW EXCLUSIVE (writes blocked)'
  ])
})

test('ADD COLUMN ... REFERENCES with GENERATED ALWAYS AS (...) STORED: the warning', () => {
  const sql =
    'alter table public.ticks add column session_id bigint generated always as (tick_id / 1000) stored references public.sessions (id);\n'
  expect(found(sql, 'add-column-foreign-key')).toEqual(['1:37 warning'])
  expect(findings(sql, 'add-column-foreign-key')[0].message).toContain(
    'with a GENERATED expression validates every row of public.ticks while public.ticks is locked ACCESS EXCLUSIVE'
  )
})

test('a separate ADD CONSTRAINT ... FOREIGN KEY is still foreign-key-not-valid, not add-column-foreign-key', () => {
  const sql = [
    'alter table public.ticks add column session_id bigint,',
    '  add constraint ticks_session_fk foreign key (session_id) references public.sessions (id);',
    'alter table public.ticks add constraint ticks_session_fk2 foreign key (session_id) references public.sessions (id);'
  ].join('\n')
  expect(found(sql, 'add-column-foreign-key')).toEqual([])
  expect(found(sql, 'foreign-key-not-valid')).toEqual(['2:7 warning', '3:30 warning'])
})

test('a PL/pgSQL syntax error is placed at the token that broke, not at its first occurrence in the body', () => {
  // From a real project: a second DECLARE section in the middle of a block. The offline compiler says only
  // "at or near "COALESCE"", and the body has a valid COALESCE on line 7 before the broken one on line 14.
  const sql = `CREATE OR REPLACE FUNCTION public.calculate_total_score(challenge_id_param uuid, user_id_param uuid)
 RETURNS void
 LANGUAGE plpgsql
AS $function$DECLARE
    total_score INTEGER;
BEGIN
    SELECT COALESCE(SUM(score), 0) INTO total_score
    FROM nova_submissions
    WHERE challenge_id = challenge_id_param;

DECLARE
    new_total_score INTEGER;

SELECT COALESCE(SUM(score), 0) INTO new_total_score;
END;$function$;
`
  expect(found(sql, 'syntax-error')).toEqual(['14:8 error'])
  expect(findings(sql, 'syntax-error')[0].message).toBe(
    'in the PL/pgSQL body: syntax error at or near "COALESCE"'
  )
})
