/**
 * Markdown building blocks shared by the report layout (markdown.ts) and the checks' own sections:
 * table cells, code spans, collapsed sections, fences, durations and the monitor charts.
 */

import type {
  CheckId,
  CheckResult,
  CheckResultOf,
  CheckStatus,
  MonitorSeries,
  Report
} from '../types.js'

const MAX_CELL = 300
const MAX_CHART_POINTS = 60

/**
 * A list for one line: the first `max` items, then how many more. A real project has hundreds of migrations, and
 * a line naming each of them (twice) ran to 9,000 characters in the terminal.
 */
export function shortList(items: readonly string[], max = 5): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`
}

/** A collapsed section: the summary line stays visible, the body opens on a click. */
export function collapse(summary: string, body: string): string {
  return `<details><summary><b>${escapeText(summary)}</b></summary>\n\n${body}\n\n</details>`
}

export const STATUS_ICON: Record<CheckStatus, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  skip: '⏭️',
  cancelled: '🛑'
}

/** The results of check `id` that ran (apply runs flags and smoke before and after the migrations). */
export function resultsThatRan<K extends CheckId>(report: Report, id: K): CheckResultOf<K>[] {
  return report.checks.filter(
    (c: CheckResult) => c.id === id && c.status !== 'skip'
  ) as CheckResultOf<K>[]
}

/** A table cell that keeps the text as is, on one line and without pipes (values users wrote). */
export function plainCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

/** Safe inside a table cell: one line, no pipes, no raw HTML, bounded length. */
export function cell(text: string, max = MAX_CELL): string {
  const flat = escapeText(String(text)).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}

/** A code span for a table cell: code spans show text literally, so only pipes and backticks matter. */
export function code(text: string, max = MAX_CELL): string {
  let flat = String(text).replace(/\r?\n/g, ' ').replace(/`/g, "'")
  if (flat.length > max) flat = flat.slice(0, max - 1) + '…'
  return '`' + flat.replace(/\|/g, '\\|') + '`'
}

export function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A code fence longer than any backtick run in the body. */
export function fenceFor(body: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map(r => r.length))
  return '`'.repeat(longest + 1)
}

/**
 * An integer with thousands separators, as toLocaleString('en-US') writes it: not through ICU, whose number
 * formatter costs 25–40 ms to set up on its first use in a process.
 */
export function withThousands(n: number): string {
  if (!Number.isFinite(n)) return String(n)
  const [whole, fraction] = String(Math.abs(n)).split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',')
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

export function formatDuration(msValue: number): string {
  if (!Number.isFinite(msValue)) return '–'
  if (msValue < 1000) return `${Math.round(msValue)} ms`
  if (msValue < 60_000) return `${(msValue / 1000).toFixed(1)} s`
  const minutes = Math.floor(msValue / 60_000)
  const seconds = Math.round((msValue % 60_000) / 1000)
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`
}

export function ms(value: number): string {
  return `${round(value)} ms`
}

export function round(value: number): number {
  return Math.round(value * 100) / 100
}

function formatOffset(msValue: number): string {
  const s = Math.round(msValue / 1000)
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
}

/** One mermaid xychart-beta per series; missing points are left out, the threshold drawn as a line. */
export function renderChart(s: MonitorSeries): string {
  const points = downsample(
    s.points.filter(p => p.value !== null && Number.isFinite(p.value)),
    MAX_CHART_POINTS
  )
  if (points.length === 0) return ''
  const start = Date.parse(points[0].at)
  const labels = points.map(p => {
    const offset = Date.parse(p.at) - start
    return `"${Number.isFinite(offset) ? formatOffset(offset) : p.at.replace(/"/g, '')}"`
  })
  const values = points.map(p => round(p.value as number))
  const threshold = s.max ?? s.min
  const title = `${s.name}${s.unit ? ` (${s.unit})` : ''}${s.breached ? ' - BREACHED' : ''}`
  const lines = [
    '```mermaid',
    'xychart-beta',
    `  title "${title.replace(/"/g, "'")}"`,
    `  x-axis [${labels.join(', ')}]`,
    `  y-axis "${(s.unit || 'value').replace(/"/g, "'")}"`,
    `  line [${values.join(', ')}]`
  ]
  if (threshold !== undefined)
    lines.push(`  line [${values.map(() => round(threshold)).join(', ')}]`)
  lines.push('```')
  const legend =
    threshold !== undefined
      ? `\n${s.breached ? '❌' : '✅'} ${cell(s.name)}: threshold ${s.max !== undefined ? 'max' : 'min'} ${threshold}${s.unit ? ' ' + s.unit : ''}`
      : ''
  return lines.join('\n') + legend + '\n'
}

function downsample<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items
  const step = items.length / max
  const out: T[] = []
  for (let i = 0; i < max; i++) out.push(items[Math.floor(i * step)])
  out[out.length - 1] = items[items.length - 1]
  return out
}
