/**
 * backup: a recent backup exists before we change anything. Asks the Supabase Management API when the
 * environment names a project ref and SUPABASE_ACCESS_TOKEN is set. Unconfigured, it skips and says how to
 * enable it, except on a production environment, where it fails: production is not changed without a
 * restore point, unless runbook.yml turns the check off with a reason (`backup: off`), shown in the summary.
 */
import { getProjectBackups, type ProjectBackups } from '../supabase/management.js'
import { judgeBackups, type RestorePoint } from '../supabase/backups.js'
import type { Check, CheckOutcome, StageContext } from '../types.js'

/** What the backup check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    backup: BackupDetails
  }
}

export interface BackupDetails {
  /** The project asked (runbook.yml supabase-project-ref, else SUPABASE_PROJECT_REF), null when none. */
  projectRef: string | null
  /** A project ref and a token were both given, so the API was asked. */
  configured: boolean
  /** backup: { off: true } in runbook.yml, with its reason. */
  off?: true
  reason?: string
  /** Not configured on a production environment (the check fails). */
  production?: true
  /** The API answered with an error: its HTTP status (null when there was no answer). */
  httpStatus?: number | null
  pitrEnabled?: boolean
  walgEnabled?: boolean
  /** How many backups the API listed. */
  backups?: number
  /** The newest restore point, null when there is none. */
  latest?: RestorePoint | null
  maxAgeMs?: number
}

export const HOW_TO_TURN_OFF =
  'or, when backups are handled elsewhere, set backup: { off: true, reason: "..." } for this environment in runbook.yml'

export const HOW_TO_ENABLE =
  'to check backups, set supabase-project-ref for this environment in runbook.yml (or a SUPABASE_PROJECT_REF variable in the job env) and pass a SUPABASE_ACCESS_TOKEN secret (a Supabase personal access token) in the job env'

const PROJECT_REF = /^[a-z0-9]{20}$/

export async function runBackup(ctx: StageContext): Promise<CheckOutcome<BackupDetails>> {
  const { environ } = ctx.facts
  // runbook.yml names the project; else the workflow passes it (an environment variable, vars.SUPABASE_PROJECT_REF).
  const envRef = environ.SUPABASE_PROJECT_REF?.trim() || undefined
  const ref = ctx.env.supabaseProjectRef ?? envRef
  const token = ctx.facts.tokens.supabaseAccess
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
    if (ctx.env.production && !ctx.facts.throwaway) {
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

export const backupCheck: Check<'backup'> = {
  id: 'backup',
  title: 'Recent backup',
  concurrent: true,
  run: ctx => runBackup(ctx)
}
