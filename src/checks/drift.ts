/**
 * drift: an applied migration whose file changed, or a history row with no file. Fails every stage. Also
 * INVALID indexes (an interrupted CREATE INDEX CONCURRENTLY): fails when a pending migration would create
 * one of them again, warns otherwise.
 */
import type { Check } from '../types.js'
import type { Migration } from '../plan/files.js'
import { parseSql, walk } from '../sql/parser.js'
import { dropAdvice, findInvalidIndexes, type InvalidIndex } from '../db/invalid-indexes.js'

/** Index names the pending migrations create (CREATE INDEX [CONCURRENTLY] name). */
function indexesCreated(pending: Migration[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of pending) {
    for (const s of parseSql(m.sql).statements) {
      walk(s.ast, (key, value) => {
        if (key === 'IndexStmt' && typeof value.idxname === 'string')
          out.set(value.idxname, `${m.file}:${s.line}`)
      })
    }
  }
  return out
}

function invalidIndexReasons(invalid: InvalidIndex[], created: Map<string, string>) {
  const blocking: string[] = []
  const other: string[] = []
  for (const ix of invalid) {
    const where = created.get(ix.index)
    const what = `index ${ix.schema}.${ix.index} on ${ix.table} is INVALID (an interrupted CREATE INDEX CONCURRENTLY left it)`
    if (where)
      blocking.push(
        `${what}; ${where} creates it again and would fail with "already exists". Fix: ${dropAdvice(ix)} then rerun`
      )
    else
      other.push(
        `${what}: it slows writes and serves no query. Fix: ${dropAdvice(ix)} and recreate it`
      )
  }
  return { blocking, other }
}

export const driftCheck: Check = {
  id: 'drift',
  title: 'History matches the migration files',
  async run(ctx) {
    const { plan } = ctx
    const invalid = await findInvalidIndexes(ctx.client)
    const { blocking, other } = invalidIndexReasons(invalid, indexesCreated(plan.pending))
    const reasons = [...plan.drift.map(d => d.message), ...blocking]
    const unverified = plan.history.filter(h => h.checksum === null).map(h => h.version)
    const details = {
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
    const note = unverified.length
      ? `; ${unverified.length} applied by another tool (no checksum recorded)`
      : ''
    const summary = `${plan.history.length} applied, ${plan.pending.length} pending${note}`
    if (other.length > 0)
      return {
        status: 'warn',
        summary: `${summary}; ${other.length} INVALID index(es)`,
        reasons: other,
        details
      }
    return { status: 'pass', summary, details }
  }
}
