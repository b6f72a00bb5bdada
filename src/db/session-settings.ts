/**
 * A migration's plain SETs outlive its transaction: they stay for the session once it commits. `supabase db
 * pull` writes files that start as pg_dump's output does (`SET statement_timeout = 0; SET lock_timeout = 0;
 * SELECT pg_catalog.set_config('search_path', '', false); SET row_security = off; ...`). Between migrations
 * that is what `supabase db push` does too, so it is kept; but the checks after the apply (verify scripts,
 * probes, snapshots) must run as a fresh session would, and under the runbook's timeouts.
 */
import type pg from 'pg'
import { quoteLiteral } from './connect.js'

/**
 * Reads the session's own settings (SET without LOCAL: the run's timeouts, client_connection_check_interval)
 * and returns what puts the session back to them: the migrations' role, session authorization and every
 * setting reset, then the run's own set again, after `first` (SQL of the caller's, e.g. releasing a lock) in the
 * same round trip. Errors are left to the next query to report (a session that is gone cannot be restored).
 */
export async function keepSessionSettings(
  client: pg.ClientBase
): Promise<(first?: string) => Promise<void>> {
  const { rows } = await client.query<{ name: string; setting: string }>(
    `SELECT name, setting FROM pg_catalog.pg_settings WHERE source = 'session' ORDER BY name`
  )
  const restore = [
    'RESET SESSION AUTHORIZATION',
    'RESET ROLE',
    'RESET ALL',
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
  return async first => {
    await client.query([...(first ? [first] : []), ...restore].join('; ')).catch(() => undefined)
  }
}
