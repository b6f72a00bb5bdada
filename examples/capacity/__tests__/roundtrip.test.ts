import type pg from 'pg'
import { generateCapacityData } from '../src/generate.js'
import {
  applyFile,
  capacityDatabase,
  FILES,
  liveOverlaps,
  runVerify,
  type CapacityDatabase
} from '../../../__tests__/helpers/capacity.js'

const SIZE = { restaurants: 4, tablesPerRestaurant: 5, windowsPerTable: 6 }

async function snapshot(client: pg.Client): Promise<Record<string, number>> {
  const res = await client.query(
    `SELECT (SELECT count(*) FROM restaurants)::int AS restaurants,
            (SELECT count(*) FROM table_inventory)::int AS tables,
            (SELECT count(*) FROM table_adjacencies)::int AS adjacencies,
            (SELECT count(*) FROM restaurant_memberships)::int AS memberships,
            (SELECT count(*) FROM bookings)::int AS bookings,
            (SELECT count(*) FROM allocations)::int AS allocations`
  )
  return res.rows[0]
}

describe('round trip on a seeded database', () => {
  let cap: CapacityDatabase

  beforeAll(async () => {
    cap = await capacityDatabase('cap_roundtrip', { migrated: false })
  })

  afterAll(async () => {
    await cap.db.drop()
  })

  test('apply, verify, rollback, verify the old state, apply again', async () => {
    const c = cap.client
    const loaded = await generateCapacityData(c, { ...SIZE, seed: 7 })
    expect(loaded).toEqual({ restaurants: 4, tables: 20, allocations: 120, conflicts: 0 })
    await runVerify(c, FILES.baselineVerify)
    await expect(runVerify(c, FILES.verify)).rejects.toThrow(/allocations_no_overlap/)
    const before = await snapshot(c)

    await applyFile(c, FILES.migration)
    await runVerify(c, FILES.verify)
    await expect(runVerify(c, FILES.baselineVerify)).rejects.toThrow(/verify:/)
    expect(await snapshot(c)).toEqual(before)

    await applyFile(c, FILES.rollback)
    await runVerify(c, FILES.baselineVerify)
    await expect(runVerify(c, FILES.verify)).rejects.toThrow(/verify:/)
    expect(await snapshot(c)).toEqual(before)

    await applyFile(c, FILES.migration)
    await runVerify(c, FILES.verify)
    expect(await snapshot(c)).toEqual({
      restaurants: 4,
      tables: 20,
      adjacencies: 16,
      memberships: 12,
      bookings: 120,
      allocations: 120
    })
  })

  test('the generator also loads into the migrated schema', async () => {
    const loaded = await generateCapacityData(cap.client, { ...SIZE, seed: 8 })
    expect(loaded.allocations).toBe(120)
    expect(await liveOverlaps(cap.client)).toBe(0)
  })
})

describe('injected conflicts', () => {
  test('are live overlaps that make the migration fail with 23P01', async () => {
    const cap = await capacityDatabase('cap_conflicts', { migrated: false })
    try {
      const loaded = await generateCapacityData(cap.client, { ...SIZE, conflicts: 3, seed: 9 })
      expect(loaded).toMatchObject({ allocations: 123, conflicts: 3 })
      expect(await liveOverlaps(cap.client)).toBe(3)
      await expect(applyFile(cap.client, FILES.migration)).rejects.toMatchObject({
        code: '23P01',
        constraint: 'allocations_no_overlap'
      })
    } finally {
      await cap.db.drop()
    }
  })
})

describe('generator options', () => {
  test.each([
    [{ restaurants: 0, tablesPerRestaurant: 1, windowsPerTable: 1 }, /"restaurants" is 0/],
    [
      { restaurants: 1, tablesPerRestaurant: 1.5, windowsPerTable: 1 },
      /"tablesPerRestaurant" is 1.5/
    ],
    [
      { restaurants: 1, tablesPerRestaurant: 1, windowsPerTable: 1, conflicts: 2 },
      /"conflicts" is 2/
    ]
  ])('%j is refused before touching the database', async (opts, message) => {
    // No client is needed: the options are checked first.
    await expect(generateCapacityData({} as pg.ClientBase, opts)).rejects.toThrow(message)
  })
})
