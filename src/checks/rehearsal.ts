/**
 * rehearsal: every pending migration applied on the target inside one transaction that is always rolled back,
 * under the environment's lock budget per migration file (the engine: src/rehearse/engine.ts). Records
 * duration, the locks held at the end and the schema diff the migration would make; names the files a failure
 * left unrehearsed.
 *
 * Shadow mode (default on production): statements that would lock an existing table more than ROW EXCLUSIVE
 * run on shadow copies (src/rehearse/shadow.ts), so writers on the live tables never wait; either way each such
 * statement gets a lock forecast for the full table (src/rehearse/forecast.ts), judged against the budget.
 */
import type { Annotation, Check, RehearsalResult, StageContext } from '../types.js'
import type { Migration, SqlFile } from '../plan/files.js'
import type { CheckResultOf } from '../types.js'
import { code, cell, collapse, formatDuration } from '../report/format.js'
import { renderForecast } from '../report/forecast-section.js'
import { schemaDiffSection } from '../report/schema-diff.js'
import { recordPlanBaselines } from '../perf/plan-baseline.js'
import { rehearsalSettingsOf, type RehearsalSettings } from '../config/rehearsal-settings.js'
import { describeForecast, type LockForecast } from '../rehearse/forecast.js'
import { rehearseFiles, type FileRehearsal } from '../rehearse/engine.js'
import { createsOnlyNewObjects } from '../rehearse/early.js'
import { throwawayGap } from '../embedded/throwaway-gaps.js'

/** What the rehearsal check reports (CheckResult.details); read by the glance, the forecast and schema-diff sections. */
declare module '../types.js' {
  interface CheckDetails {
    rehearsal: RehearsalDetails
  }
}

export interface RehearsalDetails {
  /** One per file reached, in order; the rehearsal stops at the first failure. */
  migrations: FileRehearsal[]
  /** Shadow or live (forecast-section.ts). */
  rehearsalMode: RehearsalSettings['mode']
  /** The lock forecast per statement that locks an existing table more than ROW EXCLUSIVE. */
  forecast: LockForecast[]
  /** Reached by no one: a failure stopped the rehearsal before them. */
  notRehearsed: string[]
  notRehearsedNote?: string
  /** Marked no-transaction: cannot run inside the rolled-back transaction. */
  noTransaction: string[]
}

/** GitHub annotations on the failing statement's file and line. */
function annotate(
  results: RehearsalResult[],
  level: Annotation['level'],
  title: string
): Annotation[] {
  return results
    .filter(r => r.file && r.line)
    .map(r => ({
      level,
      file: r.file as string,
      line: r.line as number,
      title,
      message: r.error ?? title
    }))
}

function rehearsable(m: Migration): boolean {
  return !m.noTransaction
}

/** Per migration: the time it took and the locks it took, applied in a transaction and rolled back. */
export function renderRehearsalSection(check: CheckResultOf<'rehearsal'> | undefined): string {
  const migrations: RehearsalResult[] = check?.details.migrations ?? []
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

export const rehearsalCheck: Check<'rehearsal'> = {
  id: 'rehearsal',
  title: 'Rehearse in a rolled-back transaction',
  async run(ctx: StageContext) {
    const pending = ctx.plan.pending
    if (pending.length === 0) return { status: 'pass', summary: 'nothing pending to rehearse' }
    // validate records the plans of the probes and hot statements before the change (nothing is written).
    if (ctx.config.stage === 'validate') await recordPlanBaselines(ctx)
    const skipped = pending.filter(m => !rehearsable(m)).map(m => m.version)
    const files = pending.filter(rehearsable).map(m => ({ version: m.version, file: m as SqlFile }))
    const settings = rehearsalSettingsOf(ctx.env)
    const forecastFor =
      settings.rowsFrom ?? (settings.forecast ? 'the named row counts' : ctx.env.name)
    // apply snapshots each state for real and schema-diff diffs them: its rehearsal takes no snapshots of its own.
    const schemaDiffs = ctx.config.stage === 'validate'
    let appliedMeanwhile: string[] = []
    const results = await rehearseFiles(ctx.client, files, {
      schemaDiffs,
      lockBudgetMs: ctx.env.lockBudgetMs,
      lockTimeoutMs: ctx.env.lockTimeoutMs,
      log: ctx.log,
      lockRetries: {
        retries: ctx.env.applyRetries,
        backoffMs: ctx.env.retryBackoffMs,
        signal: ctx.signal
      },
      applyLock: {
        waitMs: ctx.env.advisoryLockWaitMs,
        signal: ctx.signal,
        onWait: message => ctx.log.info(`rehearsal: ${message}`),
        onAppliedMeanwhile: versions => {
          appliedMeanwhile = versions
          ctx.log.info(
            `rehearsal: ${versions.join(', ')} applied by the run it waited for: not rehearsed (apply will find ${versions.length === 1 ? 'it' : 'them'} applied)`
          )
        }
      },
      forecast: {
        settings,
        envName: ctx.env.name,
        forecastFor,
        budgetMs: ctx.env.lockBudgetMs,
        forecastBudgetMs:
          (settings.rowsFrom && ctx.policy.environments[settings.rowsFrom]?.lockBudgetMs) ||
          ctx.env.lockBudgetMs,
        copyTimeoutMs: ctx.env.statementTimeoutMs,
        throwaway: ctx.facts.throwaway
      }
    })
    const forecast = results.flatMap(r => r.forecasts ?? [])
    const forecastOver = forecast.filter(f => f.overBudget)
    // Files after a failure are not run: they would run against a state that never existed. Say which.
    const reached = new Set(results.map(r => r.version))
    const notRehearsed = files
      .map(f => f.version)
      .filter(v => !reached.has(v) && !appliedMeanwhile.includes(v))
    const leftOut = notRehearsed.length
      ? `${notRehearsed.length} file(s) not rehearsed: ${notRehearsed.join(', ')}`
      : ''
    const leftOutReason = leftOut
      ? `${leftOut} (the rehearsal stops at the first failure: they would run against a state that never existed)`
      : ''
    if (leftOut) ctx.log.warn(`rehearsal: ${leftOutReason}`)
    const text = [
      ...results.map(r =>
        [
          `# ${r.version}: ${r.error ? (r.unrehearsable ? 'STOPPED (not rehearsed from here)' : 'FAILED') : 'ok'} in ${r.durationMs} ms (${r.lockMs} ms in its statements; lock budget ${ctx.env.lockBudgetMs} ms per file)`,
          r.error ?? '',
          'locks held at the end:',
          ...r.locks.map(l => `  ${l.mode} on ${l.relation}`),
          '',
          schemaDiffs || r.error
            ? r.diffText
            : "(no schema diff in an apply run's rehearsal: db-diff.txt has the applied change)"
        ].join('\n')
      ),
      ...(leftOut ? [`# ${leftOutReason}`] : []),
      ...(forecast.length
        ? [
            `# lock forecast (${settings.mode} rehearsal)\n${forecast.map(describeForecast).join('\n')}`
          ]
        : [])
    ].join('\n\n')
    ctx.evidence.write('rehearsal.txt', text)
    const details: RehearsalDetails = {
      migrations: results,
      // Shadow or live, and the lock forecast per statement that locks an existing table (forecast-section.ts).
      rehearsalMode: settings.mode,
      forecast,
      // Reached by no one: a failure stopped the rehearsal before them.
      notRehearsed,
      ...(leftOutReason ? { notRehearsedNote: leftOutReason } : {}),
      // Marked no-transaction: cannot run inside the rolled-back transaction.
      noTransaction: skipped
    }
    const failed = results.filter(r => r.error)
    const overBudget = failed.filter(r => r.overBudget)
    const hardFailures = failed.filter(r => !r.overBudget && !r.unrehearsable)
    const stopped = failed.filter(r => r.unrehearsable)
    const withLeftOut = (summary: string) => (leftOut ? `${summary}; ${leftOut}` : summary)
    if (hardFailures.length > 0) {
      const throwaway = ctx.facts.throwaway
      return {
        status: 'fail',
        // A statement cancelled by the run's own SIGINT is not the migration's failure.
        summary: withLeftOut(
          ctx.signal.aborted
            ? 'cancelled before the rehearsal finished'
            : hardFailures.every(r => r.lockTimeout)
              ? `another session's lock blocked a pending migration (lock_timeout ${ctx.env.lockTimeoutMs} ms, ${ctx.env.applyRetries + 1} attempt(s)); nothing was refused by the database`
              : 'a pending migration fails on this database'
        ),
        reasons: [
          ...hardFailures.map(r => {
            const gap = throwaway ? throwawayGap(r.error ?? '') : undefined
            return gap ? `${r.error}. ${gap[0].toUpperCase()}${gap.slice(1)}` : (r.error as string)
          }),
          ...(leftOutReason ? [leftOutReason] : [])
        ],
        details,
        annotations: annotate(hardFailures, 'error', 'rehearsal failed')
      }
    }
    if (overBudget.length > 0 || forecastOver.length > 0) {
      const mode = ctx.env.rehearsalOverBudget
      const reasons = [
        ...overBudget.map(r => r.error as string),
        ...forecastOver.map(f => `lock forecast: ${describeForecast(f)}`),
        ...(leftOutReason ? [leftOutReason] : [])
      ]
      if (mode === 'fail' || mode === 'warn') {
        const level = mode === 'fail' ? 'error' : 'warning'
        return {
          status: mode,
          summary: withLeftOut(
            overBudget.length > 0
              ? 'over the lock budget'
              : 'the lock forecast is over the lock budget'
          ),
          reasons,
          details,
          annotations: annotate(overBudget, level, 'over the lock budget')
        }
      }
    }
    if (stopped.length > 0) {
      return {
        status: 'warn',
        summary: withLeftOut(
          'the shadow rehearsal stopped before a DO block that locks a live table'
        ),
        reasons: [
          ...stopped.map(r => r.error as string),
          ...(leftOutReason ? [leftOutReason] : [])
        ],
        details,
        annotations: annotate(stopped, 'warning', 'not rehearsed: DO block locks a live table')
      }
    }
    const total = results.reduce((n, r) => n + r.durationMs, 0)
    const shadowed = forecast.filter(f => f.rehearsedOn === 'shadow').length
    const note =
      (skipped.length ? `; not rehearsable (no-transaction): ${skipped.join(', ')}` : '') +
      (appliedMeanwhile.length
        ? `; ${appliedMeanwhile.join(', ')} applied by another run meanwhile, not rehearsed`
        : '')
    return {
      status: 'pass',
      summary: withLeftOut(
        `${results.length} migration(s) rehearsed in ${total} ms, rolled back${note}${shadowed ? `; ${shadowed} locking statement(s) rehearsed on shadow copies` : ''}`
      ),
      details
    }
  },
  // Nothing the gates before it guard (tables in use) can be reached: it runs alongside them (rehearse/early.ts).
  startEarly: async ctx =>
    (await createsOnlyNewObjects(ctx.client, ctx.plan.pending))
      ? 'the pending migrations only create new objects and change those'
      : undefined,
  sections: (result, report) => [
    { name: 'rehearsal', priority: 6, text: renderRehearsalSection(result) },
    { name: 'lock forecast', priority: 4, text: renderForecast(report) },
    // validate has no schema-diff check: the rehearsal's diffs are the run's diff.
    ...(report.checks.some(c => c.id === 'schema-diff') ? [] : [schemaDiffSection(report)])
  ]
}
