/**
 * lock-holders: other sessions holding a lock on a table the pending migrations touch. On a busy table some
 * writer is always mid-statement: a holder counts only when the same transaction still holds its lock after
 * a short settle, so an INSERT that ends in milliseconds does not fail the gate while an idle-in-transaction
 * session or a long query does.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { cancellableSleep } from '../cancel.js'
import { findLockHolders, gateOutcome, type LockHolder } from './sessions.js'

/** Long enough for an ordinary statement to finish, short enough not to slow validate down. */
export const LOCK_HOLDER_SETTLE_MS = 500

/** Holders whose very transaction (pid and start) is in both samples. */
export function persistentHolders(first: LockHolder[], second: LockHolder[]): LockHolder[] {
  return second.filter(s =>
    first.some(
      f => f.pid === s.pid && f.since === s.since && (s.pid !== null || f.query === s.query)
    )
  )
}

export async function runLockHolders(ctx: StageContext): Promise<CheckOutcome> {
  const mode = ctx.env.lockHolders
  const tables = ctx.plan.touchedTables
  if (mode === 'off') {
    return {
      status: 'skip',
      summary: `lock-holders is off for ${ctx.env.name}`,
      details: { mode, tables, sessions: [] }
    }
  }
  if (tables.length === 0) {
    return {
      status: 'pass',
      summary: 'the pending migrations touch no existing table',
      details: { mode, tables, sessions: [] }
    }
  }
  const first = await findLockHolders(ctx.client, tables)
  let sessions = first
  let transient = 0
  if (first.length > 0) {
    await cancellableSleep(LOCK_HOLDER_SETTLE_MS, ctx.signal)
    sessions = persistentHolders(first, await findLockHolders(ctx.client, tables))
    transient = first.length - sessions.length
    if (transient > 0)
      ctx.log.info(
        `lock-holders: ${transient} session${transient === 1 ? '' : 's'} held a lock for less than ${LOCK_HOLDER_SETTLE_MS} ms (a busy table, not a blocker)`
      )
  }
  const outcome = gateOutcome(
    mode,
    sessions,
    {
      none: `no other session holds a lock on the ${tables.length} touched table${tables.length === 1 ? '' : 's'}`,
      found: n =>
        `${n} session${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} locks on touched tables: the migration's ALTER would wait behind ${n === 1 ? 'it' : 'them'}`
    },
    { mode, tables, sessions, transient }
  )
  for (const r of outcome.reasons ?? []) ctx.log.warn(`lock-holders: ${r}`)
  return outcome
}

export const lockHoldersCheck: Check = {
  id: 'lock-holders',
  title: 'Lock holders on touched tables',
  run: runLockHolders
}
