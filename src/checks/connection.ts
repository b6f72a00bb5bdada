/**
 * connection: who and where we are connected to. A server in recovery (a replica) is the wrong target for
 * every stage: it cannot be migrated, and validating it says nothing reliable about the primary.
 */
import type pg from 'pg'
import type { Check, CheckOutcome, Stage, StageContext } from '../types.js'
import { judgeExtension, readExtensionFacts, readRoleFacts } from './extensions.js'

type Queryable = Pick<pg.Client, 'query'>

export interface ConnectionFacts {
  serverVersion: string
  serverVersionNum: number
  user: string
  database: string
  inRecovery: boolean
  isSuperuser: boolean
  /** Every extension the plan creates is installed or creatable; with none planned, whether any trusted one could be. */
  canCreateExtensions: boolean
}

/** ctx.state key under which the facts are shared with later checks. */
export const CONNECTION_STATE_KEY = 'connection'

export async function readConnectionFacts(
  db: Queryable,
  plannedExtensions: string[]
): Promise<ConnectionFacts> {
  const { rows } = await db.query(
    `SELECT current_setting('server_version') AS server_version,
            current_setting('server_version_num')::int AS server_version_num,
            pg_is_in_recovery() AS in_recovery`
  )
  const role = await readRoleFacts(db)
  let canCreateExtensions =
    role.isSuperuser || role.hasDatabaseCreate || (role.privilegedExtensions?.length ?? 0) > 0
  if (plannedExtensions.length > 0) {
    const facts = await readExtensionFacts(db, plannedExtensions)
    canCreateExtensions = facts.every(f => judgeExtension(f, role).creatable)
  }
  return {
    serverVersion: rows[0].server_version,
    serverVersionNum: rows[0].server_version_num,
    user: role.user,
    database: role.database,
    inRecovery: rows[0].in_recovery,
    isSuperuser: role.isSuperuser,
    canCreateExtensions
  }
}

export function judgeConnection(facts: ConnectionFacts, stage: Stage): CheckOutcome {
  const where = `PostgreSQL ${facts.serverVersion}, database ${facts.database} as ${facts.user}${facts.isSuperuser ? ' (superuser)' : ''}`
  const details = { ...facts }
  if (facts.inRecovery) {
    return {
      status: 'fail',
      summary: `${where}: the server is in recovery (a read replica or standby)`,
      reasons: [
        `pg_is_in_recovery() is true: ${stage} must target the primary; point database-url at the primary (on Supabase, the project's database host, not a read replica)`
      ],
      details
    }
  }
  return { status: 'pass', summary: where, details }
}

export async function runConnection(ctx: StageContext): Promise<CheckOutcome> {
  const facts = await readConnectionFacts(ctx.client, ctx.plan.extensions)
  ctx.state.set(CONNECTION_STATE_KEY, facts)
  ctx.log.info(
    `connected: PostgreSQL ${facts.serverVersion} (${facts.serverVersionNum}), database ${facts.database}, user ${facts.user}, in recovery: ${facts.inRecovery}`
  )
  return judgeConnection(facts, ctx.config.stage)
}

export const connectionCheck: Check = {
  id: 'connection',
  title: 'Connection and server',
  run: runConnection
}
