/**
 * The bit of the Supabase Management API the runbook reads: a project's backups and PITR status.
 * The access token is a secret: it goes in the Authorization header and nowhere else (not in errors).
 */
import '../config/zod.js'
import * as z from 'zod/mini'

export const DEFAULT_SUPABASE_API_URL = 'https://api.supabase.com'

const backupSchema = z.object({
  is_physical_backup: z.optional(z.boolean()),
  prepared_id: z.optional(z.nullable(z.union([z.number(), z.string()]))),
  status: z.string(),
  inserted_at: z.string()
})

const backupsResponseSchema = z.object({
  region: z.optional(z.string()),
  walg_enabled: z.optional(z.boolean()),
  pitr_enabled: z.optional(z.boolean()),
  backups: z._default(z.array(backupSchema), []),
  physical_backup_data: z.optional(
    z.nullable(
      z.object({
        earliest_physical_backup_date_unix: z.optional(z.nullable(z.number())),
        latest_physical_backup_date_unix: z.optional(z.nullable(z.number()))
      })
    )
  )
})

export type ProjectBackups = z.infer<typeof backupsResponseSchema>

export class SupabaseApiError extends Error {
  override name = 'SupabaseApiError'
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
  }
}

export interface ManagementApiOptions {
  token: string
  /** Defaults to https://api.supabase.com (SUPABASE_API_URL overrides it for tests). */
  baseUrl?: string
  timeoutMs?: number
}

function explainStatus(status: number, ref: string): string {
  if (status === 401)
    return 'the access token was refused (401 Unauthorized): check the SUPABASE_ACCESS_TOKEN secret'
  if (status === 403)
    return `the access token may not read project ${ref} (403 Forbidden): use a token of an owner or admin of its organisation`
  if (status === 404)
    return `project ${ref} was not found (404): check supabase-project-ref in runbook.yml`
  if (status === 429) return 'rate limited by the Management API (429): retry later'
  return `the Management API answered HTTP ${status}`
}

/** GET /v1/projects/{ref}/database/backups. Throws SupabaseApiError with a message fit for the report. */
export async function getProjectBackups(
  ref: string,
  opts: ManagementApiOptions
): Promise<ProjectBackups> {
  const base = (opts.baseUrl ?? DEFAULT_SUPABASE_API_URL).replace(/\/+$/, '')
  const url = `${base}/v1/projects/${encodeURIComponent(ref)}/database/backups`
  let response: Response
  try {
    response = await fetch(url, {
      headers: { Authorization: `Bearer ${opts.token}`, Accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000)
    })
  } catch (e) {
    throw new SupabaseApiError(
      `could not reach the Supabase Management API at ${base}: ${(e as Error).message}`
    )
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined)
    throw new SupabaseApiError(
      `Supabase backups of project ${ref}: ${explainStatus(response.status, ref)}`,
      response.status
    )
  }
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new SupabaseApiError(
      `Supabase backups of project ${ref}: the answer is not JSON`,
      response.status
    )
  }
  const parsed = backupsResponseSchema.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SupabaseApiError(
      `Supabase backups of project ${ref}: unexpected answer shape at ${issue.path.join('.') || '(top)'}: ${issue.message}`,
      response.status
    )
  }
  return parsed.data
}

/** inserted_at may come without a zone ("2025-11-13 03:00:00"): the API means UTC. */
export function parseApiTimestamp(value: string): number {
  const iso = value.includes('T') ? value : value.replace(' ', 'T')
  const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`
  return Date.parse(zoned)
}
