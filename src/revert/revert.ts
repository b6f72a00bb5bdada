/**
 * revert: one migration's rollback script run under the apply lock, in one transaction under SET LOCAL
 * lock_timeout and statement_timeout, with the migration's history row removed and a 'rolled-back' audit row
 * written in the same transaction (the mirror of apply.ts). Bounded retries on lock_not_available only.
 */
import type pg from 'pg'
import type { Migration, SqlFile } from '../plan/files.js'
import {
  ensureHistoryTables,
  readHistory,
  removeApplied,
  writeAuditSql,
  type HistoryRow
} from '../plan/history.js'
import {
  auditDetails,
  runFileInTransaction,
  type AppliedMigration,
  type LockedRunOptions
} from '../apply/apply.js'
import { withApplyLock } from '../apply/locks.js'
import { statementsOf } from '../apply/statements.js'
import { adaptToStandIns, standInNote } from '../db/stand-in-index.js'

/** What revert takes: the apply lock's options, without apply's own (out-of-order, snapshots, callbacks). */
export type RevertOptions = LockedRunOptions

/** A reverted migration; `file` is the rollback script, relative to the repository root. */
export type RevertedMigration = AppliedMigration

/** Runs `script` (the rollback of `m`) and removes `m`'s history row, all or nothing. Throws on failure. */
export async function revertMigration(
  client: pg.Client,
  m: Migration,
  script: SqlFile,
  opts: RevertOptions
): Promise<RevertedMigration> {
  // Refuse a bad file before taking any lock or writing anything.
  const statements = statementsOf(script)
  return withApplyLock(client, opts, async () => {
    refuseIfNoLongerNewest(await ensureHistoryTables(client), m)
    const startedAt = new Date()
    const run = await adaptToStandIns(
      client,
      statements,
      standInNote(script.file, 'built', line => opts.log.info(line))
    )
    const done = await runFileInTransaction(
      client,
      m,
      script,
      run,
      {
        lockTimeoutMs: opts.lockTimeoutMs,
        statementTimeoutMs: opts.statementTimeoutMs,
        retries: opts.retries,
        retryBackoffMs: opts.retryBackoffMs,
        log: opts.log,
        signal: opts.signal
      },
      async timings => {
        // Again in the transaction: a `supabase db push` takes no apply lock.
        refuseIfNoLongerNewest(await readHistory(client), m)
        const removed = await removeApplied(client, m.version)
        if (removed !== 1)
          throw new Error(
            `history row of ${m.version} was not found while rolling back (removed ${removed})`
          )
        // The audit entry goes with the COMMIT, in one round trip.
        return [
          writeAuditSql({
            runId: opts.runId,
            environment: opts.environment,
            stage: 'rollback',
            version: m.version,
            name: m.name,
            checksum: script.checksum,
            gitSha: opts.gitSha,
            actor: opts.actor,
            startedAt,
            status: 'rolled-back',
            details: auditDetails({ statements: timings }, opts)
          })
        ]
      }
    )
    return {
      version: m.version,
      name: m.name,
      file: script.file,
      durationMs: done.durationMs,
      attempts: done.attempts,
      statements: done.timings
    }
  })
}

/**
 * The target was chosen from the history read before the apply lock was taken: while this run waited for it,
 * another run may have rolled the same migration back or applied a newer one. Rolling back under a newer
 * migration would leave the history out of order (and a CASCADE in the script could take the newer one's
 * objects with it), so the run stops with nothing changed.
 */
function refuseIfNoLongerNewest(history: HistoryRow[], m: Migration): void {
  const newest = history.at(-1)?.version
  if (newest === m.version) return
  const what = history.some(h => h.version === m.version)
    ? `${newest} was applied after it`
    : 'it is no longer applied'
  throw new Error(
    `${m.version} is not the newest applied migration any more: ${what}, by another run while this one ` +
      'was planned or waited for the apply lock. Nothing was rolled back; re-run the rollback to roll back the newest.'
  )
}
