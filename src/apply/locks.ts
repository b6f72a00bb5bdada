/** The session advisory lock that makes two runs never apply to one database at once. */
import type pg from 'pg'
import { cancellableSleep } from '../cancel.js'

/** 'mrun' as a number: the advisory lock key of migration-runbook (advisory locks are per database). */
export const APPLY_LOCK_KEY = 0x6d72756e

export class AdvisoryLockTimeout extends Error {
  override name = 'AdvisoryLockTimeout'
}

export async function acquireApplyLock(
  client: pg.Client,
  waitMs: number,
  pollMs = 250,
  signal?: AbortSignal
): Promise<void> {
  const deadline = Date.now() + waitMs
  for (;;) {
    const res = await client.query('SELECT pg_try_advisory_lock($1::bigint) AS ok', [
      APPLY_LOCK_KEY
    ])
    if (res.rows[0].ok) return
    if (Date.now() >= deadline) {
      const holder = await client.query(
        `SELECT l.pid, a.application_name, a.usename, now() - a.backend_start AS age
           FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        [APPLY_LOCK_KEY]
      )
      const h = holder.rows[0]
      const who = h
        ? `pid ${h.pid} (${h.application_name || 'unknown application'}, user ${h.usename})`
        : 'another session'
      throw new AdvisoryLockTimeout(
        `another migration run holds the apply lock on this database: ${who}; waited ${Math.round(waitMs / 1000)} s ` +
          '(advisory-lock-wait in runbook.yml). Nothing was applied. Re-run when it has finished.'
      )
    }
    await cancellableSleep(Math.min(pollMs, Math.max(0, deadline - Date.now())), signal)
  }
}

export async function releaseApplyLock(client: pg.Client): Promise<void> {
  await client
    .query('SELECT pg_advisory_unlock($1::bigint)', [APPLY_LOCK_KEY])
    .catch(() => undefined)
}
