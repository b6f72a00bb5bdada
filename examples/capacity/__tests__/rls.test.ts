/**
 * Row level security of the confirmation cache (and of a baseline tenant table) as the PostgREST roles see
 * it. Runs on a fresh database of its own, or under `npm run test:integration` on the target database
 * (see helpers/target.ts). Each test seeds two fresh restaurants (A and B) with a member each and a
 * confirmed booking each, in one transaction that is rolled back; the reads run as the roles inside
 * savepoints. Reads are limited to A and B where the target may hold other restaurants' rows.
 */
import { randomUUID } from 'node:crypto'
import type pg from 'pg'
import {
  addMember,
  addTables,
  bookingWithHold,
  confirm,
  createRestaurant
} from '../../../__tests__/helpers/capacity.js'
import { openTarget, probeAs, rolledBack, setRole, type Target } from './helpers/target.js'

const RANGE = '[2030-05-01 18:00+00,2030-05-01 20:00+00)'

let target: Target
let client: pg.Client

beforeAll(async () => {
  target = await openTarget('cap_rls')
  client = await target.client()
})

afterAll(async () => {
  await target?.close()
})

interface Tenants {
  restaurantA: string
  restaurantB: string
  memberOfA: string
  memberOfB: string
  bookingA: string
}

/** Two restaurants with one member and one cached confirmation each, inside a rolled-back transaction. */
function withTenants<T>(fn: (t: Tenants) => Promise<T>): Promise<T> {
  return rolledBack(client, async () => {
    await setRole(client, 'service_role', null)
    const ids: string[] = []
    const members: string[] = []
    const bookings: string[] = []
    for (const name of ['capacity A', 'capacity B']) {
      const rid = await createRestaurant(client, name)
      const member = randomUUID()
      await addMember(client, member, rid)
      const [table] = await addTables(client, rid, 1)
      const { bookingId, holdId } = await bookingWithHold(client, rid, [table], RANGE)
      expect((await confirm(client, holdId, bookingId, 'seed')).status).toBe('confirmed')
      ids.push(rid)
      members.push(member)
      bookings.push(bookingId)
    }
    return fn({
      restaurantA: ids[0],
      restaurantB: ids[1],
      memberOfA: members[0],
      memberOfB: members[1],
      bookingA: bookings[0]
    })
  })
}

/** Every cached result the current role can see, by restaurant. */
async function visibleResults(): Promise<string[]> {
  const res = await client.query('SELECT restaurant_id FROM public.booking_confirmation_results')
  return res.rows.map(r => r.restaurant_id)
}

test('a member of A reads A’s cached results and none of B’s', () =>
  withTenants(async t => {
    expect(await probeAs(client, 'authenticated', t.memberOfA, visibleResults)).toEqual([
      t.restaurantA
    ])
    expect(await probeAs(client, 'authenticated', t.memberOfB, visibleResults)).toEqual([
      t.restaurantB
    ])
    const direct = () =>
      client
        .query(
          'SELECT count(*)::int AS n FROM public.booking_confirmation_results WHERE restaurant_id = $1',
          [t.restaurantB]
        )
        .then(r => r.rows[0].n)
    expect(await probeAs(client, 'authenticated', t.memberOfA, direct)).toBe(0)
  }))

test('an authenticated user with no membership reads nothing', () =>
  withTenants(async () => {
    expect(await probeAs(client, 'authenticated', randomUUID(), visibleResults)).toEqual([])
  }))

test('anon reads nothing: it has no privilege on the cache', () =>
  withTenants(async () => {
    await expect(probeAs(client, 'anon', null, visibleResults)).rejects.toMatchObject({
      code: '42501'
    })
  }))

test('authenticated cannot write the cache directly, even for its own restaurant', () =>
  withTenants(async t => {
    const forge = () =>
      client.query(
        `INSERT INTO public.booking_confirmation_results (booking_id, restaurant_id, idempotency_key, metadata)
         VALUES ($1, $2, 'forged', '{"status":"confirmed"}')`,
        [t.bookingA, t.restaurantA]
      )
    await expect(probeAs(client, 'authenticated', t.memberOfA, forge)).rejects.toMatchObject({
      code: '42501'
    })
    const update = () =>
      client.query(
        `UPDATE public.booking_confirmation_results SET metadata = '{}' WHERE restaurant_id = $1`,
        [t.restaurantA]
      )
    await expect(probeAs(client, 'authenticated', t.memberOfA, update)).rejects.toMatchObject({
      code: '42501'
    })
  }))

test('neither anon nor authenticated may call confirm_hold_assignment_tx', () =>
  withTenants(async t => {
    const call = () =>
      client.query(
        "SELECT public.confirm_hold_assignment_tx(gen_random_uuid(), gen_random_uuid(), 'k')"
      )
    await expect(probeAs(client, 'authenticated', t.memberOfA, call)).rejects.toMatchObject({
      code: '42501'
    })
    await expect(probeAs(client, 'anon', null, call)).rejects.toMatchObject({ code: '42501' })
  }))

test('service_role reads every restaurant’s results', () =>
  withTenants(async t => {
    const ofAandB = () =>
      client
        .query(
          `SELECT restaurant_id FROM public.booking_confirmation_results
           WHERE restaurant_id = ANY ($1::uuid[])`,
          [[t.restaurantA, t.restaurantB]]
        )
        .then(r => r.rows.map(row => row.restaurant_id as string).sort())
    expect(await probeAs(client, 'service_role', null, ofAandB)).toEqual(
      [t.restaurantA, t.restaurantB].sort()
    )
  }))

test('baseline tenant tables follow the same rule', () =>
  withTenants(async t => {
    const allocations = () =>
      client.query('SELECT DISTINCT restaurant_id FROM public.allocations').then(r => r.rows)
    expect(await probeAs(client, 'authenticated', t.memberOfA, allocations)).toEqual([
      { restaurant_id: t.restaurantA }
    ])
    await expect(probeAs(client, 'anon', null, allocations)).rejects.toMatchObject({
      code: '42501'
    })
  }))
