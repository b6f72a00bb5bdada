/**
 * backup: a recent backup exists before we change anything. Asks the Supabase Management API when the
 * environment names a project ref and SUPABASE_ACCESS_TOKEN is set. Unconfigured, it skips and says how to
 * enable it, except on a production environment, where it fails: production is not changed without a
 * restore point, unless runbook.yml turns the check off with a reason (`backup: off`), shown in the summary.
 */
import {
  getProjectBackups,
  parseApiTimestamp,
  type ProjectBackups
} from '../supabase/management.js'
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { formatAge } from './sessions.js'

export const HOW_TO_TURN_OFF =
  'or, when backups are handled elsewhere, set backup: { off: true, reason: "..." } for this environment in runbook.yml'

export const HOW_TO_ENABLE =
  'to check backups, set supabase-project-ref for this environment in runbook.yml (or a SUPABASE_PROJECT_REF variable in the job env) and pass a SUPABASE_ACCESS_TOKEN secret (a Supabase personal access token) in the job env'

const PROJECT_REF = /^[a-z0-9]{20}$/

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

export async function runBackup(
  ctx: StageContext,
  environ: NodeJS.ProcessEnv = process.env
): Promise<CheckOutcome> {
  // runbook.yml names the project; else the workflow passes it (an environment variable, vars.SUPABASE_PROJECT_REF).
  const envRef = environ.SUPABASE_PROJECT_REF?.trim() || undefined
  const ref = ctx.env.supabaseProjectRef ?? envRef
  const token = environ.SUPABASE_ACCESS_TOKEN?.trim()
  if (ctx.env.backupOff) {
    const reason = ctx.redactor.redact(ctx.env.backupOff.reason)
    ctx.log.info(`backup: off in runbook.yml (${reason})`)
    return {
      status: 'skip',
      summary: `backup check off in runbook.yml: ${reason}`,
      details: { projectRef: ref ?? null, configured: false, off: true, reason }
    }
  }
  if (ref && !PROJECT_REF.test(ref)) {
    return {
      status: 'fail',
      summary: 'SUPABASE_PROJECT_REF is not a project ref',
      reasons: [
        `environment variable SUPABASE_PROJECT_REF is "${ref}"; allowed: a Supabase project ref, 20 lowercase letters and digits (Project Settings → General)`
      ],
      details: { projectRef: ref, configured: false }
    }
  }
  if (!ref || !token) {
    const missing = [!ref && 'no supabase-project-ref', !token && 'no SUPABASE_ACCESS_TOKEN']
      .filter(Boolean)
      .join(' and ')
    // A throwaway database (--embedded, rehearse) has no backup to find: nothing real is changed there.
    if (ctx.env.production && ctx.state.get('throwawayTarget') !== true) {
      ctx.log.error(`backup: not configured on production (${missing}); ${HOW_TO_ENABLE}`)
      return {
        status: 'fail',
        summary: `production and no backup check configured: ${missing}`,
        reasons: [
          `environment "${ctx.env.name}" is production and its backup cannot be checked (${missing}); ${HOW_TO_ENABLE}, ${HOW_TO_TURN_OFF}`
        ],
        details: { projectRef: ref ?? null, configured: false, production: true }
      }
    }
    ctx.log.warn(`backup: not checked (${missing}); ${HOW_TO_ENABLE}`)
    return {
      status: 'skip',
      summary: `backup recency not checked: ${missing}`,
      reasons: [HOW_TO_ENABLE],
      details: { projectRef: ref ?? null, configured: false }
    }
  }
  ctx.redactor.add(token)
  const baseUrl = environ.SUPABASE_API_URL?.trim() || undefined
  let data: ProjectBackups
  try {
    data = await getProjectBackups(ref, { token, baseUrl })
  } catch (e) {
    const message = ctx.redactor.redact((e as Error).message)
    return {
      status: 'fail',
      summary: 'could not read the project backups',
      reasons: [message],
      details: {
        projectRef: ref,
        configured: true,
        httpStatus: (e as { status?: number }).status ?? null
      }
    }
  }
  const verdict = judgeBackups(data, Date.now(), ctx.env.backupMaxAgeMs)
  ctx.log.info(`backup: ${verdict.summary}`)
  return {
    status: verdict.status,
    summary: verdict.summary,
    reasons: verdict.reasons,
    details: {
      projectRef: ref,
      configured: true,
      pitrEnabled: data.pitr_enabled ?? false,
      walgEnabled: data.walg_enabled ?? false,
      backups: data.backups.length,
      latest: verdict.latest,
      maxAgeMs: ctx.env.backupMaxAgeMs
    }
  }
}

export const backupCheck: Check = {
  id: 'backup',
  title: 'Recent backup',
  run: ctx => runBackup(ctx)
}
