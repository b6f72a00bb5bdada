/** long-transactions: other sessions with a transaction open longer than the environment's limit. */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { findLongTransactions, formatAge, gateOutcome, type SessionInfo } from '../db/sessions.js'

/** What the long-transactions check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    'long-transactions': LongTransactionsDetails
  }
}

export interface LongTransactionsDetails {
  limitMs: number
  mode: 'fail' | 'warn' | 'off'
  /** Sessions whose transaction has been open at least limitMs. */
  sessions: SessionInfo[]
}

export async function runLongTransactions(
  ctx: StageContext
): Promise<CheckOutcome<LongTransactionsDetails>> {
  const mode = ctx.env.longTransactions
  const limitMs = ctx.env.longTransactionLimitMs
  if (mode === 'off') {
    return {
      status: 'skip',
      summary: `long-transactions is off for ${ctx.env.name}`,
      details: { limitMs, mode, sessions: [] }
    }
  }
  const sessions = await findLongTransactions(ctx.client, limitMs)
  const limit = formatAge(limitMs)
  const outcome = gateOutcome<LongTransactionsDetails>(
    mode,
    sessions,
    {
      none: `no other transaction open longer than ${limit}`,
      found: n =>
        `${n} session${n === 1 ? '' : 's'} with a transaction open longer than ${limit}: a migration's locks would queue behind ${n === 1 ? 'it' : 'them'} and block everyone after`
    },
    { limitMs, mode, sessions }
  )
  for (const r of outcome.reasons ?? []) ctx.log.warn(`long-transactions: ${r}`)
  return outcome
}

export const longTransactionsCheck: Check<'long-transactions'> = {
  id: 'long-transactions',
  title: 'Long-running transactions',
  concurrent: true,
  run: runLongTransactions
}
