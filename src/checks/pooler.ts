/**
 * pooler: is the target behind a transaction-mode pooler (Supavisor/PgBouncer on 6543, `pgbouncer=true`)?
 * There, consecutive transactions may run on different server sessions, so session advisory locks, SET and
 * session state do not hold: apply and rollback refuse it. Only the URL's host and port are ever printed.
 */
import type { Check, CheckOutcome, Stage, StageContext } from '../types.js'
import {
  backendPidChanges,
  detectPoolerFromTarget,
  SUPABASE_POOLER_HOST,
  type PoolerFacts
} from '../db/pooler.js'

/** What the pooler check reports (CheckResult.details): the pooler facts, host and port only. */
declare module '../types.js' {
  interface CheckDetails {
    pooler: PoolerDetails
  }
}

export type PoolerDetails = PoolerFacts

const APPLY_STAGES: Stage[] = ['apply', 'rollback']

function fixAdvice(facts: PoolerFacts): string {
  const options = [
    `the session pooler (port 5432${SUPABASE_POOLER_HOST.test(facts.host) ? ` on ${facts.host}` : ''})`
  ]
  options.push(
    facts.projectRef
      ? `the direct host db.${facts.projectRef}.supabase.co:5432`
      : 'the direct database host'
  )
  return `use ${options.join(' or ')} in the database-url secret for migrations`
}

export function judgePooler(facts: PoolerFacts, stage: Stage): CheckOutcome<PoolerDetails> {
  const target = `${facts.host}:${facts.port}`
  const details: PoolerDetails = { ...facts }
  if (facts.mode !== 'transaction') {
    const summary =
      facts.mode === 'session'
        ? `${target}: session-mode pooler, safe for migrations`
        : `${target}: no transaction pooler detected`
    return { status: 'pass', summary, details }
  }
  const why =
    'advisory locks, SET and multi-statement transactions are not safe through a transaction-mode pooler'
  return {
    status: APPLY_STAGES.includes(stage) ? 'fail' : 'warn',
    summary: `${target}: transaction-mode pooler`,
    reasons: [...facts.signals, `${why}; ${fixAdvice(facts)}`],
    details
  }
}

export async function runPooler(ctx: StageContext): Promise<CheckOutcome<PoolerDetails>> {
  const facts = detectPoolerFromTarget(ctx.facts.target)
  if (await backendPidChanges(ctx.client)) {
    facts.mode = 'transaction'
    facts.signals.push(
      'pg_backend_pid() changed between statements of one connection (a transaction pooler)'
    )
  }
  return judgePooler(facts, ctx.config.stage)
}

export const poolerCheck: Check<'pooler'> = {
  id: 'pooler',
  title: 'Connection pooler mode',
  concurrent: true,
  run: runPooler
}
