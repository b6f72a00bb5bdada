/** Step 4 of a run, write the evidence: the report (summary.json), the full report.md and the run log. */
import { findCheck, type CheckResult, type Report, type Stage } from '../types.js'
import { overallStatus } from '../stages/runner.js'
import { renderReportMarkdown } from '../report/markdown.js'
import type { EvidenceWriter } from '../report/evidence.js'
import type { Redactor } from '../report/redact.js'
import type { Logger } from '../report/logger.js'
import { VERSION } from '../version.js'

export interface ReportParts {
  environment: string
  stage: Stage
  startedAt: Date
  target: { host: string; port: number; database: string }
  /** Pending at the start (the plan), when the plan was read. */
  pending: string[]
  applied: string[]
  results: CheckResult[]
  signal: AbortSignal
  run?: Report['run']
}

export function buildReport(parts: ReportParts): Report {
  const { results, signal, applied } = parts
  const finishedAt = new Date()
  let serverVersion: string | undefined
  const conn = findCheck(results, 'connection')
  if (typeof conn?.details.serverVersion === 'string') serverVersion = conn.details.serverVersion
  return {
    tool: 'migration-runbook',
    version: VERSION,
    environment: parts.environment,
    stage: parts.stage,
    status: signal.aborted ? 'cancelled' : overallStatus(results),
    startedAt: parts.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - parts.startedAt.getTime(),
    target: { ...parts.target, serverVersion },
    pending: parts.pending.filter(v => !applied.includes(v)),
    applied,
    checks: results,
    ...(signal.aborted
      ? {
          cancelled: {
            check: results.find(r => r.status === 'cancelled')?.id,
            signal: (signal.reason as Error | undefined)?.message?.replace(/^cancelled by /, '')
          }
        }
      : {}),
    run: parts.run
  }
}

/** Writes summary.json, report.md (the full report, never cut) and the log; returns report.md's text and path. */
export function writeEvidence(
  report: Report,
  evidence: EvidenceWriter,
  log: Logger,
  redactor: Redactor
): { markdown: string; reportPath: string } {
  log.info(`${report.stage} ${report.status} in ${report.durationMs} ms`)
  evidence.writeJson('summary.json', report)
  // The full report, never cut: only the PR comment is cut to GitHub's limit (it links here).
  const markdown = redactor.redact(renderReportMarkdown(report, { full: true }))
  const reportPath = evidence.write('report.md', markdown)
  evidence.write(`${report.environment}-migration.log`, log.text())
  return { markdown, reportPath }
}
