/**
 * Demo and benchmark data for the capacity schema, set-based (generate_series) so a million
 * allocations load in seconds. Works on the baseline schema and after 20251113203000.
 *
 * Ids are built from the seed and the row's numbers (see id()), so one seed always gives the same
 * restaurants, tables and users, and ids ascend in insertion order (btree inserts stay sequential:
 * random uuids made the load several times slower). Loading one seed twice fails with a unique
 * violation.
 *
 * A "conflict" is one extra live (shadow = false) allocation that overlaps an existing allocation of
 * the same restaurant, resource type and resource. Both the OLD constraint (resource_id =, "window" &&)
 * and the NEW one (restaurant_id =, resource_type =, resource_id =, "window" &&) reject it, so with
 * conflicts > 0 the generator first drops allocations_no_overlap: the database then looks like one that
 * lost its constraint, which is what the validate stage's conflict check must catch before the
 * migration (whose ADD CONSTRAINT would fail with 23P01). Rehearsals use conflicts: 0.
 *
 * Speed: checking a million rows one by one against the gist exclusion constraint and the foreign
 * keys dominated the load (a row lock and WAL record per referenced booking). So, inside the load's
 * transaction, the exclusion constraint, other gist indexes of allocations and the foreign keys of
 * bookings and allocations are dropped, the rows are inserted in (resource, window) order, and each
 * object is re-created from its own catalog definition (pg_get_constraintdef / pg_get_indexdef:
 * same name, columns, deferrability); the foreign keys are then validated by one query each and the
 * gist index is built in bulk. The table is ACCESS EXCLUSIVE locked until COMMIT, which a demo load
 * can afford. Comments on the dropped objects are not carried over (the schema has none).
 */
import type pg from 'pg'

/** The sample's tables, all in public: what the generator fills and the reference API reads and writes. */
export const CAPACITY_TABLES = [
  'restaurants',
  'restaurant_memberships',
  'table_inventory',
  'table_adjacencies',
  'bookings',
  'table_holds',
  'allocations'
] as const

/**
 * Whether the database has the capacity sample's schema: every table of CAPACITY_TABLES. A project that only
 * shares a name with it (a budgeting app's public.allocations, found on a real project) does not, and gets no
 * demo data.
 */
export async function hasCapacitySchema(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname = ANY ($1::text[])`,
    [CAPACITY_TABLES]
  )
  return rows[0].n === CAPACITY_TABLES.length
}

export interface GenerateOptions {
  restaurants: number
  tablesPerRestaurant: number
  windowsPerTable: number
  /** Extra overlapping live allocations; > 0 drops allocations_no_overlap first. Default 0. */
  conflicts?: number
  /** Makes ids and windows reproducible. Default 1. */
  seed?: number
}

export interface GenerateResult {
  restaurants: number
  tables: number
  allocations: number
  conflicts: number
}

/** Where the first window of every table starts; history goes forward a day per window. */
const HISTORY_START = '2025-01-01 17:00:00+00'

function positiveInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `generateCapacityData: option "${name}" is ${JSON.stringify(value)}; allowed: an integer from ${min} to ${max}`
    )
  }
  return value
}

export function checkOptions(opts: GenerateOptions): Required<GenerateOptions> {
  const restaurants = positiveInteger('restaurants', opts.restaurants, 1, 1_000_000)
  const tablesPerRestaurant = positiveInteger(
    'tablesPerRestaurant',
    opts.tablesPerRestaurant,
    1,
    10_000
  )
  const windowsPerTable = positiveInteger('windowsPerTable', opts.windowsPerTable, 1, 100_000)
  const conflicts = positiveInteger('conflicts', opts.conflicts ?? 0, 0, 1_000_000)
  const seed = positiveInteger('seed', opts.seed ?? 1, 0, 2_147_483_647)
  const allocations = restaurants * tablesPerRestaurant * windowsPerTable
  if (allocations > 50_000_000) {
    throw new RangeError(
      `generateCapacityData: restaurants × tablesPerRestaurant × windowsPerTable is ${allocations}; allowed: at most 50000000`
    )
  }
  if (conflicts > allocations) {
    throw new RangeError(
      `generateCapacityData: option "conflicts" is ${conflicts}; allowed: at most the number of allocations (${allocations})`
    )
  }
  return { restaurants, tablesPerRestaurant, windowsPerTable, conflicts, seed }
}

/** Kinds of generated ids (the first hex group after the seed). */
const KIND = { restaurant: 1, owner: 2, host: 3, table: 4, booking: 5, allocation: 6 } as const

/**
 * SQL for a deterministic uuid: 8 hex digits of seed, 4 of kind, 8 of restaurant, 4 of table, 8 of
 * window number; e.g. restaurant 3 of seed 1 is 00000001-0001-0000-0003-000000000000.
 */
function id(kind: number, r: string, t = '0', k = '0'): string {
  const hex = (expr: string, width: number) => `lpad(to_hex(${expr}), ${width}, '0')`
  return `(${hex('$1::int', 8)} || '${kind.toString(16).padStart(4, '0')}' || ${hex(`(${r})`, 8)} || ${hex(`(${t})`, 4)} || ${hex(`(${k})`, 8)})::uuid`
}

/** The statements, in order; $1 seed, $2 restaurants, $3 tables per restaurant, $4 windows (conflicts: $4 count). */
const RESTAURANTS = `
  INSERT INTO public.restaurants (id, name, timezone)
  SELECT ${id(KIND.restaurant, 'r')}, format('Demo restaurant %s-%s', $1::int, r), 'UTC'
  FROM generate_series(1, $2::int) AS r`

// An owner per restaurant, and a host who works at this restaurant and the next one (RLS demos).
const MEMBERSHIPS = `
  INSERT INTO public.restaurant_memberships (user_id, restaurant_id, role)
  SELECT ${id(KIND.owner, 'r')}, ${id(KIND.restaurant, 'r')}, 'owner'
  FROM generate_series(1, $2::int) AS r
  UNION ALL
  SELECT ${id(KIND.host, 'r')},
         ${id(KIND.restaurant, '(r - 1 + s) % $2::int + 1')}, 'host'
  FROM generate_series(1, $2::int) AS r, generate_series(0, least(1, $2::int - 1)) AS s`

const TABLES = `
  INSERT INTO public.table_inventory (id, restaurant_id, table_number, capacity)
  SELECT ${id(KIND.table, 'r', 't')}, ${id(KIND.restaurant, 'r')},
         format('T%s', t), 2 + (t % 4) * 2
  FROM generate_series(1, $2::int) AS r, generate_series(1, $3::int) AS t`

// Tables stand in a row: t is next to t + 1. Stored once per pair, smaller id first.
const ADJACENCIES = `
  INSERT INTO public.table_adjacencies (restaurant_id, table_a, table_b)
  SELECT rid, least(a, b), greatest(a, b)
  FROM (
    SELECT ${id(KIND.restaurant, 'r')} AS rid,
           ${id(KIND.table, 'r', 't')} AS a,
           ${id(KIND.table, 'r', 't + 1')} AS b
    FROM generate_series(1, $2::int) AS r, generate_series(1, $3::int - 1) AS t
  ) pairs`

// Window k of table t: day k of the history, a seeded start between 17:00 and 20:30, 90 to 150 min.
// One day apart, so one table's windows never overlap each other. The hash inputs are reduced
// in bigint so large seeds do not overflow int4 (small seeds hash exactly as before).
const WINDOWS = `
  SELECT r, t, k,
         ${id(KIND.restaurant, 'r')} AS rid,
         ${id(KIND.table, 'r', 't')} AS tid,
         ${id(KIND.booking, 'r', 't', 'k')} AS bid,
         tstzrange(
           '${HISTORY_START}'::timestamptz + (k - 1) * interval '1 day'
             + ((hashint4(((($1::int::bigint * 7919 + t * 31 + k) % 2147483648)::int)) & 7) * interval '30 minutes'),
           '${HISTORY_START}'::timestamptz + (k - 1) * interval '1 day'
             + ((hashint4(((($1::int::bigint * 7919 + t * 31 + k) % 2147483648)::int)) & 7) * interval '30 minutes')
             + interval '90 minutes' + ((hashint4(((($1::int::bigint + k * 17 + t) % 2147483648)::int)) & 2) * interval '30 minutes'),
           '[)') AS w
  FROM generate_series(1, $2::int) AS r, generate_series(1, $3::int) AS t, generate_series(1, $4::int) AS k`

// customer_name keeps its default (''): formatting a million names cost time and showed nothing.
const BOOKINGS = `
  INSERT INTO public.bookings (id, restaurant_id, party_size, start_at, end_at, status)
  SELECT bid, rid, 2 + (t % 4) * 2, lower(w), upper(w), 'completed'
  FROM (${WINDOWS}) g
  ORDER BY r, t, k`

// (r, t, k) order is (resource, window) order: index builds and inserts touch pages in sequence.
const ALLOCATIONS = `
  INSERT INTO public.allocations (id, restaurant_id, booking_id, resource_type, resource_id, "window")
  SELECT ${id(KIND.allocation, 'r', 't', 'k')}, rid, bid, 'table', tid, w FROM (${WINDOWS}) g
  ORDER BY r, t, k`

/**
 * What the load drops and re-creates, each as [name, SQL that re-creates it]: foreign keys of
 * bookings and allocations, allocations' exclusion constraints, then its other gist indexes. Read
 * with search_path = pg_catalog (set by the caller), so every name in the definitions is qualified.
 */
const DETACHABLE = `
  SELECT kind, name, drop, restore FROM (
    SELECT CASE c.contype WHEN 'f' THEN 1 ELSE 2 END AS ord, c.contype::text AS kind,
           c.conname::text AS name, c.conrelid::regclass::text AS table_name,
           format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop,
           format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname,
                  pg_get_constraintdef(c.oid)) AS restore
    FROM pg_constraint c
    WHERE (c.contype = 'f' AND c.conrelid IN ('public.bookings'::regclass, 'public.allocations'::regclass))
       OR (c.contype = 'x' AND c.conrelid = 'public.allocations'::regclass)
    UNION ALL
    SELECT 3, 'i', ic.relname::text, i.indrelid::regclass::text,
           format('DROP INDEX public.%I', ic.relname), pg_get_indexdef(i.indexrelid)
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_am am ON am.oid = ic.relam
    WHERE i.indrelid = 'public.allocations'::regclass AND am.amname = 'gist'
      AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
  ) d
  ORDER BY ord, table_name, name`

interface Detached {
  kind: 'f' | 'x' | 'i'
  name: string
  drop: string
  restore: string
}

/** Drops what DETACHABLE lists and returns it, in the order it must be re-created. */
async function detach(client: pg.ClientBase): Promise<Detached[]> {
  const res = await client.query<Detached>(DETACHABLE)
  for (const d of res.rows) await client.query(d.drop)
  return res.rows
}

// Conflict i (of $4) overlaps allocation number i (in restaurant, table, window order) by starting 30 minutes
// into it; it has no booking of its own, like a manual block.
const CONFLICTS = `
  INSERT INTO public.allocations (restaurant_id, booking_id, resource_type, resource_id, "window", shadow)
  SELECT a.restaurant_id, NULL, a.resource_type, a.resource_id,
         tstzrange(lower(a."window") + interval '30 minutes', upper(a."window") + interval '30 minutes', '[)'),
         false
  FROM public.allocations a
  JOIN (
    SELECT ${id(KIND.booking, '(i - 1) % $2::int + 1', '((i - 1) / $2::int) % $3::int + 1', '(i - 1) / ($2::int * $3::int) + 1')} AS bid
    FROM generate_series(1, $4::int) AS i
  ) c ON c.bid = a.booking_id`

async function countOf(client: pg.ClientBase, sql: string, params: unknown[]): Promise<number> {
  const res = await client.query(sql, params)
  return res.rowCount ?? 0
}

/**
 * Loads restaurants × tables × windows of history in one transaction (rolled back on error).
 * The caller's client must not be inside a transaction.
 */
/** Observers of a load; the benchmark prints where the time goes. */
export interface GenerateHooks {
  onStep?: (step: string, ms: number) => void
}

async function timed<T>(hooks: GenerateHooks, step: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now()
  const result = await run()
  hooks.onStep?.(step, performance.now() - started)
  return result
}

export async function generateCapacityData(
  client: pg.ClientBase,
  opts: GenerateOptions,
  hooks: GenerateHooks = {}
): Promise<GenerateResult> {
  const o = checkOptions(opts)
  const params = [o.seed, o.restaurants, o.tablesPerRestaurant, o.windowsPerTable]
  await client.query('BEGIN')
  try {
    // Definitions are read and re-created with fully qualified names; see DETACHABLE.
    await client.query("SET LOCAL search_path = 'pg_catalog'")
    const restaurants = await countOf(client, RESTAURANTS, params.slice(0, 2))
    await client.query(MEMBERSHIPS, params.slice(0, 2))
    const tables = await countOf(client, TABLES, params.slice(0, 3))
    if (o.tablesPerRestaurant > 1) await client.query(ADJACENCIES, params.slice(0, 3))
    const detached = await detach(client)
    await timed(hooks, 'insert bookings', () => client.query(BOOKINGS, params))
    let allocations = await timed(hooks, 'insert allocations', () =>
      countOf(client, ALLOCATIONS, params)
    )
    let conflicts = 0
    if (o.conflicts > 0) {
      conflicts = await countOf(client, CONFLICTS, [...params.slice(0, 3), o.conflicts])
      allocations += conflicts
    }
    // The gist build is sorted in memory rather than spilled; 512MB is for this transaction only.
    await client.query("SET LOCAL maintenance_work_mem = '512MB'")
    for (const d of detached) {
      // With conflicts the overlap constraint stays dropped: either version would refuse those rows.
      if (d.kind === 'x' && d.name === 'allocations_no_overlap' && o.conflicts > 0) continue
      await timed(hooks, `re-create ${d.name}`, () => client.query(d.restore))
    }
    await timed(hooks, 'commit', () => client.query('COMMIT'))
    return { restaurants, tables, allocations, conflicts }
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  }
}
