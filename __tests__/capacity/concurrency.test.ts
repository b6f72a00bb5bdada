import pg from 'pg'
import {
  addTables,
  bookingWithHold,
  capacityDatabase,
  confirm,
  createRestaurant,
  liveOverlaps,
  type CapacityDatabase,
  type ConfirmResult
} from '../helpers/capacity.js'

const CONTENDERS = 50
const RANGE = '[2026-06-01 19:00+00,2026-06-01 21:00+00)'

let cap: CapacityDatabase

beforeAll(async () => {
  cap = await capacityDatabase('cap_concurrency')
})

afterAll(async () => {
  await cap.db.drop()
})

test(`${CONTENDERS} concurrent confirmations of one table and window: exactly one wins`, async () => {
  const seed = cap.client
  const rid = await createRestaurant(seed)
  const [table] = await addTables(seed, rid, 1)
  const attempts = []
  for (let i = 0; i < CONTENDERS; i++)
    attempts.push(await bookingWithHold(seed, rid, [table], RANGE))

  const clients = await Promise.all(attempts.map(() => cap.db.client()))
  // Every client has its connection open before any confirmation starts.
  const results: ConfirmResult[] = await Promise.all(
    attempts.map((a, i) => confirm(clients[i] as pg.Client, a.holdId, a.bookingId, `attempt-${i}`))
  )

  const winners = results.filter(r => r.status === 'confirmed')
  const losers = results.filter(r => r.status === 'failed')
  expect(winners).toHaveLength(1)
  expect(losers).toHaveLength(CONTENDERS - 1)
  for (const l of losers)
    expect(l.error).toMatchObject({ code: 'allocation_overlap', sqlstate: '23P01' })

  const stored = await seed.query(
    `SELECT metadata ->> 'status' AS status, count(*)::int AS n FROM booking_confirmation_results
     GROUP BY 1 ORDER BY 1`
  )
  expect(stored.rows).toEqual([
    { status: 'confirmed', n: 1 },
    { status: 'failed', n: CONTENDERS - 1 }
  ])
  const live = await seed.query('SELECT count(*)::int AS n FROM allocations WHERE NOT shadow')
  expect(live.rows[0].n).toBe(1)
  expect(await liveOverlaps(seed)).toBe(0)
  const holds = await seed.query('SELECT count(*)::int AS n FROM table_holds')
  expect(holds.rows[0].n).toBe(CONTENDERS - 1)
})
