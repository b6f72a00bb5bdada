/**
 * lock-holders: other sessions holding a lock on a table the pending migrations touch. On a busy table some
 * writer is always mid-statement: a holder counts only when the same transaction still holds its lock after
 * a short settle, so an INSERT that ends in milliseconds does not fail the gate while an idle-in-transaction
 * session or a long query does.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import {
  findPersistentLockHolders,
  gateOutcome,
  LOCK_HOLDER_SETTLE_MS,
  type LockHolder
} from '../db/sessions.js'

/** What the lock-holders check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    'lock-holders': LockHoldersDetails
  }
}

export interface LockHoldersDetails {
  mode: 'fail' | 'warn' | 'off'
  /** The tables the pending migrations touch (schema.table). */
  tables: string[]
  /** Sessions that held a lock on them through the settle. */
  sessions: LockHolder[]
  /** Sessions that held one only briefly (gone after the settle): a busy table, not a blocker. */
  transient?: number
}

export async function runLockHolders(ctx: StageContext): Promise<CheckOutcome<LockHoldersDetails>> {
  const mode = ctx.env.lockHolders
  // What the statements name, and what they lock through foreign keys without naming it (lint found those).
  const tables = [
    ...new Set([...ctx.plan.touchedTables, ...(ctx.shared.lockedUnnamed ?? [])])
  ].sort()
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
  const { holders: sessions, transient } = await findPersistentLockHolders(
    ctx.client,
    tables,
    ctx.signal
  )
  if (transient > 0)
    ctx.log.info(
      `lock-holders: ${transient} session${transient === 1 ? '' : 's'} held a lock for less than ${LOCK_HOLDER_SETTLE_MS} ms (a busy table, not a blocker)`
    )
  const outcome = gateOutcome<LockHoldersDetails>(
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

export const lockHoldersCheck: Check<'lock-holders'> = {
  id: 'lock-holders',
  title: 'Lock holders on touched tables',
  run: runLockHolders
}
