/**
 * Foreign keys on shadow copies: a migration that drops and re-adds a table's foreign key, on production with the
 * child and the parent both sampled. The copy must carry the live table's foreign keys (else DROP CONSTRAINT
 * fails: "does not exist"), and the parent's sample must hold the rows the child's sample references (else adding
 * or validating the key fails with 23503 where the live tables pass). The live tables keep their keys.
 */
import { rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { capacityRepo, check, MIGRATION, type CapacityRepo } from './helpers.js'

let repo: CapacityRepo

const FK_MIGRATION = [
  'ALTER TABLE public.allocations DROP CONSTRAINT allocations_restaurant_id_booking_id_fkey;',
  'ALTER TABLE public.allocations ADD CONSTRAINT allocations_booking_fk',
  '  FOREIGN KEY (restaurant_id, booking_id) REFERENCES public.bookings (restaurant_id, id) ON DELETE CASCADE NOT VALID;',
  'ALTER TABLE public.allocations VALIDATE CONSTRAINT allocations_booking_fk;',
  'ALTER TABLE public.allocations ADD CONSTRAINT allocations_booking_fk_checked',
  '  FOREIGN KEY (restaurant_id, booking_id) REFERENCES public.bookings (restaurant_id, id);',
  ''
].join('\n')

beforeAll(async () => {
  repo = await capacityRepo('shadow_fk', 10)
  rmSync(path.join(repo.migrations, MIGRATION))
  writeFileSync(
    path.join(repo.migrations, '20251201000000_allocations_booking_fk.sql'),
    FK_MIGRATION
  )
  repo.writePolicy(
    [
      'version: 1',
      'environments:',
      '  production:',
      '    production: true',
      '    shadow-max-rows: 1000',
      '    backup: { off: true, reason: "a test database" }',
      ''
    ].join('\n')
  )
}, 300_000)

afterAll(async () => {
  await repo?.db.drop()
  if (repo) rmSync(repo.root, { recursive: true, force: true })
})

async function foreignKeys(): Promise<string[]> {
  const r = await repo.client.query(
    `SELECT conname FROM pg_constraint WHERE conrelid = 'public.allocations'::regclass AND contype = 'f' ORDER BY 1`
  )
  return r.rows.map(x => x.conname)
}

test('dropping, adding and validating a foreign key between sampled copies rehearses as on the live tables', async () => {
  const before = await foreignKeys()
  // The key to bookings (sampled: copied NOT VALID between the copies) and to restaurants (not shadowed: a
  // stand-in of the same name on the copy).
  expect(before).toEqual([
    'allocations_restaurant_id_booking_id_fkey',
    'allocations_restaurant_id_fkey'
  ])
  const run = await repo.validate('production')
  const rehearsal = check(run.report, 'rehearsal')
  const [migration] = rehearsal.details.migrations ?? []
  expect(migration.error).toBeUndefined()
  expect(rehearsal.status).not.toBe('fail')
  const forecasts = rehearsal.details.forecast ?? []
  // Both tables were sampled copies: the case where the parent's sample must be completed.
  expect(forecasts.filter(f => f.table === 'public.allocations').every(f => f.sampled)).toBe(true)
  expect(forecasts.some(f => f.table === 'public.allocations' && f.rehearsedOn === 'shadow')).toBe(
    true
  )
  expect(await foreignKeys()).toEqual(before)
  const scratch = await repo.client.query(
    `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'mr\\_shadow\\_%'`
  )
  expect(scratch.rows).toEqual([])
}, 300_000)
