/**
 * smoke: the environment's post-deploy smoke scenarios (runbook.yml smoke:) against the deployed
 * application and the target database. A failed request reports the method, the URL without credentials,
 * the status and a body excerpt; header secrets are masked everywhere.
 */
import type { Check, CheckOutcome, StageContext } from '../types.js'
import { lookupVariable } from '../config/flags.js'
import { runScenario, type SmokeScenarioResult } from '../smoke/run.js'

/** details of the smoke check: the contract with report/runbook-sections.ts. */
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

export async function runSmoke(ctx: StageContext): Promise<CheckOutcome> {
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

export const smokeCheck: Check = {
  id: 'smoke',
  title: 'Smoke checks',
  run: runSmoke
}
