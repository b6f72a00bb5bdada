/**
 * Per-test-file databases on the run's real PostgreSQL server (embedded, or TEST_DATABASE_URL).
 * Every database gets the Supabase-like bootstrap (roles, auth.uid(), extensions schema).
 */
import pg from 'pg'
import { bootstrapDatabase } from '../../src/embedded/server.js'

export interface TestDatabase {
  name: string
  url: string
  /** A connected client; closed by drop(). */
  client: () => Promise<pg.Client>
  drop: () => Promise<void>
}

function adminUrl(): string {
  const url = process.env.MR_TEST_ADMIN_URL
  if (!url)
    throw new Error(
      'MR_TEST_ADMIN_URL is not set: run the tests through jest (global setup starts Postgres)'
    )
  return url
}

/**
 * Records the text of every query `client` sends from now on, in order: what a far database would wait a round
 * trip for. Each query still runs on the server as always.
 */
export function recordQueries(client: pg.Client): string[] {
  const sent: string[] = []
  const query = client.query.bind(client) as (...args: unknown[]) => unknown
  ;(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => {
    const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string }).text
    sent.push(String(text))
    return query(...args)
  }
  return sent
}

export function urlForDatabase(name: string): string {
  const u = new URL(adminUrl())
  u.pathname = '/' + name
  return u.toString()
}

export async function createTestDatabase(prefix = 't'): Promise<TestDatabase> {
  const name = `${prefix.replace(/[^a-z0-9_]/g, '_')}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: adminUrl() })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = urlForDatabase(name)
  await bootstrapDatabase(url)
  const clients: pg.Client[] = []
  return {
    name,
    url,
    async client() {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      clients.push(c)
      return c
    },
    async drop() {
      await Promise.all(clients.map(c => c.end().catch(() => {})))
      const a = new pg.Client({ connectionString: adminUrl() })
      await a.connect()
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await a.end()
      }
    }
  }
}
