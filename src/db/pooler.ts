/**
 * Is the target behind a transaction-mode pooler (Supavisor/PgBouncer on 6543, `pgbouncer=true`)? What the
 * parsed URL says, and what the server shows (a backend pid that changes between statements).
 */
import type pg from 'pg'
import type { Target } from '../types.js'

type Queryable = Pick<pg.Client, 'query'>

export type PoolerMode = 'transaction' | 'session' | 'direct'

export interface PoolerFacts {
  host: string
  port: number
  mode: PoolerMode
  /** Why we think so, one line each (no secrets). */
  signals: string[]
  /** The Supabase project ref when the URL reveals it (pooler user postgres.<ref> or host db.<ref>.supabase.co). */
  projectRef?: string
}

export const SUPABASE_POOLER_HOST = /\.pooler\.supabase\.com$/
const SUPABASE_DIRECT_HOST = /^db\.([a-z0-9]{20})\.supabase\.co$/
const POOLER_USER = /^[^.]+\.([a-z0-9]{20})$/
const TRANSACTION_PORT = 6543

/** What the connection string alone says (host, port, user and the pgbouncer parameter of the parsed URL). */
export function detectPoolerFromTarget(
  target: Pick<Target, 'host' | 'port' | 'user' | 'params'>
): PoolerFacts {
  const host = target.host.toLowerCase()
  const port = target.port
  const signals: string[] = []
  let mode: PoolerMode = 'direct'
  const userRef = POOLER_USER.exec(target.user)?.[1]
  const projectRef = userRef ?? SUPABASE_DIRECT_HOST.exec(host)?.[1]
  if (target.params.pgbouncer === 'true') {
    mode = 'transaction'
    signals.push('the URL has pgbouncer=true (a PgBouncer transaction-mode connection)')
  }
  if (SUPABASE_POOLER_HOST.test(host)) {
    if (port === TRANSACTION_PORT) {
      mode = 'transaction'
      signals.push(`${host}:${port} is Supavisor in transaction mode (Supabase pooler, port 6543)`)
    } else {
      if (mode !== 'transaction') mode = 'session'
      signals.push(`${host}:${port} is Supavisor in session mode (Supabase pooler, port ${port})`)
    }
  } else if (port === TRANSACTION_PORT) {
    mode = 'transaction'
    signals.push(`port ${TRANSACTION_PORT} is Supabase's transaction-mode pooler port`)
  }
  return { host, port, mode, signals, projectRef }
}

/**
 * A positive-only server signal: outside a transaction, a transaction pooler may hand each statement to a
 * different server session, which shows as a changing pg_backend_pid(). The same pid proves nothing.
 */
export async function backendPidChanges(db: Queryable, probes = 3): Promise<boolean> {
  const pids = new Set<number>()
  for (let i = 0; i < probes; i++) {
    const { rows } = await db.query('SELECT pg_backend_pid() AS pid')
    pids.add(rows[0].pid)
  }
  return pids.size > 1
}
