/**
 * confirm_hold_assignment_tx: allocations, idempotency, recorded failures and adjacency modes. Runs on a
 * fresh database of its own, or under `npm run test:integration` on the target database (see
 * helpers/target.ts). Every test runs in one transaction that is rolled back, as service_role (the
 * function's only grantee), inside a restaurant of its own: nothing stays in the target.
 */
import type pg from 'pg'
import {
  addAdjacencies,
  addTables,
  bookingWithHold,
  confirm,
  createBooking,
  createHold,
  createRestaurant
} from '../../../__tests__/helpers/capacity.js'
import { openTarget, probeAs, rolledBack, setRole, type Target } from './helpers/target.js'

let target: Target
let client: pg.Client
let day = 0

/** A fresh evening per attempt, so attempts never compete for the same window. */
function nextEvening(): string {
  day += 1
  const d = new Date(Date.UTC(2030, 2, day)).toISOString().slice(0, 10)
  return `[${d} 18:00+00,${d} 20:00+00)`
}

/** The same evening, one hour later: overlaps it. */
function hourLater(range: string): string {
  return range.replace(/18:00/, '19:00').replace(/20:00/, '21:00')
}

beforeAll(async () => {
  target = await openTarget('cap_confirm')
  client = await target.client()
})

afterAll(async () => {
  await target?.close()
})

/** A test's transaction: service_role, a fresh restaurant; rolled back at the end. */
function inRestaurant<T>(fn: (rid: string) => Promise<T>): Promise<T> {
  return rolledBack(client, async () => {
    await setRole(client, 'service_role', null)
    return fn(await createRestaurant(client, 'capacity test'))
  })
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const res = await client.query(`SELECT count(*)::int AS n FROM ${sql}`, params)
  return res.rows[0].n
}

test('confirming a hold creates its allocations and assignments and consumes the hold', () =>
  inRestaurant(async rid => {
    const tables = await addTables(client, rid, 2)
    await addAdjacencies(client, rid, [[tables[0], tables[1]]])
    const range = nextEvening()
    const { bookingId, holdId } = await bookingWithHold(client, rid, tables, range)

    const result = await confirm(client, holdId, bookingId, 'key-1')

    expect(result).toMatchObject({ status: 'confirmed', booking_id: bookingId, restaurant_id: rid })
    expect(result.allocation_ids).toHaveLength(2)
    const allocations = await client.query(
      `SELECT resource_id, "window" = $2::tstzrange AS same_window FROM public.allocations
       WHERE booking_id = $1 AND NOT shadow ORDER BY resource_id`,
      [bookingId, range]
    )
    expect(allocations.rows).toEqual(
      [...tables].sort().map(id => ({ resource_id: id, same_window: true }))
    )
    const assignments = await client.query(
      `SELECT table_id, allocation_id FROM public.booking_table_assignments WHERE booking_id = $1`,
      [bookingId]
    )
    expect(assignments.rows.map(r => r.allocation_id).sort()).toEqual(
      [...result.allocation_ids].sort()
    )
    expect(await count('public.table_holds WHERE id = $1', [holdId])).toBe(0)
    const booking = await client.query('SELECT status FROM public.bookings WHERE id = $1', [
      bookingId
    ])
    expect(booking.rows[0].status).toBe('confirmed')
  }))

describe('idempotency', () => {
  test('the same key twice gives one set of allocations and the same result', () =>
    inRestaurant(async rid => {
      const [t1] = await addTables(client, rid, 1)
      const { bookingId, holdId } = await bookingWithHold(client, rid, [t1], nextEvening())

      const first = await confirm(client, holdId, bookingId, 'same-key')
      const second = await confirm(client, holdId, bookingId, 'same-key')

      expect(first.status).toBe('confirmed')
      expect(first.allocation_ids).toHaveLength(1)
      expect(second).toEqual(first)
      expect(await count('public.allocations WHERE booking_id = $1', [bookingId])).toBe(1)
      expect(
        await count('public.booking_table_assignments WHERE booking_id = $1', [bookingId])
      ).toBe(1)
      expect(
        await count('public.booking_confirmation_results WHERE booking_id = $1', [bookingId])
      ).toBe(1)
    }))

  test('an overlap is recorded as metadata.error, not raised; its replay is returned as stored, even once the cause is gone', () =>
    inRestaurant(async rid => {
      const [t1] = await addTables(client, rid, 1)
      const range = nextEvening()
      const winner = await bookingWithHold(client, rid, [t1], range)
      const loser = await bookingWithHold(client, rid, [t1], hourLater(range))
      expect((await confirm(client, winner.holdId, winner.bookingId, 'w')).status).toBe('confirmed')

      const failed = await confirm(client, loser.holdId, loser.bookingId, 'l')

      expect(failed).toMatchObject({
        status: 'failed',
        error: {
          code: 'allocation_overlap',
          sqlstate: '23P01',
          constraint: 'allocations_no_overlap'
        }
      })
      expect(await count('public.allocations WHERE booking_id = $1', [loser.bookingId])).toBe(0)
      const stored = await client.query(
        `SELECT metadata -> 'error' ->> 'code' AS code FROM public.booking_confirmation_results
         WHERE booking_id = $1 AND idempotency_key = 'l'`,
        [loser.bookingId]
      )
      expect(stored.rows).toEqual([{ code: 'allocation_overlap' }])

      await client.query('DELETE FROM public.allocations WHERE booking_id = $1', [winner.bookingId])
      expect(await confirm(client, loser.holdId, loser.bookingId, 'l')).toEqual(failed)
      expect(await count('public.allocations WHERE booking_id = $1', [loser.bookingId])).toBe(0)
      // A new key is a new attempt, and now succeeds.
      expect((await confirm(client, loser.holdId, loser.bookingId, 'l2')).status).toBe('confirmed')
    }))
})

describe('recorded business failures', () => {
  test('an expired hold is recorded, not raised, and allocates nothing', () =>
    inRestaurant(async rid => {
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
      expect(await count('public.allocations WHERE booking_id = $1', [bookingId])).toBe(0)
      const stored = await client.query(
        `SELECT metadata -> 'error' ->> 'code' AS code, restaurant_id
         FROM public.booking_confirmation_results WHERE booking_id = $1`,
        [bookingId]
      )
      expect(stored.rows).toEqual([{ code: 'hold_expired', restaurant_id: rid }])
    }))

  test('a missing booking or a bad argument raises', () =>
    inRestaurant(async () => {
      const missing = '00000000-0000-4000-8000-000000000000'
      // Each call in a savepoint of its own: a raised error would abort the test's transaction.
      const call = (key: string, mode: string | null = null) =>
        probeAs(client, 'service_role', null, () => confirm(client, missing, missing, key, mode))
      await expect(call('k')).rejects.toMatchObject({ code: 'P0002' })
      await expect(call('')).rejects.toMatchObject({ code: '22023' })
      await expect(call('k', 'circle')).rejects.toMatchObject({
        code: '22023',
        message: expect.stringContaining("'circle'")
      })
    }))
})

describe('adjacency modes', () => {
  // T1 - T2 - T3 in a row, and T4 next to T5 on their own; a fresh evening per attempt.
  async function layout(rid: string): Promise<string[]> {
    const t = await addTables(client, rid, 5)
    await addAdjacencies(client, rid, [
      [t[0], t[1]],
      [t[1], t[2]],
      [t[3], t[4]]
    ])
    return t
  }

  async function attempt(rid: string, tables: string[], mode: string | null) {
    const { bookingId, holdId } = await bookingWithHold(client, rid, tables, nextEvening())
    return confirm(client, holdId, bookingId, 'k', mode)
  }

  async function outcome(rid: string, tables: string[], mode: string | null): Promise<string> {
    const r = await attempt(rid, tables, mode)
    return r.status === 'confirmed' ? 'confirmed' : r.error.code
  }

  test('connected: one connected group passes, two groups fail', () =>
    inRestaurant(async rid => {
      const t = await layout(rid)
      expect(await outcome(rid, [t[0], t[1], t[2]], 'connected')).toBe('confirmed')
      expect(await outcome(rid, [t[0], t[1], t[3], t[4]], 'connected')).toBe('tables_not_adjacent')
    }))

  test('pairwise: every two tables adjacent passes, a chain of three fails', () =>
    inRestaurant(async rid => {
      const t = await layout(rid)
      expect(await outcome(rid, [t[0], t[1]], 'pairwise')).toBe('confirmed')
      expect(await outcome(rid, [t[0], t[1], t[2]], 'pairwise')).toBe('tables_not_adjacent')
    }))

  test('neighbors: each table next to another passes even in two groups; a lone table fails', () =>
    inRestaurant(async rid => {
      const t = await layout(rid)
      expect(await outcome(rid, [t[0], t[1], t[3], t[4]], 'neighbors')).toBe('confirmed')
      expect(await outcome(rid, [t[0], t[1], t[3]], 'neighbors')).toBe('tables_not_adjacent')
    }))

  test('a single table needs no adjacency', () =>
    inRestaurant(async rid => {
      const t = await layout(rid)
      expect(await outcome(rid, [t[3]], 'pairwise')).toBe('confirmed')
    }))

  test('mode resolution: the parameter, else the enabled override, else connected', () =>
    inRestaurant(async rid => {
      const t = await layout(rid)
      const twoGroups = [t[0], t[1], t[3], t[4]]
      const resolved = async (mode: string | null) => {
        const r = await attempt(rid, twoGroups, mode)
        return [r.adjacency_mode, r.adjacency_mode_source, r.status]
      }
      expect(await resolved(null)).toEqual(['connected', 'default', 'failed'])

      await client.query(
        `INSERT INTO public.feature_flag_overrides (restaurant_id, flag_key, flag_value, enabled)
         VALUES ($1, 'allocator.adjacency_mode', 'neighbors', true)`,
        [rid]
      )
      expect(await resolved(null)).toEqual(['neighbors', 'override', 'confirmed'])
      expect(await resolved('connected')).toEqual(['connected', 'parameter', 'failed'])

      await client.query(
        `UPDATE public.feature_flag_overrides SET enabled = false
         WHERE restaurant_id = $1 AND flag_key = 'allocator.adjacency_mode'`,
        [rid]
      )
      expect(await resolved(null)).toEqual(['connected', 'default', 'failed'])
    }))

  test('the override only accepts the three modes', () =>
    inRestaurant(async rid => {
      const insert = () =>
        client.query(
          `INSERT INTO public.feature_flag_overrides (restaurant_id, flag_key, flag_value)
           VALUES ($1, 'allocator.adjacency_mode', 'nearby')`,
          [rid]
        )
      await expect(probeAs(client, 'service_role', null, insert)).rejects.toMatchObject({
        code: '23514',
        constraint: 'feature_flag_overrides_adjacency_mode_check'
      })
    }))
})
