/**
 * Derived verification across a run: each migration's expectations follow what later statements of the same
 * run rename, move or drop, and unqualified names resolve through the search_path in force. Migrations are
 * applied to a real database the way apply runs them (one session, one transaction per file), then the
 * verify check runs over all of them.
 */
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from '../helpers/db.js'
import { closeContext, makeContext, pendingMigration } from '../helpers/context.js'
import { verifyCheck } from '../../src/checks/verify.js'
import type { ExpectationResult } from '../../src/verify/derived.js'
import { loadParser } from '../../src/sql/parser.js'

let db: TestDatabase

beforeAll(async () => {
  await loadParser()
  db = await createTestDatabase('post_derived')
})
afterAll(async () => {
  await db.drop()
})

/** Applies the files in order on one session, each in its own transaction, as apply does. */
async function apply(files: string[]) {
  const client: pg.Client = await db.client()
  const migrations = files.map((sql, i) =>
    pendingMigration(`2025010${i + 1}000000`, `step_${i + 1}`, sql)
  )
  for (const m of migrations) {
    await client.query('BEGIN')
    await client.query(m.sql)
    await client.query('COMMIT')
  }
  return { client, migrations }
}

/** The verify check over all the migrations, as the apply stage runs it after applying them. */
async function verify(applied: Awaited<ReturnType<typeof apply>>) {
  const { client, migrations } = applied
  const ctx = makeContext({ client, url: db.url, stage: 'verify', plan: { migrations } })
  ctx.applied.push(...migrations.map(m => m.version))
  try {
    const outcome = await verifyCheck.run(ctx)
    const details = outcome.details!
    return { outcome, details, results: details.derived.flatMap(d => d.results) }
  } finally {
    await closeContext(ctx)
  }
}

const applyAndVerify = async (files: string[]) => verify(await apply(files))

const failed = (results: ExpectationResult[]) => results.filter(r => !r.ok).map(r => r.describe)

test('renamed table, column, constraint and index, then a move to another schema: checked under the final names', async () => {
  const applied = await apply([
    `CREATE SCHEMA app;
     CREATE TABLE app.bookings (id int, room text, starts_at timestamptz);
     ALTER TABLE app.bookings ADD CONSTRAINT bookings_pkey PRIMARY KEY (id);
     ALTER TABLE app.bookings ADD CONSTRAINT bookings_room_check CHECK (room <> '');
     CREATE UNIQUE INDEX bookings_room_idx ON app.bookings (room, starts_at);`,
    `ALTER TABLE app.bookings RENAME TO reservations;
     ALTER TABLE app.reservations RENAME COLUMN room TO room_code;
     ALTER TABLE app.reservations RENAME CONSTRAINT bookings_pkey TO reservations_pkey;
     ALTER INDEX app.bookings_room_idx RENAME TO reservations_room_code_idx;
     CREATE SCHEMA archive;
     ALTER TABLE app.reservations SET SCHEMA archive;`
  ])
  const { outcome, results } = await verify(applied)
  expect(failed(results)).toEqual([])
  expect(outcome.status).not.toBe('fail')
  expect(results.map(r => r.describe)).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^table archive\.reservations exists \(renamed from app\.bookings by /),
      expect.stringMatching(
        /^constraint reservations_pkey on archive\.reservations \(PRIMARY KEY \(id\)\)/
      ),
      expect.stringMatching(/^index archive\.reservations_room_code_idx exists/)
    ])
  )
  // The rewritten expectations still fail when the object is not there.
  await applied.client.query('DROP INDEX archive.reservations_room_code_idx')
  const again = await verify(applied)
  expect(again.outcome.status).toBe('fail')
  expect(failed(again.results)).toEqual([
    expect.stringMatching(/^index archive\.reservations_room_code_idx exists/)
  ])
})

test('SET LOCAL search_path lasts one file, SET search_path the session; set_config as pg_dump writes it', async () => {
  const { results, outcome } = await applyAndVerify([
    `CREATE SCHEMA billing;
     SET LOCAL search_path = billing;
     CREATE TABLE invoices (id int);`,
    `CREATE TABLE notes (id int);`,
    `SET search_path = billing, public;
     CREATE TABLE payments (id int);
     ALTER TABLE notes ADD COLUMN body text;`,
    `SELECT pg_catalog.set_config('search_path', '', false);
     CREATE TABLE public.refunds (id int);
     DO $$ BEGIN EXECUTE 'ALTER TABLE public.notes RENAME COLUMN body TO content'; END $$;`
  ])
  expect(failed(results)).toEqual([])
  expect(outcome.status).not.toBe('fail')
  expect(results.map(r => r.describe)).toEqual(
    expect.arrayContaining([
      'table billing.invoices exists',
      'table public.notes exists',
      'table billing.payments exists',
      'table public.refunds exists',
      // A constant EXECUTE in a DO block is followed like any statement.
      expect.stringMatching(/^column public\.notes\.content exists \(renamed from body by /)
    ])
  )
})

test('dropping one overload of a function expects that overload gone, not the function name', async () => {
  const { results, outcome } = await applyAndVerify([
    `CREATE FUNCTION public.fmt_amount(cents integer) RETURNS text LANGUAGE sql AS $$ SELECT (cents / 100.0)::text $$;
     CREATE FUNCTION public.fmt_amount(cents text) RETURNS text LANGUAGE sql AS $$ SELECT cents $$;`,
    `DROP FUNCTION public.fmt_amount(integer);`
  ])
  expect(failed(results)).toEqual([])
  expect(outcome.status).not.toBe('fail')
  expect(results.map(r => r.describe)).toContain('function public.fmt_amount(integer) gone')
})

test('ALTER TABLE IF EXISTS on a table that is not there, and conditional DDL: left unverified, not failed', async () => {
  const { results, details, outcome } = await applyAndVerify([
    `CREATE TABLE public.profiles (id uuid PRIMARY KEY);
     ALTER TABLE public.profiles ADD COLUMN avatar_url text;`,
    `ALTER TABLE IF EXISTS public.legacy_profiles ADD COLUMN migrated boolean;
     DO $$
     BEGIN
       IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'no_such_role') THEN
         ALTER TABLE public.profiles DROP COLUMN avatar_url;
       END IF;
     END $$;`,
    `ALTER TABLE public.profiles ADD COLUMN avatar_path text;`
  ])
  expect(failed(results)).toEqual([])
  expect(outcome.status).not.toBe('fail')
  expect(outcome.summary).toMatch(/1 left unverified/)
  expect(details.uncertain).toEqual([
    expect.objectContaining({
      describe: 'column public.profiles.avatar_url exists',
      reason: expect.stringMatching(
        /^a DO block changes it conditionally at migrations\/20250102000000_step_2\.sql:5 /
      )
    })
  ])
  const describes = results.map(r => r.describe)
  expect(describes).toContain('column public.profiles.avatar_path exists')
  expect(describes.join('\n')).not.toContain('legacy_profiles')
})
