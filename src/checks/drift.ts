/**
 * drift: an applied migration whose file changed, or a history row with no file. Fails every stage. Also
 * INVALID indexes (an interrupted CREATE INDEX CONCURRENTLY): fails when a pending migration would create
 * one of them again, warns otherwise.
 */
import type { Check } from '../types.js'
import type { DriftItem } from '../plan/plan.js'
import {
  findInvalidIndexes,
  indexesCreated,
  invalidIndexReasons,
  type InvalidIndex
} from '../db/invalid-indexes.js'
import { editedSinceApplied, readRecordedStatements } from '../plan/recorded-statements.js'
import {
  readForeignHistories,
  readUnfinishedRuns,
  type ForeignHistory,
  type UnfinishedRun
} from '../plan/history.js'
import type { Migration } from '../plan/files.js'
import { loadParser } from '../sql/parser.js'

/** What the drift check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    drift: DriftDetails
  }
}

export interface DriftDetails {
  /** Versions in the history table, in order. */
  applied: string[]
  pending: string[]
  /** Applied migrations whose file changed, history rows with no file. */
  drift: DriftItem[]
  /** Pending versions older than the newest applied one. */
  outOfOrder: string[]
  /** Applied versions with no checksum recorded (applied by another tool). */
  withoutChecksum: string[]
  /** Of those, the files that differ from the statements the Supabase CLI recorded when it applied them. */
  editedSinceApplied?: string[]
  invalidIndexes: InvalidIndex[]
  /** Another tool's history tables with rows, where this tool's history records nothing (all pending). */
  foreignHistories?: ForeignHistory[]
  /** Pending no-transaction migrations a run started and did not finish (some statements stay applied). */
  unfinished?: UnfinishedRun[]
}

/** What the next apply of a half-run no-transaction migration meets, and what to do first. */
function unfinishedReason(m: Migration, u: UnfinishedRun): string {
  const how = u.error
    ? `failed at statement ${u.statementsDone + 1}: ${u.error.split('\n')[0]}`
    : `stopped without a word after ${u.lastAt.toISOString()} (the run was killed or its runner lost)`
  return (
    `${m.file} runs outside a transaction and run ${u.runId} (started ${u.startedAt.toISOString()}) did not finish it: ` +
    `${u.statementsDone} of ${u.statements} statement(s) completed and stay applied, then it ${how}. ` +
    'Apply runs the file again from its first statement: make its statements idempotent (CREATE INDEX CONCURRENTLY IF NOT EXISTS; an INVALID index left by the interruption is reported here) or undo what they made first'
  )
}

export const driftCheck: Check<'drift'> = {
  id: 'drift',
  title: 'History matches the migration files',
  concurrent: true,
  async run(ctx) {
    const { plan } = ctx
    const invalid = await findInvalidIndexes(ctx.client)
    const { blocking, other } = invalidIndexReasons(invalid, indexesCreated(plan.pending))
    const reasons = [...plan.drift.map(d => d.message), ...blocking]
    const unverified = plan.history.filter(h => h.checksum === null).map(h => h.version)
    const details: DriftDetails = {
      applied: plan.history.map(h => h.version),
      pending: plan.pending.map(m => m.version),
      drift: plan.drift,
      outOfOrder: plan.outOfOrder,
      withoutChecksum: unverified,
      invalidIndexes: invalid
    }
    if (reasons.length > 0) {
      const summary =
        plan.drift.length > 0
          ? `${plan.drift.length} drifted migration(s)`
          : `${blocking.length} INVALID index(es) in the way of a pending migration`
      return { status: 'fail', summary, reasons, details }
    }
    if (plan.outOfOrder.length > 0 && !ctx.env.allowOutOfOrder) {
      return {
        status: 'fail',
        summary: `out-of-order pending migration(s): ${plan.outOfOrder.join(', ')}`,
        reasons: [
          `pending ${plan.outOfOrder.join(', ')} older than the newest applied version; rename to a newer version or set allow-out-of-order: true`
        ],
        details
      }
    }
    // No checksum, but the Supabase CLI recorded the statements it ran: an edit since shows there.
    const byVersion = new Map(plan.migrations.map(m => [m.version, m]))
    const recordedFiles = unverified.flatMap(v => byVersion.get(v) ?? [])
    let edited: string[] = []
    if (recordedFiles.length > 0) {
      const recorded = await readRecordedStatements(
        ctx.client,
        recordedFiles.map(m => m.version)
      )
      edited = await editedSinceApplied(recordedFiles, recorded)
    }
    details.editedSinceApplied = edited
    // Only a no-transaction file leaves a marker (apply.ts): no query for the usual change set. (Whether a file
    // runs outside a transaction takes the parser, which validate and apply have loaded by now.)
    if (plan.pending.length > 0) await loadParser()
    const halfRun = plan.pending.filter(m => m.noTransaction)
    const runs = await readUnfinishedRuns(
      ctx.client,
      halfRun.map(m => m.version)
    )
    const unfinished = runs.flatMap(u => {
      const m = halfRun.find(x => x.version === u.version)
      return m ? [unfinishedReason(m, u)] : []
    })
    if (runs.length > 0) details.unfinished = runs
    // Nothing recorded and everything pending: on a database another tool migrated, apply would run it all again.
    const foreign =
      plan.history.length === 0 && plan.pending.length > 0
        ? await readForeignHistories(ctx.client)
        : []
    if (foreign.length > 0) details.foreignHistories = foreign
    const foreignReasons = foreign.map(
      f =>
        `${f.table} holds ${f.rows} row(s): another migration tool's history? This tool reads supabase_migrations.schema_migrations, which records nothing here, so all ${plan.pending.length} migration(s) count as pending and apply would run them again. If they are applied, record them first (supabase migration repair --status applied <version> ..., or the same versions inserted into supabase_migrations.schema_migrations)`
    )
    const note = unverified.length
      ? `; ${unverified.length} applied by another tool (no checksum recorded${edited.length ? `, ${edited.length} edited since: see reasons` : ''})`
      : ''
    const summary = `${plan.history.length} applied, ${plan.pending.length} pending${note}`
    if (other.length > 0 || edited.length > 0 || unfinished.length > 0 || foreign.length > 0)
      return {
        status: 'warn',
        summary:
          summary +
          (foreign.length
            ? `; another tool's history found (${foreign.map(f => f.table).join(', ')})`
            : '') +
          (other.length ? `; ${other.length} INVALID index(es)` : '') +
          (unfinished.length ? `; ${unfinished.length} pending migration(s) half-run` : ''),
        reasons: [...foreignReasons, ...unfinished, ...edited, ...other],
        details
      }
    return { status: 'pass', summary, details }
  }
}
