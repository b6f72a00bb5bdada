/**
 * Shared helpers of the capacity tests: apply a migration file as the engine does (one transaction),
 * run a verify script (in a transaction that is rolled back), seed restaurants, tables and holds.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type pg from 'pg'
import { createTestDatabase, type TestDatabase } from './db.js'

const ROOT = path.resolve(import.meta.dirname, '../..')

export const FILES = {
  baseline: 'migrations/20251101000000_capacity_baseline.sql',
  baselineVerify: 'migrations/verify/20251101000000_capacity_baseline.sql',
  migration: 'migrations/20251113203000_capacity_overlap_and_confirm_cache.sql',
  rollback: 'migrations/rollback/20251113203000_capacity_overlap_and_confirm_cache.sql',
  verify: 'migrations/verify/20251113203000_capacity_overlap_and_confirm_cache.sql'
} as const

export function readSql(file: string): string {
  return readFileSync(path.join(ROOT, file), 'utf8')
}

/** Applies a file in its own transaction, as the engine does; rolls back and rethrows on error. */
export async function applyFile(client: pg.ClientBase, file: string): Promise<void> {
  const sql = readSql(file)
  await client.query('BEGIN')
  try {
    await client.query(sql)
    await client.query('COMMIT')
  } catch (err) {
    await client.query('ROLLBACK')
    throw err
  }
}

/** Runs a verify script in a transaction that is always rolled back; rethrows what it raises. */
export async function runVerify(client: pg.ClientBase, file: string): Promise<void> {
  await client.query('BEGIN')
  try {
    await client.query(readSql(file))
  } finally {
    await client.query('ROLLBACK')
  }
}

export interface CapacityDatabase {
  db: TestDatabase
  client: pg.Client
}

/** A fresh database with the baseline applied, and the migration too unless `migrated` is false. */
export async function capacityDatabase(
  prefix: string,
  opts: { migrated?: boolean } = {}
): Promise<CapacityDatabase> {
  const db = await createTestDatabase(prefix)
  const client = await db.client()
  await applyFile(client, FILES.baseline)
  if (opts.migrated !== false) await applyFile(client, FILES.migration)
  return { db, client }
}

export function window(from: string, to: string): string {
  return `[${from},${to})`
}

export async function createRestaurant(client: pg.ClientBase, name = 'Test'): Promise<string> {
  const res = await client.query('INSERT INTO restaurants (name) VALUES ($1) RETURNING id', [name])
  return res.rows[0].id
}

/** `count` tables T1..Tn of the restaurant, ids in that order. */
export async function addTables(
  client: pg.ClientBase,
  restaurantId: string,
  count: number
): Promise<string[]> {
  const res = await client.query(
    `INSERT INTO table_inventory (restaurant_id, table_number, capacity)
     SELECT $1, 'T' || n, 4 FROM generate_series(1, $2::int) n
     RETURNING id, table_number`,
    [restaurantId, count]
  )
  const byNumber = new Map(res.rows.map(r => [r.table_number as string, r.id as string]))
  return Array.from({ length: count }, (_, i) => byNumber.get(`T${i + 1}`) as string)
}

/** Undirected pairs; each stored once, smaller id first. */
export async function addAdjacencies(
  client: pg.ClientBase,
  restaurantId: string,
  pairs: Array<[string, string]>
): Promise<void> {
  for (const [a, b] of pairs) {
    await client.query(
      `INSERT INTO table_adjacencies (restaurant_id, table_a, table_b)
       VALUES ($1, least($2::uuid, $3::uuid), greatest($2::uuid, $3::uuid))`,
      [restaurantId, a, b]
    )
  }
}

export async function addMember(
  client: pg.ClientBase,
  userId: string,
  restaurantId: string
): Promise<void> {
  await client.query(
    `INSERT INTO restaurant_memberships (user_id, restaurant_id, role) VALUES ($1, $2, 'host')`,
    [userId, restaurantId]
  )
}

export async function createBooking(
  client: pg.ClientBase,
  restaurantId: string,
  range: string
): Promise<string> {
  const res = await client.query(
    `INSERT INTO bookings (restaurant_id, party_size, start_at, end_at)
     SELECT $1, 2, lower(r), upper(r) FROM (SELECT $2::tstzrange AS r) x RETURNING id`,
    [restaurantId, range]
  )
  return res.rows[0].id
}

export interface HoldSpec {
  restaurantId: string
  bookingId: string | null
  tableIds: string[]
  range: string
  /** Default: an hour from now. */
  expiresAt?: string
}

export async function createHold(client: pg.ClientBase, spec: HoldSpec): Promise<string> {
  const res = await client.query(
    `INSERT INTO table_holds (restaurant_id, booking_id, table_ids, "window", expires_at)
     VALUES ($1, $2, $3::uuid[], $4::tstzrange, coalesce($5::timestamptz, now() + interval '1 hour'))
     RETURNING id`,
    [spec.restaurantId, spec.bookingId, spec.tableIds, spec.range, spec.expiresAt ?? null]
  )
  return res.rows[0].id
}

/** A booking and a hold on `tableIds` for `range`, ready to confirm. */
export async function bookingWithHold(
  client: pg.ClientBase,
  restaurantId: string,
  tableIds: string[],
  range: string
): Promise<{ bookingId: string; holdId: string }> {
  const bookingId = await createBooking(client, restaurantId, range)
  const holdId = await createHold(client, { restaurantId, bookingId, tableIds, range })
  return { bookingId, holdId }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ConfirmResult = Record<string, any>

export async function confirm(
  client: pg.ClientBase,
  holdId: string,
  bookingId: string,
  key: string,
  mode: string | null = null
): Promise<ConfirmResult> {
  const res = await client.query(
    'SELECT public.confirm_hold_assignment_tx($1, $2, $3, $4) AS result',
    [holdId, bookingId, key, mode]
  )
  return res.rows[0].result
}

export async function liveOverlaps(client: pg.ClientBase): Promise<number> {
  const res = await client.query(
    `SELECT count(*)::int AS n FROM allocations a JOIN allocations b
       ON a.id < b.id AND a.restaurant_id = b.restaurant_id AND a.resource_type = b.resource_type
      AND a.resource_id = b.resource_id AND a."window" && b."window"
     WHERE NOT a.shadow AND NOT b.shadow`
  )
  return res.rows[0].n
}
