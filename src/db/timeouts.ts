/**
 * lock_timeout and statement_timeout, set one way everywhere: whole milliseconds, never 0. PostgreSQL reads 0
 * as no limit at all, so a rounding down to 0 would let a statement run forever, or a lock wait hold up every
 * query queued behind it; and a caller passing 0 for "no limit" is refused rather than silently given one.
 */

export type TimeoutScope = 'LOCAL' | 'SESSION'

export interface Timeouts {
  lockMs?: number
  statementMs?: number
}

/** A timeout as PostgreSQL is given it: rounded to whole milliseconds, at least 1. */
export function timeoutSetting(ms: number): number {
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new Error(
      `a timeout of ${ms} ms; allowed: a positive number of milliseconds (0 would mean no limit in PostgreSQL)`
    )
  }
  return Math.max(1, Math.round(ms))
}

/** The SET statements for the given timeouts, one per setting; lock_timeout first (see setTimeoutsSql). */
export function setTimeoutsStatements(scope: TimeoutScope, timeouts: Timeouts): string[] {
  const sets: string[] = []
  if (timeouts.lockMs !== undefined) {
    sets.push(`SET ${scope} lock_timeout = ${timeoutSetting(timeouts.lockMs)}`)
  }
  if (timeouts.statementMs !== undefined) {
    sets.push(`SET ${scope} statement_timeout = ${timeoutSetting(timeouts.statementMs)}`)
  }
  return sets
}

/**
 * The SET statements for the given timeouts, `; `-joined to share a round trip; lock_timeout first, so the
 * statement_timeout in force while it is set is still the previous one.
 */
export function setTimeoutsSql(scope: TimeoutScope, timeouts: Timeouts): string {
  return setTimeoutsStatements(scope, timeouts).join('; ')
}

/**
 * One statement that caps both timeouts at the given ones: a value in force that is tighter stays, a looser one
 * or 0 (no limit) becomes the cap. What follows a statement of a migration that may have set its own: a
 * migration may tighten the runbook's limits, never loosen them.
 */
export function capTimeoutsSql(scope: TimeoutScope, caps: Required<Timeouts>): string {
  const lock = timeoutSetting(caps.lockMs)
  const statement = timeoutSetting(caps.statementMs)
  return (
    `SELECT pg_catalog.set_config(s.name, (CASE WHEN s.setting::bigint = 0 THEN c.cap ` +
    `ELSE least(s.setting::bigint, c.cap) END)::text, ${scope === 'LOCAL'}) AS mr_capped ` +
    `FROM pg_catalog.pg_settings s JOIN (VALUES ('lock_timeout', ${lock}::bigint), ` +
    `('statement_timeout', ${statement}::bigint)) AS c(name, cap) ON c.name = s.name`
  )
}
