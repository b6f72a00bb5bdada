/** lock-holders: other sessions holding any lock on a table the pending migrations touch. */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { findLockHolders, gateOutcome } from './sessions.js'

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
  const sessions = await findLockHolders(ctx.client, tables)
  const outcome = gateOutcome(
    mode,
    sessions,
    {
      none: `no other session holds a lock on the ${tables.length} touched table${tables.length === 1 ? '' : 's'}`,
      found: n =>
        `${n} session${n === 1 ? '' : 's'} hold${n === 1 ? 's' : ''} locks on touched tables: the migration's ALTER would wait behind ${n === 1 ? 'it' : 'them'}`
    },
    { mode, tables, sessions }
  )
  for (const r of outcome.reasons ?? []) ctx.log.warn(`lock-holders: ${r}`)
  return outcome
}

export const lockHoldersCheck: Check = {
  id: 'lock-holders',
  title: 'Lock holders on touched tables',
  run: runLockHolders
}
