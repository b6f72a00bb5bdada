/**
 * The run's schema diff as the report shows it: the schema-diff check's, else the rehearsal's per
 * migration (validate has no schema-diff check). Read by the glance, the checklist and two checks' sections.
 */
import { findCheck, type RehearsalResult, type Report } from '../types.js'
import { fenceFor } from './format.js'

export function schemaDiffText(report: Report): string {
  const diff = findCheck(report.checks, 'schema-diff')?.details.diffText
  if (typeof diff === 'string' && diff.trim() !== '') return diff
  const migrations: RehearsalResult[] =
    findCheck(report.checks, 'rehearsal')?.details.migrations ?? []
  return migrations
    .filter(m => m.diffText && m.diffText.trim() !== '')
    .map(m => `# ${m.version}\n${m.diffText}`)
    .join('\n')
}

/** The diff in a collapsed fence; with a budget, whole lines from the top until it is spent ('' if none fit). */
export function renderSchemaDiff(diff: string, budget?: number): string {
  if (diff.trim() === '') return ''
  const lines = diff.replace(/\n+$/, '').split('\n')
  const wrap = (body: string, note: string) => {
    const fence = fenceFor(body)
    const out = [
      `<details><summary>Schema diff (${lines.length} lines)</summary>`,
      '',
      `${fence}diff`
    ]
    out.push(body, fence)
    if (note) out.push(note)
    out.push('</details>')
    return out.join('\n')
  }
  const full = wrap(lines.join('\n'), '')
  if (budget === undefined || full.length <= budget) return full
  const overhead = wrap('', `\n… ${lines.length} of ${lines.length} lines cut`).length + 10
  let room = budget - overhead
  const kept: string[] = []
  for (const line of lines) {
    if (line.length + 1 > room) break
    kept.push(line)
    room -= line.length + 1
  }
  if (kept.length === 0) return ''
  return wrap(kept.join('\n'), `\n… ${lines.length - kept.length} of ${lines.length} lines cut`)
}

/** The schema diff section, from whichever check supplied the text. */
export function schemaDiffSection(report: Report): {
  name: string
  priority: number
  text: string
  shrink: (budget: number) => string
} {
  const diff = schemaDiffText(report)
  return {
    name: 'schema diff',
    priority: 9,
    text: renderSchemaDiff(diff),
    shrink: (budget: number) => renderSchemaDiff(diff, budget)
  }
}
