import type pg from 'pg'
import {
  addTables,
  capacityDatabase,
  createRestaurant,
  FILES,
  readSql,
  type CapacityDatabase
} from '../../../__tests__/helpers/capacity.js'
import { createTestDatabase } from '../../../__tests__/helpers/db.js'

let cap: CapacityDatabase
let client: pg.Client
let restaurantA: string
let restaurantB: string
let tableA: string
let tableA2: string

const EVENING = '[2026-03-01 18:00+00,2026-03-01 20:00+00)'
const LATER = '[2026-03-01 19:00+00,2026-03-01 21:00+00)'
const TOUCHING = '[2026-03-01 20:00+00,2026-03-01 22:00+00)'

async function allocate(
  restaurantId: string,
  resourceId: string,
  range: string,
  opts: { type?: string; shadow?: boolean } = {}
): Promise<void> {
  await client.query(
    `INSERT INTO allocations (restaurant_id, resource_type, resource_id, "window", shadow)
     VALUES ($1, $2, $3, $4::tstzrange, $5)`,
    [restaurantId, opts.type ?? 'table', resourceId, range, opts.shadow ?? false]
  )
}

beforeAll(async () => {
  cap = await capacityDatabase('cap_overlap')
  client = cap.client
  restaurantA = await createRestaurant(client, 'A')
  restaurantB = await createRestaurant(client, 'B')
  ;[tableA, tableA2] = await addTables(client, restaurantA, 2)
})

afterAll(async () => {
  await cap.db.drop()
})

beforeEach(async () => {
  await client.query('DELETE FROM allocations')
})

test('an overlap for the same restaurant, type and resource is rejected with 23P01', async () => {
  await allocate(restaurantA, tableA, EVENING)
  await expect(allocate(restaurantA, tableA, LATER)).rejects.toMatchObject({
    code: '23P01',
    constraint: 'allocations_no_overlap'
  })
})

test('the same resource and window are allowed in another restaurant or of another type', async () => {
  await allocate(restaurantA, tableA, EVENING)
  await allocate(restaurantB, tableA, EVENING)
  await allocate(restaurantA, tableA, EVENING, { type: 'merge_group' })
  const res = await client.query('SELECT count(*)::int AS n FROM allocations')
  expect(res.rows[0].n).toBe(3)
})

test('shadow allocations are exempt', async () => {
  await allocate(restaurantA, tableA, EVENING)
  await allocate(restaurantA, tableA, LATER, { shadow: true })
  await allocate(restaurantA, tableA, EVENING, { shadow: true })
  await expect(allocate(restaurantA, tableA, LATER)).rejects.toMatchObject({ code: '23P01' })
})

test("touching windows ('[)' bounds) do not overlap", async () => {
  await allocate(restaurantA, tableA, EVENING)
  await allocate(restaurantA, tableA, TOUCHING)
  const res = await client.query('SELECT count(*)::int AS n FROM allocations')
  expect(res.rows[0].n).toBe(2)
})

test('a transaction can defer the constraint to swap two bookings between tables', async () => {
  await allocate(restaurantA, tableA, EVENING)
  await allocate(restaurantA, tableA2, EVENING)
  const ids = await client.query('SELECT id, resource_id FROM allocations ORDER BY id')
  await client.query('BEGIN')
  try {
    await client.query('SET CONSTRAINTS allocations_no_overlap DEFERRED')
    // Mid-way through the swap both rows sit on the same table.
    for (const row of ids.rows) {
      const to = row.resource_id === tableA ? tableA2 : tableA
      await client.query('UPDATE allocations SET resource_id = $1 WHERE id = $2', [to, row.id])
    }
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  }
  const after = await client.query('SELECT id, resource_id FROM allocations ORDER BY id')
  expect(after.rows.map(r => r.resource_id)).toEqual(ids.rows.map(r => r.resource_id).reverse())
})

test('without deferral the same swap fails at its first statement', async () => {
  await allocate(restaurantA, tableA, EVENING)
  await allocate(restaurantA, tableA2, EVENING)
  await expect(
    client.query('UPDATE allocations SET resource_id = $1 WHERE resource_id = $2', [
      tableA2,
      tableA
    ])
  ).rejects.toMatchObject({ code: '23P01' })
})

test('baseline and migration apply with search_path = public (btree_gist lives in extensions)', async () => {
  const db = await createTestDatabase('cap_search_path')
  try {
    const c = await db.client()
    await c.query('SET search_path = public')
    for (const file of [FILES.baseline, FILES.migration, FILES.rollback, FILES.migration]) {
      await c.query('BEGIN')
      await c.query(readSql(file))
      await c.query('COMMIT')
    }
    const ext = await c.query(
      `SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
       WHERE e.extname = 'btree_gist'`
    )
    expect(ext.rows).toEqual([{ nspname: 'extensions' }])
  } finally {
    await db.drop()
  }
})
