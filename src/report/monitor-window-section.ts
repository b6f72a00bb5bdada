/**
 * The scheduled monitor's tracking text: one per deploy (a PR comment or an issue body), redrawn every run
 * with the whole window's charts so far, and the breach issue's body.
 */
import type { MonitorSeries } from '../types.js'
import type { Deploy } from '../monitor/window.js'
import { formatDuration } from '../config/policy.js'
import { plainCell, renderChart } from './format.js'

export interface TrackingView {
  environment: string
  deploy: Deploy
  windowMs: number
  series: MonitorSeries[]
  /** Breaches of this run's sample. */
  breaches: string[]
  takenAt: Date
  runUrl?: string
}

function utc(d: Date): string {
  return d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC'
}

export function deployLabel(d: Deploy): string {
  return `${d.version}_${d.name}`
}

function latest(s: MonitorSeries): string {
  const p = s.points[s.points.length - 1]
  if (!p || p.value === null) return '-'
  return `${Math.round(p.value * 1000) / 1000}${s.unit ? ` ${s.unit}` : ''}`
}

export function renderTracking(v: TrackingView): string {
  const until = new Date(v.deploy.deployedAt.getTime() + v.windowMs)
  const samples = Math.max(0, ...v.series.map(s => s.points.length))
  const lines = [
    `### 📈 Monitoring \`${deployLabel(v.deploy)}\` on ${v.environment}`,
    '',
    `Deployed ${utc(v.deploy.deployedAt)}; watched every scheduled run until ${utc(until)} ` +
      `(monitor.window ${formatDuration(v.windowMs)}). ${samples} sample(s) so far, the latest at ` +
      `${utc(v.takenAt)}${v.runUrl ? ` ([run](${v.runUrl}))` : ''}.`,
    ''
  ]
  if (v.breaches.length > 0) lines.push(...v.breaches.map(b => `- ❌ ${plainCell(b)}`), '')
  lines.push('| check | latest | threshold | status |', '|---|---|---|---|')
  for (const s of v.series) {
    const threshold = s.max ?? s.min
    lines.push(
      `| ${plainCell(s.name)} | ${latest(s)} | ${threshold === undefined ? '-' : threshold} | ${s.breached ? '❌ breached' : '✅'} |`
    )
  }
  lines.push('')
  lines.push(...v.series.map(renderChart).filter(c => c !== ''))
  return lines.join('\n').trimEnd() + '\n'
}

export function renderBreachIssue(
  v: TrackingView & { trackingUrl?: string; action: string; others?: string[] }
): string {
  return [
    `The scheduled monitor found a breach after \`${deployLabel(v.deploy)}\` was deployed to ${v.environment} ` +
      `(${utc(v.deploy.deployedAt)}).`,
    '',
    ...v.breaches.map(b => `- ❌ ${plainCell(b)}`),
    '',
    `On-breach policy: ${v.action}.`,
    v.others?.length
      ? `Other deploys still in the window (the metrics are the environment's): ${v.others.map(o => `\`${o}\``).join(', ')}.`
      : '',
    v.trackingUrl ? `Charts of the whole window: ${v.trackingUrl}` : '',
    v.runUrl
      ? `Last sampled by ${v.runUrl} at ${utc(v.takenAt)}.`
      : `Last sampled at ${utc(v.takenAt)}.`
  ]
    .filter(l => l !== '')
    .join('\n')
}
