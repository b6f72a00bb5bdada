/**
 * Which migration a rollback reverts: the one named (--migration), else the newest applied. Only the newest
 * applied can be reverted (revert in reverse order, as sqitch does), and only when it has a rollback script.
 */
import type { Migration, SqlFile } from '../plan/files.js'
import type { Plan } from '../plan/plan.js'

/** The migration to revert and its rollback script, or why there is none. */
export type RevertTarget =
  | { migration: Migration; script: SqlFile; error?: undefined }
  | { migration?: undefined; script?: undefined; error: string }

export function revertTarget(plan: Plan, wantedVersion?: string): RevertTarget {
  const newest = plan.history.at(-1)?.version
  const wanted = wantedVersion ?? newest
  if (!wanted) return { error: 'nothing is applied: there is nothing to roll back' }
  if (!plan.history.some(h => h.version === wanted))
    return { error: `version ${wanted} is not applied` }
  if (wanted !== newest)
    return {
      error: `version ${wanted} is not the newest applied (${newest}); roll back ${newest} first`
    }
  const migration = plan.migrations.find(m => m.version === wanted)
  if (!migration) return { error: `no migration file for applied version ${wanted}` }
  if (!migration.rollback)
    return {
      error: `${migration.file} has no rollback script: create ${plan.migrationsDir}/rollback/${migration.version}_${migration.name}.sql`
    }
  return { migration, script: migration.rollback }
}
