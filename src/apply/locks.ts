/** The session advisory lock that makes two runs never apply to one database at once. */
import type pg from 'pg'
import { cancellableSleep, throwIfCancelled } from '../cancel.js'
import { keepSessionSettings, type KeptSession } from '../db/session-settings.js'

/** 'mrun' as a number: the advisory lock key of migration-runbook (advisory locks are per database). */
export const APPLY_LOCK_KEY = 0x6d72756e

export class AdvisoryLockTimeout extends Error {
  override name = 'AdvisoryLockTimeout'
}

export interface ApplyLockWait {
  /** How long to wait for another run to release the lock (advisory-lock-wait); 0 tries once. */
  waitMs: number
  pollMs?: number
  /** A cancelled run stops waiting at once. */
  signal?: AbortSignal
  /** Told once, when the lock is held by another session and the wait begins: who holds it. */
  onWait?: (message: string) => void
}

/**
 * Takes the apply lock, waiting for another run to release it (saying who holds it). Apply, revert and the
 * rehearsals take it: a rehearsal runs the pending migrations on the live tables.
 */
export async function acquireApplyLock(client: pg.Client, wait: ApplyLockWait): Promise<void> {
  const deadline = Date.now() + wait.waitMs
  let told = false
  for (;;) {
    throwIfCancelled(wait.signal, 'waiting for the apply lock')
    const res = await client.query<{ ok: boolean; holder: string | null }>(TRY_APPLY_LOCK_SQL, [
      APPLY_LOCK_KEY
    ])
    const { ok, holder } = res.rows[0]
    if (ok) return
    // Read in the statement that failed to take the lock: a holder that releases it a round trip later (a run
    // between its rehearsal and its apply) was named "another session".
    const who = holder ?? 'another session'
    if (Date.now() >= deadline)
      throw new AdvisoryLockTimeout(
        `another migration run holds the apply lock on this database: ${who}; waited ${Math.round(wait.waitMs / 1000)} s ` +
          '(advisory-lock-wait in runbook.yml). Nothing was applied. Re-run when it has finished.'
      )
    if (!told && wait.onWait) {
      wait.onWait(
        `the apply lock is held by ${who}: waiting up to ${Math.round(wait.waitMs / 1000)} s for it (advisory-lock-wait)`
      )
      told = true
    }
    await cancellableSleep(
      Math.min(wait.pollMs ?? 250, Math.max(0, deadline - Date.now())),
      wait.signal
    )
  }
}

/**
 * Tries the apply lock and, only when another session holds it, says who: one statement, one round trip. The
 * holder is read after the try (the CASE needs `ok` first) and only then.
 */
const TRY_APPLY_LOCK_SQL = `SELECT t.ok,
       CASE WHEN t.ok THEN NULL ELSE (
         SELECT format('pid %s (%s, user %s)', l.pid, coalesce(nullif(a.application_name, ''), 'unknown application'), a.usename)
           FROM pg_catalog.pg_locks l LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid
          WHERE l.locktype = 'advisory' AND l.objid = $1 AND l.granted AND l.pid <> pg_catalog.pg_backend_pid()
            AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
          LIMIT 1) END AS holder
  FROM (SELECT pg_catalog.pg_try_advisory_lock($1::bigint) AS ok) t`

/** Releases one hold of the apply lock taken with acquireApplyLock (session locks count their holds). */
export async function releaseApplyLock(client: pg.Client): Promise<void> {
  await client.query('SELECT pg_catalog.pg_advisory_unlock($1::bigint)', [APPLY_LOCK_KEY])
}

/** Releases the apply lock: SQL without parameters, to share a round trip with other statements. */
const RELEASE_APPLY_LOCK_SQL = `SELECT pg_catalog.pg_advisory_unlock(${APPLY_LOCK_KEY}::bigint)`

/**
 * `fn` with the apply lock held (waited for as `acquireApplyLock` does, saying who holds it), then the lock
 * released and the session handed back as it was found (db/session-settings.ts: a migration's SETs must not
 * reach what runs after), both in one round trip, the unlock first: a failure while restoring must not keep it.
 * What apply and revert both run under.
 */
export async function withApplyLock<T>(
  client: pg.Client,
  opts: { advisoryLockWaitMs: number; signal?: AbortSignal; log: { info: (line: string) => void } },
  fn: (session: KeptSession) => Promise<T>
): Promise<T> {
  await acquireApplyLock(client, {
    waitMs: opts.advisoryLockWaitMs,
    signal: opts.signal,
    onWait: message => opts.log.info(message)
  })
  const session = await keepSessionSettings(client)
  try {
    return await fn(session)
  } finally {
    await session.restore(RELEASE_APPLY_LOCK_SQL)
  }
}
