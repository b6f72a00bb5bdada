/** drift: an applied migration whose file changed, or a history row with no file. Fails every stage. */
import type { Check } from '../types.js'

export const driftCheck: Check = {
  id: 'drift',
  title: 'History matches the migration files',
  async run(ctx) {
    const { plan } = ctx
    const reasons = plan.drift.map(d => d.message)
    const unverified = plan.history.filter(h => h.checksum === null).map(h => h.version)
    const details = {
      applied: plan.history.map(h => h.version),
      pending: plan.pending.map(m => m.version),
      drift: plan.drift,
      outOfOrder: plan.outOfOrder,
      withoutChecksum: unverified
    }
    if (reasons.length > 0) {
      return { status: 'fail', summary: `${reasons.length} drifted migration(s)`, reasons, details }
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
    return {
      status: 'pass',
      summary: `${plan.history.length} applied, ${plan.pending.length} pending${note}`,
      details
    }
  }
}
