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
    const note = unverified.length
      ? `; ${unverified.length} applied by another tool (no checksum recorded${edited.length ? `, ${edited.length} edited since: see reasons` : ''})`
      : ''
    const summary = `${plan.history.length} applied, ${plan.pending.length} pending${note}`
    if (other.length > 0 || edited.length > 0)
      return {
        status: 'warn',
        summary: other.length ? `${summary}; ${other.length} INVALID index(es)` : summary,
        reasons: [...edited, ...other],
        details
      }
    return { status: 'pass', summary, details }
  }
}
