import type pg from 'pg'
import {
  addMember,
  addTables,
  asRole,
  bookingWithHold,
  capacityDatabase,
  confirm,
  createRestaurant,
  type CapacityDatabase
} from '../helpers/capacity.js'

const MEMBER_OF_A = '6f1c1d2e-0000-4000-8000-00000000000a'
const MEMBER_OF_B = '6f1c1d2e-0000-4000-8000-00000000000b'
const RANGE = '[2026-05-01 18:00+00,2026-05-01 20:00+00)'

let cap: CapacityDatabase
let client: pg.Client
let restaurantA: string
let restaurantB: string
let bookingA: string

beforeAll(async () => {
  cap = await capacityDatabase('cap_rls')
  client = cap.client
  restaurantA = await createRestaurant(client, 'A')
  restaurantB = await createRestaurant(client, 'B')
  await addMember(client, MEMBER_OF_A, restaurantA)
  await addMember(client, MEMBER_OF_B, restaurantB)
  for (const rid of [restaurantA, restaurantB]) {
    const [t1] = await addTables(client, rid, 1)
    const { bookingId, holdId } = await bookingWithHold(client, rid, [t1], RANGE)
    expect((await confirm(client, holdId, bookingId, 'seed')).status).toBe('confirmed')
    if (rid === restaurantA) bookingA = bookingId
  }
})

afterAll(async () => {
  await cap.db.drop()
})

async function visibleResults(): Promise<string[]> {
  const res = await client.query('SELECT restaurant_id FROM booking_confirmation_results')
  return res.rows.map(r => r.restaurant_id)
}

test('a member reads only their own restaurant’s cached results', async () => {
  expect(await asRole(client, 'authenticated', MEMBER_OF_A, visibleResults)).toEqual([restaurantA])
  expect(await asRole(client, 'authenticated', MEMBER_OF_B, visibleResults)).toEqual([restaurantB])
})

test('an authenticated user with no membership reads nothing', async () => {
  const stranger = '6f1c1d2e-0000-4000-8000-0000000000ff'
  expect(await asRole(client, 'authenticated', stranger, visibleResults)).toEqual([])
})

test('anon reads nothing: it has no privilege on the table', async () => {
  await expect(asRole(client, 'anon', null, visibleResults)).rejects.toMatchObject({
    code: '42501'
  })
})

test('authenticated members cannot write results directly, even for their own restaurant', async () => {
  const insert = () =>
    client.query(
      `INSERT INTO booking_confirmation_results (booking_id, restaurant_id, idempotency_key, metadata)
       VALUES ($1, $2, 'forged', '{"status":"confirmed"}')`,
      [bookingA, restaurantA]
    )
  await expect(asRole(client, 'authenticated', MEMBER_OF_A, insert)).rejects.toMatchObject({
    code: '42501'
  })
  const update = () => client.query(`UPDATE booking_confirmation_results SET metadata = '{}'`)
  await expect(asRole(client, 'authenticated', MEMBER_OF_A, update)).rejects.toMatchObject({
    code: '42501'
  })
})

test('only the service role may call confirm_hold_assignment_tx', async () => {
  const call = () =>
    client.query(
      "SELECT public.confirm_hold_assignment_tx(gen_random_uuid(), gen_random_uuid(), 'k')"
    )
  await expect(asRole(client, 'authenticated', MEMBER_OF_A, call)).rejects.toMatchObject({
    code: '42501'
  })
  await expect(asRole(client, 'anon', null, call)).rejects.toMatchObject({ code: '42501' })
})

test('service_role reads every restaurant’s results', async () => {
  await client.query('BEGIN')
  try {
    await client.query('SET LOCAL ROLE service_role')
    expect((await visibleResults()).sort()).toEqual([restaurantA, restaurantB].sort())
  } finally {
    await client.query('ROLLBACK')
  }
})

test('baseline tenant tables follow the same rule', async () => {
  const allocations = () =>
    client.query('SELECT DISTINCT restaurant_id FROM allocations').then(r => r.rows)
  expect(await asRole(client, 'authenticated', MEMBER_OF_A, allocations)).toEqual([
    { restaurant_id: restaurantA }
  ])
  await expect(asRole(client, 'anon', null, allocations)).rejects.toMatchObject({ code: '42501' })
})
