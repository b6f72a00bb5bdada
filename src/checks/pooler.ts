/**
 * pooler: is the target behind a transaction-mode pooler (Supavisor/PgBouncer on 6543, `pgbouncer=true`)?
 * There, consecutive transactions may run on different server sessions, so session advisory locks, SET and
 * session state do not hold: apply and rollback refuse it. Only the URL's host and port are ever printed.
 */
import type pg from 'pg'
import type { Check, CheckOutcome, Stage, StageContext } from '../types.js'

type Queryable = Pick<pg.Client, 'query'>

export type PoolerMode = 'transaction' | 'session' | 'direct'

export interface PoolerFacts {
  host: string
  port: number
  mode: PoolerMode
  /** Why we think so, one line each (no secrets). */
  signals: string[]
  /** The Supabase project ref when the URL reveals it (pooler user postgres.<ref> or host db.<ref>.supabase.co). */
  projectRef?: string
}

const SUPABASE_POOLER_HOST = /\.pooler\.supabase\.com$/
const SUPABASE_DIRECT_HOST = /^db\.([a-z0-9]{20})\.supabase\.co$/
const TRANSACTION_PORT = 6543
const APPLY_STAGES: Stage[] = ['apply', 'rollback']

/** What the connection string alone says. Throws (without echoing the URL) when it is not a URL. */
export function detectPoolerFromUrl(url: string): PoolerFacts {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new Error('database-url is not a valid URL (value hidden)')
  }
  const host = u.hostname.toLowerCase()
  const port = u.port ? Number(u.port) : 5432
  const signals: string[] = []
  let mode: PoolerMode = 'direct'
  const userRef = /^[^.]+\.([a-z0-9]{20})$/.exec(decodeURIComponent(u.username))?.[1]
  const projectRef = userRef ?? SUPABASE_DIRECT_HOST.exec(host)?.[1]
  if (u.searchParams.get('pgbouncer') === 'true') {
    mode = 'transaction'
    signals.push('the URL has pgbouncer=true (a PgBouncer transaction-mode connection)')
  }
  if (SUPABASE_POOLER_HOST.test(host)) {
    if (port === TRANSACTION_PORT) {
      mode = 'transaction'
      signals.push(`${host}:${port} is Supavisor in transaction mode (Supabase pooler, port 6543)`)
    } else {
      if (mode !== 'transaction') mode = 'session'
      signals.push(`${host}:${port} is Supavisor in session mode (Supabase pooler, port ${port})`)
    }
  } else if (port === TRANSACTION_PORT) {
    mode = 'transaction'
    signals.push(`port ${TRANSACTION_PORT} is Supabase's transaction-mode pooler port`)
  }
  return { host, port, mode, signals, projectRef }
}

/**
 * A positive-only server signal: outside a transaction, a transaction pooler may hand each statement to a
 * different server session, which shows as a changing pg_backend_pid(). The same pid proves nothing.
 */
export async function backendPidChanges(db: Queryable, probes = 3): Promise<boolean> {
  const pids = new Set<number>()
  for (let i = 0; i < probes; i++) {
    const { rows } = await db.query('SELECT pg_backend_pid() AS pid')
    pids.add(rows[0].pid)
  }
  return pids.size > 1
}

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

export function judgePooler(facts: PoolerFacts, stage: Stage): CheckOutcome {
  const target = `${facts.host}:${facts.port}`
  const details = { ...facts }
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

export async function runPooler(ctx: StageContext): Promise<CheckOutcome> {
  const facts = detectPoolerFromUrl(ctx.config.databaseUrl)
  if (await backendPidChanges(ctx.client)) {
    facts.mode = 'transaction'
    facts.signals.push(
      'pg_backend_pid() changed between statements of one connection (a transaction pooler)'
    )
  }
  return judgePooler(facts, ctx.config.stage)
}

export const poolerCheck: Check = { id: 'pooler', title: 'Connection pooler mode', run: runPooler }
