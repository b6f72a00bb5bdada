/**
 * runbook.yml `lint:`: settings of the lint rules that do not depend on an environment.
 *
 *   lint:
 *     no-transaction-markers: ['-- disable-transaction', '--! no-transaction']
 *     format-in: goose
 *
 * - `no-transaction-markers`: comments that mark a file as running outside a transaction, in addition to the
 *   markers this runbook already knows (its own and those of goose, dbmate, sqlx, ...; src/plan/files.ts).
 *   Each is one `--` comment, matched like those: on one of the comment lines that open the file, ignoring
 *   case and runs of spaces, followed by nothing or a space.
 * - `format-in`: how `migration-runbook lint` reads a file (src/lint/formats.ts); `--format-in` overrides it.
 */
import './zod.js'
import { z } from 'zod'
import { INPUT_FORMATS, type InputFormat } from '../lint/formats.js'

export interface LintSettings {
  noTransactionMarkers: string[]
  formatIn?: InputFormat
}

const marker = z.unknown().transform((v, ctx) => {
  const fail = (why: string): never => {
    ctx.addIssue({
      code: 'custom',
      message: `${why}; allowed: one SQL line comment starting with "--", e.g. "-- disable-transaction"`
    })
    return z.NEVER
  }
  if (typeof v !== 'string') return fail(`is ${JSON.stringify(v) ?? String(v)}, not a string`)
  const shown = JSON.stringify(v)
  const text = v.trim()
  if (!text.startsWith('--')) return fail(`is ${shown}, which is not a SQL line comment`)
  if (/[\r\n]/.test(text)) return fail(`is ${shown}, which spans more than one line`)
  // "--" alone would mark every file that opens with a comment.
  if (text.replace(/^-+/, '').trim() === '') return fail(`is ${shown}, an empty comment`)
  return text
})

export const lintSettingsSchema = z
  .strictObject({
    'no-transaction-markers': z.array(marker).default([]),
    'format-in': z
      .unknown()
      .transform((v, ctx) => {
        if (v === undefined || (INPUT_FORMATS as readonly unknown[]).includes(v))
          return v as InputFormat | undefined
        ctx.addIssue({
          code: 'custom',
          message: `is ${JSON.stringify(v) ?? String(v)}; allowed: ${INPUT_FORMATS.join(', ')}`
        })
        return z.NEVER
      })
      .optional()
  })
  .optional()

/** The parsed `lint:` section (absent: no extra markers, files read as they are). */
export function lintSettingsOf(raw: z.infer<typeof lintSettingsSchema>): LintSettings {
  return {
    noTransactionMarkers: raw?.['no-transaction-markers'] ?? [],
    formatIn: raw?.['format-in']
  }
}
