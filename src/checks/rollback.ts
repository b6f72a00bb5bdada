/**
 * rollback: the newest applied migration's rollback/ script (or a named version). Rehearsed first in a
 * rolled-back transaction, with the conflicts check derived from what the rollback re-adds (the old, stricter
 * constraint may reject rows written since); then applied with its history row removed in the same transaction;
 * then the schema must equal the snapshot recorded before the migration was applied.
 */
import type { Check, StageContext } from '../types.js'
import { runFileInTransaction } from '../apply/apply.js'
import { acquireApplyLock, releaseApplyLock } from '../apply/locks.js'
import { statementsOf } from '../apply/statements.js'
import { ensureHistoryTables, removeApplied, schemaBefore, writeAudit } from '../plan/history.js'
import {
  diffSnapshots,
  isEmptyDiff,
  renderDiff,
  snapshotSchema,
  type SchemaSnapshot
} from '../schema/index.js'
import { rehearseFiles } from './rehearsal.js'
import {
  deriveConflictQueries,
  renderViolations,
  runConflictChecks,
  violatedReason,
  violationLines
} from '../conflicts/index.js'
import type { Migration } from '../plan/files.js'

export function rollbackTarget(ctx: StageContext): { migration?: Migration; error?: string } {
  const wanted =
    (ctx.state.get('rollbackVersion') as string | undefined) ?? ctx.plan.history.at(-1)?.version
  if (!wanted) return { error: 'nothing is applied: there is nothing to roll back' }
  if (!ctx.plan.history.some(h => h.version === wanted))
    return { error: `version ${wanted} is not applied` }
  const newest = ctx.plan.history.at(-1)?.version
  if (wanted !== newest)
    return {
      error: `version ${wanted} is not the newest applied (${newest}); roll back ${newest} first`
    }
  const migration = ctx.plan.migrations.find(m => m.version === wanted)
  if (!migration) return { error: `no migration file for applied version ${wanted}` }
  if (!migration.rollback)
    return {
      error: `${migration.file} has no rollback script: create ${ctx.plan.migrationsDir}/rollback/${migration.version}_${migration.name}.sql`
    }
  return { migration }
}

export const rollbackCheck: Check = {
  id: 'rollback',
  title: 'Roll back the newest migration',
  async run(ctx) {
    const { migration: m, error } = rollbackTarget(ctx)
    if (!m || !m.rollback)
      return {
        status: 'fail',
        summary: 'no rollback possible',
        reasons: [error ?? 'no rollback script']
      }
    const rollbackFile = m.rollback
    statementsOf(rollbackFile)
    // 1. Rows written since the migration that the constraints the rollback re-adds would reject.
    const conflicts = await runConflictChecks(
      ctx.client,
      deriveConflictQueries(rollbackFile.file, rollbackFile.sql),
      {
        timeoutMs: ctx.env.conflictsTimeoutMs,
        sample: ctx.env.conflictsSample
      }
    )
    const blocking = conflicts.filter(c => c.count > 0)
    const unchecked = conflicts.filter(c => c.error)
    for (const c of unchecked)
      ctx.log.warn(
        `rollback: ${c.file}:${c.line} ${c.constraint} on ${c.table} not checked: ${c.error}`
      )
    for (const c of blocking) for (const line of violationLines(c)) ctx.log.error(`  ${line}`)
    // Written when anything is to report, including a constraint that could not be checked (the
    // rehearsal below still catches a real violation, but the reviewer should see why it was not listed).
    if (blocking.length > 0 || unchecked.length > 0) {
      ctx.evidence.write(
        'pre-rollback-violations.txt',
        renderViolations([...blocking, ...unchecked], ctx.env.conflictsSample)
      )
    }
    if (blocking.length > 0) {
      return {
        status: 'fail',
        summary:
          'rows written since the migration violate what the rollback re-adds; nothing was changed',
        reasons: blocking.map(c => violatedReason(c, 'row(s)', 'pre-rollback-violations.txt')),
        details: { conflicts }
      }
    }
    // 2. Rehearse: rolled back, under the lock budget.
    const [rehearsal] = await rehearseFiles(
      ctx.client,
      [{ version: m.version, file: rollbackFile }],
      {
        lockBudgetMs: ctx.env.lockBudgetMs,
        lockTimeoutMs: ctx.env.lockTimeoutMs,
        log: ctx.log
      }
    )
    if (rehearsal?.error && !(rehearsal.overBudget && ctx.env.rehearsalOverBudget !== 'fail')) {
      return {
        status: 'fail',
        summary: 'the rollback fails in rehearsal; nothing was changed',
        reasons: [rehearsal.error],
        details: { rehearsal, conflicts }
      }
    }
    // 3. Apply the rollback and remove the history row, in one transaction, under the apply lock.
    await acquireApplyLock(ctx.client, ctx.env.advisoryLockWaitMs)
    let applied
    try {
      await ensureHistoryTables(ctx.client)
      const started = new Date()
      const audit = {
        runId: ctx.state.get('runId') as string,
        environment: ctx.config.environment,
        stage: 'rollback',
        version: m.version,
        name: m.name,
        checksum: rollbackFile.checksum,
        gitSha: process.env.GITHUB_SHA,
        actor: process.env.GITHUB_ACTOR ?? process.env.USER,
        startedAt: started
      }
      applied = await runFileInTransaction(
        ctx.client,
        m,
        rollbackFile,
        statementsOf(rollbackFile),
        {
          lockTimeoutMs: ctx.env.lockTimeoutMs,
          statementTimeoutMs: ctx.env.statementTimeoutMs,
          retries: ctx.env.applyRetries,
          retryBackoffMs: ctx.env.retryBackoffMs,
          log: ctx.log
        },
        async timings => {
          const removed = await removeApplied(ctx.client, m.version)
          if (removed !== 1)
            throw new Error(
              `history row of ${m.version} was not found while rolling back (removed ${removed})`
            )
          await writeAudit(ctx.client, {
            ...audit,
            status: 'rolled-back',
            // Masked like every other record: a rollback script may set a role password too.
            details: JSON.parse(ctx.redactor.redact(JSON.stringify({ statements: timings })))
          })
        }
      )
    } catch (e) {
      return {
        status: 'fail',
        summary: 'rollback failed; nothing was changed',
        reasons: [(e as Error).message],
        details: { rehearsal, conflicts }
      }
    } finally {
      await releaseApplyLock(ctx.client)
    }
    // 4. The schema must be what it was before the migration.
    const before = (await schemaBefore(ctx.client, m.version)) as SchemaSnapshot | null
    const now = await snapshotSchema(ctx.client)
    const details = {
      version: m.version,
      rehearsal,
      conflicts,
      durationMs: applied.durationMs,
      statements: applied.timings
    }
    if (!before) {
      return {
        status: 'warn',
        summary: `rolled back ${m.version}; no before-snapshot to compare with`,
        reasons: [`no schema snapshot was recorded when ${m.version} was applied`],
        details
      }
    }
    const diff = diffSnapshots(before, now)
    ctx.evidence.write(
      'db-diff.txt',
      `# schema after rollback vs before ${m.version} was applied\n\n${renderDiff(diff)}`
    )
    if (!isEmptyDiff(diff)) {
      return {
        status: 'fail',
        summary: `rolled back ${m.version}, but the schema differs from before it was applied`,
        reasons: renderDiff(diff)
          .split('\n')
          .filter(l => /^[+~-] /.test(l))
          .slice(0, 20),
        details: { ...details, diffText: renderDiff(diff) }
      }
    }
    return {
      status: 'pass',
      summary: `rolled back ${m.version} in ${applied.durationMs} ms; schema equals the snapshot before it`,
      details
    }
  }
}
