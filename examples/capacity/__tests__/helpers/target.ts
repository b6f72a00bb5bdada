/**
 * The database the capacity scenario tests (confirm, concurrency, rls) run against: the one named by
 * DATABASE_URL (or SUPABASE_DB_URL) under `npm run test:integration`, as the `tests` check passes it, else a
 * fresh per-file test database (__tests__/helpers/db.ts) with every migration applied. The target may hold
 * real data, so tests work inside a restaurant of their own and either roll back or delete exactly what
 * they committed. URLs are never printed.
 */
import pg from 'pg'
import { capacityDatabase } from '../../../../__tests__/helpers/capacity.js'

export interface Target {
  /** 'env' when DATABASE_URL / SUPABASE_DB_URL named the database, 'fresh' for a throwaway one. */
  source: 'env' | 'fresh'
  /** A new connected client; all are closed by close(). */
  client: () => Promise<pg.Client>
  /** Closes the clients; a fresh database is also dropped. */
  close: () => Promise<void>
}

export type Role = 'anon' | 'authenticated' | 'service_role'

/**
 * The target's URL from the environment, or undefined when none is set (empty counts as unset).
 * Only `npm run test:integration` (which sets MR_INTEGRATION_TARGET=1, as the `tests` check runs it) uses
 * it: a plain `npm test` in a shell that happens to export DATABASE_URL must not touch that database.
 */
export function targetUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.MR_INTEGRATION_TARGET !== '1') return undefined
  return env.DATABASE_URL || env.SUPABASE_DB_URL || undefined
}

async function envTarget(url: string): Promise<Target> {
  const clients: pg.Client[] = []
  return {
    source: 'env',
    async client() {
      const c = new pg.Client({ connectionString: url })
      try {
        await c.connect()
      } catch (err) {
        // The driver's message names host and port only; the URL itself stays out of it.
        throw new Error(
          `cannot connect to the database named by DATABASE_URL: ${(err as Error).message}`,
          { cause: err }
        )
      }
      clients.push(c)
      return c
    },
    async close() {
      await Promise.all(clients.map(c => c.end().catch(() => {})))
    }
  }
}

async function freshTarget(prefix: string): Promise<Target> {
  const cap = await capacityDatabase(prefix)
  // The setup client is not needed: every test opens its own.
  return {
    source: 'fresh',
    client: () => cap.db.client(),
    close: () => cap.db.drop()
  }
}

/** Opens the target and checks the migrated schema is there (a clear error when it is not). */
export async function openTarget(prefix: string): Promise<Target> {
  const url = targetUrl()
  const target = url ? await envTarget(url) : await freshTarget(prefix)
  const c = await target.client()
  const res = await c.query(
    `SELECT to_regprocedure('public.confirm_hold_assignment_tx(uuid, uuid, text, text)') IS NOT NULL AS fn,
            to_regclass('public.booking_confirmation_results') IS NOT NULL AS cache`
  )
  if (!res.rows[0].fn || !res.rows[0].cache) {
    await target.close()
    throw new Error(
      'the target database lacks migration 20251113203000 (confirm_hold_assignment_tx v2 or ' +
        'public.booking_confirmation_results); apply every migration before running the integration tests'
    )
  }
  return target
}

/** Runs `fn` in a transaction that is always rolled back: nothing it writes stays. */
export async function rolledBack<T>(client: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN')
  try {
    return await fn()
  } finally {
    await client.query('ROLLBACK')
  }
}

/** Runs `fn` in a transaction as service_role and commits it (rolled back on error). */
export async function committedAsService<T>(
  client: pg.ClientBase,
  fn: () => Promise<T>
): Promise<T> {
  await client.query('BEGIN')
  try {
    await setRole(client, 'service_role', null)
    const result = await fn()
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  }
}

/** SET LOCAL ROLE plus request.jwt.claims, as PostgREST does; needs an open transaction. */
export async function setRole(client: pg.ClientBase, role: Role, userId: string | null) {
  const claims = JSON.stringify(userId ? { sub: userId, role } : { role })
  await client.query(`SET LOCAL ROLE ${role}`)
  await client.query(`SELECT set_config('request.jwt.claims', $1, true)`, [claims])
}

/**
 * Inside the caller's transaction: runs `fn` as `role` in a savepoint that is always rolled back,
 * so the role, the claims and anything written revert, and an error (rethrown) leaves the
 * transaction usable.
 */
export async function probeAs<T>(
  client: pg.ClientBase,
  role: Role,
  userId: string | null,
  fn: () => Promise<T>
): Promise<T> {
  await client.query('SAVEPOINT integration_probe')
  try {
    await setRole(client, role, userId)
    return await fn()
  } finally {
    await client.query('ROLLBACK TO SAVEPOINT integration_probe')
    await client.query('RELEASE SAVEPOINT integration_probe')
  }
}

/** Deletes committed restaurants; every tenant row goes with them (ON DELETE CASCADE). */
export async function deleteRestaurants(client: pg.ClientBase, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  await committedAsService(client, async () => {
    await client.query('DELETE FROM public.restaurants WHERE id = ANY ($1::uuid[])', [ids])
  })
}

/** public base tables, sorted by name. */
async function publicTables(client: pg.ClientBase): Promise<string[]> {
  const res = await client.query(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname COLLATE "C"`
  )
  return res.rows.map(r => r.relname as string)
}

/**
 * Rows of the restaurant left in each public table (restaurants by id, others by restaurant_id),
 * read as service_role so row level security hides nothing. Opens its own transaction.
 */
export async function restaurantTraces(
  client: pg.ClientBase,
  restaurantId: string
): Promise<Record<string, number>> {
  return rolledBack(client, async () => {
    await setRole(client, 'service_role', null)
    return countTraces(client, restaurantId)
  })
}

async function countTraces(
  client: pg.ClientBase,
  restaurantId: string
): Promise<Record<string, number>> {
  const res = await client.query(
    `SELECT c.relname FROM pg_attribute a
     JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attname = 'restaurant_id'
       AND NOT a.attisdropped ORDER BY c.relname COLLATE "C"`
  )
  const traces: Record<string, number> = {}
  const restaurants = await client.query(
    'SELECT count(*)::int AS n FROM public.restaurants WHERE id = $1',
    [restaurantId]
  )
  traces.restaurants = restaurants.rows[0].n
  for (const { relname } of res.rows) {
    const r = await client.query(
      `SELECT count(*)::int AS n FROM public.${pg.escapeIdentifier(relname)} WHERE restaurant_id = $1`,
      [restaurantId]
    )
    traces[relname] = r.rows[0].n
  }
  return traces
}

/** Exact row count of every public base table (for before/after comparisons). */
export async function publicRowCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const table of await publicTables(client)) {
    const r = await client.query(
      `SELECT count(*)::bigint AS n FROM public.${pg.escapeIdentifier(table)}`
    )
    counts[table] = Number(r.rows[0].n)
  }
  return counts
}
