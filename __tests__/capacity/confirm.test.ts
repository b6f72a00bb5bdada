import type pg from 'pg'
import {
  addAdjacencies,
  addTables,
  bookingWithHold,
  capacityDatabase,
  confirm,
  createBooking,
  createHold,
  createRestaurant,
  type CapacityDatabase
} from '../helpers/capacity.js'

let cap: CapacityDatabase
let client: pg.Client
let day = 0

/** A fresh evening per test, so tests never compete for the same window. */
function nextEvening(): string {
  day += 1
  const d = `2026-04-${String(day).padStart(2, '0')}`
  return `[${d} 18:00+00,${d} 20:00+00)`
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const res = await client.query(`SELECT count(*)::int AS n FROM ${sql}`, params)
  return res.rows[0].n
}

beforeAll(async () => {
  cap = await capacityDatabase('cap_confirm')
  client = cap.client
})

afterAll(async () => {
  await cap.db.drop()
})

describe('idempotency', () => {
  test('the same key twice gives one set of allocations and the same result', async () => {
    const rid = await createRestaurant(client)
    const [t1] = await addTables(client, rid, 1)
    const { bookingId, holdId } = await bookingWithHold(client, rid, [t1], nextEvening())

    const first = await confirm(client, holdId, bookingId, 'key-1')
    const second = await confirm(client, holdId, bookingId, 'key-1')

    expect(first.status).toBe('confirmed')
    expect(first.allocation_ids).toHaveLength(1)
    expect(second).toEqual(first)
    expect(await count('allocations WHERE booking_id = $1', [bookingId])).toBe(1)
    expect(await count('booking_table_assignments WHERE booking_id = $1', [bookingId])).toBe(1)
    expect(await count('booking_confirmation_results WHERE booking_id = $1', [bookingId])).toBe(1)
    expect(await count('table_holds WHERE id = $1', [holdId])).toBe(0)
    const booking = await client.query('SELECT status FROM bookings WHERE id = $1', [bookingId])
    expect(booking.rows[0].status).toBe('confirmed')
  })

  test('a replayed failure is returned as stored, even once the cause is gone', async () => {
    const rid = await createRestaurant(client)
    const [t1] = await addTables(client, rid, 1)
    const range = nextEvening()
    const winner = await bookingWithHold(client, rid, [t1], range)
    const loser = await bookingWithHold(client, rid, [t1], range)
    expect((await confirm(client, winner.holdId, winner.bookingId, 'w')).status).toBe('confirmed')

    const failed = await confirm(client, loser.holdId, loser.bookingId, 'l')
    expect(failed).toMatchObject({
      status: 'failed',
      error: { code: 'allocation_overlap', sqlstate: '23P01', constraint: 'allocations_no_overlap' }
    })
    await client.query('DELETE FROM allocations WHERE booking_id = $1', [winner.bookingId])
    expect(await confirm(client, loser.holdId, loser.bookingId, 'l')).toEqual(failed)
    expect(await count('allocations WHERE booking_id = $1', [loser.bookingId])).toBe(0)
    // A new key is a new attempt, and now succeeds.
    expect((await confirm(client, loser.holdId, loser.bookingId, 'l2')).status).toBe('confirmed')
  })
})

describe('recorded business failures', () => {
  test('an expired hold is recorded, not raised, and allocates nothing', async () => {
    const rid = await createRestaurant(client)
    const [t1] = await addTables(client, rid, 1)
    const range = nextEvening()
    const bookingId = await createBooking(client, rid, range)
    const holdId = await createHold(client, {
      restaurantId: rid,
      bookingId,
      tableIds: [t1],
      range,
      expiresAt: '2000-01-01 00:00+00'
    })
    const result = await confirm(client, holdId, bookingId, 'k')
    expect(result).toMatchObject({ status: 'failed', error: { code: 'hold_expired' } })
    expect(await count('allocations WHERE booking_id = $1', [bookingId])).toBe(0)
    const stored = await client.query(
      `SELECT metadata -> 'error' ->> 'code' AS code, restaurant_id FROM booking_confirmation_results
       WHERE booking_id = $1`,
      [bookingId]
    )
    expect(stored.rows).toEqual([{ code: 'hold_expired', restaurant_id: rid }])
  })

  test('a missing booking or a bad argument raises', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    await expect(confirm(client, missing, missing, 'k')).rejects.toMatchObject({ code: 'P0002' })
    await expect(confirm(client, missing, missing, '')).rejects.toMatchObject({ code: '22023' })
    await expect(confirm(client, missing, missing, 'k', 'circle')).rejects.toMatchObject({
      code: '22023',
      message: expect.stringContaining("'circle'")
    })
  })
})

describe('adjacency modes', () => {
  // T1 - T2 - T3 in a row, and T4 on its own next to T5.
  let rid: string
  let t: string[]

  beforeAll(async () => {
    rid = await createRestaurant(client, 'Adjacency')
    t = await addTables(client, rid, 5)
    await addAdjacencies(client, rid, [
      [t[0], t[1]],
      [t[1], t[2]],
      [t[3], t[4]]
    ])
  })

  async function attempt(tables: string[], mode: string | null): Promise<string> {
    const { bookingId, holdId } = await bookingWithHold(client, rid, tables, nextEvening())
    const result = await confirm(client, holdId, bookingId, 'k', mode)
    return result.status === 'confirmed' ? 'confirmed' : result.error.code
  }

  test('connected: one connected group passes, two groups fail', async () => {
    expect(await attempt([t[0], t[1], t[2]], 'connected')).toBe('confirmed')
    expect(await attempt([t[0], t[1], t[3], t[4]], 'connected')).toBe('tables_not_adjacent')
  })

  test('pairwise: every two tables adjacent passes, a chain of three fails', async () => {
    expect(await attempt([t[0], t[1]], 'pairwise')).toBe('confirmed')
    expect(await attempt([t[0], t[1], t[2]], 'pairwise')).toBe('tables_not_adjacent')
  })

  test('neighbors: each table next to another passes even in two groups; a lone table fails', async () => {
    expect(await attempt([t[0], t[1], t[3], t[4]], 'neighbors')).toBe('confirmed')
    expect(await attempt([t[0], t[1], t[3]], 'neighbors')).toBe('tables_not_adjacent')
  })

  test('a single table needs no adjacency', async () => {
    expect(await attempt([t[3]], 'pairwise')).toBe('confirmed')
  })

  test('mode: the parameter, else the enabled override, else connected', async () => {
    const twoGroups = [t[0], t[1], t[3], t[4]]
    const mode = async (m: string | null) => {
      const { bookingId, holdId } = await bookingWithHold(client, rid, twoGroups, nextEvening())
      const r = await confirm(client, holdId, bookingId, 'k', m)
      return [r.adjacency_mode, r.adjacency_mode_source, r.status]
    }
    expect(await mode(null)).toEqual(['connected', 'default', 'failed'])

    await client.query(
      `INSERT INTO feature_flag_overrides (restaurant_id, flag_key, flag_value, enabled)
       VALUES ($1, 'allocator.adjacency_mode', 'neighbors', true)`,
      [rid]
    )
    expect(await mode(null)).toEqual(['neighbors', 'override', 'confirmed'])
    expect(await mode('connected')).toEqual(['connected', 'parameter', 'failed'])

    await client.query(
      `UPDATE feature_flag_overrides SET enabled = false
       WHERE restaurant_id = $1 AND flag_key = 'allocator.adjacency_mode'`,
      [rid]
    )
    expect(await mode(null)).toEqual(['connected', 'default', 'failed'])
  })

  test('the override only accepts the three modes', async () => {
    await expect(
      client.query(
        `INSERT INTO feature_flag_overrides (restaurant_id, flag_key, flag_value)
         VALUES ($1, 'allocator.adjacency_mode', 'nearby')`,
        [await createRestaurant(client)]
      )
    ).rejects.toMatchObject({
      code: '23514',
      constraint: 'feature_flag_overrides_adjacency_mode_check'
    })
  })
})
