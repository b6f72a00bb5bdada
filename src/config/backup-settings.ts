/**
 * runbook.yml `backup`: a production environment may turn the backup check off, but only with a reason
 * (PITR on the provider, a snapshot taken by another job), which the check's summary then shows.
 * Either `backup: { off: true, reason: "..." }` or `backup: off` with `backup-reason: "..."`.
 */
import { readValue } from './zod.js'
import * as z from 'zod/mini'

const REASON_RULE = 'allowed: a non-empty reason, e.g. "PITR on the provider"'

const BACKUP_RULE =
  'allowed: off, or { off: true, reason: "..." } (leave backup out to keep the check on)'

/** `backup` normalised to { off: true, reason? }; anything else is an issue naming the value. */
const backupSchema = readValue((value, fail): { off: true; reason?: string } => {
  // YAML 1.1 readers (and some editors) turn a bare `off` into false.
  if (value === 'off' || value === false) return { off: true }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const { off, reason, ...rest } = value as Record<string, unknown>
    const unknownKeys = Object.keys(rest)
    if (off === true && unknownKeys.length === 0) {
      if (reason === undefined) return { off: true }
      if (typeof reason === 'string' && reason.trim() !== '')
        return { off: true, reason: reason.trim() }
      return fail(`is ${JSON.stringify(reason)}; ${REASON_RULE}`, ['reason'])
    }
  }
  return fail(`is ${JSON.stringify(value)}; ${BACKUP_RULE}`)
})

export const backupFields = {
  backup: z.optional(backupSchema),
  'backup-reason': z.optional(
    z.string({ error: REASON_RULE }).check(z.trim(), z.minLength(1, REASON_RULE))
  )
}

export interface BackupSettingsInput {
  backup?: { off: true; reason?: string }
  'backup-reason'?: string
}

/** Why the backup check is off, or undefined when it is on. */
export interface BackupOff {
  reason: string
}

/**
 * The resolved setting, or a message naming the key, the value and what is allowed (the caller adds the
 * file and environment).
 */
export function resolveBackupSetting(e: BackupSettingsInput): { off?: BackupOff; error?: string } {
  const setting = e.backup
  const looseReason = e['backup-reason']
  if (setting === undefined) {
    if (looseReason !== undefined)
      return {
        error: `backup-reason: is "${looseReason}" but backup is not off; allowed: only with backup: off`
      }
    return {}
  }
  const reason = setting.reason ?? looseReason
  if (!reason)
    return {
      error: `backup: is off without a reason; ${REASON_RULE} as backup: { off: true, reason: "..." } or backup-reason: "..."`
    }
  return { off: { reason } }
}
