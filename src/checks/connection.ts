/**
 * connection: who and where we are connected to. A server in recovery (a replica) is the wrong target for
 * every stage: it cannot be migrated, and validating it says nothing reliable about the primary.
 * A session whose transactions are read-only by default (default_transaction_read_only = on, for the role,
 * the database or the server) fails here too for the stages that write: otherwise it passes every preflight
 * and fails later, in the rehearsal (validate executes each migration in a rolled-back transaction, and a
 * read-only transaction refuses DDL), in apply or in rollback.
 */
import type { Check, CheckOutcome, Stage, StageContext } from '../types.js'
import {
  describeSettingSource,
  readConnectionFacts,
  readOnlyFix,
  type ConnectionFacts
} from '../db/server-facts.js'

/** What the connection check reports (CheckResult.details): the server and session facts as read. */
declare module '../types.js' {
  interface CheckDetails {
    connection: ConnectionDetails
  }
}

export type ConnectionDetails = ConnectionFacts

export function judgeConnection(
  facts: ConnectionFacts,
  stage: Stage
): CheckOutcome<ConnectionDetails> {
  const where = `PostgreSQL ${facts.serverVersion}, database ${facts.database} as ${facts.user}${facts.isSuperuser ? ' (superuser)' : ''}`
  const details: ConnectionDetails = { ...facts }
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
    const reason = `default_transaction_read_only is on (set ${describeSettingSource(facts.readOnlySource)}): every transaction of this session is read-only, so ${WHAT_WRITES[stage]}; ${readOnlyFix(facts)}`
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

export async function runConnection(ctx: StageContext): Promise<CheckOutcome<ConnectionDetails>> {
  const { reads, ...facts } = await readConnectionFacts(ctx.client, ctx.plan.extensions)
  ctx.shared.serverReads = reads
  ctx.log.info(
    `connected: PostgreSQL ${facts.serverVersion} (${facts.serverVersionNum}), database ${facts.database}, user ${facts.user}, in recovery: ${facts.inRecovery}, default_transaction_read_only: ${facts.defaultReadOnly ? 'on' : 'off'}`
  )
  return judgeConnection(facts, ctx.config.stage)
}

export const connectionCheck: Check<'connection'> = {
  id: 'connection',
  title: 'Connection and server',
  concurrent: true,
  run: runConnection
}
