/**
 * What the sticky comment says after this run, given what it said before: a fresh report, a notice
 * that the PR has no migrations any more, or (on cancel) a banner over the older result. A reviewer's
 * ticks on the sign-off checklist survive an update for the same head commit.
 */
import type { Report } from '../types.js'
import { HUMAN_CHECKLIST_ITEMS, commentMarker, headMarker, headOf } from '../report/markers.js'

const NOTICE_START = '<!-- migration-runbook:notice -->'
const NOTICE_END = '<!-- migration-runbook:notice-end -->'

export interface ComposeInput {
  /** This run's rendered report (marker first). */
  fresh: string
  report: Report
  /** The body of our existing comment, if there is one. */
  existing?: string
}

/** The new comment body, or undefined when no comment should be created (nothing to say yet). */
export function composeCommentBody({ fresh, report, existing }: ComposeInput): string | undefined {
  const sha = report.run?.sha
  const before = existing === undefined ? undefined : headOf(existing)
  if (report.status === 'cancelled') {
    // Our own cancelled report replaces a result for the same commit; an older commit's result stays
    // visible below a banner saying it does not cover the latest push.
    if (existing !== undefined && before !== undefined && before !== sha) {
      return cancelledOver(report, existing, before)
    }
    return fresh
  }
  if (noMigrations(report)) {
    return existing === undefined ? undefined : noMigrationsNotice(report)
  }
  return existing !== undefined && sha !== undefined && before === sha
    ? keepHumanTicks(fresh, existing)
    : fresh
}

/** validate found nothing to do: the PR's migrations were removed (or are already applied). */
function noMigrations(report: Report): boolean {
  return (
    report.stage === 'validate' &&
    (report.status === 'passed' || report.status === 'warned') &&
    report.pending.length === 0 &&
    report.applied.length === 0
  )
}

function short(sha: string | undefined): string {
  return sha ? `\`${sha.slice(0, 7)}\`` : 'the latest push'
}

function runLink(report: Report): string {
  return report.run?.url ? ` ([workflow run](${report.run.url}))` : ''
}

function markers(report: Report, sha: string | undefined): string {
  return [commentMarker(report.environment), ...(sha ? [headMarker(sha)] : [])].join('\n')
}

function noMigrationsNotice(report: Report): string {
  return [
    markers(report, report.run?.sha),
    `### ℹ️ Migration Runbook · ${report.stage} · ${report.environment}`,
    '',
    `**No migrations in this PR any more** as of ${short(report.run?.sha)}${runLink(report)}: ` +
      `nothing is pending for ${report.environment}, so the earlier result of this comment no longer applies.`,
    ''
  ].join('\n')
}

function cancelledOver(report: Report, existing: string, olderSha: string): string {
  const during = report.cancelled?.check ? ` during \`${report.cancelled.check}\`` : ''
  const banner = [
    NOTICE_START,
    `> 🛑 **Cancelled** … the ${report.stage} run for ${short(report.run?.sha)}${runLink(report)} ` +
      `was cancelled${during} before it finished. **The result below is from ${short(olderSha)}**, ` +
      `an older commit, and does not cover the latest push.`,
    NOTICE_END
  ].join('\n')
  return [markers(report, olderSha), banner, '', resultPart(existing)].join('\n')
}

/** The existing body without our hidden lines and any earlier notice banner. */
function resultPart(body: string): string {
  const start = body.indexOf(NOTICE_START)
  const end = body.indexOf(NOTICE_END)
  const withoutNotice =
    start !== -1 && end > start ? body.slice(0, start) + body.slice(end + NOTICE_END.length) : body
  return withoutNotice
    .split('\n')
    .filter(l => !/^<!-- migration-runbook:[^>]*-->$/.test(l.trim()))
    .join('\n')
    .replace(/^\n+/, '')
}

/** Human-only checklist items ticked in the existing comment stay ticked in the fresh one. */
export function keepHumanTicks(fresh: string, existing: string): string {
  let out = fresh
  for (const label of HUMAN_CHECKLIST_ITEMS) {
    const ticked = new RegExp(`^\\s*- \\[[xX]\\] ${escapeRegExp(label)}(\\s|$)`, 'm')
    if (!ticked.test(existing)) continue
    out = out.replace(
      new RegExp(`^- \\[ \\] ${escapeRegExp(label)}.*$`, 'm'),
      `- [x] ${label} _(ticked by a reviewer)_`
    )
  }
  return out
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
