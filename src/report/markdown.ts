/**
 * The report as GitHub-flavoured markdown: the sticky PR comment, the job summary and report.md.
 * The comment and summary are kept under GitHub's 65,536-character comment limit by leaving out the
 * least important sections first (the schema diff is shortened before it is dropped); the status line
 * and checks table stay. report.md (`full`) is never cut. Long sections are collapsed in <details>.
 */
import type {
  CheckResult,
  CheckStatus,
  ConflictReport,
  LintFinding,
  MonitorSeries,
  PlanRegression,
  ProbeResult,
  RehearsalResult,
  Report
} from '../types.js'
import { describeViolation } from '../conflicts/render.js'
import { renderGlance } from './glance.js'
import { renderForecast } from './forecast-section.js'
import { renderFlags, renderSmoke } from './runbook-sections.js'

export const GITHUB_COMMENT_LIMIT = 65_536
const DEFAULT_MAX_LENGTH = 65_000
const MAX_LINT_ROWS = 50
const MAX_CONFLICT_ROWS = 30
/** Violation lines listed under the conflicts table, over all constraints. */
const MAX_VIOLATION_LINES = 50
const MAX_CHART_POINTS = 60
const MAX_CELL = 300

const STATUS_ICON: Record<CheckStatus, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  skip: '⏭️',
  cancelled: '🛑'
}
const RUN_ICON: Record<Report['status'], string> = {
  passed: '✅',
  warned: '⚠️',
  failed: '❌',
  cancelled: '🛑'
}

/** The hidden first line that identifies this tool's comment for one environment. */
export function commentMarker(environment: string): string {
  return `<!-- migration-runbook:${environment} -->`
}

/** The hidden second line: the commit the report is about (a later run compares it with its own). */
export function headMarker(sha: string): string {
  return `<!-- migration-runbook:head=${sha} -->`
}

/** The commit recorded by headMarker in a comment body, if any. */
export function headOf(body: string): string | undefined {
  return /^<!-- migration-runbook:head=([0-9A-Za-z]+) -->$/m.exec(body)?.[1]
}

/** Checklist items only a person ticks: a reviewer's tick survives the comment's next update. */
export const HUMAN_CHECKLIST_ITEMS = ['Schema diff reviewed', 'Production sign-off']

export function renderReportMarkdown(
  report: Report,
  /** full: nothing is cut (report.md); otherwise the text fits maxLength (the comment, the summary). */
  opts: { artifactUrl?: string; maxLength?: number; full?: boolean } = {}
): string {
  const maxLength = opts.full
    ? Number.POSITIVE_INFINITY
    : Math.min(opts.maxLength ?? DEFAULT_MAX_LENGTH, GITHUB_COMMENT_LIMIT)
  const markers = [commentMarker(report.environment)]
  if (report.run?.sha) markers.push(headMarker(report.run.sha))
  const glance = renderGlance(report, schemaDiffText(report), formatDuration)
  const head = [
    markers.join('\n'),
    renderHeading(report),
    ...(glance ? [glance] : []),
    renderChecksTable(report)
  ]
  const sections: Section[] = [
    { name: 'migrations', priority: 3, text: renderMigrations(report) },
    { name: 'lint findings', priority: 5, text: renderLint(report) },
    { name: 'constraint conflicts', priority: 4, text: renderConflicts(report) },
    { name: 'rehearsal', priority: 6, text: renderRehearsal(report) },
    { name: 'lock forecast', priority: 4, text: renderForecast(report) },
    {
      name: 'schema diff',
      priority: 9,
      text: renderSchemaDiff(schemaDiffText(report)),
      shrink: (budget: number) => renderSchemaDiff(schemaDiffText(report), budget)
    },
    { name: 'performance', priority: 7, text: renderPerformance(report) },
    { name: 'monitor charts', priority: 8, text: renderMonitor(report) },
    { name: 'feature flags', priority: 4, text: renderFlags(report) },
    { name: 'smoke checks', priority: 4, text: renderSmoke(report) },
    { name: 'sign-off checklist', priority: 1, text: renderChecklist(report) },
    { name: 'links', priority: 2, text: renderLinks(report, opts.artifactUrl) }
  ].filter(s => s.text !== '')
  return fitToLimit(head, sections, maxLength, opts.artifactUrl)
}

interface Section {
  name: string
  /** Lower is more important: kept first when space runs out. */
  priority: number
  text: string
  /** A shorter rendering that fits `budget` characters, or '' when none does. */
  shrink?: (budget: number) => string
}

const SEP = '\n\n'

function fitToLimit(
  head: string[],
  sections: Section[],
  maxLength: number,
  artifactUrl?: string
): string {
  const headText = head.join(SEP)
  const noteReserve = 400
  let budget = maxLength - headText.length - noteReserve
  const chosen = new Map<Section, string>()
  const cut: string[] = []
  const shortened: string[] = []
  for (const section of [...sections].sort((a, b) => a.priority - b.priority)) {
    const cost = section.text.length + SEP.length
    if (cost <= budget) {
      chosen.set(section, section.text)
      budget -= cost
      continue
    }
    const smaller = section.shrink?.(budget - SEP.length) ?? ''
    if (smaller !== '' && smaller.length + SEP.length <= budget) {
      chosen.set(section, smaller)
      budget -= smaller.length + SEP.length
      shortened.push(section.name)
    } else {
      cut.push(section.name)
    }
  }
  const parts = [headText, ...sections.filter(s => chosen.has(s)).map(s => chosen.get(s) as string)]
  if (cut.length > 0 || shortened.length > 0) parts.push(cutNote(cut, shortened, artifactUrl))
  const text = parts.join(SEP) + '\n'
  // Only a pathological checks table gets here: hard cut, the marker line survives.
  if (text.length > maxLength) {
    const note = '\n\n' + cutNote(['the end of the checks table'], [], artifactUrl)
    return text.slice(0, Math.max(0, maxLength - note.length - 1)) + note + '\n'
  }
  return text
}

function cutNote(cut: string[], shortened: string[], artifactUrl?: string): string {
  const what = [
    shortened.length > 0 ? `shortened ${shortened.join(', ')}` : '',
    cut.length > 0 ? `left out ${cut.join(', ')}` : ''
  ].filter(Boolean)
  return (
    `> ✂️ **Report cut** to stay under GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString('en-US')}-character ` +
    `limit: ${what.join('; ')}. The full report is \`report.md\` in the ` +
    (artifactUrl ? `[run's evidence artifact](${artifactUrl}).` : `run's evidence artifact.`)
  )
}

// ---------- head ----------

function renderHeading(report: Report): string {
  const counts = countStatuses(report.checks)
  const tally = (['cancelled', 'fail', 'warn', 'pass', 'skip'] as const)
    .filter(s => counts[s] > 0)
    .map(s => `${counts[s]} ${STATUS_WORD[s]}`)
    .join(', ')
  const target = report.target.serverVersion
    ? `\`${report.target.database}\` (PostgreSQL ${report.target.serverVersion})`
    : `\`${report.target.database}\``
  return [
    `### ${RUN_ICON[report.status]} Migration Runbook · ${report.stage} · ${report.environment}`,
    '',
    `**${report.status.toUpperCase()}**: ${report.stage} on **${escapeText(report.environment)}**, ` +
      `database ${target}, in ${formatDuration(report.durationMs)}` +
      (tally ? ` · checks: ${tally}` : '') +
      ` · ${report.pending.length} pending, ${report.applied.length} applied`,
    ...(report.status === 'cancelled'
      ? [
          '',
          `> 🛑 **Cancelled** by ${report.cancelled?.signal ?? 'a signal'}` +
            (report.cancelled?.check
              ? ` while \`${report.cancelled.check}\` was running: its statement was cancelled on the server and its transaction rolled back.`
              : ' before any check ran.') +
            (report.applied.length
              ? ` Migrations committed before that stay applied: ${report.applied.join(', ')}.`
              : ' Nothing was applied by this run.') +
            ' The checks after it did not run.'
        ]
      : [])
  ].join('\n')
}

const STATUS_WORD: Record<CheckStatus, string> = {
  pass: 'passed',
  warn: 'warned',
  fail: 'failed',
  skip: 'skipped',
  cancelled: 'cancelled'
}

function countStatuses(checks: CheckResult[]): Record<CheckStatus, number> {
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0, cancelled: 0 }
  for (const c of checks) counts[c.status]++
  return counts
}

function renderChecksTable(report: Report): string {
  if (report.checks.length === 0) return '_No checks ran._'
  const rows = report.checks.map(
    c =>
      `| ${STATUS_ICON[c.status]} | ${cell(c.title)} \`${c.id}\` | ${cell(c.summary)} | ${formatDuration(c.durationMs)} |`
  )
  const reasons = report.checks
    .filter(
      c =>
        (c.status === 'fail' || c.status === 'warn' || c.status === 'cancelled') &&
        c.reasons.length > 0
    )
    .map(c => {
      const shown = c.reasons.slice(0, 10).map(r => `  - ${cell(r, 500)}`)
      if (c.reasons.length > 10) shown.push(`  - … and ${c.reasons.length - 10} more`)
      return `- ${STATUS_ICON[c.status]} **${c.id}**\n${shown.join('\n')}`
    })
  const table = ['| | Check | Result | Time |', '|---|---|---|---:|', ...rows].join('\n')
  return reasons.length > 0 ? `${table}\n\n**Why**\n\n${reasons.join('\n')}` : table
}

// ---------- sections ----------

function renderMigrations(report: Report): string {
  const list = (versions: string[]) => versions.map(v => code(v)).join(', ') || '_none_'
  return [
    '#### Migrations',
    '',
    `- **Pending** (${report.pending.length}): ${list(report.pending)}`,
    `- **Applied by this run** (${report.applied.length}): ${list(report.applied)}`
  ].join('\n')
}

function renderLint(report: Report): string {
  const check = findCheck(report, 'lint')
  const findings = (check?.details.findings as LintFinding[] | undefined) ?? []
  if (findings.length === 0) return ''
  const active = findings.filter(f => !f.suppressed)
  const suppressed = findings.filter(f => f.suppressed)
  const icon = { error: '❌', warning: '⚠️', info: 'ℹ️' }
  const lines: string[] = []
  if (active.length > 0) {
    lines.push('| | Rule | Where | Finding | Advice |', '|---|---|---|---|---|')
    for (const f of active.slice(0, MAX_LINT_ROWS)) {
      lines.push(
        `| ${icon[f.severity]} | ${code(f.rule)} | ${code(`${f.file}:${f.line}:${f.column}`)} | ${cell(f.message)} | ${cell(f.advice)} |`
      )
    }
    if (active.length > MAX_LINT_ROWS) lines.push('', `… and ${active.length - MAX_LINT_ROWS} more`)
  } else {
    lines.push('No active findings.')
  }
  if (suppressed.length > 0) {
    lines.push('', `Suppressed with \`-- runbook:allow\` (${suppressed.length}):`)
    for (const f of suppressed.slice(0, MAX_LINT_ROWS)) {
      lines.push(`- ${code(f.rule)} at ${code(`${f.file}:${f.line}`)}: ${cell(f.suppressed ?? '')}`)
    }
  }
  const errors = active.filter(f => f.severity === 'error').length
  return collapse(
    `Lint findings (${active.length} active${errors ? `, ${errors} error${errors === 1 ? '' : 's'}` : ''}` +
      `${suppressed.length ? `, ${suppressed.length} suppressed` : ''})`,
    lines.join('\n')
  )
}

function renderConflicts(report: Report): string {
  const check = findCheck(report, 'conflicts')
  const constraints = (check?.details.constraints as ConflictReport[] | undefined) ?? []
  // The rollback stage checks what its script re-adds against rows written since the migration.
  const rollback = findCheck(report, 'rollback')
  const reAdded = (rollback?.details.conflicts as ConflictReport[] | undefined) ?? []
  return [
    conflictsTable('#### Rows that would violate new constraints', constraints),
    conflictsTable('#### Rows that would violate what the rollback re-adds', reAdded)
  ]
    .filter(Boolean)
    .join('\n\n')
}

/**
 * The per-constraint table (data in the way stays visible), then, collapsed, per violated constraint
 * one line per sampled violation.
 */
function conflictsTable(title: string, constraints: ConflictReport[]): string {
  if (constraints.length === 0) return ''
  const lines = [
    title,
    '',
    '| | Constraint | Table | Kind | Violating rows | Sample | Where |',
    '|---|---|---|---|---:|---|---|'
  ]
  for (const c of constraints.slice(0, MAX_CONFLICT_ROWS)) {
    const icon = c.error ? '❌' : c.count > 0 ? '❌' : '✅'
    const sample = c.error
      ? `error: ${cell(c.error)}`
      : c.sample.length > 0
        ? code(describeViolation(c, c.sample[0]), 200)
        : ''
    lines.push(
      `| ${icon} | ${code(c.constraint)} | ${code(c.table)} | ${c.kind} | ${c.count} | ${sample} | ${code(`${c.file}:${c.line}`)} |`
    )
  }
  if (constraints.length > MAX_CONFLICT_ROWS) {
    lines.push('', `… and ${constraints.length - MAX_CONFLICT_ROWS} more`)
  }
  let listed = 0
  const samples: string[] = []
  for (const c of constraints.filter(x => !x.error && x.sample.length > 0)) {
    if (listed >= MAX_VIOLATION_LINES) break
    const shown = c.sample.slice(0, MAX_VIOLATION_LINES - listed)
    listed += shown.length
    const of = c.count > shown.length ? ` (${shown.length} of ${c.count})` : ''
    if (samples.length > 0) samples.push('')
    samples.push(`${code(c.constraint)} on ${code(c.table)}${of}:`, '')
    for (const s of shown) samples.push(`- ${code(describeViolation(c, s), 400)}`)
  }
  if (samples.length > 0) {
    lines.push('', collapse(`Sample violating rows (${listed})`, samples.join('\n')))
  }
  return lines.join('\n')
}

function renderRehearsal(report: Report): string {
  const check = findCheck(report, 'rehearsal')
  const migrations = (check?.details.migrations as RehearsalResult[] | undefined) ?? []
  if (migrations.length === 0) return ''
  const lines = ['| | Migration | Duration | Locks taken |', '|---|---|---:|---|']
  for (const m of migrations) {
    const icon = m.unrehearsable ? '⚠️' : m.error ? '❌' : m.overBudget ? '⚠️' : '✅'
    const locks = m.locks.map(l => `${code(l.relation)} ${cell(l.mode)}`).join(', ') || '_none_'
    const note = m.error
      ? ` (${m.unrehearsable ? 'stopped' : 'error'}: ${cell(m.error)})`
      : m.overBudget
        ? ' (over the lock budget)'
        : ''
    lines.push(
      `| ${icon} | ${code(m.version)} | ${formatDuration(m.durationMs)}${note} | ${locks} |`
    )
  }
  return collapse('Rehearsal locks (applied in a transaction, then rolled back)', lines.join('\n'))
}

/** The schema-diff check's diff, else the rehearsal's diffs (validate has no schema-diff check). */
function schemaDiffText(report: Report): string {
  const diff = findCheck(report, 'schema-diff')?.details.diffText
  if (typeof diff === 'string' && diff.trim() !== '') return diff
  const migrations = (findCheck(report, 'rehearsal')?.details.migrations as RehearsalResult[]) ?? []
  return migrations
    .filter(m => m.diffText && m.diffText.trim() !== '')
    .map(m => `# ${m.version}\n${m.diffText}`)
    .join('\n')
}

function renderSchemaDiff(diff: string, budget?: number): string {
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
  // Keep whole lines from the top until the budget is spent.
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

function renderPerformance(report: Report): string {
  const check = findCheck(report, 'performance')
  const probes = (check?.details.probes as ProbeResult[] | undefined) ?? []
  const regressions = (check?.details.planRegressions as PlanRegression[] | undefined) ?? []
  if (probes.length === 0 && regressions.length === 0) return ''
  const lines: string[] = []
  if (probes.length > 0) {
    lines.push(
      '| | Probe | Runs | p50 | p95 | Max p95 | Indexes used |',
      '|---|---|---:|---:|---:|---:|---|'
    )
    for (const p of probes) {
      const indexes = p.indexesUsed.map(i => code(i)).join(', ') || '_none (seq scan)_'
      const expected =
        p.expectedIndex && !p.indexesUsed.includes(p.expectedIndex)
          ? ` (expected ${code(p.expectedIndex)})`
          : ''
      lines.push(
        `| ${p.pass ? '✅' : '❌'} | ${cell(p.name)} | ${p.runs} | ${ms(p.p50Ms)} | ${ms(p.p95Ms)} | ${ms(p.maxP95Ms)} | ${indexes}${expected} |`
      )
    }
  }
  const regressed = regressions.filter(r => r.regressed)
  if (regressed.length > 0) {
    if (lines.length > 0) lines.push('')
    lines.push('**Plan regressions**', '')
    for (const r of regressed) {
      lines.push(
        `- ${cell(r.name)}: cost ${r.beforeCost} → ${r.afterCost}; indexes ${r.beforeIndexes.join(', ') || 'none'} → ${r.afterIndexes.join(', ') || 'none'}`
      )
    }
  }
  if (lines.length === 0) return ''
  const failed = probes.filter(p => !p.pass).length
  return collapse(
    `Performance (${probes.length} probe${probes.length === 1 ? '' : 's'}, ${failed} over threshold, ` +
      `${regressed.length} plan regression${regressed.length === 1 ? '' : 's'})`,
    lines.join('\n')
  )
}

function renderMonitor(report: Report): string {
  const check = findCheck(report, 'monitor')
  const series = (check?.details.series as MonitorSeries[] | undefined) ?? []
  const breaches = (check?.details.breaches as string[] | undefined) ?? []
  const charts = series.map(renderChart).filter(c => c !== '')
  if (charts.length === 0 && breaches.length === 0) return ''
  // Breaches stay visible; the charts are long and collapse.
  const lines = ['#### Monitor', '']
  if (breaches.length > 0) lines.push(...breaches.map(b => `- ❌ ${cell(b)}`), '')
  if (charts.length > 0)
    lines.push(collapse(`Monitor charts (${charts.length})`, charts.join('\n')))
  return lines.join('\n').trimEnd()
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

interface ChecklistItem {
  label: string
  done: boolean
  note?: string
}

const PREFLIGHT: string[] = [
  'connection',
  'pooler',
  'backup',
  'drift',
  'long-transactions',
  'lock-holders',
  'table-sizes',
  'extensions'
]

/** The runbook's sign-off list, ticked from the results; production sign-off stays with a human. */
export function signOffChecklist(report: Report): ChecklistItem[] {
  const status = (id: string) => findCheck(report, id)?.status
  const passed = (id: string) => status(id) === 'pass'
  const ran = (id: string) => status(id) !== undefined && status(id) !== 'skip'
  const notRun = (id: string) => (ran(id) ? undefined : 'not run in this stage')

  const connectionOk = passed('connection') || status('connection') === 'warn'
  const preflightOk =
    connectionOk && !report.checks.some(c => PREFLIGHT.includes(c.id) && c.status === 'fail')

  const applyOk = passed('apply')
  const rehearsalOk = passed('rehearsal')
  const diffPresent = schemaDiffText(report).trim() !== ''

  return [
    { label: 'Connection & preflight', done: preflightOk, note: notRun('connection') },
    {
      label: 'No rows violate the new constraints',
      done: passed('conflicts'),
      note: notRun('conflicts')
    },
    {
      label: 'Applied in a transaction',
      done: applyOk || rehearsalOk,
      note: applyOk
        ? undefined
        : rehearsalOk
          ? 'rehearsed, rolled back'
          : ran('apply') || ran('rehearsal')
            ? undefined
            : 'not run in this stage'
    },
    {
      label: 'Constraint and table exist (verify)',
      done: passed('verify'),
      note: notRun('verify')
    },
    // A person reviews the diff: the tool only says whether there is one (a tick is kept on update).
    {
      label: 'Schema diff reviewed',
      done: false,
      note: diffPresent ? 'diff attached, awaiting review' : 'no diff in this run'
    },
    { label: 'Tests pass', done: passed('tests'), note: notRun('tests') },
    {
      label: 'Hot query EXPLAIN under threshold',
      done: passed('performance'),
      note: notRun('performance')
    },
    { label: 'Production sign-off', done: false, note: 'for a human reviewer' }
  ]
}

function renderChecklist(report: Report): string {
  const items = signOffChecklist(report).map(
    i => `- [${i.done ? 'x' : ' '}] ${i.label}${i.note ? ` _(${i.note})_` : ''}`
  )
  return ['#### Sign-off checklist', '', ...items].join('\n')
}

function renderLinks(report: Report, artifactUrl?: string): string {
  const links: string[] = []
  if (report.run?.url) links.push(`[Workflow run](${report.run.url})`)
  if (artifactUrl) links.push(`[Evidence artifact](${artifactUrl})`)
  const facts: string[] = [`migration-runbook ${report.version}`]
  if (report.run?.sha) facts.push(`commit \`${report.run.sha.slice(0, 7)}\``)
  if (report.run?.actor) facts.push(`by @${report.run.actor}`)
  facts.push(`finished ${report.finishedAt}`)
  return [links.join(' · '), `<sub>${facts.join(' · ')}</sub>`].filter(Boolean).join('\n\n')
}

// ---------- helpers ----------

/** A collapsed section: the summary line stays visible, the body opens on a click. */
function collapse(summary: string, body: string): string {
  return `<details><summary><b>${escapeText(summary)}</b></summary>\n\n${body}\n\n</details>`
}

function findCheck(report: Report, id: string): CheckResult | undefined {
  return report.checks.find(c => c.id === id)
}

/** Safe inside a table cell: one line, no pipes, no raw HTML, bounded length. */
function cell(text: string, max = MAX_CELL): string {
  const flat = escapeText(String(text)).replace(/\r?\n/g, ' ').replace(/\|/g, '\\|')
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}

/** A code span for a table cell: code spans show text literally, so only pipes and backticks matter. */
function code(text: string, max = MAX_CELL): string {
  let flat = String(text).replace(/\r?\n/g, ' ').replace(/`/g, "'")
  if (flat.length > max) flat = flat.slice(0, max - 1) + '…'
  return '`' + flat.replace(/\|/g, '\\|') + '`'
}

function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A code fence longer than any backtick run in the body. */
function fenceFor(body: string): string {
  const longest = Math.max(2, ...(body.match(/`+/g) ?? []).map(r => r.length))
  return '`'.repeat(longest + 1)
}

export function formatDuration(msValue: number): string {
  if (!Number.isFinite(msValue)) return '–'
  if (msValue < 1000) return `${Math.round(msValue)} ms`
  if (msValue < 60_000) return `${(msValue / 1000).toFixed(1)} s`
  const minutes = Math.floor(msValue / 60_000)
  const seconds = Math.round((msValue % 60_000) / 1000)
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`
}

function ms(value: number): string {
  return `${round(value)} ms`
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function formatOffset(msValue: number): string {
  const s = Math.round(msValue / 1000)
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
}
