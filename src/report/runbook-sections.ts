/**
 * The comment's sections for the runbook's flags and smoke checks (issue 13): what the job ran with and what
 * the post-deploy smoke test saw. Each returns '' when its check did not run.
 */
import type { CheckResult, CheckStatus, Report } from '../types.js'
import type { FlagsDetails } from '../checks/flags.js'
import type { SmokeDetails } from '../checks/smoke.js'

const ICON: Record<CheckStatus, string> = {
  pass: '✅',
  warn: '⚠️',
  fail: '❌',
  skip: '⏭️',
  cancelled: '🛑'
}
const MAX_VENUES = 20
const MAX_EXCERPT = 400

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')
}

function ran(report: Report, id: CheckResult['id']): CheckResult[] {
  return report.checks.filter(c => c.id === id && c.status !== 'skip')
}

const PHASE: Record<FlagsDetails['phase'], string> = {
  'before-apply': 'before apply',
  'after-apply': 'after apply',
  check: ''
}

export function renderFlags(report: Report): string {
  const results = ran(report, 'flags')
  if (results.length === 0) return ''
  const out = ['### Feature flags', '']
  for (const r of results) {
    const d = r.details as unknown as FlagsDetails
    if (!Array.isArray(d.flags)) continue
    if (PHASE[d.phase]) out.push(`**${PHASE[d.phase]}**`, '')
    out.push(
      '| | Flag | Value | From | Expected here | Venue overrides |',
      '|---|---|---|---|---|---|'
    )
    for (const f of d.flags) {
      const o = f.overrides
      const overrides = !o
        ? '—'
        : o.error
          ? `query failed: ${o.error}`
          : o.total === 0
            ? 'none'
            : Object.entries(o.byValue)
                .map(([v, n]) => `${v}: ${n}`)
                .join(', ')
      out.push(
        `| ${ICON[f.status]} | \`${f.name}\` | ${f.value === null ? '(unset)' : `\`${cell(f.value)}\``} | ${f.source === 'env-file' ? cell(f.envFile ?? 'env file') : f.source} | ${f.expected ? `\`${cell(f.expected)}\`` : 'any allowed'} | ${cell(overrides)} |`
      )
    }
    for (const f of d.flags) {
      for (const p of f.problems) out.push(`- ${cell(p)}`)
      const differing = f.overrides?.differing ?? []
      if (differing.length > 0)
        out.push(
          `- \`${f.name}\`: venues that differ from the default \`${f.default ?? '(none)'}\`: ` +
            differing
              .slice(0, MAX_VENUES)
              .map(v => `${cell(v.venue)} → \`${cell(v.value)}\``)
              .join(', ') +
            ((f.overrides?.total ?? 0) > MAX_VENUES ? ' (more in flags.json)' : '')
        )
    }
    out.push('')
  }
  return out.join('\n').trimEnd()
}

export function renderSmoke(report: Report): string {
  const results = ran(report, 'smoke')
  if (results.length === 0) return ''
  const out = ['### Smoke checks', '']
  for (const r of results) {
    const d = r.details as unknown as SmokeDetails
    if (!Array.isArray(d.scenarios)) continue
    out.push(
      '| | Scenario | Requests | SQL assertions | Cleanup | Time |',
      '|---|---|---|---|---|---|'
    )
    for (const s of d.scenarios) {
      const icon = s.status === 'pass' ? ICON.pass : s.status === 'fail' ? ICON.fail : ICON.warn
      const count = (items: { ok: boolean }[]) =>
        items.length === 0 ? '—' : `${items.filter(i => i.ok).length}/${items.length} ok`
      out.push(
        `| ${icon} | ${cell(s.name)} | ${count(s.requests)} | ${count(s.assertions)} | ${count(s.cleanup)} | ${s.durationMs} ms |`
      )
    }
    for (const s of d.scenarios) {
      if (s.status === 'skip') out.push(`- ${cell(s.name)}: ${cell(s.reason ?? 'not run')}`)
      for (const q of s.requests.filter(q => !q.ok)) {
        const x = q.exchange
        out.push(
          '',
          `**${cell(s.name)}: ${cell(q.name)}** — ${cell(q.problems.join('; '))}`,
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
        out.push(`- ${cell(s.name)}: SQL assertion "${cell(a.name)}" ${cell(a.error ?? 'failed')}`)
      for (const c of s.cleanup.filter(c => !c.ok))
        out.push(`- ${cell(s.name)}: cleanup "${cell(c.name)}" failed: ${cell(c.error ?? '')}`)
    }
    out.push('')
  }
  return out.join('\n').trimEnd()
}
