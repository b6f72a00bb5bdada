/**
 * Restore points of a Supabase project (completed backups and the PITR latest point) from the Management
 * API's answer, and whether the newest one is recent enough to migrate.
 */
import { parseApiTimestamp, type ProjectBackups } from './management.js'
import { formatAge } from '../db/sessions.js'

export interface RestorePoint {
  kind: 'backup' | 'pitr'
  at: string
  ageMs: number
}

export interface BackupVerdict {
  status: 'pass' | 'fail'
  summary: string
  reasons: string[]
  latest: RestorePoint | null
}

/** The newest restore point (COMPLETED backup or PITR latest point) judged against maxAgeMs. */
export function judgeBackups(data: ProjectBackups, nowMs: number, maxAgeMs: number): BackupVerdict {
  const points: RestorePoint[] = []
  for (const b of data.backups) {
    if (b.status !== 'COMPLETED') continue
    const at = parseApiTimestamp(b.inserted_at)
    if (Number.isFinite(at))
      points.push({ kind: 'backup', at: new Date(at).toISOString(), ageMs: nowMs - at })
  }
  const pitrLatest = data.physical_backup_data?.latest_physical_backup_date_unix
  if (data.pitr_enabled && typeof pitrLatest === 'number') {
    const at = pitrLatest * 1000
    points.push({ kind: 'pitr', at: new Date(at).toISOString(), ageMs: nowMs - at })
  }
  points.sort((a, b) => a.ageMs - b.ageMs)
  const latest = points[0] ?? null
  const limit = formatAge(maxAgeMs)
  if (!latest) {
    const pitr = data.pitr_enabled
      ? 'PITR is enabled but reports no restore point'
      : 'PITR is not enabled'
    return {
      status: 'fail',
      summary: 'no completed backup',
      reasons: [`the project has no COMPLETED backup and ${pitr}; take a backup before migrating`],
      latest
    }
  }
  const what = latest.kind === 'pitr' ? 'PITR restore point' : 'completed backup'
  if (latest.ageMs > maxAgeMs) {
    return {
      status: 'fail',
      summary: `newest ${what} is ${formatAge(latest.ageMs)} old (limit ${limit})`,
      reasons: [
        `the newest ${what} is from ${latest.at}, ${formatAge(latest.ageMs)} ago, older than backup-max-age ${limit}; take a backup (or enable PITR) before migrating`
      ],
      latest
    }
  }
  return {
    status: 'pass',
    summary: `newest ${what} is ${formatAge(Math.max(0, latest.ageMs))} old (limit ${limit})`,
    reasons: [],
    latest
  }
}
