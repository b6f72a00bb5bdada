/**
 * smoke: the environment's post-deploy smoke scenarios (runbook.yml smoke:) against the deployed
 * application and the target database. A failed request reports the method, the URL without credentials,
 * the status and a body excerpt; header secrets are masked everywhere.
 */
import type { Check, CheckOutcome, StageContext, Report } from '../types.js'
import { plainCell, resultsThatRan, STATUS_ICON } from '../report/format.js'
import { lookupVariable } from '../config/flags.js'
import { runScenario, type SmokeScenarioResult } from '../smoke/run.js'

/** What the smoke check reports (CheckResult.details). */
declare module '../types.js' {
  interface CheckDetails {
    smoke: SmokeDetails
  }
}

export interface SmokeDetails {
  scenarios: SmokeScenarioResult[]
}

/** One line per failure: where, what was sent, what came back. */
export function describeScenarioFailure(s: SmokeScenarioResult): string[] {
  const lines: string[] = []
  for (const r of s.requests.filter(r => !r.ok)) {
    const x = r.exchange
    const sent = x ? `${x.method} ${x.url}` : r.name
    const got = x?.status !== undefined ? ` → ${x.status}` : ''
    const body = x?.excerpt ? `; body: ${x.excerpt.replace(/\s+/g, ' ').slice(0, 300)}` : ''
    lines.push(`smoke "${s.name}", ${r.name}: ${sent}${got}: ${r.problems.join('; ')}${body}`)
  }
  for (const a of s.assertions.filter(a => !a.ok))
    lines.push(`smoke "${s.name}", SQL assertion "${a.name}": ${a.error}`)
  return lines
}

export async function runSmoke(ctx: StageContext): Promise<CheckOutcome<SmokeDetails>> {
  const scenarios = ctx.env.smoke
  if (scenarios.length === 0)
    return {
      status: 'skip',
      summary: `no smoke scenarios for ${ctx.env.name} in runbook.yml`,
      details: { scenarios: [] } satisfies SmokeDetails
    }
  const variable = (name: string) => lookupVariable(ctx.config.variables, name)?.value
  const results: SmokeScenarioResult[] = []
  for (const scenario of scenarios) {
    if (ctx.signal.aborted) break
    ctx.log.info(`smoke: ${scenario.name}`)
    results.push(
      await runScenario(scenario, {
        client: ctx.client,
        variable,
        redactor: ctx.redactor,
        signal: ctx.signal
      })
    )
  }
  const details: SmokeDetails = { scenarios: results }
  ctx.evidence.writeJson('smoke.json', details)
  const failed = results.filter(r => r.status === 'fail')
  const skipped = results.filter(r => r.status === 'skip')
  const cleanupFailed = results.flatMap(r =>
    r.cleanup
      .filter(c => !c.ok)
      .map(c => `smoke "${r.name}", cleanup "${c.name}" failed: ${c.error}`)
  )
  const reasons = [
    ...failed.flatMap(describeScenarioFailure),
    ...skipped.map(s => `smoke "${s.name}" ${s.reason}`),
    ...cleanupFailed
  ]
  const passed = results.length - failed.length - skipped.length
  const summary =
    `${passed}/${results.length} scenario${results.length === 1 ? '' : 's'} passed` +
    (failed.length ? `; failed: ${failed.map(f => f.reason).join('; ')}` : '') +
    (skipped.length ? `; ${skipped.length} not run` : '')
  return {
    status: failed.length ? 'fail' : skipped.length || cleanupFailed.length ? 'warn' : 'pass',
    summary,
    reasons,
    details: { ...details }
  }
}

export const smokeCheck: Check<'smoke'> = {
  id: 'smoke',
  title: 'Smoke checks',
  run: runSmoke,
  sections: (_result, report) => [{ name: 'smoke checks', priority: 4, text: renderSmoke(report) }]
}

// ---------- the report's section ----------

const MAX_EXCERPT = 400

export function renderSmoke(report: Report): string {
  const results = resultsThatRan(report, 'smoke')
  if (results.length === 0) return ''
  const out = ['### Smoke checks', '']
  for (const r of results) {
    const d = r.details
    if (!Array.isArray(d.scenarios)) continue
    out.push(
      '| | Scenario | Requests | SQL assertions | Cleanup | Time |',
      '|---|---|---|---|---|---|'
    )
    for (const s of d.scenarios) {
      const icon =
        s.status === 'pass'
          ? STATUS_ICON.pass
          : s.status === 'fail'
            ? STATUS_ICON.fail
            : STATUS_ICON.warn
      const count = (items: { ok: boolean }[]) =>
        items.length === 0 ? '—' : `${items.filter(i => i.ok).length}/${items.length} ok`
      out.push(
        `| ${icon} | ${plainCell(s.name)} | ${count(s.requests)} | ${count(s.assertions)} | ${count(s.cleanup)} | ${s.durationMs} ms |`
      )
    }
    for (const s of d.scenarios) {
      if (s.status === 'skip')
        out.push(`- ${plainCell(s.name)}: ${plainCell(s.reason ?? 'not run')}`)
      for (const q of s.requests.filter(q => !q.ok)) {
        const x = q.exchange
        out.push(
          '',
          `**${plainCell(s.name)}: ${plainCell(q.name)}** — ${plainCell(q.problems.join('; '))}`,
          '',
          '```',
          x
            ? `${x.method} ${x.url}\n→ ${x.status ?? x.error ?? ''} (${x.attempts} attempt${x.attempts === 1 ? '' : 's'}, ${x.durationMs} ms)` +
                (x.excerpt ? `\n${x.excerpt.slice(0, MAX_EXCERPT).replace(/```/g, "'''")}` : '')
            : '(not sent)',
          '```'
        )
      }
      for (const a of s.assertions.filter(a => !a.ok))
        out.push(
          `- ${plainCell(s.name)}: SQL assertion "${plainCell(a.name)}" ${plainCell(a.error ?? 'failed')}`
        )
      for (const c of s.cleanup.filter(c => !c.ok))
        out.push(
          `- ${plainCell(s.name)}: cleanup "${plainCell(c.name)}" failed: ${plainCell(c.error ?? '')}`
        )
    }
    out.push('')
  }
  return out.join('\n').trimEnd()
}
