/** The terminal summary: one block per stage run, one line per check. */
import type { Report } from '../types.js'

const MARK = {
  pass: 'PASS',
  warn: 'WARN',
  fail: 'FAIL',
  skip: 'skip',
  cancelled: 'CANCEL'
} as const

function pad(text: string, width: number): string {
  return text.length > width
    ? text.slice(0, width - 1) + '…'
    : text + ' '.repeat(width - text.length)
}

/** Reasons a check shows in the terminal table. */
const MAX_REASONS = 5

export function renderTable(reports: Report[]): string {
  const lines: string[] = []
  for (const r of reports) {
    lines.push(
      `${r.stage.toUpperCase()} on ${r.environment}: ${r.status.toUpperCase()} in ${(r.durationMs / 1000).toFixed(1)} s` +
        (r.applied.length ? ` (applied ${r.applied.join(', ')})` : '')
    )
    lines.push(`  ${pad('check', 18)} ${pad('status', 6)} ${pad('ms', 8)} summary`)
    for (const c of r.checks) {
      lines.push(
        `  ${pad(c.id, 18)} ${pad(MARK[c.status], 6)} ${pad(String(c.durationMs), 8)} ${c.summary}`
      )
      if (c.status === 'fail' || c.status === 'warn' || c.status === 'cancelled') {
        for (const reason of c.reasons.slice(0, MAX_REASONS)) lines.push(`      - ${reason}`)
        // Cut, not dropped without a word: the log printed each one, summary.json and report.md have them all.
        if (c.reasons.length > MAX_REASONS)
          lines.push(
            `      … and ${c.reasons.length - MAX_REASONS} more (above in the log; all in summary.json and report.md)`
          )
      }
    }
    lines.push('')
  }
  return lines.join('\n')
}
