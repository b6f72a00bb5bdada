/** The plan: what is on disk, what the database says is applied, what is pending, and any drift. */
import { checksumMatches, versionNumber, type Migration } from './files.js'
import type { HistoryRow } from './history.js'

export interface DriftItem {
  version: string
  kind: 'changed' | 'missing-file'
  message: string
}

export interface Plan {
  migrationsDir: string
  migrations: Migration[]
  history: HistoryRow[]
  pending: Migration[]
  drift: DriftItem[]
  /** Pending versions older than the newest applied one. */
  outOfOrder: string[]
  /** schema.table of every relation the pending migrations touch (from the parser). */
  touchedTables: string[]
  /** Extensions the pending migrations create or need. */
  extensions: string[]
}

export function buildPlan(
  migrationsDir: string,
  migrations: Migration[],
  history: HistoryRow[],
  analysis: { touchedTables: string[]; extensions: string[] } = {
    touchedTables: [],
    extensions: []
  }
): Plan {
  const byVersion = new Map(migrations.map(m => [m.version, m]))
  const applied = new Set(history.map(h => h.version))
  const drift: DriftItem[] = []
  for (const h of history) {
    const m = byVersion.get(h.version)
    if (!m) {
      drift.push({
        version: h.version,
        kind: 'missing-file',
        message: `version ${h.version} (${h.name ?? 'unnamed'}) is recorded as applied but no file ${h.version}_*.sql exists in ${migrationsDir}/`
      })
    } else if (h.checksum && !checksumMatches(h.checksum, m.sql)) {
      drift.push({
        version: h.version,
        kind: 'changed',
        message: `${m.file} changed after it was applied: checksum ${m.checksum.slice(0, 12)} on disk, ${h.checksum.slice(0, 12)} when applied; write a new migration instead of editing an applied one`
      })
    }
  }
  const pending = migrations.filter(m => !applied.has(m.version))
  // A row another tool wrote with a version that is not a number is drift (no file has it), not an order.
  const newestApplied = history.reduce<bigint | null>((max, h) => {
    const v = versionNumber(h.version)
    return v === undefined || (max !== null && v <= max) ? max : v
  }, null)
  const outOfOrder =
    newestApplied === null
      ? []
      : pending.filter(m => BigInt(m.version) < newestApplied).map(m => m.version)
  return { migrationsDir, migrations, history, pending, drift, outOfOrder, ...analysis }
}

/**
 * The applied versions, oldest first: as the apply read them under its lock when it ran (`atApply`, newer when
 * another run applied migrations meanwhile), else as the plan read them.
 */
export function appliedVersions(plan: Plan, atApply: string[] | undefined): string[] {
  return atApply ?? plan.history.map(h => h.version)
}
