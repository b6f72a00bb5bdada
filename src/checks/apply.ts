/** apply: the pending migrations, each in its own transaction (see src/apply/apply.ts), with state evidence. */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { applyMigrations, ApplyError, type AppliedMigration } from '../apply/apply.js'
import { CancelledError } from '../cancel.js'
import { AdvisoryLockTimeout, acquireApplyLock, releaseApplyLock } from '../apply/locks.js'
import { MigrationFileError } from '../apply/statements.js'
import { readTableStates, renderTableStates } from '../report/state.js'
import { snapshotSchema } from '../schema/index.js'
import { recordPlanBaselines } from '../perf/plan-baseline.js'

/** What the apply check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    apply: ApplyDetails
  }
}

export interface ApplyDetails {
  /** The migrations this run committed, in order (also when a later one failed). */
  migrations: AppliedMigration[]
  /** The post-migration evidence could not be written (the migrations stay applied). */
  evidenceError?: string
  /** Why the apply stopped. */
  error?: string
  /** The SQLSTATE of the failure, null when it had none. */
  code?: string | null
  /** The pending migrations that did not commit. */
  pending?: string[]
}

/**
 * post-migration-constraints.txt and post-migration-tables.txt, read after the migrations committed. Returns
 * what went wrong (logged as a warning and written into the files it could not fill), or undefined.
 */
async function writePostEvidence(
  ctx: StageContext,
  touchedTables: string[]
): Promise<string | undefined> {
  const files = ['post-migration-constraints.txt', 'post-migration-tables.txt']
  try {
    const after = await readTableStates(ctx.client, touchedTables)
    ctx.evidence.write(
      files[0],
      renderTableStates(
        'Constraints and indexes of the touched tables after the migration',
        after,
        {
          constraints: true,
          indexes: true,
          sizes: false
        }
      )
    )
    ctx.evidence.write(
      files[1],
      renderTableStates('Touched tables after the migration', after, {
        constraints: false,
        indexes: false,
        sizes: true
      })
    )
    return undefined
  } catch (e) {
    const err = e as Error & { code?: string }
    const problem = ctx.redactor.redact(
      `post-migration evidence could not be written after the migrations committed: ${err.message}${err.code ? ` (${err.code})` : ''}; the migrations stay applied`
    )
    ctx.log.warn(`apply: ${problem}`)
    for (const name of files) {
      if (ctx.evidence.written.has(name)) continue
      try {
        ctx.evidence.write(name, `# ${name}: not written\n# ${problem}\n`)
      } catch {
        // the disk refuses this file too: the log and summary.json say it
      }
    }
    return problem
  }
}

async function runApply(ctx: StageContext): Promise<CheckOutcome<ApplyDetails>> {
  const { plan, env, config } = ctx
  // Each migration that commits is recorded at once: when migration 2 of 3 fails, 1 stays counted as applied.
  const applied: AppliedMigration[] = []
  const pendingBefore = plan.pending.map(m => m.version)
  // The apply lock is held from before the state is read (applyMigrations takes it once more, session locks
  // count their holds): another run's rehearsal, which takes it too, no longer holds the touched tables while
  // this run reads them (it stalled those reads into a lock timeout and failed the apply).
  let locked = false
  try {
    await acquireApplyLock(ctx.client, {
      waitMs: env.advisoryLockWaitMs,
      signal: ctx.signal,
      onWait: message => ctx.log.info(message)
    })
    locked = true
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
    await applyMigrations(ctx.client, plan.migrationsDir, plan.migrations, {
      environment: config.environment,
      runId: ctx.facts.runId,
      gitSha: ctx.facts.git.sha,
      actor: ctx.facts.git.actor,
      lockTimeoutMs: env.lockTimeoutMs,
      statementTimeoutMs: env.statementTimeoutMs,
      retries: env.applyRetries,
      retryBackoffMs: env.retryBackoffMs,
      advisoryLockWaitMs: env.advisoryLockWaitMs,
      allowOutOfOrder: env.allowOutOfOrder,
      log: ctx.log,
      snapshot: async (client, m) => {
        const before = await snapshotSchema(client)
        // verify and schema-diff read it from here, not back from the audit log.
        ;(ctx.shared.schemasBefore ??= new Map()).set(m.version, before)
        return before
      },
      signal: ctx.signal,
      redact: text => ctx.redactor.redact(text),
      onApplied: done => {
        applied.push(done)
        ctx.applied.push(done.version)
      },
      onHistory: history => {
        ctx.shared.historyAtApply = history.map(h => h.version)
      }
    })
    // The migrations committed: the database changed and the report must say so. Reading or writing the
    // evidence afterwards can only warn, never fail the check.
    const evidenceProblem = await writePostEvidence(ctx, plan.touchedTables)
    const total = applied.reduce((n, a) => n + a.durationMs, 0)
    // Pending when this run planned, applied by the time it held the lock: another run applied them.
    const meanwhile = pendingBefore.filter(v => ctx.shared.historyAtApply?.includes(v))
    const summary = applied.length
      ? `applied ${applied.map(a => a.version).join(', ')} in ${total} ms`
      : meanwhile.length
        ? `nothing to apply: ${meanwhile.join(', ')} applied by another run meanwhile`
        : 'nothing to apply'
    if (evidenceProblem)
      return {
        status: 'warn',
        summary: `${summary}; the post-migration evidence is incomplete`,
        reasons: [evidenceProblem],
        details: { migrations: applied, evidenceError: evidenceProblem }
      }
    return {
      status: 'pass',
      summary,
      details: { migrations: applied }
    }
  } catch (e) {
    if (
      e instanceof ApplyError ||
      e instanceof MigrationFileError ||
      e instanceof AdvisoryLockTimeout ||
      e instanceof CancelledError
    ) {
      const file = (e as ApplyError).file
      const line = (e as ApplyError).line
      const done = applied.map(a => a.version)
      const notApplied = pendingBefore.filter(v => !done.includes(v))
      const what =
        e instanceof AdvisoryLockTimeout
          ? 'another run holds the apply lock'
          : done.length === 0
            ? 'apply failed; nothing was applied'
            : `apply failed after ${done.join(', ')} committed; still pending: ${notApplied.join(', ') || 'none'}`
      const reasons = [e.message]
      if (done.length > 0)
        reasons.push(
          `${done.join(', ')} committed before the failure and stay applied (history and audit log record them); ` +
            `${notApplied.join(', ')} did not run or were rolled back`
        )
      return {
        status: 'fail',
        summary: what,
        reasons,
        details: {
          migrations: applied,
          error: e.message,
          code: (e as ApplyError).code ?? null,
          pending: notApplied
        },
        annotations:
          file && line
            ? [{ level: 'error', file, line, title: 'migration failed', message: e.message }]
            : []
      }
    }
    throw e
  } finally {
    if (locked) await releaseApplyLock(ctx.client).catch(() => undefined)
  }
}

export const applyCheck: Check<'apply'> = {
  id: 'apply',
  title: 'Apply pending migrations',
  run: runApply,
  // The first snapshot of a session plans a dozen catalog queries and fills the backend's caches (about twice
  // the time of the next one): done while the session waits for the rehearsal, not while the lock is held.
  warmUp: async ctx => {
    await snapshotSchema(ctx.client)
  }
}
