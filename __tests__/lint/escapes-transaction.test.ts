/**
 * escapes-transaction: SQL whose effects survive a ROLLBACK or leave the database. The rehearsal runs every
 * pending migration on the target and rolls it back, so such a statement would run for real during validate:
 * lint (a gate before the rehearsal) stops it. Found in the parse tree, also in DO blocks, function bodies
 * and EXECUTE '<constant>'.
 */
import { lintSql } from '../../src/lint/engine.js'
import { RULES } from '../../src/lint/rules.js'
import { loadParser } from '../../src/sql/parser.js'
import { VALIDATE_CHECKS } from '../../src/stages/index.js'

beforeAll(loadParser)

const lint = (sql: string, kind: 'migration' | 'rollback' | 'verify' = 'migration') =>
  lintSql('m.sql', sql, { kind, noTransaction: false }).findings.filter(
    f => f.rule === 'escapes-transaction'
  )
const where = (sql: string) => lint(sql).map(f => [f.line, f.column])

test('the rule: an error, in every kind of script, suppressible only with a reason', () => {
  expect(RULES['escapes-transaction']).toMatchObject({
    severity: 'error',
    suppressible: true,
    appliesTo: ['migration', 'rollback', 'verify']
  })
  // Lint is a gate that runs before the rehearsal executes anything.
  const ids = VALIDATE_CHECKS.map(c => c.id)
  expect(ids.indexOf('lint')).toBeGreaterThanOrEqual(0)
  expect(ids.indexOf('lint')).toBeLessThan(ids.indexOf('rehearsal'))
})

test('a data export with COPY ... TO PROGRAM is an error; COPY TO STDOUT / FROM STDIN are fine', () => {
  const sql = `-- Archive last year's orders before pruning them.
copy (select * from public.orders where created_at < '2025-01-01')
  to program 'gzip > /var/backups/orders-2024.csv.gz' with (format csv, header);
delete from public.orders where created_at < '2025-01-01';
copy public.orders to stdout with (format csv);
copy public.orders_import from stdin with (format csv);
`
  const found = lint(sql)
  expect(found.map(f => [f.line, f.column, f.severity])).toEqual([[2, 1, 'error']])
  expect(found[0].message).toBe(
    'COPY ... TO PROGRAM runs a shell command on the database server as the postgres OS user: ROLLBACK cannot undo what the command did (the rehearsal would run it for real)'
  )
  expect(
    lint("copy public.t from program 'curl -s https://example.com/t.csv' csv;\n")[0].message
  ).toMatch(/^COPY \.\.\. FROM PROGRAM runs a shell command/)
})

test('server-side COPY to or from a file is an error', () => {
  const found = lint(
    "copy public.countries from '/tmp/countries.csv' csv header;\ncopy public.orders to '/tmp/orders.csv' csv;\n"
  )
  expect(found.map(f => f.message)).toEqual([
    "COPY ... FROM '/tmp/countries.csv' reads a file on the database server: the database server's filesystem is outside the database, where ROLLBACK does not reach (use COPY FROM STDIN from the client)",
    "COPY ... TO '/tmp/orders.csv' writes a file on the database server: ROLLBACK cannot undo the file it wrote (use COPY TO STDOUT to the client)"
  ])
})

test('a dblink backfill: every dblink call is an error, at the call', () => {
  const sql = `create extension if not exists dblink with schema extensions;
-- Backfill customers from the legacy database.
insert into public.customers (id, email)
select id, email
  from extensions.dblink('dbname=legacy', 'select id, email from customers') as t(id bigint, email text);
select dblink_exec('dbname=legacy', 'update customers set migrated = true');
select public.dblink_connect('legacy', 'dbname=legacy');
`
  const found = lint(sql)
  expect(found.map(f => [f.line, f.column])).toEqual([
    [5, 8],
    [6, 8],
    [7, 8]
  ])
  expect(found.map(f => f.message)).toEqual([
    'extensions.dblink() runs SQL over a separate connection, in a transaction of its own that commits by itself: ROLLBACK cannot undo what it did',
    'dblink_exec() runs SQL over a separate connection, in a transaction of its own that commits by itself: ROLLBACK cannot undo what it did',
    'public.dblink_connect() opens a connection to another database that outlives this transaction: what is sent through it leaves the database, and ROLLBACK cannot undo it'
  ])
})

test('server files, large objects, other sessions and the configuration: unqualified or pg_catalog only', () => {
  const sql = `select lo_import('/etc/hosts');
select pg_catalog.lo_export(16400, '/tmp/report.pdf');
select pg_read_file('postgresql.conf'), pg_read_binary_file('x'), pg_ls_dir('.'), pg_stat_file('x');
select pg_file_write('/tmp/x', 'y', false);
select pg_terminate_backend(pid) from pg_stat_activity where state = 'idle in transaction';
select pg_cancel_backend(1234);
select pg_reload_conf();
`
  expect(lint(sql).map(f => f.message.split(' ')[0])).toEqual([
    'lo_import()',
    'pg_catalog.lo_export()',
    'pg_read_file()',
    'pg_read_binary_file()',
    'pg_ls_dir()',
    'pg_stat_file()',
    'pg_file_write()',
    'pg_terminate_backend()',
    'pg_cancel_backend()',
    'pg_reload_conf()'
  ])
  expect(lint(sql)[7].message).toBe(
    'pg_terminate_backend() ends another session (its transaction is aborted, its client disconnected): ROLLBACK cannot undo that'
  )
})

test('functions named like these in user schemas are not flagged', () => {
  const sql = `create function public.lo_export_report(id bigint) returns text language sql as $$ select 'ok' $$;
select public.lo_export_report(1);
select reports.pg_read_file('daily');
select billing.lo_export(1, 'x');
select app.dblink_exec('a', 'b');
`
  expect(lint(sql)).toEqual([])
})

test('a pg_net-style function (requests queued, sent after commit) is not flagged', () => {
  const sql = `create extension if not exists pg_net with schema extensions;
create function public.notify_indexer() returns trigger language plpgsql as $$
begin
  perform net.http_post(url := 'https://example.invalid/index', body := jsonb_build_object('id', new.id));
  return new;
end $$;
select net.http_get('https://example.invalid/warmup');
`
  expect(lint(sql)).toEqual([])
})

test('statements: CREATE SERVER (postgres_fdw, dblink_fdw), USER MAPPING, SUBSCRIPTION, ALTER SYSTEM, databases', () => {
  const sql = `create server legacy foreign data wrapper postgres_fdw options (host 'legacy.internal', dbname 'app');
create server legacy_link foreign data wrapper dblink_fdw options (host 'legacy.internal');
create server files foreign data wrapper file_fdw;
create user mapping for postgres server legacy options (user 'reader');
create subscription legacy_sub connection 'host=legacy.internal dbname=app' publication app_pub;
alter system set max_connections = 200;
create database analytics;
drop database if exists scratch;
`
  const found = lint(sql)
  expect(found.map(f => f.line)).toEqual([1, 2, 4, 5, 6, 7, 8])
  expect(found.map(f => f.message)).toEqual([
    'CREATE SERVER legacy FOREIGN DATA WRAPPER postgres_fdw links the database to another server: what is sent through it leaves this database, where ROLLBACK does not reach',
    'CREATE SERVER legacy_link FOREIGN DATA WRAPPER dblink_fdw links the database to another server: what is sent through it leaves this database, where ROLLBACK does not reach',
    'CREATE USER MAPPING stores credentials for remote server legacy: the connections made with them leave this database, where ROLLBACK does not reach',
    'CREATE SUBSCRIPTION legacy_sub connects to the publisher and creates a replication slot there: ROLLBACK cannot undo the slot on the other server (and PostgreSQL refuses it in a transaction block)',
    'ALTER SYSTEM (max_connections) rewrites postgresql.auto.conf on the server: ROLLBACK cannot undo the file change (and PostgreSQL refuses it in a transaction block)',
    'CREATE DATABASE analytics creates a database outside this one: ROLLBACK cannot undo it (and PostgreSQL refuses it in a transaction block)',
    'DROP DATABASE scratch removes a whole database and its files: ROLLBACK cannot undo it (and PostgreSQL refuses it in a transaction block)'
  ])
})

test('inside a DO block: each statement and expression, at its position in the file', () => {
  const sql = `-- Move attachments out of the database.
do $$
declare
  r record;
begin
  for r in select id from public.attachments loop
    perform lo_export(r.id, '/srv/files/' || r.id);
  end loop;
  if pg_stat_file('/srv/files', true) is null then
    raise exception 'no export directory';
  end if;
  execute 'copy public.attachments to program ''rsync -a /srv/files backup:''';
  copy public.attachments_meta to '/srv/files/meta.csv';
end
$$;
`
  const found = lint(sql)
  expect(found.map(f => [f.line, f.column])).toEqual([
    [7, 13],
    [9, 6],
    [12, 11],
    [13, 3]
  ])
  expect(found.map(f => f.message.split(':')[0])).toEqual([
    'in a DO block',
    'in a DO block',
    'in a DO block',
    'in a DO block'
  ])
  expect(found[2].message).toMatch(/^in a DO block: COPY \.\.\. TO PROGRAM runs a shell command/)
})

test('inside function bodies: PL/pgSQL, SQL strings and BEGIN ATOMIC', () => {
  const sql = `create function public.archive_orders() returns void language plpgsql as $$
begin
  copy (select * from public.orders) to '/tmp/orders.csv';
  execute format('select %s', 1);
  execute 'select pg_reload_conf()';
end $$;
create function public.kick(p int) returns boolean language sql as $$ select pg_terminate_backend(p) $$;
create function public.remote_count() returns bigint language sql
begin atomic
  select count(*) from dblink('dbname=legacy', 'select 1') as t(x int);
end;
`
  expect(where(sql)).toEqual([
    [3, 3],
    [5, 11],
    [7, 78],
    [10, 24]
  ])
  // Defining a function runs nothing: a warning that says when the body runs.
  expect(
    lint(sql).every(f =>
      f.message.startsWith('in a function body (runs when the function is called: ')
    )
  ).toBe(true)
  expect(lint(sql).map(f => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning'])
})

test('in rollback and verify scripts too', () => {
  expect(lint("copy public.t to '/tmp/t.csv';\n", 'rollback')).toHaveLength(1)
  expect(lint('select pg_reload_conf();\n', 'verify')).toHaveLength(1)
})

test('a PL/pgSQL expression is read whatever its spelling: U& escapes and upper case still find the call', () => {
  // The body is only parsed where a flagged word could be (escape-rules.ts MAY_HIT); U& spells any name.
  const sql = `create function public.peek() returns text language plpgsql as $$
declare
  v_total int := 0;
begin
  v_total := v_total + 1;
  return U&"\\0070g_read_file"('/etc/hostname');
end $$;
create function public.peek2() returns text language plpgsql as $$
begin
  return PG_LS_DIR('/');
end $$;
`
  // The called function is the first word after the "in a function body (...): " prefix.
  expect(lint(sql).map(f => [f.line, f.message.split('): ')[1].split(' ')[0]])).toEqual([
    [6, 'pg_read_file()'],
    [10, 'pg_ls_dir()']
  ])
})
