/**
 * A constraint reading a column the pending migrations add (in the same ALTER TABLE, an earlier statement or an
 * earlier migration): every existing row holds the column's DEFAULT or NULL, and the query reads that value
 * instead of failing on a column the target does not have yet. With no such value known before the migration
 * runs (a volatile DEFAULT, identity, a backfill), the constraint is checked by the rehearsal.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { makeContext, pendingMigration } from '../helpers/context.js'
import { conflictsCheck } from '../../src/checks/conflicts.js'
import { renderConflictsTable } from '../../src/conflicts/render.js'
import type { Migration } from '../../src/plan/files.js'
import type { CheckOutcome, ConflictReport, StageContext } from '../../src/types.js'
import type { ConflictsDetails } from '../../src/checks/conflicts.js'

let db: TestDatabase
let client: pg.Client
beforeAll(async () => {
  db = await createTestDatabase('conflicts_newcol')
  client = await db.client()
  // The deployed migration of the report (pgflow): 100 rows, none skipped.
  await client.query(`
    CREATE TABLE public.steps (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL DEFAULT 'created');
    INSERT INTO public.steps (status) SELECT 'created' FROM generate_series(1, 100);
    CREATE TABLE public.flows (slug text PRIMARY KEY);
    INSERT INTO public.flows VALUES ('main');`)
})
afterAll(() => db.drop())

let n = 0
function migration(sql: string): Migration {
  n++
  return pendingMigration(String(n), 'm', sql)
}

async function run(
  ...sqls: string[]
): Promise<{ outcome: CheckOutcome<ConflictsDetails>; ctx: StageContext; dir: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'conflicts-newcol-'))
  const ctx = makeContext({
    client,
    url: db.url,
    policyYaml: 'environments:\n  staging:\n    conflicts-sample: 2\n    conflicts-timeout: 10s\n',
    plan: { pending: sqls.map(migration) },
    artifactsDir: dir
  })
  const outcome = await conflictsCheck.run(ctx)
  return { outcome, ctx, dir }
}

function byName(outcome: CheckOutcome<ConflictsDetails>): Record<string, ConflictReport> {
  return Object.fromEntries(outcome.details!.constraints.map(r => [r.constraint, r]))
}

function evidence(dir: string): string {
  return readFileSync(path.join(dir, 'staging', 'pre-migration-violations.txt'), 'utf8')
}

test('the reported migration: the new columns read as NULL in every existing row, both constraints checked', async () => {
  const { outcome, ctx, dir } = await run(
    `alter table public.steps add column skip_reason text null, add constraint skip_ok check (skip_reason is null or status = 'skipped');
alter table public.steps add constraint skipped_at_ok check (skipped_at is null or skipped_at > now() - interval '1 year'), add column skipped_at timestamptz null;`
  )
  expect(outcome.status).toBe('pass')
  expect(outcome.summary).toBe('2 constraint(s) on existing rows: 0 violated, 0 not checked')
  const r = byName(outcome)
  for (const c of [r.skip_ok, r.skipped_at_ok]) {
    expect(c.error).toBeUndefined()
    expect(c.rehearsal).toBeUndefined()
    expect(c.count).toBe(0)
  }
  expect(r.skip_ok.line).toBe(1)
  expect(r.skipped_at_ok.line).toBe(2)
  expect(r.skip_ok.query).toContain('NULL::text AS "skip_reason"')
  expect(r.skipped_at_ok.query).toContain('NULL::timestamptz AS "skipped_at"')
  expect(ctx.log.lines.join('\n')).not.toMatch(/does not exist|SQLSTATE|not checked:/)
  expect(evidence(dir)).toContain('skip_ok on public.steps: 0 violating row(s)')
})

test('(a) a DEFAULT no existing row violates passes, checked against that DEFAULT (stable now() included)', async () => {
  const { outcome } = await run(
    `alter table public.steps add column kind text not null default 'a', add constraint kind_ok check (kind in ('a', 'b'));`,
    // An earlier pending migration adds the column; a later one constrains it.
    `alter table public.steps add column seen_at timestamptz not null default now();`,
    `alter table public.steps add constraint seen_recent check (seen_at > now() - interval '1 day');`
  )
  expect(outcome.status).toBe('pass')
  const r = byName(outcome)
  expect([r.kind_ok.count, r.kind_ok.error, r.kind_ok.rehearsal]).toEqual([0, undefined, undefined])
  expect(r.kind_ok.query).toContain(`'a'::text AS "kind"`)
  expect([r.seen_recent.count, r.seen_recent.error, r.seen_recent.rehearsal]).toEqual([
    0,
    undefined,
    undefined
  ])
  expect(r.seen_recent.query).toContain('(now())::timestamptz AS "seen_at"')
})

test('(b) a DEFAULT the existing rows violate fails the check, naming the constraint and a row', async () => {
  const { outcome, dir } = await run(
    `alter table public.steps add column kind text not null default 'x', add constraint kind_ok check (kind in ('a','b'));`
  )
  expect(outcome.status).toBe('fail')
  expect(outcome.summary).toBe('1 constraint(s) on existing rows: 1 violated, 0 not checked')
  expect(outcome.reasons).toEqual([
    `migrations/${n}_m.sql:1: 100 existing row(s) violate kind_ok on public.steps, e.g. kind_ok: id 1 — kind=x; the first 2 of 100 in pre-migration-violations.txt (conflicts-sample)`
  ])
  expect(outcome.annotations).toEqual([
    expect.objectContaining({ level: 'error', title: 'conflicts: kind_ok', line: 1 })
  ])
  expect(evidence(dir)).toContain('check kind_ok on public.steps: 100 violating row(s)')
})

test('(c) a volatile DEFAULT, an identity column and a backfilled column are checked by the rehearsal, without SQL errors', async () => {
  const { outcome, ctx, dir } = await run(
    [
      'alter table public.steps add column token uuid default gen_random_uuid(), add constraint token_set check (token is not null);',
      'alter table public.steps add column seq int generated always as identity, add constraint seq_ok check (seq > 0);',
      'alter table public.steps add column note text;',
      "update public.steps set note = 'n';",
      'alter table public.steps alter column note set not null;'
    ].join('\n')
  )
  expect(outcome.status).toBe('pass')
  expect(outcome.summary).toBe(
    '3 constraint(s) on existing rows: 0 violated, 0 not checked, 3 checked by the rehearsal'
  )
  const r = byName(outcome)
  expect(r.token_set.rehearsal).toBe(
    `the DEFAULT gen_random_uuid() of token (added at migrations/${n}_m.sql:1) is volatile: each existing row gets its own value when the ALTER runs`
  )
  expect(r.seq_ok.rehearsal).toMatch(/^seq is an identity column/)
  // Without the UPDATE every row would be NULL and fail; the rehearsal sees the backfill.
  expect(r['NOT NULL note'].rehearsal).toBe(
    `existing rows may get other values of note from the UPDATE at migrations/${n}_m.sql:4`
  )
  for (const c of Object.values(r)) expect([c.error, c.count, c.query]).toEqual([undefined, 0, ''])
  const log = ctx.log.lines.join('\n')
  expect(log).not.toMatch(/SQLSTATE|does not exist|not checked/)
  expect(log).toContain(
    `conflicts migrations/${n}_m.sql:1 token_set on public.steps: checked by the rehearsal: the DEFAULT gen_random_uuid()`
  )
  expect(evidence(dir)).toContain(
    `migrations/${n}_m.sql:2 check seq_ok on public.steps: checked by the rehearsal: seq is an identity column`
  )
  const table = renderConflictsTable('#### t', outcome.details!.constraints)
  expect(table).toContain(
    '| ⏭️ | `token_set` | `public.steps` | check | — | checked by the rehearsal: the DEFAULT'
  )
})

test("SET NOT NULL, UNIQUE, a column's own CHECK and FOREIGN KEY read the new column's DEFAULT; a type the migration creates goes to the rehearsal", async () => {
  const { outcome } = await run(
    [
      'alter table public.steps add column a int, add column b int default 0;',
      'alter table public.steps alter column a set not null, alter column b set not null;',
      "alter table public.steps add column code text default 'c' unique;",
      'alter table public.steps add column level int default 2 + 3 constraint level_small check (level < 3);',
      "alter table public.steps add column flow text default 'main' references public.flows (slug), add column other text default 'gone' constraint other_fk references public.flows;",
      "create type public.mood as enum ('ok', 'bad');",
      "alter table public.steps add column mood public.mood default 'ok', add constraint mood_ok check (mood = 'ok');",
      // Already there: IF NOT EXISTS adds nothing, the rows keep their own values.
      "alter table public.steps add column if not exists status text default 'x', add constraint status_ok check (status = 'created');"
    ].join('\n')
  )
  const r = byName(outcome)
  for (const c of Object.values(r)) expect(c.error).toBeUndefined()
  expect(r['NOT NULL a'].count).toBe(100)
  expect(r['NOT NULL b'].count).toBe(0)
  expect(r['UNIQUE ("code")'].count).toBe(1) // one key, 'c', shared by all 100 rows
  expect(r['UNIQUE ("code")'].sample[0]).toEqual(
    expect.objectContaining({ key: { code: 'c' }, rows: 100 })
  )
  expect(r.level_small.count).toBe(100)
  expect(r.level_small.query).toContain('CAST(2 + 3 AS int) AS "level"')
  expect(r['FOREIGN KEY (flow) REFERENCES public.flows'].count).toBe(0)
  expect(r.other_fk.count).toBe(100)
  expect(r.mood_ok.rehearsal).toBe(
    `the type public.mood of mood (added at migrations/${n}_m.sql:7) does not exist yet`
  )
  expect([r.status_ok.count, r.status_ok.rehearsal]).toEqual([0, undefined])
  expect(r.status_ok.query).not.toContain('CAST(')
  expect(outcome.status).toBe('fail')
})

test('a FOREIGN KEY on a column it adds, to a table the change set creates (a real project): nothing to check, no "not checked"', async () => {
  const { outcome, ctx } = await run(
    `create table public.reminders (id uuid primary key default gen_random_uuid());
alter table public.steps add column if not exists reminder_id uuid references public.reminders(id) on delete set null;`
  )
  // Before: warn, "not checked: relation "public.reminders" does not exist".
  expect(outcome.status).toBe('skip')
  expect(outcome.summary).not.toContain('not checked')
  expect(ctx.log.lines.join('\n')).not.toMatch(/does not exist|not checked:/)
  // With a DEFAULT every existing row points at the new, empty table: that is still a question for the database.
  const withDefault = await run(
    `create table public.reminders2 (id int primary key);
alter table public.steps add column r2 int default 7 references public.reminders2(id);`
  )
  expect(withDefault.outcome.details!.constraints.map(c => c.constraint)).toEqual([
    expect.stringContaining('FOREIGN KEY (r2) REFERENCES public.reminders2')
  ])
})
