/**
 * The `lint` check: every pending migration, rollback and verify script through the real Postgres parser and
 * the rules of src/lint/, plus a scan of the other files under the migrations folder for pasted passwords.
 * Applied migrations (history) are never linted.
 */
import type { Check, CheckOutcome, CheckResultOf, LintFinding, StatementLock } from '../types.js'
import { code, cell, collapse } from '../report/format.js'
import { loadParser } from '../sql/parser.js'
import { readLintCatalog } from '../lint/catalog.js'
import { lintedSql, lintMigrations, summarizeLint, type LintSetResult } from '../lint/migrations.js'
import { functionNamesIn } from '../lint/volatility.js'
import { scanOtherFiles } from '../lint/other-files.js'
import { lockedRelation } from '../lint/locks.js'

/** What the lint check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    lint: LintDetails
  }
}

export interface LintDetails {
  /** Every finding, suppressed ones included (with their reason). */
  findings: LintFinding[]
  /** The lock each statement takes, for the rehearsal and the report. */
  locks: StatementLock[]
  files: number
  statements: number
}

/** The outcome of a lint run: fail on any active error, warn on any active warning. */
export function lintOutcome(result: LintSetResult): CheckOutcome<LintDetails> {
  const { status, summary, reasons, annotations } = summarizeLint(result)
  return {
    status,
    summary,
    reasons,
    details: {
      findings: result.findings,
      locks: result.locks,
      files: result.files,
      statements: result.statements
    },
    annotations
  }
}

const MAX_LINT_ROWS = 50

/** The lint findings table, collapsed; suppressed findings listed under it. */
export function renderLintSection(check: CheckResultOf<'lint'> | undefined): string {
  const findings = check?.details.findings ?? []
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

/** Tables a lock line names that the statements do not (the plan's touched tables are what they name). */
function unnamedLockedTables(locks: readonly StatementLock[], named: readonly string[]): string[] {
  const out = new Set<string>()
  for (const l of locks) {
    const { name, isIndex } = lockedRelation(l)
    if (l.lock !== 'none' && !isIndex && !named.includes(name)) out.add(name)
  }
  return [...out].sort()
}

export const lintCheck: Check<'lint'> = {
  id: 'lint',
  title: 'Lint pending migrations',
  concurrent: true,
  run: async ctx => {
    await loadParser()
    // Only the functions the files call: the whole of pg_proc is a 30 ms read.
    const catalog = await readLintCatalog(ctx.client, functionNamesIn(lintedSql(ctx.plan.pending)))
    for (const w of catalog.warnings) ctx.log.warn(`lint: ${w}`)
    const result = lintMigrations(ctx.plan.pending, catalog)
    result.findings.push(
      ...scanOtherFiles(ctx.facts.root, ctx.plan.migrationsDir, ctx.plan.migrations)
    )
    for (const f of result.findings) {
      const line = `lint ${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule}: ${f.message}`
      if (f.suppressed !== undefined) ctx.log.info(`${line} (suppressed: ${f.suppressed})`)
      else if (f.severity === 'error') ctx.log.error(line)
      else if (f.severity === 'warning') ctx.log.warn(line)
      else ctx.log.info(line)
    }
    for (const l of result.locks)
      ctx.log.info(`lock ${l.file}:${l.line} ${l.lock} on ${l.table}: ${l.statement}`)
    ctx.shared.lockedUnnamed = unnamedLockedTables(result.locks, ctx.plan.touchedTables)
    return lintOutcome(result)
  },
  sections: result => [{ name: 'lint findings', priority: 5, text: renderLintSection(result) }]
}
