/** The report's monitor section: breaches in view, the charts collapsed (the monitor and the scheduled monitor). */
import type { CheckResultOf } from '../types.js'
import { cell, collapse, renderChart } from '../report/format.js'

export function renderMonitorSection(check: CheckResultOf<'monitor'> | undefined): string {
  const series = check?.details.series ?? []
  const breaches = check?.details.breaches ?? []
  const charts = series.map(renderChart).filter(c => c !== '')
  if (charts.length === 0 && breaches.length === 0) return ''
  // Breaches stay visible; the charts are long and collapse.
  const lines = ['#### Monitor', '']
  if (breaches.length > 0) lines.push(...breaches.map(b => `- ❌ ${cell(b)}`), '')
  if (charts.length > 0)
    lines.push(collapse(`Monitor charts (${charts.length})`, charts.join('\n')))
  return lines.join('\n').trimEnd()
}
