/**
 * A migration's plain SETs outlive its transaction: they stay for the session once it commits. `supabase db
 * pull` writes files that start as pg_dump's output does (`SET statement_timeout = 0; SET lock_timeout = 0;
 * SELECT pg_catalog.set_config('search_path', '', false); SET row_security = off; ...`). `supabase db push`
 * runs each file on a fresh session (2.117: the next file sees the database's search_path again), so a file
 * written after a dump may name its tables unqualified: each file here starts from the session as the run
 * found it, and so do the checks after the apply (verify scripts, probes, snapshots), under the runbook's timeouts.
 */
import type pg from 'pg'
import { quoteLiteral } from './connect.js'

/** What a migration may have changed for the session, undone: as `supabase db push`'s fresh session per file. */
export const SESSION_RESET: readonly string[] = [
  'RESET SESSION AUTHORIZATION',
  'RESET ROLE',
  'RESET ALL'
]

export interface KeptSession {
  /** Statements (no parameters) that put the session back as it was found; the last one returns a row. */
  reset: readonly string[]
  /** Sends `first` (SQL of the caller's, e.g. releasing a lock), then `reset`, in one round trip; never throws. */
  restore: (first?: string) => Promise<void>
}

/**
 * Reads the session's own settings (SET without LOCAL: the run's timeouts, client_connection_check_interval)
 * and returns what puts the session back to them: the migrations' role, session authorization and every
 * setting reset, then the run's own set again. restore's errors are left to the next query to report (a
 * session that is gone cannot be restored).
 */
export async function keepSessionSettings(client: pg.ClientBase): Promise<KeptSession> {
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_catalog.pg_settings WHERE source = 'session' ORDER BY name`
  )
  const restore = [
    ...SESSION_RESET,
    ...(rows.length === 0
      ? []
      : [
          `SELECT ${rows
            .map(
              r =>
                `pg_catalog.set_config(${quoteLiteral(r.name)}, ${quoteLiteral(r.setting)}, false)`
            )
            .join(', ')}`
        ])
  ]
  return {
    reset: restore,
    restore: async first => {
      await client.query([...(first ? [first] : []), ...restore].join('; ')).catch(() => undefined)
    }
  }
}
