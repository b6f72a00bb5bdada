/**
 * connection: who and where we are connected to. A server in recovery (a replica) is the wrong target for
 * every stage: it cannot be migrated, and validating it says nothing reliable about the primary.
 * A session whose transactions are read-only by default (default_transaction_read_only = on, for the role,
 * the database or the server) fails here too for the stages that write: otherwise it passes every preflight
 * and fails later, in the rehearsal (validate executes each migration in a rolled-back transaction, and a
 * read-only transaction refuses DDL), in apply or in rollback.
 */
import type pg from 'pg'
import type { Check, CheckOutcome, Stage, StageContext } from '../types.js'
import { judgeExtension, readExtensionFacts, readRoleFacts } from './extensions.js'
import { quoteIdent } from '../db/connect.js'

type Queryable = Pick<pg.Client, 'query'>

export interface ConnectionFacts {
  serverVersion: string
  serverVersionNum: number
  user: string
  database: string
  inRecovery: boolean
  isSuperuser: boolean
  /** default_transaction_read_only of this session: every transaction starts READ ONLY. */
  defaultReadOnly: boolean
  /** Where that setting comes from (pg_settings.source): database, user, database user, configuration file, client, ... */
  readOnlySource: string
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
            pg_is_in_recovery() AS in_recovery,
            s.setting = 'on' AS default_read_only,
            s.source AS read_only_source
       FROM pg_settings s WHERE s.name = 'default_transaction_read_only'`
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
    defaultReadOnly: rows[0].default_read_only,
    readOnlySource: rows[0].read_only_source,
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
  if (facts.defaultReadOnly) {
    const reason = `default_transaction_read_only is on (set ${describeSource(facts.readOnlySource)}): every transaction of this session is read-only, so ${WHAT_WRITES[stage]}; ${readOnlyFix(facts)}`
    return {
      status: WRITING_STAGES.has(stage) ? 'fail' : 'warn',
      summary: `${where}: the session is read-only (default_transaction_read_only = on)`,
      reasons: [reason],
      details
    }
  }
  return { status: 'pass', summary: where, details }
}

/** Stages whose work needs a writable transaction: validate's rehearsal runs the migration (then rolls back). */
const WRITING_STAGES = new Set<Stage>(['validate', 'apply', 'rollback'])

const WHAT_WRITES: Record<Stage, string> = {
  validate:
    'the rehearsal cannot run the migration (a read-only transaction refuses DDL, even one that is rolled back)',
  apply: 'the migration and its history row cannot be written',
  rollback: 'the rollback script and the history change cannot be written',
  verify: 'checks that record something (plan baselines) will fail',
  monitor: 'monitor samples cannot be stored',
  'monitor-window': 'monitor samples cannot be stored in migration_runbook.monitor_samples'
}

function describeSource(source: string): string {
  switch (source) {
    case 'user':
      return 'for the role'
    case 'database':
      return 'for the database'
    case 'database user':
      return 'for the role in this database'
    case 'configuration file':
      return 'in the server configuration'
    case 'client':
      return 'by the client (connection options or PGOPTIONS)'
    default:
      return `by ${source}`
  }
}

function ident(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : quoteIdent(name)
}

/** The statement that turns it off where it was turned on (run as a role allowed to, e.g. the owner or a superuser). */
function readOnlyFix(facts: ConnectionFacts): string {
  const role = ident(facts.user)
  const db = ident(facts.database)
  switch (facts.readOnlySource) {
    case 'user':
      return `run ALTER ROLE ${role} SET default_transaction_read_only = off (or use a writable role); if this is a read-only endpoint, point database-url at the primary`
    case 'database':
      return `run ALTER DATABASE ${db} SET default_transaction_read_only = off; if this is a read-only endpoint, point database-url at the primary`
    case 'database user':
      return `run ALTER ROLE ${role} IN DATABASE ${db} SET default_transaction_read_only = off; if this is a read-only endpoint, point database-url at the primary`
    case 'configuration file':
      return 'set default_transaction_read_only = off in postgresql.conf (or ALTER SYSTEM) and reload, or point database-url at the primary'
    case 'client':
      return 'remove default_transaction_read_only from the connection string options / PGOPTIONS'
    default:
      return `run ALTER ROLE ${role} SET default_transaction_read_only = off, or point database-url at the primary`
  }
}

export async function runConnection(ctx: StageContext): Promise<CheckOutcome> {
  const facts = await readConnectionFacts(ctx.client, ctx.plan.extensions)
  ctx.state.set(CONNECTION_STATE_KEY, facts)
  ctx.log.info(
    `connected: PostgreSQL ${facts.serverVersion} (${facts.serverVersionNum}), database ${facts.database}, user ${facts.user}, in recovery: ${facts.inRecovery}, default_transaction_read_only: ${facts.defaultReadOnly ? 'on' : 'off'}`
  )
  return judgeConnection(facts, ctx.config.stage)
}

export const connectionCheck: Check = {
  id: 'connection',
  title: 'Connection and server',
  run: runConnection
}
