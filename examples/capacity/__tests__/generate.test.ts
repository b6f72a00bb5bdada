/**
 * The generator drops the overlap constraint, gist indexes and foreign keys while it loads and
 * re-creates them: the schema afterwards must be exactly the one before, on both schema versions.
 */
import type pg from 'pg'
import { generateCapacityData } from '../src/generate.js'
import {
  diffSnapshots,
  isEmptyDiff,
  snapshotSchema,
  type SchemaSnapshot
} from '../../../src/schema/index.js'
import {
  capacityDatabase,
  liveOverlaps,
  type CapacityDatabase
} from '../../../__tests__/helpers/capacity.js'

const SIZE = { restaurants: 3, tablesPerRestaurant: 4, windowsPerTable: 5 }

/** The snapshot minus what changes with every read. */
function shape(s: SchemaSnapshot): unknown {
  return s.objects
}

async function overlapConstraint(client: pg.ClientBase) {
  const res = await client.query(
    `SELECT pg_get_constraintdef(oid) AS def, condeferrable, condeferred FROM pg_constraint
     WHERE conrelid = 'public.allocations'::regclass AND conname = 'allocations_no_overlap'`
  )
  return res.rows
}

describe.each([
  ['baseline', false],
  ['migrated', true]
])('on the %s schema', (name, migrated) => {
  let cap: CapacityDatabase

  beforeAll(async () => {
    cap = await capacityDatabase(`gen_${name}`, { migrated })
  })

  afterAll(async () => {
    await cap.db.drop()
  })

  test('the schema is unchanged after a load, and the constraint still rejects overlaps', async () => {
    const c = cap.client
    const before = await snapshotSchema(c)
    const constraintBefore = await overlapConstraint(c)
    expect(constraintBefore).toHaveLength(1)

    const loaded = await generateCapacityData(c, { ...SIZE, seed: 11 })
    expect(loaded).toEqual({ restaurants: 3, tables: 12, allocations: 60, conflicts: 0 })

    const after = await snapshotSchema(c)
    expect(shape(after)).toEqual(shape(before))
    expect(isEmptyDiff(diffSnapshots(before, after))).toBe(true)
    expect(await overlapConstraint(c)).toEqual(constraintBefore)

    // The re-created constraint is live, not just present.
    await expect(
      c.query(
        `INSERT INTO public.allocations (restaurant_id, resource_type, resource_id, "window")
         SELECT restaurant_id, resource_type, resource_id, "window" FROM public.allocations LIMIT 1`
      )
    ).rejects.toMatchObject({ code: '23P01', constraint: 'allocations_no_overlap' })
    // So are the re-created foreign keys.
    await expect(
      c.query(
        `INSERT INTO public.allocations (restaurant_id, booking_id, resource_type, resource_id, "window", shadow)
         SELECT restaurant_id, gen_random_uuid(), resource_type, resource_id, "window", true
         FROM public.allocations LIMIT 1`
      )
    ).rejects.toMatchObject({ code: '23503' })
  })

  test('a second seed loads next to the first; a failed load leaves the schema as it was', async () => {
    const c = cap.client
    const before = await snapshotSchema(c)
    expect((await generateCapacityData(c, { ...SIZE, seed: 12 })).allocations).toBe(60)
    // The same seed again collides on primary keys: the whole load, drops included, rolls back.
    await expect(generateCapacityData(c, { ...SIZE, seed: 12 })).rejects.toMatchObject({
      code: '23505'
    })
    expect(shape(await snapshotSchema(c))).toEqual(shape(before))
    expect(await liveOverlaps(c)).toBe(0)
  })

  test('every seed checkOptions allows loads (the window hash must not overflow int4)', async () => {
    const c = cap.client
    for (const seed of [2_000_000_000, 2_147_483_647]) {
      expect((await generateCapacityData(c, { ...SIZE, seed })).allocations).toBe(60)
    }
    expect(await liveOverlaps(c)).toBe(0)
  })
})

test('with conflicts the overlap constraint stays dropped, every other object is restored', async () => {
  const cap = await capacityDatabase('gen_conflicts')
  try {
    const c = cap.client
    const before = await snapshotSchema(c)
    const loaded = await generateCapacityData(c, { ...SIZE, conflicts: 4, seed: 13 })
    expect(loaded).toMatchObject({ allocations: 64, conflicts: 4 })
    expect(await liveOverlaps(c)).toBe(4)
    expect(await overlapConstraint(c)).toEqual([])

    const keys = (s: SchemaSnapshot) => s.objects.map(o => `${o.key} ${o.definition}`)
    const after = await snapshotSchema(c)
    const missing = keys(before).filter(k => !keys(after).includes(k))
    expect(missing.every(k => k.includes('allocations_no_overlap'))).toBe(true)
    expect(missing.length).toBeGreaterThan(0)
    expect(keys(after).filter(k => !keys(before).includes(k))).toEqual([])
  } finally {
    await cap.db.drop()
  }
})
