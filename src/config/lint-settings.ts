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
import { readValue } from './zod.js'
import * as z from 'zod/mini'
import { INPUT_FORMATS, type InputFormat } from '../lint/formats.js'

export interface LintSettings {
  noTransactionMarkers: string[]
  formatIn?: InputFormat
}

const marker = readValue((v, failWith): string => {
  const fail = (why: string): never =>
    failWith(
      `${why}; allowed: one SQL line comment starting with "--", e.g. "-- disable-transaction"`
    )
  if (typeof v !== 'string') return fail(`is ${JSON.stringify(v) ?? String(v)}, not a string`)
  const shown = JSON.stringify(v)
  const text = v.trim()
  if (!text.startsWith('--')) return fail(`is ${shown}, which is not a SQL line comment`)
  if (/[\r\n]/.test(text)) return fail(`is ${shown}, which spans more than one line`)
  // "--" alone would mark every file that opens with a comment.
  if (text.replace(/^-+/, '').trim() === '') return fail(`is ${shown}, an empty comment`)
  return text
})

export const lintSettingsSchema = z.optional(
  z.strictObject({
    'no-transaction-markers': z._default(z.array(marker), []),
    'format-in': z.optional(
      readValue((v, fail): InputFormat | undefined => {
        if (v === undefined || (INPUT_FORMATS as readonly unknown[]).includes(v))
          return v as InputFormat | undefined
        return fail(`is ${JSON.stringify(v) ?? String(v)}; allowed: ${INPUT_FORMATS.join(', ')}`)
      })
    )
  })
)

/** The parsed `lint:` section (absent: no extra markers, files read as they are). */
export function lintSettingsOf(raw: z.infer<typeof lintSettingsSchema>): LintSettings {
  return {
    noTransactionMarkers: raw?.['no-transaction-markers'] ?? [],
    formatIn: raw?.['format-in']
  }
}
