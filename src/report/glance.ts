/**
 * The few lines under the verdict that a reviewer reads first: what changes, what it locks and for
 * how long, and what data is in the way. Everything longer lives in collapsed sections below.
 */
import type { ConflictReport, RehearsalResult, Report } from '../types.js'
import { LOCK_MODES } from '../lint/locks.js'
import { findCheck } from '../types.js'

/** PostgreSQL's table lock modes, weakest first (as lint orders them). */
const LOCK_STRENGTH: readonly string[] = LOCK_MODES
const MAX_LOCK_LINES = 5

export function renderGlance(
  report: Report,
  diffText: string,
  formatDuration: (ms: number) => string
): string {
  const lines = [
    whatChanges(report, diffText),
    whatItLocks(report, formatDuration),
    dataInTheWay(report)
  ].filter((l): l is string => l !== undefined)
  return lines.join('\n')
}

function whatChanges(report: Report, diffText: string): string | undefined {
  const versions = report.applied.length > 0 ? report.applied : report.pending
  if (versions.length === 0) return '- **Changes:** no pending migrations'
  const verb = report.applied.length > 0 ? 'applied' : 'pending'
  const diffLines = diffText.split('\n').filter(l => /^[+-](?![+-])/.test(l))
  const added = diffLines.filter(l => l.startsWith('+')).length
  const removed = diffLines.length - added
  const diff = diffText.trim() !== '' ? ` · schema diff +${added} / −${removed} lines` : ''
  const shown = versions.slice(0, 5).map(v => `\`${v}\``)
  if (versions.length > 5) shown.push(`… ${versions.length - 5} more`)
  return `- **Changes:** ${versions.length} migration${versions.length === 1 ? '' : 's'} ${verb} (${shown.join(', ')})${diff}`
}

function whatItLocks(report: Report, formatDuration: (ms: number) => string): string | undefined {
  const migrations: RehearsalResult[] =
    findCheck(report.checks, 'rehearsal')?.details.migrations ?? []
  if (migrations.length === 0) return undefined
  const strongest = migrations
    .map(m => ({ m, lock: strongestLock(m.locks) }))
    .filter(x => x.lock !== undefined)
  if (strongest.length === 0) return '- **Locks:** the rehearsal took no table locks worth noting'
  const parts = strongest
    .slice(0, MAX_LOCK_LINES)
    .map(
      ({ m, lock }) =>
        `\`${lock!.relation}\` ${lock!.mode} for ~${formatDuration(m.durationMs)} (\`${m.version}\`${m.overBudget ? ', over budget' : ''})`
    )
  if (strongest.length > MAX_LOCK_LINES) parts.push(`… ${strongest.length - MAX_LOCK_LINES} more`)
  return `- **Locks** (rehearsed, held until commit): ${parts.join('; ')}`
}

function strongestLock(
  locks: { relation: string; mode: string }[]
): { relation: string; mode: string } | undefined {
  let best: { relation: string; mode: string } | undefined
  for (const l of locks) {
    if (!best || LOCK_STRENGTH.indexOf(l.mode) > LOCK_STRENGTH.indexOf(best.mode)) best = l
  }
  return best
}

function dataInTheWay(report: Report): string | undefined {
  const check = findCheck(report.checks, 'conflicts')
  if (!check || check.status === 'skip') return undefined
  const constraints = (check.details.constraints ?? []) as ConflictReport[]
  const violated = constraints.filter(c => !c.error && c.count > 0)
  const unchecked = constraints.filter(c => c.error)
  const parts = violated
    .slice(0, 5)
    .map(
      c => `${c.count} row${c.count === 1 ? '' : 's'} violate \`${c.constraint}\` on \`${c.table}\``
    )
  if (violated.length > 5) parts.push(`… ${violated.length - 5} more constraints`)
  if (unchecked.length > 0) parts.push(`${unchecked.length} constraint(s) could not be checked`)
  const byRehearsal = constraints.filter(c => c.rehearsal)
  if (byRehearsal.length > 0)
    parts.push(
      `${byRehearsal.length} constraint(s) left to the rehearsal (on columns the migration adds)`
    )
  return parts.length > 0
    ? `- **Data in the way:** ${parts.join('; ')}`
    : '- **Data in the way:** none, no existing row violates the new constraints'
}
