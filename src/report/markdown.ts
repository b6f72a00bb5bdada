/**
 * The report as GitHub-flavoured markdown: the sticky PR comment, the job summary and report.md.
 * The comment and summary are kept under GitHub's 65,536-character comment limit by leaving out the
 * least important sections first (the schema diff is shortened before it is dropped); the status line
 * and checks table stay. report.md (`full`) is never cut. Long sections are collapsed in <details>.
 */
import { type CheckResult, type CheckStatus, type Report, type ReportSection } from '../types.js'
import { STAGE_TABLE } from '../stages/index.js'
import { renderGlance } from './glance.js'
import { cell, code, escapeText, formatDuration, STATUS_ICON, withThousands } from './format.js'
import { schemaDiffText } from './schema-diff.js'
import { commentMarker, headMarker } from './markers.js'

export { commentMarker, headMarker, headOf, HUMAN_CHECKLIST_ITEMS } from './markers.js'
export { formatDuration } from './format.js'
export { renderChart } from './format.js'

export const GITHUB_COMMENT_LIMIT = 65_536
const DEFAULT_MAX_LENGTH = 65_000

const RUN_ICON: Record<Report['status'], string> = {
  passed: '✅',
  warned: '⚠️',
  failed: '❌',
  cancelled: '🛑'
}

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
  const sections: ReportSection[] = [
    { name: 'migrations', priority: 3, text: renderMigrations(report) },
    ...checkSections(report),
    { name: 'sign-off checklist', priority: 1, text: renderChecklist(report) },
    { name: 'links', priority: 2, text: renderLinks(report, opts.artifactUrl) }
  ].filter(s => s.text !== '')
  return fitToLimit(head, sections, maxLength, opts.artifactUrl)
}

/**
 * The sections the checks render from their own results, in the order the stage runs them (a check that
 * ran twice, like flags in apply, renders once and sees both results in the report).
 */
function checkSections(report: Report): ReportSection[] {
  const stage = STAGE_TABLE[report.stage]
  const known = stage ? [...stage.checks, ...(stage.followUp?.checks ?? [])] : []
  const out: ReportSection[] = []
  const seen = new Set<string>()
  for (const result of report.checks) {
    if (seen.has(result.id)) continue
    seen.add(result.id)
    const check = known.find(c => c.id === result.id)
    // Each check's renderer takes its own result: the id ties the two together.
    const render = check?.sections as
      ((r: CheckResult, report: Report) => ReportSection[]) | undefined
    if (render) out.push(...render(result, report))
  }
  return out
}

const SEP = '\n\n'

function fitToLimit(
  head: string[],
  sections: ReportSection[],
  maxLength: number,
  artifactUrl?: string
): string {
  const headText = head.join(SEP)
  const noteReserve = 400
  let budget = maxLength - headText.length - noteReserve
  const chosen = new Map<ReportSection, string>()
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
    `> ✂️ **Report cut** to stay under GitHub's ${withThousands(GITHUB_COMMENT_LIMIT)}-character ` +
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
  const status = (id: string) => report.checks.find(c => c.id === id)?.status
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
