/**
 * The reference capacity API (examples/capacity/src/api.ts) on a real capacity database, and the shipped runbook.yml's
 * smoke scenario run against it: book two adjacent tables, confirm through confirm_hold_assignment_tx, find
 * the result row, delete the test booking.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import {
  addAdjacencies,
  addTables,
  capacityDatabase,
  createRestaurant,
  type CapacityDatabase
} from '../helpers/capacity.js'
import { closeContext, makeContext } from '../helpers/context.js'
import { startCapacityApi, type CapacityApi } from '../../examples/capacity/src/api.js'
import { smokeCheck } from '../../src/checks/smoke.js'
import { runChecks } from '../../src/stages/runner.js'

const ROOT = path.resolve(import.meta.dirname, '../..')
const TOKEN = 'capacity-api-test-token'
let cap: CapacityDatabase
let api: CapacityApi

beforeAll(async () => {
  cap = await capacityDatabase('runbook_api')
  const restaurant = await createRestaurant(cap.client, 'Smoke')
  const [t1, t2] = await addTables(cap.client, restaurant, 3)
  // T3 stands alone: a second pair for the same window cannot be found.
  await addAdjacencies(cap.client, restaurant, [[t1, t2]])
  api = await startCapacityApi({ databaseUrl: cap.db.url, token: TOKEN })
})
afterAll(async () => {
  await api.stop()
  await cap.db.drop()
})

/** What the routes answer (the parts these tests read). */
interface ApiBody {
  status?: string
  booking: { id: string }
  hold: { id: string; table_ids: string[] }
  result: { status: string; adjacency_mode?: string; error?: { code: string } }
}

const call = (method: string, route: string, body?: unknown, token: string | null = TOKEN) =>
  fetch(api.url + route, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {})
    },
    body: body === undefined ? undefined : JSON.stringify(body)
  }).then(async r => ({ status: r.status, body: (await r.json()) as ApiBody }))

test('health needs no token; bookings do', async () => {
  expect(await call('GET', '/health', undefined, null)).toEqual({
    status: 200,
    body: { status: 'ok' }
  })
  const denied = await call('POST', '/bookings', {}, 'wrong')
  expect(denied.status).toBe(401)
})

test('book two adjacent tables, confirm through confirm_hold_assignment_tx, overlap avoided', async () => {
  const startAt = '2031-06-01T18:00:00Z'
  const booked = await call('POST', '/bookings', { tables: 2, start_at: startAt })
  expect(booked.status).toBe(201)
  expect(booked.body.hold.table_ids).toHaveLength(2)
  // The same window: no second adjacent pair is free (T3 stands alone), one table is.
  expect((await call('POST', '/bookings', { tables: 2, start_at: startAt })).status).toBe(409)
  expect((await call('POST', '/bookings', { tables: 1, start_at: startAt })).status).toBe(201)

  const wrongHold = await call('POST', `/bookings/${booked.body.booking.id}/confirm`, {
    hold_id: '00000000-0000-0000-0000-000000000000',
    idempotency_key: 'k-wrong'
  })
  expect(wrongHold.status).toBe(409)
  expect(wrongHold.body.result.error?.code).toBe('hold_not_found')

  const confirmed = await call('POST', `/bookings/${booked.body.booking.id}/confirm`, {
    hold_id: booked.body.hold.id
  })
  expect(confirmed.status).toBe(200)
  expect(confirmed.body.result).toMatchObject({ status: 'confirmed', adjacency_mode: 'connected' })
  const rows = await cap.client.query(
    `SELECT metadata ->> 'status' AS status FROM public.booking_confirmation_results
      WHERE booking_id = $1 ORDER BY created_at`,
    [booked.body.booking.id]
  )
  expect(rows.rows.map(r => r.status)).toEqual(['failed', 'confirmed'])
  expect(
    (await call('POST', '/bookings/not-a-uuid/confirm', { hold_id: booked.body.hold.id })).status
  ).toBe(404)
})

test("the shipped runbook.yml's smoke scenario passes against it and removes its booking", async () => {
  const client = await cap.db.client()
  const ctx = makeContext({
    client,
    url: cap.db.url,
    stage: 'verify',
    environment: 'staging',
    policyYaml: readFileSync(path.join(ROOT, 'migrations', 'runbook.yml'), 'utf8')
  })
  ctx.config.variables = { environment: { CAPACITY_API_URL: api.url, CAPACITY_API_TOKEN: TOKEN } }
  const before = (await client.query('SELECT count(*)::int AS n FROM public.bookings')).rows[0].n
  try {
    const [result] = await runChecks(ctx, [smokeCheck])
    expect(result.reasons).toEqual([])
    expect(result).toMatchObject({ status: 'pass', summary: '1/1 scenario passed' })
    const after = (await client.query('SELECT count(*)::int AS n FROM public.bookings')).rows[0].n
    expect(after).toBe(before)
    expect(JSON.stringify(result)).not.toContain(TOKEN)
  } finally {
    await closeContext(ctx)
  }
})
