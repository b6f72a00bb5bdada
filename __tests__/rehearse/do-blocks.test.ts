/**
 * DO blocks in shadow mode: their statements are strings the rehearsal cannot point at a copy, so one that
 * would lock an existing table more than ROW EXCLUSIVE must not run on the live table (a writer would wait until
 * the rollback). The rehearsal stops before it with a warning naming the statement and the table; a DO block
 * that locks nothing existing runs as before.
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { capacityRepo, check, MIGRATION, type CapacityRepo } from './helpers.js'

let repo: CapacityRepo
const FILE = '20251201000000_allocations_note.sql'

beforeAll(async () => {
  repo = await capacityRepo('shadow_do', 10)
  rmSync(path.join(repo.migrations, MIGRATION))
  repo.writePolicy(
    [
      'version: 1',
      'environments:',
      '  production:',
      '    production: true',
      '    backup: { off: true, reason: "a test database" }',
      ''
    ].join('\n')
  )
}, 300_000)

afterAll(async () => {
  await repo?.db.drop()
  if (repo) rmSync(repo.root, { recursive: true, force: true })
})

function migration(sql: string): void {
  writeFileSync(path.join(repo.migrations, FILE), sql)
}

test('a DO block that would lock a live table stops the shadow rehearsal before it: a warning, the live table untouched', async () => {
  migration(
    [
      'CREATE TABLE public.notes (id int PRIMARY KEY);',
      'DO $$',
      'BEGIN',
      '  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = $c$allocations_window_ordered$c$) THEN',
      '    ALTER TABLE public.allocations ADD CONSTRAINT allocations_window_ordered CHECK (upper("window") > lower("window"));',
      '  END IF;',
      'END',
      '$$;',
      ''
    ].join('\n')
  )
  const run = await repo.validate('production')
  const rehearsal = check(run.report, 'rehearsal')
  expect(rehearsal.status).toBe('warn')
  expect(rehearsal.reasons.join('\n')).toContain(
    `${FILE}:2: the DO block's "ALTER TABLE public.allocations ADD CONSTRAINT allocations_w…" (line 5)`
  )
  expect(rehearsal.reasons.join('\n')).toContain(
    'AccessExclusiveLock on the live table public.allocations'
  )
  const [m] = rehearsal.details.migrations ?? []
  expect(m.unrehearsable).toBe(true)
  // What the rehearsal held when it stopped: nothing on the live allocations.
  expect(m.locks.filter(l => l.relation === 'allocations')).toEqual([])
  expect(run.report.status).not.toBe('failed')
  const live = await repo.client.query(
    `SELECT count(*)::int AS n, string_agg(conrelid::regclass::text, ',') AS t FROM pg_constraint WHERE conname = 'allocations_window_ordered'`
  )
  expect(live.rows[0]).toEqual({ n: 0, t: null })
}, 120_000)

test('a DO block that locks no existing table is rehearsed as before', async () => {
  migration(
    [
      'CREATE TABLE public.notes (id int PRIMARY KEY);',
      'DO $$',
      'BEGIN',
      '  INSERT INTO public.notes VALUES (1);',
      '  ALTER TABLE public.notes ADD COLUMN body text;',
      'END',
      '$$;',
      ''
    ].join('\n')
  )
  const run = await repo.validate('production')
  const rehearsal = check(run.report, 'rehearsal')
  expect(rehearsal.status).toBe('pass')
  const [m] = rehearsal.details.migrations ?? []
  expect(m.error).toBeUndefined()
}, 120_000)
