/**
 * A race: concurrent confirmations of one table and window, each committed from its own connection as
 * service_role. Runs on a fresh database of its own, or under `npm run test:integration` on the target
 * database (see helpers/target.ts), with fewer contenders there so a real server's connection limit is
 * not at stake. The race needs commits, so the test's restaurant is deleted in afterAll (every tenant
 * row cascades with it) and the cleanup itself is checked.
 */
import type pg from 'pg'
import {
  addTables,
  bookingWithHold,
  confirm,
  createRestaurant,
  type ConfirmResult
} from '../../../__tests__/helpers/capacity.js'
import {
  committedAsService,
  deleteRestaurants,
  openTarget,
  restaurantTraces,
  targetUrl,
  type Target
} from './helpers/target.js'

const CONTENDERS = targetUrl() ? 10 : 50
const RANGE = '[2030-06-01 19:00+00,2030-06-01 21:00+00)'

let target: Target
let seed: pg.Client
let restaurantId: string | undefined

beforeAll(async () => {
  target = await openTarget('cap_concurrency')
  seed = await target.client()
})

afterAll(async () => {
  if (!target) return
  try {
    if (restaurantId) {
      await deleteRestaurants(seed, [restaurantId])
      const left = Object.entries(await restaurantTraces(seed, restaurantId)).filter(
        ([, n]) => n > 0
      )
      expect(left).toEqual([])
    }
  } finally {
    await target.close()
  }
})

test(`${CONTENDERS} concurrent confirmations of one table and window: exactly one wins`, async () => {
  const attempts = await committedAsService(seed, async () => {
    restaurantId = await createRestaurant(seed, 'capacity concurrency')
    const [table] = await addTables(seed, restaurantId, 1)
    const list = []
    for (let i = 0; i < CONTENDERS; i++)
      list.push(await bookingWithHold(seed, restaurantId, [table], RANGE))
    return list
  })
  const rid = restaurantId as string

  // Every connection is open before any confirmation starts.
  const clients = await Promise.all(attempts.map(() => target.client()))
  const results: ConfirmResult[] = await Promise.all(
    attempts.map((a, i) =>
      committedAsService(clients[i], () => confirm(clients[i], a.holdId, a.bookingId, `race-${i}`))
    )
  )

  const winners = results.filter(r => r.status === 'confirmed')
  const losers = results.filter(r => r.status === 'failed')
  expect(winners).toHaveLength(1)
  expect(losers).toHaveLength(CONTENDERS - 1)
  for (const l of losers)
    expect(l.error).toMatchObject({ code: 'allocation_overlap', sqlstate: '23P01' })

  const stored = await committedAsService(seed, async () => {
    const res = await seed.query(
      `SELECT metadata ->> 'status' AS status, count(*)::int AS n
       FROM public.booking_confirmation_results WHERE restaurant_id = $1 GROUP BY 1 ORDER BY 1`,
      [rid]
    )
    const live = await seed.query(
      'SELECT count(*)::int AS n FROM public.allocations WHERE restaurant_id = $1 AND NOT shadow',
      [rid]
    )
    // A failed confirmation leaves its hold in place.
    const holds = await seed.query(
      'SELECT count(*)::int AS n FROM public.table_holds WHERE restaurant_id = $1',
      [rid]
    )
    return { results: res.rows, live: live.rows[0].n, holds: holds.rows[0].n }
  })
  expect(stored).toEqual({
    results: [
      { status: 'confirmed', n: 1 },
      { status: 'failed', n: CONTENDERS - 1 }
    ],
    live: 1,
    holds: CONTENDERS - 1
  })
})

test('the race left no overlapping live allocations in the restaurant', async () => {
  const rid = restaurantId as string
  const overlaps = await committedAsService(seed, async () => {
    // Only this restaurant: the target may hold a large history.
    const res = await seed.query(
      `SELECT count(*)::int AS n FROM public.allocations a JOIN public.allocations b
         ON a.id < b.id AND a.resource_type = b.resource_type AND a.resource_id = b.resource_id
        AND a."window" && b."window"
       WHERE a.restaurant_id = $1 AND b.restaurant_id = $1 AND NOT a.shadow AND NOT b.shadow`,
      [rid]
    )
    return res.rows[0].n
  })
  expect(overlaps).toBe(0)
})
