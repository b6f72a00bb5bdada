/** apply: the pending migrations, each in its own transaction (see src/apply/apply.ts), with state evidence. */
import type { Check } from '../types.js'
import { applyMigrations, ApplyError } from '../apply/apply.js'
import { AdvisoryLockTimeout } from '../apply/locks.js'
import { MigrationFileError } from '../apply/statements.js'
import { readTableStates, renderTableStates } from '../report/state.js'
import { snapshotSchema } from '../schema/index.js'
import { recordPlanBaselines } from './plan-baseline.js'

export const applyCheck: Check = {
  id: 'apply',
  title: 'Apply pending migrations',
  async run(ctx) {
    const { plan, env, config } = ctx
    const before = await readTableStates(ctx.client, plan.touchedTables)
    ctx.evidence.write(
      'pre-migration-state.txt',
      renderTableStates('State of the touched tables before the migration', before, {
        constraints: true,
        indexes: true,
        sizes: true
      })
    )
    // EXPLAIN of the probes and top statements before the change, kept in the database for verify to compare.
    const baselines = await recordPlanBaselines(ctx, { persist: true })
    for (const note of baselines.notes) ctx.log.info(`plan baseline: ${note}`)
    try {
      const applied = await applyMigrations(ctx.client, plan.migrationsDir, plan.migrations, {
        environment: config.environment,
        runId: ctx.state.get('runId') as string,
        gitSha: process.env.GITHUB_SHA,
        actor: process.env.GITHUB_ACTOR ?? process.env.USER,
        lockTimeoutMs: env.lockTimeoutMs,
        statementTimeoutMs: env.statementTimeoutMs,
        retries: env.applyRetries,
        retryBackoffMs: env.retryBackoffMs,
        advisoryLockWaitMs: env.advisoryLockWaitMs,
        allowOutOfOrder: env.allowOutOfOrder,
        log: ctx.log,
        snapshot: client => snapshotSchema(client)
      })
      ctx.applied.push(...applied.map(a => a.version))
      const after = await readTableStates(ctx.client, plan.touchedTables)
      ctx.evidence.write(
        'post-migration-constraints.txt',
        renderTableStates(
          'Constraints and indexes of the touched tables after the migration',
          after,
          { constraints: true, indexes: true, sizes: false }
        )
      )
      ctx.evidence.write(
        'post-migration-tables.txt',
        renderTableStates('Touched tables after the migration', after, {
          constraints: false,
          indexes: false,
          sizes: true
        })
      )
      const total = applied.reduce((n, a) => n + a.durationMs, 0)
      return {
        status: 'pass',
        summary: applied.length
          ? `applied ${applied.map(a => a.version).join(', ')} in ${total} ms`
          : 'nothing to apply',
        details: { migrations: applied }
      }
    } catch (e) {
      if (
        e instanceof ApplyError ||
        e instanceof MigrationFileError ||
        e instanceof AdvisoryLockTimeout
      ) {
        const file = (e as ApplyError).file
        const line = (e as ApplyError).line
        return {
          status: 'fail',
          summary:
            e instanceof AdvisoryLockTimeout
              ? 'another run holds the apply lock'
              : 'apply failed; nothing was applied',
          reasons: [e.message],
          details: { error: e.message, code: (e as ApplyError).code ?? null },
          annotations:
            file && line
              ? [{ level: 'error', file, line, title: 'migration failed', message: e.message }]
              : []
        }
      }
      throw e
    }
  }
}
