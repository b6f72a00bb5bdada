/**
 * The reference HTTP service of the capacity model, on node:http (no framework): what the runbook's smoke
 * checks talk to in `npm run rehearse`. It books the way the application does: a booking and a table hold,
 * then a confirmation through public.confirm_hold_assignment_tx.
 *
 *   GET  /health                  200 {status:"ok"} when the database answers, else 503
 *   POST /bookings                {party_size?, tables?: 1|2, restaurant_id?, start_at?, minutes?}
 *                                 201 {booking, hold}: free table(s) (2 = an adjacent pair) held 10 minutes
 *   POST /bookings/:id/confirm    {hold_id, idempotency_key?, adjacency_mode?}
 *                                 200 {result} when confirmed, 409 {result} when the function recorded a failure
 *
 * With a token, every route but /health needs `Authorization: Bearer <token>`.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import pg from 'pg'

export interface CapacityApiOptions {
  databaseUrl: string
  token?: string
  /** Default 127.0.0.1 and a free port. */
  host?: string
  port?: number
}

export interface CapacityApi {
  url: string
  stop: () => Promise<void>
}

const MAX_BODY = 64 * 1024
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let size = 0
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) reject(new HttpError(413, `body is over ${MAX_BODY} bytes`))
      else chunks.push(c)
    })
    req.on('error', reject)
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim()
      if (text === '') return resolve({})
      try {
        const value: unknown = JSON.parse(text)
        if (value === null || typeof value !== 'object' || Array.isArray(value))
          return reject(new HttpError(400, 'body is not a JSON object'))
        resolve(value as Record<string, unknown>)
      } catch {
        reject(new HttpError(400, 'body is not valid JSON'))
      }
    })
  })
}

function intField(
  body: Record<string, unknown>,
  name: string,
  fallback: number,
  min: number,
  max: number
): number {
  const v = body[name] ?? fallback
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new HttpError(
      400,
      `${name} is ${JSON.stringify(v)}; allowed: an integer from ${min} to ${max}`
    )
  return v
}

function uuidField(
  body: Record<string, unknown>,
  name: string,
  required: boolean
): string | undefined {
  const v = body[name]
  if (v === undefined && !required) return undefined
  if (typeof v !== 'string' || !UUID.test(v))
    throw new HttpError(400, `${name} is ${JSON.stringify(v) ?? 'missing'}; allowed: a uuid`)
  return v
}

/** Free tables of one restaurant for the window: one table, or two adjacent ones (table_adjacencies). */
const FIND_TABLES = `
  WITH w AS (SELECT tstzrange($1::timestamptz, $1::timestamptz + make_interval(mins => $2::int)) AS win),
  free AS (
    SELECT t.id, t.restaurant_id, t.capacity
      FROM public.table_inventory t, w
     WHERE t.active
       AND ($3::uuid IS NULL OR t.restaurant_id = $3::uuid)
       AND NOT EXISTS (SELECT 1 FROM public.allocations a
                        WHERE a.resource_id = t.id AND NOT a.shadow AND a."window" && w.win)
       AND NOT EXISTS (SELECT 1 FROM public.table_holds h
                        WHERE t.id = ANY (h.table_ids) AND h.expires_at > now() AND h."window" && w.win)
  )
  SELECT restaurant_id, ARRAY[id] AS table_ids
    FROM free WHERE $4::int = 1 AND capacity >= $5::int
  UNION ALL
  SELECT a.restaurant_id, ARRAY[a.table_a, a.table_b]
    FROM public.table_adjacencies a
    JOIN free fa ON fa.id = a.table_a
    JOIN free fb ON fb.id = a.table_b
   WHERE $4::int = 2 AND fa.capacity + fb.capacity >= $5::int
   LIMIT 1`

async function createBooking(pool: pg.Pool, body: Record<string, unknown>) {
  const partySize = intField(body, 'party_size', 2, 1, 50)
  const tables = intField(body, 'tables', 1, 1, 2)
  const minutes = intField(body, 'minutes', 90, 15, 600)
  const restaurantId = uuidField(body, 'restaurant_id', false) ?? null
  const startAt =
    body.start_at === undefined
      ? // A week ahead, on the hour: clear of the demo history.
        new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 7 * 86_400_000).toISOString()
      : String(body.start_at)
  if (Number.isNaN(Date.parse(startAt)))
    throw new HttpError(
      400,
      `start_at is ${JSON.stringify(body.start_at)}; allowed: an ISO timestamp`
    )
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    const found = await client.query<{ restaurant_id: string; table_ids: string[] }>(FIND_TABLES, [
      startAt,
      minutes,
      restaurantId,
      tables,
      partySize
    ])
    if (found.rows.length === 0) throw new HttpError(409, 'no free table for this party and window')
    const { restaurant_id, table_ids } = found.rows[0]
    const booking = await client.query(
      `INSERT INTO public.bookings (restaurant_id, customer_name, party_size, start_at, end_at)
       VALUES ($1, $2, $3, $4::timestamptz, $4::timestamptz + make_interval(mins => $5::int))
       RETURNING id, restaurant_id, customer_name, party_size, start_at, end_at, status`,
      [restaurant_id, String(body.customer_name ?? 'smoke test'), partySize, startAt, minutes]
    )
    const hold = await client.query(
      `INSERT INTO public.table_holds (restaurant_id, booking_id, table_ids, "window", expires_at)
       VALUES ($1, $2, $3::uuid[], tstzrange($4::timestamptz, $5::timestamptz), now() + interval '10 minutes')
       RETURNING id, table_ids, "window"::text AS "window", expires_at`,
      [
        restaurant_id,
        booking.rows[0].id,
        table_ids,
        booking.rows[0].start_at,
        booking.rows[0].end_at
      ]
    )
    await client.query('COMMIT')
    return { booking: booking.rows[0], hold: hold.rows[0] }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}

async function confirmBooking(pool: pg.Pool, bookingId: string, body: Record<string, unknown>) {
  if (!UUID.test(bookingId))
    throw new HttpError(404, `booking ${JSON.stringify(bookingId)} not found`)
  const holdId = uuidField(body, 'hold_id', true)
  const key = body.idempotency_key === undefined ? randomUUID() : String(body.idempotency_key)
  const mode = body.adjacency_mode === undefined ? null : String(body.adjacency_mode)
  try {
    const res = await pool.query<{ result: { status: string } }>(
      'SELECT public.confirm_hold_assignment_tx($1::uuid, $2::uuid, $3::text, $4::text) AS result',
      [holdId, bookingId, key, mode]
    )
    return res.rows[0].result
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'P0002') throw new HttpError(404, `booking ${bookingId} not found`)
    if (code === '22023' || code === '22004') throw new HttpError(400, (e as Error).message)
    throw e
  }
}

function send(res: http.ServerResponse, status: number, value: unknown): void {
  const text = JSON.stringify(value)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text)
  })
  res.end(text)
}

export async function startCapacityApi(opts: CapacityApiOptions): Promise<CapacityApi> {
  const pool = new pg.Pool({
    connectionString: opts.databaseUrl,
    max: 4,
    application_name: 'capacity-api'
  })
  // An idle client's error (the server stopping) must not crash the process.
  pool.on('error', () => undefined)
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const route = async (): Promise<void> => {
      if (req.method === 'GET' && url.pathname === '/health') {
        try {
          await pool.query('SELECT 1')
          return send(res, 200, { status: 'ok' })
        } catch {
          return send(res, 503, { status: 'unavailable', error: 'the database does not answer' })
        }
      }
      if (opts.token && req.headers.authorization !== `Bearer ${opts.token}`)
        throw new HttpError(401, 'missing or wrong Authorization: Bearer token')
      if (req.method === 'POST' && url.pathname === '/bookings')
        return send(res, 201, await createBooking(pool, await readJson(req)))
      const confirm = /^\/bookings\/([^/]+)\/confirm$/.exec(url.pathname)
      if (req.method === 'POST' && confirm) {
        const result = await confirmBooking(
          pool,
          decodeURIComponent(confirm[1]),
          await readJson(req)
        )
        return send(res, result.status === 'confirmed' ? 200 : 409, { result })
      }
      throw new HttpError(404, `no route ${req.method} ${url.pathname}`)
    }
    route().catch((e: unknown) => {
      if (e instanceof HttpError) send(res, e.status, { error: e.message })
      // A reference service: the database's own words help the smoke report more than a bare 500.
      else send(res, 500, { error: (e as Error).message })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://${address.address}:${address.port}`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
      await pool.end().catch(() => undefined)
    }
  }
}

/**
 * For `rehearse`: the service on a free local port against the throwaway database, with a fresh token
 * (registered as a secret), and the variables the runbook's smoke scenarios read.
 */
export async function startRehearsalApi(
  databaseUrl: string,
  addSecret: (secret: string) => void
): Promise<{ api: CapacityApi; variables: Record<string, string> }> {
  const token = randomUUID()
  addSecret(token)
  const api = await startCapacityApi({ databaseUrl, token })
  return { api, variables: { CAPACITY_API_URL: api.url, CAPACITY_API_TOKEN: token } }
}
